// An officer creates a meeting from the console: the same meeting as POST /api/meetings
// makes, placed first in a new series, managed by the officer who made it, with its
// action points' first statuses kept as history.
import { randomBytes } from 'node:crypto';
import type { MeetingInput } from '../../../shared/record/meeting-input';
import { createMeeting, type CreatedMeeting } from '../create-meeting';
import type { Services } from '../../services';
import type { ConsoleUser } from '../../auth/console-user';
import { noteStatuses } from './action-point-statuses';

export const newSeriesId = () => `S${randomBytes(9).toString('base64url')}`;

export interface ConsoleCreated extends CreatedMeeting {
  seriesId: string;
}

export async function createConsoleMeeting(services: Services, input: MeetingInput, user: ConsoleUser): Promise<ConsoleCreated> {
  const created = await createMeeting(services, input, user.actor);
  const seriesId = newSeriesId();
  await services.storage.placeInSeries({ meetingId: created.meetingId, seriesId, number: input.number });
  if (user.account) await grant(services, created.meetingId, user.account.id, user.actor);
  await recordFirstStatuses(services, created.meetingId, user);
  return { ...created, seriesId };
}

export const grant = (services: Services, meetingId: string, accountId: string, by: string) =>
  services.storage.grantMeeting({ meetingId, accountId, grantedBy: by, grantedAt: services.now().toISOString() });

async function recordFirstStatuses(services: Services, meetingId: string, user: ConsoleUser): Promise<void> {
  const meeting = await services.storage.getMeeting(meetingId);
  const record = meeting && (await services.storage.getRecord(meeting.currentDocumentId));
  if (!record) return;
  await services.rooms.withRoom(record, (room) => noteStatuses(services, meetingId, room.doc, { actor: user.actor, name: user.name }));
}
