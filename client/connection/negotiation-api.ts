// The HTTP calls of negotiation: comment threads, party proposals, agreeing an item at once.
// Refusals come back as ApiFailure, as every other call's do.
import type { CommentVisibility } from '../../shared/comments';
import { call, params, server } from './http';

const meeting = server.api.meetings[':id'];

export interface NewThread {
  segmentId: string;
  language?: string;
  quote?: string;
  visibility: CommentVisibility;
  body: string;
  mentions: string[];
}

const id = (meetingId: string) => ({ param: params({ id: meetingId }) });

export const negotiationApi = {
  threads: (meetingId: string) => call(() => meeting.comments.$get(id(meetingId))),
  startThread: (meetingId: string, thread: NewThread) => call(() => meeting.comments.$post({ ...id(meetingId), json: thread })),
  reply: (meetingId: string, threadId: string, body: string, mentions: string[]) =>
    call(() => meeting.comments[':threadId'].replies.$post({ param: params({ id: meetingId, threadId }), json: { body, mentions } })),
  resolve: (meetingId: string, threadId: string, resolved: boolean) =>
    call(() => meeting.comments[':threadId'].resolution.$post({ param: params({ id: meetingId, threadId }), json: { resolved } })),
  propose: (meetingId: string, segmentId: string, language: string, text: string) =>
    call(() => meeting.proposals.$post({ ...id(meetingId), json: { segmentId, language, text } })),
  decide: (meetingId: string, proposalId: string, decision: 'accepted' | 'rejected') =>
    call(() => meeting.proposals[':proposalId'].decision.$post({ param: params({ id: meetingId, proposalId }), json: { decision } })),
  agreeAll: (meetingId: string, agendaItemId: string) =>
    call(() => meeting.agreement['agenda-items'][':itemId'].$post({ param: params({ id: meetingId, itemId: agendaItemId }) })),
};
