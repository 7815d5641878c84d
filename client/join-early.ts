// The first script an invitation link runs, a few hundred bytes loaded beside the app's own
// scripts: it trades the token for the session cookie, then asks for the meeting and the
// record's state (compressed, GET …/record/state) side by side while the app is still on its
// way, so that on a hotel's Wi-Fi those round trips are over by the time the app starts
// (client/connection/early-join.ts hands them over). The token leaves the
// address here, as JoinPage would wipe it, and goes only in the body of the exchange.
import type { EarlyJoin } from './connection/early-join';

const session = (token: string) =>
  fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ token }),
  });

const fetchOwn = (path: string) => fetch(path, { credentials: 'same-origin' });

if (window.location.pathname === '/join' && window.location.hash.length > 1) {
  const token = decodeURIComponent(window.location.hash.slice(1));
  window.history.replaceState(null, '', '/join');
  const exchange = session(token);
  const early: EarlyJoin = {
    token,
    session: exchange,
    // A failed exchange (or one the page cannot read) leaves the meeting and the record to the app.
    meeting: exchange
      .then((answer) => (answer.ok ? (answer.clone().json() as Promise<{ meetingId: string; documentId?: string }>) : null))
      .then((answered) => {
        if (!answered) return null;
        const meeting = `/api/meetings/${encodeURIComponent(answered.meetingId)}`;
        return {
          meetingId: answered.meetingId,
          answer: fetchOwn(meeting),
          record: answered.documentId ? { documentId: answered.documentId, state: fetchOwn(`${meeting}/record/state`) } : null,
        };
      })
      .catch(() => null),
  };
  (window as { accordEarlyJoin?: EarlyJoin }).accordEarlyJoin = early;
}
