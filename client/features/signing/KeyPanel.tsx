// The head's signing key, said plainly: its fingerprint to read aloud to the other side;
// or, on a browser that does not hold the enrolled key, what that means and a way to make
// a new key here (which replaces the other, so the other side must compare again).
import type { ReactNode } from 'react';
import { KeyRound } from 'lucide-react';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { pick, useT } from '../../i18n/i18n';
import type { RecordDetails } from '../../connection/lifecycle-api';
import { explainRefusal } from '../lifecycle/refusals';
import { useSigningKey } from '../lifecycle/use-lifecycle';
import { useWorkspace } from '../workspace/workspace-context';
import { keySituation } from './key-situation';

export function KeyPanel({ details }: { details: RecordDetails }) {
  const { t, language } = useT();
  const { meeting, you, columns } = useWorkspace();
  const signing = useSigningKey();
  if (!signing || !you) return null;
  const { key, state } = signing;
  const party = pick(meeting.parties.find((p) => p.code === you.party)?.name, language, columns) || you.party;
  const enrolled = details.keys.find((k) => k.party === you.party)?.fingerprint ?? null;
  const situation = keySituation(state.here?.fingerprint ?? null, enrolled, details.state);
  const show = (hex: string) => (
    <code className="fingerprint" data-fingerprint={displayFingerprint(hex)}>
      {displayFingerprint(hex)}
    </code>
  );
  const makeNew = (
    <button type="button" className="primary make-key" disabled={state.working !== null} onClick={() => void key.makeNew({ replace: true })}>
      <KeyRound size={16} /> {t('key.makeNew')}
    </button>
  );

  let body: ReactNode;
  if (!state.loaded || state.working) {
    body = <p>{t(state.working === 'enrolling' ? 'key.enrolling' : state.working === 'making' ? 'key.making' : 'key.checking', { party })}</p>;
  } else if (situation.kind === 'ready') {
    body = (
      <>
        <p>{t('key.ready', { party })}</p>
        <p className="fingerprint-line">{show(situation.fingerprint)}</p>
        <p className="sub">{t('key.compare')}</p>
        {state.enrolled?.replaced && <p className="warning">{t('key.replacedOld', { old: displayFingerprint(state.enrolled.replaced) })}</p>}
      </>
    );
  } else if (situation.kind === 'missing-here') {
    body = (
      <>
        <p className="warning">{t('key.missingHere', { party, enrolled: displayFingerprint(situation.enrolled) })}</p>
        <p>{t('key.newReplaces')}</p>
        {makeNew}
      </>
    );
  } else if (situation.kind === 'replaced-elsewhere') {
    body = (
      <>
        <p className="warning">{t('key.replacedElsewhere', { here: displayFingerprint(situation.here), enrolled: displayFingerprint(situation.enrolled) })}</p>
        <p>{t('key.newReplaces')}</p>
        {makeNew}
      </>
    );
  } else if (situation.kind === 'settled') {
    body = <p>{t('key.settled')}</p>;
  } else {
    // 'first' or 'unenrolled': the browser does it by itself; here only if that failed.
    body = (
      <button
        type="button"
        disabled={state.working !== null}
        onClick={() => void (situation.kind === 'first' ? key.makeNew({ replace: false }) : key.enrolHere())}
      >
        <KeyRound size={16} /> {t('key.tryAgain')}
      </button>
    );
  }

  const problem = state.problem ? explainRefusal('enrol', state.problem) : null;
  return (
    <section className="key-panel" data-key-situation={situation.kind} data-working={state.working ?? ''} aria-label={t('key.title')}>
      <h3>
        <KeyRound size={18} /> {t('key.title')}
      </h3>
      {body}
      {problem && (
        <p className="error" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}
    </section>
  );
}
