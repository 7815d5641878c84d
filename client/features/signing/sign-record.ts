// Signing, as the head's browser does it: read the record again (a signature is only ever
// given on what was reviewed), make the statement, sign it with the key kept here, send it.
// The server checks all of it again; this only spares the head a refusal it can foresee.
import { signStatement } from '../../../shared/signing/keys';
import { lifecycleApi } from '../../connection/lifecycle-api';
import { statementFor } from './statement-for';

/** A reason found before asking the server: said in words like the server's refusals. */
export class NotSignable extends Error {
  constructor(readonly code: 'record-changed' | 'not-locked' | 'no-head') {
    super(code);
  }
}

export async function signReviewedRecord(meetingId: string, party: string, reviewedHash: string, privateKey: CryptoKey) {
  const fresh = await lifecycleApi.record(meetingId);
  if (fresh.state !== 'locked') throw new NotSignable('not-locked');
  if (fresh.recordHash !== reviewedHash) throw new NotSignable('record-changed');
  const statement = statementFor(fresh, party);
  if (typeof statement === 'string') throw new NotSignable(statement);
  const signature = await signStatement(privateKey, statement);
  return lifecycleApi.sign(meetingId, { statement, signature });
}
