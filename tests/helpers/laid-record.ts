// A meeting of ../shared/fixtures laid out as its record in a Y.Doc, as the server lays a new
// meeting, with participant and element ids numbered in order, so a test can point at them.
import * as Y from 'yjs';
import { layRecord } from '../../shared/record/lay-record';
import { meetingInput } from '../../shared/record/meeting-input';
import type { Participant } from '../../shared/record/schema';
import { fixture } from './server';

export function laidFixture(name: Parameters<typeof fixture>[0] = 'cmm04-th-la'): Y.Doc {
  const input = meetingInput.parse(fixture(name));
  let n = 0;
  const roster: Participant[] = input.participants.map((p, i) => ({ id: `p${i}`, ...p }));
  const doc = new Y.Doc();
  layRecord(doc, input, { meetingId: 'm', version: 1, previousRecordHash: null }, roster, () => `id${++n}`);
  return doc;
}
