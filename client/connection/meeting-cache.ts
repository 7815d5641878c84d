// The meeting's facts, kept in this browser beside the record itself (IndexedDB), so a
// delegate who reloads while offline gets the workspace back, not an error page.
import type { Meeting } from './api';

const key = (meetingId: string) => `accord.meeting.${meetingId}`;

export function rememberMeeting(meeting: Meeting): void {
  try {
    window.localStorage.setItem(key(meeting.id), JSON.stringify(meeting));
  } catch {
    // Storage full or refused: the workspace still works while online.
  }
}

export function rememberedMeeting(meetingId: string): Meeting | null {
  try {
    const raw = window.localStorage.getItem(key(meetingId));
    return raw ? (JSON.parse(raw) as Meeting) : null;
  } catch {
    return null;
  }
}

/** The meetings this browser has opened, newest first, for the start page. */
export function rememberedMeetings(): Meeting[] {
  const meetings: Meeting[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const name = window.localStorage.key(i);
      if (!name?.startsWith('accord.meeting.')) continue;
      const meeting = rememberedMeeting(name.slice('accord.meeting.'.length));
      if (meeting) meetings.push(meeting);
    }
  } catch {
    // Storage refused: the start page lists none.
  }
  return meetings.sort((a, b) => b.facts.startDate.localeCompare(a.facts.startDate));
}
