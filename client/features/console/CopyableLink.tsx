// A link made to be sent (an invitation, a setup link): shown whole, selected on focus, and
// copied with one button; says when it is copied.
import { useId, useState } from 'react';
import { Copy } from 'lucide-react';
import { useT } from '../../i18n/i18n';

export function CopyableLink({ label, link }: { label: string; link: string }) {
  const { t } = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusal): the link is there to select by hand.
      document.getElementById(id)?.focus();
    }
  };
  return (
    <div className="copyable">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>
          <Copy size={14} aria-hidden="true" /> {copied ? t('refusal.copied') : t('refusal.copy')}
        </button>
      </div>
    </div>
  );
}
