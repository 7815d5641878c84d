// What blocks the lock is judged segment by segment (and action point by action point). The
// client asks for the whole record's blockers while twenty people type, each into one
// segment of hundreds: a memo lets it keep each target's part while that target, and what
// it is judged against (languages, parties, marks, proposals), stays unchanged.
import type * as Y from 'yjs';

/** `target` is the segment's or action point's map; `part` names which of its contributions. */
export type TargetMemo = <T>(target: Y.AbstractType<any>, part: string, compute: () => T) => T;

/** Computes every time: the server, which judges the record once at each lock. */
export const noMemo: TargetMemo = (_target, _part, compute) => compute();
