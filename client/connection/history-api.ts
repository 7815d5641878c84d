// The HTTP calls of the record's history and of removing from the record.
import { call, meetingPath } from './negotiation-api';
import type { Comparison } from '../../shared/history-requests';

export type { Comparison } from '../../shared/history-requests';

export type ItemKind = 'agenda-item' | 'segment' | 'action-point';

export interface Author {
  participantId: string;
  party: string;
  name: string;
}

export interface VersionSummary {
  id: string;
  seq: number;
  kind: 'auto' | 'named' | 'lock' | 'unlock' | 'sign' | 'amend' | 'restore' | 'remove';
  name: string | null;
  at: string;
  by: Author | null;
  editors: (Author & { edits: number })[];
}

export interface VersionContent {
  agenda: { id: string; title: Record<string, string>; segments: { id: string; cells: Record<string, string> }[] }[];
  actionPoints: { id: string; text: Record<string, string>; party: string; status: string }[];
}

const history = (meetingId: string) => `${meetingPath(meetingId)}/history`;

export const historyApi = {
  list: (meetingId: string) => call<{ versions: VersionSummary[] }>('GET', history(meetingId)),
  read: (meetingId: string, versionId: string) => call<{ content: VersionContent }>('GET', `${history(meetingId)}/${encodeURIComponent(versionId)}`),
  compare: (meetingId: string, from: string, to: string) =>
    call<Comparison>('GET', `${history(meetingId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  name: (meetingId: string, name: string) => call<{ version: VersionSummary }>('POST', history(meetingId), { name }),
  restore: (meetingId: string, versionId: string, kind: ItemKind, itemId: string) =>
    call<{ restored: { kind: ItemKind; id: string } }>('POST', `${history(meetingId)}/${encodeURIComponent(versionId)}/restore`, { kind, itemId }),
  remove: (meetingId: string, kind: ItemKind, itemId: string) =>
    call<{ removed: { kind: ItemKind; id: string } }>('DELETE', `${meetingPath(meetingId)}/record/${kind}/${encodeURIComponent(itemId)}`),
};
