// Who has signed and who has not, party by party, with each party's enrolled key
// fingerprint (for reading aloud across the table), and the signatures an unlock voided.
import { zoneOf } from '../../../shared/record/time-zone';
import { pick, useT } from '../../i18n/i18n';
import type { RecordDetails } from '../../connection/lifecycle-api';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { useWorkspace } from '../workspace/workspace-context';
import { formatInstant } from './instant';

export function SignaturesTable({ details }: { details: RecordDetails }) {
  const { t, language } = useT();
  const { meeting, columns, partyColor } = useWorkspace();
  const live = details.signatures.filter((s) => !s.voided);
  const voided = details.signatures.filter((s) => s.voided);
  const headOf = (party: string) =>
    details.record?.participants.find((p) => p.party === party && p.role === 'head') ??
    meeting.participants.find((p) => p.party === party && p.role === 'head');
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;

  return (
    <section className="signatures" aria-label={t('lifecycle.signatures')}>
      <h3>{t('lifecycle.signatures')}</h3>
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">{t('invitations.party')}</th>
            <th scope="col">{t('role.head')}</th>
            <th scope="col">{t('lifecycle.signature')}</th>
            <th scope="col">{t('lifecycle.enrolledKey')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.parties.map((party) => {
            const signed = live.find((s) => s.party === party.code);
            const head = headOf(party.code);
            const key = details.keys.find((k) => k.party === party.code);
            return (
              <tr key={party.code} data-party={party.code} data-signed={signed ? 'true' : 'false'}>
                <td data-label={t('invitations.party')} style={{ borderLeft: `4px solid ${partyColor(party.code)}` }}>
                  {partyName(party.code)}
                </td>
                <td data-label={t('role.head')}>
                  {head?.name}
                  {head?.title && <span className="sub">{head.title}</span>}
                </td>
                <td data-label={t('lifecycle.signature')} className={signed ? 'signed' : 'unsigned'}>
                  {signed
                    ? t('lifecycle.signedOn', { name: signed.signerName, time: formatInstant(signed.signedAt, language, zoneOf(meeting.facts)) })
                    : details.state === 'draft'
                      ? t('lifecycle.notYetLocked')
                      : t('lifecycle.notYetSigned')}
                </td>
                <td data-label={t('lifecycle.enrolledKey')}>
                  {key ? (
                    <code className="fingerprint" data-fingerprint={key.display}>
                      {key.display}
                    </code>
                  ) : (
                    <span className="sub">{t('lifecycle.noKeyEnrolled')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {voided.length > 0 && (
        <div className="voided" role="note">
          <h4>{t('lifecycle.voidedTitle')}</h4>
          <ul>
            {voided.map((s) => (
              <li key={`${s.party}/${s.signedAt}`} data-party={s.party} data-voided="true">
                <s>
                  {t('lifecycle.signedOn', {
                    name: `${partyName(s.party)}: ${s.signerName}`,
                    time: formatInstant(s.signedAt, language, zoneOf(meeting.facts)),
                  })}
                </s>{' '}
                <span>{t('lifecycle.voidedOn', { time: s.voidedAt ? formatInstant(s.voidedAt, language, zoneOf(meeting.facts)) : '' })}</span>{' '}
                <span className="sub">{t('lifecycle.voidedRecord', { fingerprint: displayFingerprint(s.recordHash) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
