// The head of delegation reviews the locked record exactly as it will be exported, then
// signs it for their party: the browser makes the statement, signs it with the key kept
// here, and sends it. Every refusal is said in words; nothing is signed behind the head's back.
import { zoneOf } from '../../../shared/record/time-zone';
import { useState } from 'react';
import { PenLine } from 'lucide-react';
import { pick, useT } from '../../i18n/i18n';
import type { RecordDetails } from '../../connection/lifecycle-api';
import { explainRefusal, type Explained } from '../lifecycle/refusals';
import { RecordDocument } from '../lifecycle/RecordDocument';
import { formatInstant } from '../lifecycle/instant';
import { recordDetailsFor } from '../lifecycle/record-details';
import { useSigningKey } from '../lifecycle/use-lifecycle';
import { orderColumns, useWorkspace } from '../workspace/workspace-context';
import { keySituation } from './key-situation';
import { signReviewedRecord } from './sign-record';

export function SigningReview({ details }: { details: RecordDetails }) {
  const { t, language } = useT();
  const { meeting, you, columns } = useWorkspace();
  const signing = useSigningKey();
  const [reviewed, setReviewed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Explained | null>(null);
  if (!you || !signing || !details.record || !details.recordHash) return null;

  const party = meeting.parties.find((p) => p.code === you.party);
  const partyName = pick(party?.name, language, columns) || you.party;
  const head = details.record.participants.find((p) => p.party === you.party && p.role === 'head');
  const ownSignature = details.signatures.find((s) => s.party === you.party && !s.voided);
  // As in this party's own original: its language in the first column.
  const recordColumns = orderColumns(details.record.meeting.languages, party?.language);
  const enrolled = details.keys.find((k) => k.party === you.party)?.fingerprint ?? null;
  const keyReady = keySituation(signing.state.here?.fingerprint ?? null, enrolled, details.state).kind === 'ready';
  const recordHash = details.recordHash;

  const sign = async () => {
    const here = signing.state.here;
    if (!here) return;
    setBusy(true);
    setProblem(null);
    try {
      await signReviewedRecord(meeting.id, you.party, recordHash, here.keys.privateKey);
      setReviewed(false);
    } catch (err) {
      setProblem(explainRefusal('sign', err));
    } finally {
      setBusy(false);
      await recordDetailsFor(meeting.id).refresh();
    }
  };

  return (
    <section className="signing-review" data-signed={ownSignature ? 'true' : 'false'} aria-label={t('sign.title')}>
      <h3>{ownSignature ? t('sign.doneTitle', { party: partyName }) : t('sign.title')}</h3>
      {ownSignature ? (
        <p className="done" role="status">
          {t('sign.done', { party: partyName, time: formatInstant(ownSignature.signedAt, language, zoneOf(meeting.facts)) })}
        </p>
      ) : (
        <p>{t('sign.explain')}</p>
      )}
      <p className="record-fingerprint big">
        {t('lifecycle.fingerprint')} <code data-fingerprint={details.fingerprint ?? ''}>{details.fingerprint}</code>
      </p>
      <div className="review-frame">
        <RecordDocument record={details.record} columns={recordColumns} fingerprint={details.fingerprint} />
      </div>
      {!ownSignature && (
        <div className="statement" aria-label={t('sign.statement')}>
          <h4>{t('sign.statement')}</h4>
          <dl>
            <dt>{t('invitations.party')}</dt>
            <dd>{partyName}</dd>
            <dt>{t('sign.signer')}</dt>
            <dd>
              {head?.name}
              {head?.title && `, ${head.title}`}
            </dd>
            <dt>{t('sign.version')}</dt>
            <dd>{details.version}</dd>
            <dt>{t('lifecycle.fingerprint')}</dt>
            <dd>
              <code>{details.fingerprint}</code>
            </dd>
          </dl>
          <label className="confirm">
            <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
            <span>{t('sign.confirm', { fingerprint: details.fingerprint ?? '' })}</span>
          </label>
          {!keyReady && <p className="warning">{t('sign.keyNotReady')}</p>}
          <button type="button" className="primary sign" disabled={!reviewed || !keyReady || busy} onClick={sign}>
            <PenLine size={16} /> {t('sign.button', { party: partyName })}
          </button>
          {problem && (
            <p className="error" role="alert">
              {t(problem.key, problem.params)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
