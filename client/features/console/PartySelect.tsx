// A party chosen by its name in the reader's language: those given (a meeting's parties),
// or those of the region, and another by its code when it is none of them.
import { useId, useState } from 'react';
import { KNOWN_PARTIES, partyName } from '../../../shared/parties';
import type { LocalizedText } from '../../../shared/record/schema';
import { useT } from '../../i18n/i18n';

export function PartySelect({
  label,
  value,
  onChange,
  parties = KNOWN_PARTIES,
  allowOther = true,
}: {
  label: string;
  value: string;
  onChange(code: string): void;
  parties?: readonly { code: string; name: LocalizedText }[];
  allowOther?: boolean;
}) {
  const { t, language } = useT();
  const id = useId();
  const listed = parties.some((p) => p.code === value);
  const [other, setOther] = useState(!listed && value !== '');
  return (
    <div className="party-select">
      <label htmlFor={`${id}-party`}>{label}</label>
      <select
        id={`${id}-party`}
        value={other ? '' : value}
        onChange={(e) => {
          setOther(e.target.value === '');
          onChange(e.target.value);
        }}
      >
        {parties.map((p) => (
          <option key={p.code} value={p.code}>
            {partyName(p.code, language, p.name)}
          </option>
        ))}
        {allowOther && <option value="">{t('console.facts.otherParty')}</option>}
      </select>
      {other && (
        <>
          <label>
            {t('console.facts.partyCode')}
            <input value={value} size={8} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value.toUpperCase())} />
          </label>
          <span id={`${id}-hint`} className="hint">
            {t('console.facts.partyCodeHint')}
          </span>
        </>
      )}
    </div>
  );
}
