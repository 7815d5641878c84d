// The HTTP calls of the record's history and of removing from the record.
import { call, params, server, type AnswerOf } from './http';

const meeting = server.api.meetings[':id'];

export type ItemKind = 'agenda-item' | 'segment' | 'action-point';
export type Comparison = AnswerOf<typeof meeting.history.compare.$get>;
export type VersionSummary = AnswerOf<typeof meeting.history.$get>['versions'][number];
export type VersionContent = AnswerOf<(typeof meeting.history)[':versionId']['$get']>['content'];

export const historyApi = {
  list: (meetingId: string) => call(() => meeting.history.$get({ param: params({ id: meetingId }) })),
  read: (meetingId: string, versionId: string) => call(() => meeting.history[':versionId'].$get({ param: params({ id: meetingId, versionId }) })),
  compare: (meetingId: string, from: string, to: string) => call(() => meeting.history.compare.$get({ param: params({ id: meetingId }), query: { from, to } })),
  name: (meetingId: string, name: string) => call(() => meeting.history.$post({ param: params({ id: meetingId }), json: { name } })),
  restore: (meetingId: string, versionId: string, kind: ItemKind, itemId: string) =>
    call(() => meeting.history[':versionId'].restore.$post({ param: params({ id: meetingId, versionId }), json: { kind, itemId } })),
  remove: (meetingId: string, kind: ItemKind, itemId: string) =>
    call(() => meeting.record[':kind'][':itemId'].$delete({ param: params({ id: meetingId, kind, itemId }) })),
};
