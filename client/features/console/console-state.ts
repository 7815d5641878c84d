// Who is signed in to the console, outside React: loaded once, changed by signing in and
// out. And the console's own addresses under /console.
import { createStore, useStore } from '../../app/store';
import { ApiFailure, consoleApi, type ConsoleSession } from './console-api';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  /** A fresh installation, waiting for its first administrator. */
  | { kind: 'first-run' }
  | { kind: 'unreachable' }
  | { kind: 'signed-in'; session: ConsoleSession };

const session = createStore<SessionState>({ kind: 'loading' });
export const useConsoleSession = () => useStore(session);

export async function loadSession(): Promise<void> {
  try {
    session.set({ kind: 'signed-in', session: await consoleApi.session() });
  } catch (err) {
    if (err instanceof ApiFailure && err.unreachable) return session.set({ kind: 'unreachable' });
    const firstRun = await consoleApi.firstRunOpen().catch(() => ({ open: false }));
    session.set(firstRun.open ? { kind: 'first-run' } : { kind: 'signed-out' });
  }
}

export function signedOut(): void {
  session.set({ kind: 'signed-out' });
}

export type ConsolePage =
  | { page: 'meetings' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'register' }
  | { page: 'cases' }
  | { page: 'dashboard' }
  | { page: 'accounts' }
  | { page: 'setup' }
  | { page: 'unknown' };

export function consolePage(path: string): ConsolePage {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/console') return { page: 'meetings' };
  const meeting = /^\/console\/meetings\/([A-Za-z0-9_-]{1,64})$/.exec(clean);
  if (meeting) return { page: 'meeting', meetingId: meeting[1]! };
  const named = /^\/console\/(register|cases|dashboard|accounts|setup)$/.exec(clean)?.[1];
  return named ? ({ page: named } as ConsolePage) : { page: 'unknown' };
}
