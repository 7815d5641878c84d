// The meeting's comment threads as this participant may read them, outside React: fetched
// when first wanted, again every few seconds while anyone looks, and at once after a change.
import { createStore, type Store } from '../../app/store';
import type { ThreadView } from '../../../shared/comments';
import { negotiationApi } from '../../connection/negotiation-api';

const REFRESH_MS = 4_000;

export interface CommentFeedState {
  threads: readonly ThreadView[];
  failed: boolean;
}

class CommentFeed {
  readonly state: Store<CommentFeedState> = createStore<CommentFeedState>({ threads: [], failed: false });
  private watchers = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly meetingId: string) {}

  async refresh(): Promise<void> {
    try {
      const { threads } = await negotiationApi.threads(this.meetingId);
      this.state.set({ threads, failed: false });
    } catch {
      this.state.update((s) => ({ ...s, failed: true }));
    }
  }

  watch(): () => void {
    if (this.watchers++ === 0) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    }
    return () => {
      if (--this.watchers === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }
}

const feeds = new Map<string, CommentFeed>();

export function commentFeed(meetingId: string): CommentFeed {
  let feed = feeds.get(meetingId);
  if (!feed) feeds.set(meetingId, (feed = new CommentFeed(meetingId)));
  return feed;
}
