// A head of delegation signs the locked record for their party. The server holds no
// private key: it checks the signature the head's browser made, against the key enrolled
// for that party and the record hash as locked, and keeps it. The last party's signature
// makes the record signed.
import { authorOf, saveLifecycleVersion } from '../history/versions';
import { transition } from '../../shared/lifecycle';
import { decodeBase64Url } from '../../shared/signing/base64';
import { keyFingerprint } from '../../shared/signing/fingerprint';
import { verifySignature } from '../../shared/signing/keys';
import { statementBytes, statementText } from '../../shared/signing/statement';
import type { SignRequest } from '../../shared/signing/requests';
import { newId } from '../auth/tokens';
import type { Services } from '../services';
import type { MeetingRow, RecordRow, SignatureRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import { lifecycleOf, loadRecordFacts, signatureSummaries } from './record-facts';

export interface Signed {
  record: RecordRow;
  signature: SignatureRow;
  /** True when this signature was the last one needed. */
  complete: boolean;
}

export async function signRecord(
  services: Services,
  meeting: MeetingRow,
  by: Participant,
  { statement, signature }: SignRequest,
): Promise<CommandResult<Signed>> {
  const { storage } = services;
  const current = await storage.getRecord(meeting.currentDocumentId);
  if (!current) throw new Error(`meeting ${meeting.id} has no current record`);

  const result = await services.rooms.withRoom(current, async (room): Promise<CommandResult<Signed>> => {
    const record = (await storage.getRecord(current.documentId)) ?? current;
    const facts = await loadRecordFacts(services, meeting, record);
    const outcome = transition(
      by.actor,
      lifecycleOf(facts),
      { action: 'sign', party: statement.party, recordHash: statement.recordHash, version: statement.version, signedAt: statement.signedAt },
      services.now(),
    );
    if (!outcome.ok) return refused(outcome.refusal);
    if (statement.meetingId !== meeting.id)
      return refused({ code: 'statement-mismatch', field: 'meetingId', expected: meeting.id, found: statement.meetingId });
    // The statement names the signer as the locked record lists them, nothing else.
    const signer = facts.canonical?.participants.find((p) => p.id === by.participantId);
    if (!signer || signer.name !== statement.signerName || signer.title !== statement.signerTitle)
      return refused({ code: 'signer-mismatch', expected: { name: signer?.name ?? by.name, title: signer?.title ?? '' } });

    const key = (await storage.listPartyKeys(meeting.id)).find((k) => k.party === statement.party);
    if (!key) return refused({ code: 'no-key-enrolled', party: statement.party });
    if (!(await verifySignature(decodeBase64Url(key.publicKey), decodeBase64Url(signature), statementBytes(statement))))
      return refused({ code: 'bad-signature', party: statement.party });

    const row: SignatureRow = {
      id: newId(),
      documentId: record.documentId,
      party: statement.party,
      participantId: by.participantId,
      recordHash: statement.recordHash,
      statement: statementText(statement),
      signature,
      publicKey: key.publicKey,
      receivedAt: outcome.at,
      voidedAt: null,
    };
    const complete = outcome.record.state === 'signed';
    if (!(await storage.addSignature(row, complete))) return refused({ code: 'conflict' });
    const next: RecordRow = { ...record, state: outcome.record.state };
    room.setRecord(next, signatureSummaries([...facts.signatures, row]));
    return { ok: true, value: { record: next, signature: row, complete } };
  });

  await auditOutcome(services, meeting.id, by.participantId, 'record.sign', result, ({ record, signature, complete }) => [
    'record.signed',
    {
      version: record.version,
      party: signature.party,
      recordHash: signature.recordHash,
      keyFingerprint: keyFingerprint(decodeBase64Url(signature.publicKey)),
      complete,
    },
  ]);
  if (result.ok) await saveLifecycleVersion(services, result.value.record.documentId, 'sign', authorOf(by));
  return result;
}
