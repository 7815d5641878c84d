// Comments on the minutes: threads anchored to a segment (or a text range in one of its
// cells), seen by the whole meeting or by the author's own delegation only. Who sees a
// thread is decided here, once, for the server that filters and the client that shows.
import { z } from 'zod';
import type { Actor } from './roles';

const COMMENT_MAX_CHARS = 4_000;
export const COMMENT_VISIBILITIES = ['meeting', 'party'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const newThreadRequest = z.object({
  segmentId: z.string().min(1).max(64),
  language: z.string().min(2).max(35).optional(),
  quote: z.string().min(1).max(1_000).optional(),
  visibility: z.enum(COMMENT_VISIBILITIES),
  body: z.string().trim().min(1).max(COMMENT_MAX_CHARS),
  mentions: z.array(z.string().min(1).max(64)).max(50).default([]),
});

export const replyRequest = z.object({
  body: z.string().trim().min(1).max(COMMENT_MAX_CHARS),
  mentions: z.array(z.string().min(1).max(64)).max(50).default([]),
});

export const resolveRequest = z.object({ resolved: z.boolean() });

/** A comment as clients see it. */
export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  party: string;
  body: string;
  mentions: string[];
  createdAt: string;
}

export interface ThreadView extends CommentView {
  segmentId: string;
  language: string | null;
  quote: string | null;
  visibility: CommentVisibility;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentView[];
}

/** A delegation-only thread reaches that delegation alone: never another party, never an observer. */
export function canSeeThread(actor: Actor, thread: { visibility: CommentVisibility; party: string }): boolean {
  if (thread.visibility === 'meeting') return true;
  return actor.role !== 'observer' && actor.party === thread.party;
}
