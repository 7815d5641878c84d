// What a verification found: valid or not, the record and its fingerprint, each party's
// signer and key fingerprint, and, when not valid, every reason, in the reader's words.
import { ShieldCheck, ShieldX } from 'lucide-react';
import type { CanonicalRecord } from '../../../shared/record/canonical';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import type { Verdict } from '../../../shared/signing/verdict';
import { pick, useT } from '../../i18n/i18n';
import { formatInstant } from '../lifecycle/instant';
import { RecordDocument } from '../lifecycle/RecordDocument';
import { reasonMessage } from './reason-message';
import { SafeDraw } from './SafeDraw';

interface Props {
  fileName: string;
  from: 'json' | 'pdf' | 'docx';
  verdict: Verdict;
  bundle: unknown;
  /** The record hash the QR code of a printed original names, if the page was opened from one. */
  expectedHash: string | null;
}

export function VerdictView({ fileName, from, verdict, bundle, expectedHash }: Props) {
  const { t, language } = useT();
  const record = recordIn(bundle);
  const order = record?.meeting.languages ?? [];
  const partyName = (code: string) => pick(record?.parties.find((p) => p.code === code)?.name, language, order) || code;
  const fingerprint = verdict.recordHash ? displayFingerprint(verdict.recordHash) : null;
  const columns = record ? [...(order.includes(language) ? [language] : []), ...order.filter((l) => l !== language)] : [];

  return (
    <section className={`verdict ${verdict.valid ? 'valid' : 'invalid'}`} data-valid={verdict.valid ? 'true' : 'false'}>
      <p className="verdict-banner" role="status">
        {verdict.valid ? <ShieldCheck size={28} /> : <ShieldX size={28} />}
        <span>{verdict.valid ? t(verdict.pages === 'identical' ? 'verify.validOriginal' : 'verify.valid') : t('verify.invalid')}</span>
      </p>
      <p className="sub">{t(from === 'pdf' ? 'verify.fromPdf' : from === 'docx' ? 'verify.fromDocx' : 'verify.fromJson', { file: fileName })}</p>
      {record && (
        <p>
          {record.meeting.code} · {pick(record.meeting.series, language, order)} · {t('header.version', { version: record.version })}
        </p>
      )}
      {fingerprint && (
        <p className="record-fingerprint big">
          {t('lifecycle.fingerprint')} <code data-fingerprint={fingerprint}>{fingerprint}</code>
        </p>
      )}
      {expectedHash && verdict.recordHash && (
        <p className={verdict.recordHash === expectedHash ? 'done' : 'warning'} data-matches={verdict.recordHash === expectedHash ? 'true' : 'false'}>
          {t(verdict.recordHash === expectedHash ? 'verify.matchesExpected' : 'verify.differsFromExpected')}
        </p>
      )}
      {verdict.reasons.length > 0 && (
        <ul className="reasons" aria-label={t('verify.reasons')}>
          {verdict.reasons.map((reason, i) => {
            const message = reasonMessage(reason, partyName, (key) => t(key));
            return (
              <li key={i} data-code={reason.code}>
                {t(message.key, message.params)}
              </li>
            );
          })}
        </ul>
      )}
      {verdict.parties.length > 0 && (
        <table className="verdict-parties">
          <thead>
            <tr>
              <th scope="col">{t('invitations.party')}</th>
              <th scope="col">{t('lifecycle.signature')}</th>
              <th scope="col">{t('verify.keyFingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {verdict.parties.map((p) => (
              <tr key={p.party} data-party={p.party} data-signed={p.signed ? 'true' : 'false'}>
                <td>{partyName(p.party)}</td>
                <td>
                  {p.signed && p.signerName && p.signedAt
                    ? t('verify.signedBy', {
                        name: p.signerName,
                        title: p.signerTitle ?? '',
                        time: formatInstant(p.signedAt, language, record?.meeting.timeZone ?? 'UTC'),
                      })
                    : t('verify.notValidlySigned')}
                </td>
                <td>{p.keyFingerprint ? <code className="fingerprint">{displayFingerprint(p.keyFingerprint)}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict.valid && <p className="sub">{t('verify.compareKeys')}</p>}
      {record && (
        <details className="locked-record">
          <summary>{t('verify.readRecord')}</summary>
          <div className="review-frame">
            <SafeDraw fallback={<p className="error">{t('verify.cannotDraw')}</p>}>
              <RecordDocument record={record} columns={columns} fingerprint={fingerprint} />
            </SafeDraw>
          </div>
        </details>
      )}
    </section>
  );
}

/** The record in the file, if it has the shape to be drawn (a malformed one is not drawn). */
function recordIn(bundle: unknown): CanonicalRecord | null {
  const record = (bundle as { record?: Partial<CanonicalRecord> } | null)?.record;
  if (!record || typeof record !== 'object') return null;
  const m = record.meeting;
  const ok =
    m &&
    typeof m.code === 'string' &&
    Array.isArray(m.languages) &&
    typeof m.series === 'object' &&
    typeof m.venue === 'object' &&
    typeof m.startDate === 'string' &&
    typeof m.endDate === 'string' &&
    Array.isArray(record.parties) &&
    Array.isArray(record.participants) &&
    Array.isArray(record.agenda) &&
    Array.isArray(record.actionPoints);
  return ok ? (record as CanonicalRecord) : null;
}
