// The HTTP calls of negotiation: comment threads, party proposals, agreeing an item at once.
// Refusals come back as ApiFailure, as every other call's do.
import type { ThreadView, CommentView, CommentVisibility } from '../../shared/comments';
import type { Proposal } from '../../shared/record/proposals';
import { ApiFailure } from './api';

/** One JSON call to the API with the session cookie; a refusal is thrown as ApiFailure. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiFailure(0, 'unreachable', err instanceof Error ? err.message : String(err));
  }
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) throw new ApiFailure(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? response.statusText);
  return payload as T;
}

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export interface NewThread {
  segmentId: string;
  language?: string;
  quote?: string;
  visibility: CommentVisibility;
  body: string;
  mentions: string[];
}

export const negotiationApi = {
  threads: (meetingId: string) => call<{ threads: ThreadView[] }>('GET', `${meetingPath(meetingId)}/comments`),
  startThread: (meetingId: string, thread: NewThread) => call<{ comment: CommentView }>('POST', `${meetingPath(meetingId)}/comments`, thread),
  reply: (meetingId: string, threadId: string, body: string, mentions: string[]) =>
    call<{ comment: CommentView }>('POST', `${meetingPath(meetingId)}/comments/${encodeURIComponent(threadId)}/replies`, { body, mentions }),
  resolve: (meetingId: string, threadId: string, resolved: boolean) =>
    call<{ comment: CommentView }>('POST', `${meetingPath(meetingId)}/comments/${encodeURIComponent(threadId)}/resolution`, { resolved }),
  propose: (meetingId: string, segmentId: string, language: string, text: string) =>
    call<{ proposal: Proposal }>('POST', `${meetingPath(meetingId)}/proposals`, { segmentId, language, text }),
  decide: (meetingId: string, proposalId: string, decision: 'accepted' | 'rejected') =>
    call<{ proposal: Proposal }>('POST', `${meetingPath(meetingId)}/proposals/${encodeURIComponent(proposalId)}/decision`, { decision }),
  agreeAll: (meetingId: string, agendaItemId: string) =>
    call<{ marked: string[] }>('POST', `${meetingPath(meetingId)}/agreement/agenda-items/${encodeURIComponent(agendaItemId)}`),
};
