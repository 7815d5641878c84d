// The secretariat's steps: lock a draft (a refusal lists what blocks it), unlock a locked
// record (saying which signatures that voids), amend a signed one (a new version). A reason
// typed here stays in its field whatever the server answers.
import { useState } from 'react';
import { Lock, LockOpen, FilePlus2 } from 'lucide-react';
import { pick, useT } from '../../i18n/i18n';
import { LifecycleFailure, lifecycleApi, type RecordDetails } from '../../connection/lifecycle-api';
import { useWorkspace } from '../workspace/workspace-context';
import { BlockerList } from './BlockerList';
import { explainRefusal, type Explained, type LifecycleStep } from './refusals';
import { recordDetailsFor } from './record-details';

export function LockControls({ details }: { details: RecordDetails }) {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ explained: Explained; failure: unknown } | null>(null);
  const [done, setDone] = useState<Explained | null>(null);

  const run = async (step: LifecycleStep, act: () => Promise<Explained>) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      setDone(await act());
      await recordDetailsFor(meeting.id).refresh();
    } catch (err) {
      setProblem({ explained: explainRefusal(step, err), failure: err });
    } finally {
      setBusy(false);
    }
  };

  const props = { details, busy, run };
  return (
    <section className="lock-controls" aria-label={t('lifecycle.secretariatSteps')}>
      {details.state === 'draft' && <LockStep {...props} />}
      {details.state === 'locked' && <UnlockStep {...props} />}
      {details.state === 'signed' && <AmendStep {...props} />}
      <Outcome problem={problem} done={done} />
    </section>
  );
}

type StepProps = { details: RecordDetails; busy: boolean; run: (step: LifecycleStep, act: () => Promise<Explained>) => Promise<void> };

function LockStep({ busy, run }: StepProps) {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const lock = () => run('lock', async () => (await lifecycleApi.lock(meeting.id), { key: 'lifecycle.lockedNow' }));
  return (
    <div className="step">
      <p>{t('lifecycle.lockExplain')}</p>
      <button type="button" className="primary lock" disabled={busy} onClick={lock}>
        <Lock size={16} /> {t('lifecycle.lock')}
      </button>
    </div>
  );
}

function UnlockStep({ details, busy, run }: StepProps) {
  const { t, language } = useT();
  const { meeting, columns } = useWorkspace();
  const [reason, setReason] = useState('');
  const given = details.signatures.filter((s) => !s.voided);
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;
  const unlock = () =>
    run('unlock', async () => {
      const answer = await lifecycleApi.unlock(meeting.id, reason.trim() || undefined);
      return { key: 'lifecycle.unlockedNow', params: { count: answer.voidedSignatures.length } };
    });
  return (
    <div className="step">
      <p>{t('lifecycle.unlockExplain')}</p>
      {given.length > 0 && (
        <p className="warning" role="note" data-voids={given.map((s) => s.party).join(' ')}>
          {t('lifecycle.unlockVoids', { signers: given.map((s) => `${s.signerName} (${partyName(s.party)})`).join(', ') })}
        </p>
      )}
      <label className="reason">
        <span>{t('lifecycle.reason')}</span>
        <textarea value={reason} rows={2} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="unlock" disabled={busy} onClick={unlock}>
        <LockOpen size={16} /> {given.length > 0 ? t('lifecycle.unlockAndVoid', { count: given.length }) : t('lifecycle.unlock')}
      </button>
    </div>
  );
}

function AmendStep({ details, busy, run }: StepProps) {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const [reason, setReason] = useState('');
  const amend = () =>
    run('amend', async () => {
      const answer = await lifecycleApi.amend(meeting.id, reason.trim() || undefined);
      return { key: 'lifecycle.amendedNow', params: { version: answer.version } };
    });
  return (
    <div className="step">
      <p>{t('lifecycle.amendExplain', { version: details.version, next: details.version + 1 })}</p>
      <label className="reason">
        <span>{t('lifecycle.reason')}</span>
        <textarea value={reason} rows={2} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="amend" disabled={busy} onClick={amend}>
        <FilePlus2 size={16} /> {t('lifecycle.amend', { next: details.version + 1 })}
      </button>
    </div>
  );
}

function Outcome({ problem, done }: { problem: { explained: Explained; failure: unknown } | null; done: Explained | null }) {
  const { t } = useT();
  if (problem) {
    const blockers = problem.failure instanceof LifecycleFailure ? problem.failure.blockers : [];
    return (
      <div className="refused" role="alert" data-code={problem.failure instanceof LifecycleFailure ? problem.failure.code : 'client'}>
        <p>{t(problem.explained.key, problem.explained.params)}</p>
        {blockers.length > 0 && <BlockerList blockers={blockers} />}
      </div>
    );
  }
  return done ? (
    <p className="done" role="status">
      {t(done.key, done.params)}
    </p>
  ) : null;
}
