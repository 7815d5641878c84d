// Amending a signed record: version n+1 starts as a copy of version n's content, names
// its record hash, and goes through agreement, lock and signing again. Version n is not
// touched: it stays signed, readable and verifiable.
import { authorOf, saveLifecycleVersion } from '../history/versions';
import * as Y from 'yjs';
import { transition } from '../../shared/lifecycle';
import { agreement, meta } from '../../shared/record/schema';
import { newId } from '../auth/tokens';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { refused, type CommandResult, type Participant } from './lifecycle-result';
import { lifecycleOf, loadRecordFacts } from './record-facts';

export interface Amended {
  previous: RecordRow;
  record: RecordRow;
}

export async function amendRecord(services: Services, meeting: MeetingRow, by: Participant, reason: string | undefined): Promise<CommandResult<Amended>> {
  const { storage } = services;
  const result = await (async (): Promise<CommandResult<Amended>> => {
    const previous = await storage.getRecord(meeting.currentDocumentId);
    if (!previous) throw new Error(`meeting ${meeting.id} has no current record`);
    const facts = await loadRecordFacts(services, meeting, previous);
    const outcome = transition(by.actor, lifecycleOf(facts), { action: 'amend' }, services.now());
    if (!outcome.ok) return refused(outcome.refusal);
    if (!facts.lock) throw new Error(`signed record ${previous.documentId} has no lock`);

    const next: RecordRow = {
      documentId: newId(),
      meetingId: meeting.id,
      version: outcome.record.version,
      state: 'draft',
      recordHash: null,
      createdAt: outcome.at,
    };
    const initialState = amendmentState(facts.lock.finalState, next.version, outcome.record.previousRecordHash);
    if (!(await storage.addAmendment(previous, next, initialState))) return refused({ code: 'conflict' });
    // The amendment starts from the annex as it was signed, as it starts from the text.
    await storage.copyCases(previous.documentId, next.documentId);
    // Whoever still has version n open learns that version n+1 now stands in its place.
    await services.rooms.refreshStatus(previous.documentId);
    return { ok: true, value: { previous, record: next } };
  })();

  await auditOutcome(services, meeting.id, by.participantId, 'record.amend', result, ({ previous, record }) => [
    'record.amended',
    {
      fromVersion: previous.version,
      version: record.version,
      documentId: record.documentId,
      previousRecordHash: previous.recordHash,
      ...(reason ? { reason } : {}),
    },
  ]);
  if (result.ok) await saveLifecycleVersion(services, result.value.record.documentId, 'amend', authorOf(by));
  return result;
}

/** The signed version's content, with its agreement cleared: every party agrees anew. */
function amendmentState(finalState: Uint8Array, version: number, previousRecordHash: string | null): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, finalState);
    doc.transact(() => {
      agreement(doc).clear();
      meta(doc).set('version', version);
      meta(doc).set('previousRecordHash', previousRecordHash);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
