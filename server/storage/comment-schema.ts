// Comments live beside the record, never in it (nor in its canonical form or exports):
// its table is made by the migrations (server/storage/migrations/), and both adapters answer these calls.

export interface CommentRow {
  id: string;
  meetingId: string;
  /** The thread's first comment; null for that first comment itself. */
  threadId: string | null;
  segmentId: string;
  /** The cell a text range is in, and the text it quotes; null for the whole segment. */
  language: string | null;
  quote: string | null;
  /** 'meeting': everyone in it; 'party': the author's own delegation only. */
  visibility: 'meeting' | 'party';
  party: string;
  authorId: string;
  authorName: string;
  body: string;
  /** Participant ids mentioned (@name). */
  mentions: string[];
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CommentStorage {
  addComment(row: CommentRow): Promise<void>;
  getComment(id: string): Promise<CommentRow | undefined>;
  /** Every comment of a meeting, oldest first. */
  listComments(meetingId: string): Promise<CommentRow[]>;
  /** Resolves a thread (its first comment), or reopens it with nulls. */
  setThreadResolved(id: string, resolvedAt: string | null, resolvedBy: string | null): Promise<void>;
}

/** A stored row (either database's column names) as a CommentRow. */
export function toCommentRow(r: Record<string, unknown>): CommentRow {
  return {
    id: r.id as string,
    meetingId: r.meeting_id as string,
    threadId: (r.thread_id as string | null) ?? null,
    segmentId: r.segment_id as string,
    language: (r.language as string | null) ?? null,
    quote: (r.quote as string | null) ?? null,
    visibility: r.visibility as CommentRow['visibility'],
    party: r.party as string,
    authorId: r.author_id as string,
    authorName: r.author_name as string,
    body: r.body as string,
    mentions: JSON.parse(r.mentions as string) as string[],
    createdAt: r.created_at as string,
    resolvedAt: (r.resolved_at as string | null) ?? null,
    resolvedBy: (r.resolved_by as string | null) ?? null,
  };
}

export const commentParams = (c: CommentRow) => [
  c.id,
  c.meetingId,
  c.threadId,
  c.segmentId,
  c.language,
  c.quote,
  c.visibility,
  c.party,
  c.authorId,
  c.authorName,
  c.body,
  JSON.stringify(c.mentions),
  c.createdAt,
  c.resolvedAt,
  c.resolvedBy,
];

const COLUMNS =
  'id, meeting_id, thread_id, segment_id, language, quote, visibility, party, author_id, author_name, body, mentions, created_at, resolved_at, resolved_by';
export const insertComment = (placeholders: string[]) => `INSERT INTO comments (${COLUMNS}) VALUES (${placeholders.join(', ')})`;
