// Per party: has it agreed this segment or action point, as the text stands now? A mark
// lapses by itself when the words change (shared/record/agreement). A head of delegation
// marks or withdraws agreement for their own party; the server alone writes the mark.
import { useState } from 'react';
import { Check, Circle } from 'lucide-react';
import type { AgreementTarget } from '../../../shared/record/agreement';
import { api } from '../../connection/api';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { agreement, meta, parties } from '../../../shared/record/schema';
import { useWorkspace } from '../workspace/workspace-context';
import { agreementError } from './agreement-error';
import { agreementState } from './agreement-state';

// The same elements every time: React skips them when a row is redrawn.
const AGREED_ICON = <Check size={14} aria-hidden="true" />;
const OPEN_ICON = <Circle size={12} aria-hidden="true" />;

export function AgreementControls({ target }: { target: AgreementTarget }) {
  const { t, language } = useT();
  const { connection, meeting, you, recordState, partyColor, columns } = useWorkspace();
  // Redrawn when this target's text, the marks, the parties or the languages change; not at
  // every keystroke anywhere in the record (a row per segment did that, every frame). The
  // text's digest is read after the keystroke's frame is painted, not before it.
  const doc = connection.doc;
  useYVersion(target.kind === 'segment' ? target.segment : target.point, { afterPaint: true });
  useYVersion(agreement(doc), { deep: false });
  useYVersion(parties(doc), { deep: false });
  useYVersion(meta(doc));
  const state = agreementState(connection.doc, target, you, recordState);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;

  const mark = async (agreed: boolean) => {
    setPending(true);
    setError(null);
    try {
      await api.markAgreement(meeting.id, target.id, agreed);
    } catch (err) {
      setError(agreementError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="agreement" data-target-id={target.id}>
      <ul aria-label={t('agreement.column')}>
        {state.parties.map(({ code, agreed }) => (
          <li
            key={code}
            data-party={code}
            data-agreed={agreed ? 'true' : 'false'}
            className={agreed ? 'agreed' : 'open'}
            style={{ color: partyColor(code) }}
            title={t(agreed ? 'agreement.agreedBy' : 'agreement.notAgreedBy', { party: partyName(code) })}
          >
            {agreed ? AGREED_ICON : OPEN_ICON}
            <span>{code}</span>
            <span className="sr-only">{t(agreed ? 'agreement.agreed' : 'agreement.notAgreed')}</span>
          </li>
        ))}
      </ul>
      {state.openBrackets > 0 && (
        <p className="bracket-count" data-brackets={state.openBrackets}>
          {t('agreement.brackets', { count: state.openBrackets })}
        </p>
      )}
      {state.action && you && (
        <button type="button" className={state.action} disabled={pending} onClick={() => mark(state.action === 'agree')}>
          {state.action === 'withdraw' ? t('agreement.withdraw') : t('agreement.agree', { party: partyName(you.party) })}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
