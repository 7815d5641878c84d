// Each reason a verification gives (shared/signing/verdict), in the reader's language, with
// the party named as the record names it and hashes shown as fingerprints.
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import type { VerdictReason } from '../../../shared/signing/verdict';
import type { MessageKey, Params } from '../../i18n/i18n';

export interface ReasonMessage {
  key: MessageKey;
  params: Params;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  recordHash: 'verify.field.recordHash',
  version: 'verify.field.version',
  meetingId: 'verify.field.meetingId',
  party: 'verify.field.party',
};

/** A hash as people compare it; anything else (a version, a meeting id) as it is. */
const shown = (value: string) => (/^[0-9a-f]{64}$/.test(value) ? displayFingerprint(value) : value);

export function reasonMessage(reason: VerdictReason, partyName: (code: string) => string, say: (key: MessageKey) => string): ReasonMessage {
  switch (reason.code) {
    case 'malformed':
      return { key: 'verify.reason.malformed', params: { detail: reason.detail } };
    case 'record-bytes-mismatch':
      return { key: 'verify.reason.recordBytes', params: {} };
    case 'record-hash-mismatch':
      return { key: 'verify.reason.recordHash', params: { stated: shown(reason.stated), computed: shown(reason.computed) } };
    case 'statement-bytes-mismatch':
      return { key: 'verify.reason.statementBytes', params: { party: partyName(reason.party) } };
    case 'statement-mismatch':
      return {
        key: 'verify.reason.statement',
        params: {
          party: partyName(reason.party),
          field: say(FIELD_KEYS[reason.field] ?? 'verify.field.party'),
          found: shown(reason.found),
          expected: shown(reason.expected),
        },
      };
    case 'unknown-party':
      return { key: 'verify.reason.unknownParty', params: { party: reason.party } };
    case 'duplicate-signature':
      return { key: 'verify.reason.duplicate', params: { party: partyName(reason.party) } };
    case 'signer-not-head':
      return { key: 'verify.reason.signerNotHead', params: { party: partyName(reason.party), signer: reason.signerName } };
    case 'fingerprint-mismatch':
      return { key: 'verify.reason.fingerprint', params: { party: partyName(reason.party) } };
    case 'bad-signature':
      return { key: 'verify.reason.badSignature', params: { party: partyName(reason.party) } };
    case 'wrong-party-key':
      return { key: 'verify.reason.wrongPartyKey', params: { party: partyName(reason.party), other: partyName(reason.keyOf) } };
    case 'untrusted-key':
      return { key: 'verify.reason.untrustedKey', params: { party: partyName(reason.party), found: shown(reason.found), expected: reason.expected } };
    case 'missing-party':
      return { key: 'verify.reason.missingParty', params: { party: partyName(reason.party) } };
    case 'no-parties':
      return { key: 'verify.reason.noParties', params: {} };
    case 'unsigned':
      return { key: 'verify.reason.unsigned', params: {} };
    case 'case-annex-mismatch':
      return { key: reason.how === 'missing' ? 'verify.reason.caseAnnexMissing' : 'verify.reason.caseAnnexChanged', params: {} };
    case 'pages-differ':
      return { key: reason.how === 'appended' ? 'verify.reason.pagesAppended' : 'verify.reason.pagesChanged', params: {} };
    case 'pages-unchecked':
      return { key: 'verify.reason.pagesUnchecked', params: {} };
  }
}
