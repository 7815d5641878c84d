// The few addresses the app answers: /join#<token>, /meetings/<id>?view=…&item=…, /verify
// (open to anyone, ?record=<hash> from a printed original's QR code), and /.
import { createStore, useStore } from './store';

export interface Place {
  path: string;
  query: URLSearchParams;
}

const read = (): Place => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

const place = createStore<Place>(read());
window.addEventListener('popstate', () => place.set(read()));

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  place.set(read());
}

/** Changes query parameters of the current address; null removes one. */
export function setQuery(changes: Record<string, string | null>): void {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace: true });
}

export const usePlace = () => useStore(place);

export function meetingIdIn(path: string): string | null {
  const match = /^\/meetings\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  return match ? match[1]! : null;
}

/** The verify page, which needs no sign-in. */
export const isVerifyPath = (path: string): boolean => /^\/verify\/?$/.test(path);

/** The secretariat's console, under /console (its own chunk: App asks here, not the console). */
export const isConsolePath = (path: string): boolean => path === '/console' || path.startsWith('/console/');
