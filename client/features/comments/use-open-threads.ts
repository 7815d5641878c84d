// A segment row's count of open comment threads, read from the meeting's comment feed.
import { useSyncExternalStore } from 'react';
import { commentFeed } from './comment-feed';

/**
 * How many threads on a segment are open. A row asks for its own count rather than for the
 * feed: the feed is replaced at every refresh, and each of a big record's rows redrawing with
 * its editors every few seconds was a task of a hundred milliseconds the keyboard waited behind.
 */
export function useOpenThreads(meetingId: string, segmentId: string): number {
  const { state } = commentFeed(meetingId);
  return useSyncExternalStore(state.subscribe, () => state.get().threads.filter((th) => th.segmentId === segmentId && th.resolvedAt === null).length);
}
