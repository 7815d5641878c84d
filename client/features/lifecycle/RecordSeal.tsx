// Always in view once the record is locked: its fingerprint, and party by party whether
// it has signed; after an unlock, that signatures were voided. Read from the live status
// the socket pushes, and from the record's details for the voided ones.
import { zoneOf } from '../../../shared/record/time-zone';
import { CircleCheck, Circle, Ban } from 'lucide-react';
import { useStore } from '../../app/store';
import { setQuery } from '../../app/router';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { pick, useT } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';
import { formatInstant } from './instant';
import { useRecordDetails } from './use-lifecycle';

export function RecordSeal() {
  const { t, language } = useT();
  const { connection, meeting, columns, partyColor, you } = useWorkspace();
  const status = useStore(connection.state).record;
  const { details } = useRecordDetails();
  const mayOpen = you?.role === 'secretariat' || you?.role === 'head';
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;

  if (status && status.state !== 'draft' && status.recordHash) {
    return (
      <p className="record-seal" data-fingerprint={displayFingerprint(status.recordHash)}>
        <span>{t('lifecycle.fingerprint')}</span>
        <code>{displayFingerprint(status.recordHash)}</code>
        {meeting.parties.map((party) => {
          const signed = status.signatures.find((s) => s.party === party.code);
          const label = signed
            ? t('lifecycle.signedOn', {
                name: `${partyName(party.code)}: ${signed.signerName}`,
                time: formatInstant(signed.signedAt, language, zoneOf(meeting.facts)),
              })
            : t('lifecycle.partyNotSigned', { party: partyName(party.code) });
          return (
            <span
              key={party.code}
              className={`seal-party ${signed ? 'signed' : 'unsigned'}`}
              data-party={party.code}
              data-signed={signed ? 'true' : 'false'}
              title={label}
              style={{ color: partyColor(party.code) }}
            >
              {signed ? <CircleCheck size={14} aria-hidden="true" /> : <Circle size={14} aria-hidden="true" />}
              {party.code}
              <span className="sr-only">{label}</span>
            </span>
          );
        })}
      </p>
    );
  }
  const voided = details && details.state === 'draft' && details.documentId === status?.documentId ? details.signatures.filter((s) => s.voided) : [];
  if (voided.length === 0) return null;
  return (
    <p className="record-seal voided-notice" data-voided={voided.length}>
      <Ban size={14} aria-hidden="true" />
      {t('lifecycle.voidedNotice', { signers: voided.map((s) => `${s.signerName} (${partyName(s.party)})`).join(', ') })}
      {mayOpen && (
        <button type="button" className="link" onClick={() => setQuery({ view: 'signing' })}>
          {t('lifecycle.seeSignatures')}
        </button>
      )}
    </p>
  );
}
