// "Next meeting": meeting n+1 of a series from meeting n. Its place in the series is
// claimed first, so two secretaries pressing the button at once make one meeting, not two.
import * as Y from 'yjs';
import { readActionPoints } from '../../../shared/console/action-points';
import { editableFacts } from '../../../shared/console/meeting-facts';
import { layNextMeeting, nextMeetingInput, type NextMeetingRequest, type PreviousMeeting } from '../../../shared/console/next-meeting';
import { meetingInput, type ActionStatus } from '../../../shared/record/meeting-input';
import { participants, type Participant } from '../../../shared/record/schema';
import { issuesOf } from '../../../shared/issues';
import { audit } from '../../audit';
import type { ConsoleUser } from '../../auth/console-user';
import { newId } from '../../auth/tokens';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import type { CreatedMeeting } from '../create-meeting';
import { newInvitations } from '../new-invitations';
import { refused, type CommandResult } from '../lifecycle-result';
import { noteStatuses } from './action-point-statuses';
import { grant, newSeriesId } from './create-meeting';
import { carryCases } from '../../../shared/cases/carry';

/** Meeting n+1, made: its place in the series, and how many action points and cases it carried on. */
export interface NextMeeting {
  created: CreatedMeeting;
  seriesId: string;
  number: number;
  code: string;
  carried: number;
  casesCarried: number;
}

export async function createNextMeeting(
  services: Services,
  meeting: MeetingRow,
  record: RecordRow,
  request: NextMeetingRequest,
  user: ConsoleUser,
): Promise<CommandResult<NextMeeting>> {
  // Meeting n as it stands, its statuses brought up to date in the history first.
  const previous = await services.rooms.withRoom(record, async (room) => {
    await noteStatuses(services, meeting.id, room.doc, null);
    return { facts: editableFacts(room.doc), roster: participants(room.doc).toArray(), points: readActionPoints(room.doc) };
  });
  const seriesId = await seriesOf(services, meeting.id, previous.facts.number);
  const from: PreviousMeeting = { seriesId, meetingId: meeting.id, ...previous };
  const input = nextMeetingInput(from, request);
  const parsed = meetingInput.safeParse(input);
  if (!parsed.success) return refused({ code: 'invalid-next-meeting', problems: issuesOf(parsed.error) });

  const meetingId = newId();
  const documentId = newId();
  const place = { meetingId, seriesId, number: input.number };
  if (!(await services.storage.placeInSeries(place))) {
    const holder = (await services.storage.listSeriesPlaces()).find((p) => p.seriesId === seriesId && p.number === input.number);
    return refused({ code: 'next-meeting-exists', number: input.number, meetingId: holder?.meetingId ?? null });
  }

  const now = services.now().toISOString();
  const roster: Participant[] = input.participants.map((p) => ({ id: newId(), ...p }));
  const doc = new Y.Doc();
  const laid = layNextMeeting(doc, from, parsed.data, { meetingId, version: 1, previousRecordHash: null }, roster, newId);
  const initialState = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const { rows, issued } = newInvitations(meetingId, roster, now);
  try {
    await services.storage.createMeeting(
      { id: meetingId, code: input.code, createdAt: now, currentDocumentId: documentId },
      { documentId, meetingId, version: 1, state: 'draft', recordHash: null, createdAt: now },
      initialState,
      rows,
    );
  } catch (err) {
    await services.storage.releaseSeriesPlace(place);
    throw err;
  }

  // The officers who follow meeting n follow meeting n+1, and so does whoever made it.
  const officers = new Set((await services.storage.listMeetingOfficers(meeting.id)).map((o) => o.accountId));
  if (user.account) officers.add(user.account.id);
  for (const accountId of officers) await grant(services, meetingId, accountId, user.actor);

  // Every open case goes on, with its thread, so the register follows it from meeting to meeting.
  const cases = carryCases(meeting.id, await services.storage.listCases(record.documentId), newId);
  for (const entry of cases) await services.storage.saveCase(meetingId, documentId, entry, { actor: user.actor, name: user.name }, now);

  const carriedFrom = new Map<string, ActionStatus>(laid.carried.map((c) => [c.pointId, c.from.status]));
  const created: RecordRow = { documentId, meetingId, version: 1, state: 'draft', recordHash: null, createdAt: now };
  await services.rooms.withRoom(created, (room) => noteStatuses(services, meetingId, room.doc, { actor: user.actor, name: user.name }, carriedFrom));

  await audit(services, meetingId, user.actor, 'meeting.created', {
    code: input.code,
    invitations: rows.length,
    seriesId,
    from: meeting.id,
    carried: laid.carried.length,
    casesCarried: cases.length,
  });
  await audit(services, meeting.id, user.actor, 'series.next-meeting-created', { meetingId, code: input.code, carried: laid.carried.length });
  return {
    ok: true,
    value: {
      created: { meetingId, documentId, invitations: issued },
      seriesId,
      number: input.number,
      code: input.code,
      carried: laid.carried.length,
      casesCarried: cases.length,
    },
  };
}

/** The series meeting n belongs to; a meeting made before series existed starts one. */
async function seriesOf(services: Services, meetingId: string, number: number): Promise<string> {
  const place = await services.storage.seriesPlaceOf(meetingId);
  if (place) return place.seriesId;
  const seriesId = newSeriesId();
  await services.storage.placeInSeries({ meetingId, seriesId, number });
  return seriesId;
}
