// A refused lifecycle step (lock, unlock, amend, key enrolment, signing) in the reader's
// words: what was refused and what to do. The server's code decides which words; the
// server's English message is never shown as it is.
import type { MessageKey, Params } from '../../i18n/i18n';
import { ApiFailure } from '../../connection/api';
import { LifecycleFailure } from '../../connection/lifecycle-api';

export type LifecycleStep = 'lock' | 'unlock' | 'amend' | 'sign' | 'enrol' | 'read';

export interface Explained {
  key: MessageKey;
  params?: Params;
}

const WRONG_STATE: Record<LifecycleStep, MessageKey> = {
  lock: 'refused.wrongState.lock',
  unlock: 'refused.wrongState.unlock',
  amend: 'refused.wrongState.amend',
  sign: 'refused.wrongState.sign',
  enrol: 'refused.wrongState.enrol',
  read: 'refused.other',
};

const BY_CODE: Record<string, MessageKey> = {
  unreachable: 'refused.unreachable',
  not_your_party: 'refused.notYourParty',
  superseded: 'refused.superseded',
  conflict: 'refused.conflict',
  stale_statement: 'refused.staleStatement',
  already_signed: 'refused.alreadySigned',
  no_key: 'refused.noKey',
  bad_signature: 'refused.badSignature',
  signer_mismatch: 'refused.signerMismatch',
  clock_skew: 'refused.clockSkew',
  statement_mismatch: 'refused.statementMismatch',
  invalid_key: 'refused.invalidKey',
  unauthorized: 'refused.signedOut',
  not_found: 'refused.signedOut',
  // Found by this browser before asking the server.
  'record-changed': 'refused.recordChanged',
  'not-locked': 'refused.notLocked',
  'no-head': 'refused.noHead',
  'store-unavailable': 'refused.storeUnavailable',
  'no-ed25519': 'refused.noEd25519',
};

/** `problem` is an error thrown by a step, or a code kept from one. */
export function explainRefusal(step: LifecycleStep, problem: unknown): Explained {
  const code = codeOf(problem);
  if (code === 'not_agreed') {
    const count = problem instanceof LifecycleFailure ? problem.blockers.length : 0;
    return { key: 'refused.notAgreed', params: { count } };
  }
  if (code === 'wrong_state') return { key: WRONG_STATE[step] };
  if (code === 'not_allowed') return { key: step === 'sign' || step === 'enrol' ? 'refused.notAllowed.head' : 'refused.notAllowed.secretariat' };
  if (code.startsWith('invalid_')) return { key: 'refused.invalidBody', params: { code } };
  const key = BY_CODE[code];
  return key ? { key } : { key: 'refused.other', params: { code } };
}

function codeOf(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  if (problem instanceof ApiFailure) return problem.code;
  if (problem instanceof Error && 'code' in problem && typeof problem.code === 'string') return problem.code;
  return 'unknown';
}
