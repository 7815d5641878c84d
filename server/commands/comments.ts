// Comment threads: start one on a segment, reply, resolve or reopen. Kept in their own
// table, apart from the record. Who may comment is asked of authorize() by the route (it hangs
// on nothing in the document); each step asks `canSeeThread`, and a thread a participant may
// not see is, to them, not there.
import type { MeetingAuditAction } from '../../shared/audit-actions';
import { canSeeThread } from '../../shared/comments';
import { findTarget } from '../../shared/record/agreement';
import { participants } from '../../shared/record/schema';
import { newId } from '../auth/tokens';
import { audit } from '../audit';
import type { Services } from '../services';
import type { CommentRow, RecordRow } from '../storage/storage';
import type { CommandRefusal } from '../policies/refusal';
import { refusalDetail } from './lifecycle-audit';
import { refused as refusedWith, type CommandResult, type Participant } from './lifecycle-result';

export type CommentResult = CommandResult<{ thread: CommentRow; comment: CommentRow }>;

interface NewThread {
  segmentId: string;
  language?: string;
  quote?: string;
  visibility: CommentRow['visibility'];
  body: string;
  mentions: string[];
}

/** The roster as the record holds it: who can be mentioned, and what they may see. */
async function roster(services: Services, record: RecordRow) {
  return services.rooms.withRoom(record, (room) => ({
    people: participants(room.doc).toArray(),
    segmentExists: (id: string) => findTarget(room.doc, id)?.kind === 'segment',
  }));
}

function checkMentions(
  people: { id: string; party: string; role: string }[],
  thread: Pick<CommentRow, 'visibility' | 'party'>,
  mentions: string[],
): CommandRefusal | null {
  for (const id of mentions) {
    const person = people.find((p) => p.id === id);
    if (!person) return { code: 'unknown-mention', participantId: id };
    if (!canSeeThread({ role: person.role as never, party: person.party }, thread)) return { code: 'mention-cannot-see', participantId: id };
  }
  return null;
}

export async function startThread(services: Services, record: RecordRow, by: Participant, request: NewThread): Promise<CommentResult> {
  const result = await (async (): Promise<CommentResult> => {
    const { people, segmentExists } = await roster(services, record);
    if (!segmentExists(request.segmentId)) return refusedWith({ code: 'unknown-segment', segmentId: request.segmentId });
    const refused = checkMentions(people, { visibility: request.visibility, party: by.actor.party }, request.mentions);
    if (refused) return refusedWith(refused);
    const row: CommentRow = {
      id: newId(),
      meetingId: record.meetingId,
      threadId: null,
      segmentId: request.segmentId,
      language: request.language ?? null,
      quote: request.quote ?? null,
      visibility: request.visibility,
      party: by.actor.party,
      authorId: by.participantId,
      authorName: by.name,
      body: request.body,
      mentions: [...new Set(request.mentions)],
      createdAt: services.now().toISOString(),
      resolvedAt: null,
      resolvedBy: null,
    };
    await services.storage.addComment(row);
    return { ok: true, value: { thread: row, comment: row } };
  })();
  await auditComment(services, record, by, 'comment.thread', result, { segmentId: request.segmentId, visibility: request.visibility });
  return result;
}

/** The thread `threadId` names, if `by` may see it. */
async function visibleThread(services: Services, record: RecordRow, by: Participant, threadId: string): Promise<CommentRow | null> {
  const thread = await services.storage.getComment(threadId);
  if (!thread || thread.meetingId !== record.meetingId || thread.threadId !== null || !canSeeThread(by.actor, thread)) return null;
  return thread;
}

export async function reply(
  services: Services,
  record: RecordRow,
  by: Participant,
  threadId: string,
  body: string,
  mentions: string[],
): Promise<CommentResult> {
  const result = await (async (): Promise<CommentResult> => {
    const thread = await visibleThread(services, record, by, threadId);
    if (!thread) return refusedWith({ code: 'unknown-thread', threadId });
    const refused = checkMentions((await roster(services, record)).people, thread, mentions);
    if (refused) return refusedWith(refused);
    const row: CommentRow = {
      ...thread,
      id: newId(),
      threadId: thread.id,
      party: by.actor.party,
      authorId: by.participantId,
      authorName: by.name,
      body,
      mentions: [...new Set(mentions)],
      createdAt: services.now().toISOString(),
      resolvedAt: null,
      resolvedBy: null,
    };
    await services.storage.addComment(row);
    return { ok: true, value: { thread, comment: row } };
  })();
  await auditComment(services, record, by, 'comment.reply', result, { threadId });
  return result;
}

export async function setResolved(services: Services, record: RecordRow, by: Participant, threadId: string, resolved: boolean): Promise<CommentResult> {
  const result = await (async (): Promise<CommentResult> => {
    const thread = await visibleThread(services, record, by, threadId);
    if (!thread) return refusedWith({ code: 'unknown-thread', threadId });
    const resolvedAt = resolved ? services.now().toISOString() : null;
    const resolvedBy = resolved ? by.name : null;
    await services.storage.setThreadResolved(thread.id, resolvedAt, resolvedBy);
    const updated = { ...thread, resolvedAt, resolvedBy };
    return { ok: true, value: { thread: updated, comment: updated } };
  })();
  await auditComment(services, record, by, resolved ? 'comment.resolved' : 'comment.reopened', result, { threadId });
  return result;
}

type CommentAction = Extract<MeetingAuditAction, `comment.${string}`>;

/** Written to the audit log without the words: a delegation-only comment stays with its delegation. */
async function auditComment(
  services: Services,
  record: RecordRow,
  by: Participant,
  action: CommentAction,
  result: CommentResult,
  detail: Record<string, unknown>,
) {
  await audit(services, record.meetingId, by.participantId, result.ok ? action : 'comment.refused', {
    ...detail,
    ...(result.ok ? { commentId: result.value.comment.id } : { ...refusalDetail(result.refusal), action }),
  });
}

/** Every thread `viewer` may see, with its replies, oldest first. */
export async function threadsFor(services: Services, record: RecordRow, viewer: Participant['actor']): Promise<CommentRow[][]> {
  const rows = await services.storage.listComments(record.meetingId);
  const threads = rows.filter((r) => r.threadId === null && canSeeThread(viewer, r));
  return threads.map((t) => [t, ...rows.filter((r) => r.threadId === t.id)]);
}
