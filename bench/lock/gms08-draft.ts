// The GMS 08-size record as it stands when the secretariat locks it: laid from the meeting
// as the server lays it (bench/export/gms08-record.ts), every segment and action point
// agreed by every party, and stored as the store holds a record nobody has open (one
// snapshot), with the row and the empty case annex the lock reads beside it.
import * as Y from 'yjs';
import { agreementTargets, markFor } from '../../shared/record/agreement';
import { layRecord } from '../../shared/record/lay-record';
import { meetingInput } from '../../shared/record/meeting-input';
import { agreement, agreementKey, parties, type Participant } from '../../shared/record/schema';
import type { RecordRow, StoredAnnex, StoredRecord } from '../../server/storage/storage';
import { gms08Meeting, type BenchRecordOptions } from '../export/gms08-record';

export interface LockableRecord {
  stored: StoredRecord;
  record: RecordRow;
  annex: StoredAnnex;
  /** A secretariat of the first party: who asks for the lock. */
  secretariat: { party: string; participantId: string; name: string };
}

export function gms08Draft(options: BenchRecordOptions): LockableRecord {
  const meeting = meetingInput.parse(gms08Meeting(options));
  const doc = new Y.Doc();
  let next = 0;
  const roster: Participant[] = meeting.participants.map((p, i) => ({ id: `p${i + 1}`, ...p }));
  layRecord(doc, meeting, { meetingId: 'gms-08', version: 1, previousRecordHash: null }, roster, () => `id${++next}`);
  const at = new Date('2018-05-10T10:00:00Z');
  doc.transact(() => {
    for (const party of parties(doc))
      for (const target of agreementTargets(doc))
        agreement(doc).set(agreementKey(target.id, party.code), markFor(doc, target, party.code, `head-${party.code}`, at));
  });
  const secretary = roster.find((p) => p.role === 'secretariat');
  if (!secretary) throw new Error('the GMS 08 meeting has no secretariat');
  const stored: StoredRecord = { snapshot: Y.encodeStateAsUpdate(doc), updates: [], lastSeq: 0 };
  doc.destroy();
  return {
    stored,
    record: { documentId: 'gms-08-v1', meetingId: 'gms-08', version: 1, state: 'draft', recordHash: null, createdAt: '2018-05-09T08:00:00.000Z' },
    annex: { cases: [], agreements: [], dismissals: [] },
    secretariat: { party: secretary.party, participantId: secretary.id, name: secretary.name },
  };
}
