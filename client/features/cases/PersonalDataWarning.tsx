// The warning shown as someone types, under a minutes cell or a case field, when the text
// looks like a victim's name, an identity or phone number or a date of birth. The detector
// is the one the lock runs on the server (shared/record/personal-data.ts).
import { ShieldAlert } from 'lucide-react';
import { findPersonalData, type FindingKind } from '../../../shared/record/personal-data';
import { useT } from '../../i18n/i18n';

export const selectorOf = (kind: FindingKind) => (kind === 'id-number' ? 'document' : kind === 'birth-date' ? 'birth' : kind);

export function PersonalDataWarning({ text, participantNames }: { text: string; participantNames: string[] }) {
  const { t } = useT();
  const findings = findPersonalData(text, participantNames);
  if (findings.length === 0) return null;
  return (
    <ul className="personal-data-warning" role="status">
      {findings.map((f) => (
        <li key={`${f.start}-${f.kind}`} data-kind={f.kind}>
          <ShieldAlert size={14} aria-hidden="true" /> {t('privacy.warning', { kind: selectorOf(f.kind), text: f.text })}
        </li>
      ))}
    </ul>
  );
}
