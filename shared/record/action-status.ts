// An action point's statuses, apart from the meeting input's schemas: the workspace's first
// screen needs the list (segment-ops) but not zod (meeting-input re-exports these).
export const ACTION_STATUSES = ['open', 'in progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
