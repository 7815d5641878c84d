// What an export is made from: the record as the server holds it. A locked or signed version
// is exported from its sealed canonical record and carries its signed bundle; a draft is
// read from the live document, has no record hash and no bundle, and is marked DRAFT.
import { canonicalRecord, type CanonicalRecord } from '../../shared/record/canonical';
import type { SignedBundle } from '../../shared/signing/bundle';
import { loadRecordFacts } from '../commands/record-facts';
import { bundleOf } from '../presenters/lifecycle';
import type { Services } from '../services';
import type { MeetingRow, RecordRow } from '../storage/storage';

export interface ExportSource {
  meeting: MeetingRow;
  record: RecordRow;
  canonical: CanonicalRecord;
  recordHash: string | null;
  bundle: SignedBundle | null;
}

/** What the original is made of: the bundle, or a draft's record. */
export const originalSource = (source: ExportSource) => ({ record: source.canonical, bundle: source.bundle });

export async function loadExportSource(services: Services, meeting: MeetingRow, record: RecordRow): Promise<ExportSource> {
  const facts = await loadRecordFacts(services, meeting, record);
  if (facts.canonical && facts.lock) {
    return { meeting, record, canonical: facts.canonical, recordHash: facts.lock.recordHash, bundle: bundleOf(facts) };
  }
  const canonical = await services.rooms.read(record, (doc) =>
    canonicalRecord(doc, { meetingId: meeting.id, version: record.version, previousRecordHash: facts.previousRecordHash }),
  );
  return { meeting, record, canonical, recordHash: null, bundle: null };
}
