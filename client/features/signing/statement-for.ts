// The signature statement a head's browser makes (docs/record-format.md §4): the record as
// locked, the head as the locked record lists them, and the server's time, so a device
// with a wrong clock still signs within the server's tolerance.
import { STATEMENT_FORMAT, type SignatureStatement } from '../../../shared/signing/statement';
import type { RecordDetails } from '../../connection/lifecycle-api';

/** Why no statement can be made from these details. */
export type NoStatement = 'not-locked' | 'no-head';

export function statementFor(details: RecordDetails, party: string): SignatureStatement | NoStatement {
  if (details.state !== 'locked' || !details.record || !details.recordHash) return 'not-locked';
  const head = details.record.participants.find((p) => p.party === party && p.role === 'head');
  if (!head) return 'no-head';
  return {
    format: STATEMENT_FORMAT,
    recordHash: details.recordHash,
    meetingId: details.meetingId,
    version: details.version,
    party,
    signerName: head.name,
    signerTitle: head.title,
    signedAt: details.serverTime,
  };
}
