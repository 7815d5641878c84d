// For a head of delegation, always in view: the fingerprint of the signing key this browser
// holds, or that it holds none (and where to make one).
import { KeyRound } from 'lucide-react';
import { setQuery } from '../../app/router';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { useT } from '../../i18n/i18n';
import { useRecordDetails, useSigningKey } from '../lifecycle/use-lifecycle';
import { useWorkspace } from '../workspace/workspace-context';
import { keySituation } from './key-situation';

export function KeyBadge() {
  const { t } = useT();
  const { you } = useWorkspace();
  const signing = useSigningKey();
  const { details } = useRecordDetails();
  if (!signing || !you || !details) return null;
  const { state } = signing;
  const enrolled = details.keys.find((k) => k.party === you.party)?.fingerprint ?? null;
  const situation = keySituation(state.here?.fingerprint ?? null, enrolled, details.state);
  const open = () => setQuery({ view: 'signing' });

  if (state.working || !state.loaded) {
    return (
      <p className="key-badge" data-key-situation="working">
        <KeyRound size={16} /> {t(state.working === 'enrolling' ? 'key.enrollingShort' : 'key.makingShort')}
      </p>
    );
  }
  if (situation.kind === 'ready') {
    return (
      <p className="key-badge ready" data-key-situation="ready" data-fingerprint={displayFingerprint(situation.fingerprint)}>
        <KeyRound size={16} /> {t('key.yours')} <code>{displayFingerprint(situation.fingerprint)}</code>
      </p>
    );
  }
  if (situation.kind === 'settled') return null;
  return (
    <p className="key-badge problem" data-key-situation={situation.kind}>
      <KeyRound size={16} />
      <button type="button" className="link" onClick={open}>
        {t(situation.kind === 'missing-here' || situation.kind === 'replaced-elsewhere' ? 'key.noneHereShort' : 'key.notEnrolledShort')}
      </button>
    </p>
  );
}
