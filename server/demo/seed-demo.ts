// A newcomer's first start: an empty DATA_DIR gets the CMM 04 meeting (Thailand and
// Lao PDR, Vientiane, March 2025), and every participant's link in a file readable by this
// user only. A link is a credential: it goes in that file, never in a log or on a console.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meetingInput } from '../../shared/record/meeting-input';
import { createMeeting } from '../commands/create-meeting';
import type { IssuedInvitation } from '../commands/new-invitations';
import { invitationLink } from '../presenters/meeting';
import type { Services } from '../services';

export const DEMO_LINKS_FILE = 'demo-invitations.txt';
const FIXTURE = fileURLToPath(new URL('./cmm04-th-la.json', import.meta.url));

export interface DemoSeed {
  meetingId: string;
  linksFile: string;
}

export async function seedDemo(services: Services, baseUrl: string): Promise<DemoSeed | null> {
  if ((await services.storage.countMeetings()) > 0) return null;
  const input = meetingInput.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const created = await createMeeting(services, input, 'demo');
  const linksFile = join(services.config.dataDir, DEMO_LINKS_FILE);
  // The first person of each role and party first: one link per role to try.
  const first = (i: IssuedInvitation) => created.invitations.findIndex((j) => j.role === i.role && j.party === i.party) === created.invitations.indexOf(i);
  const ordered = [...created.invitations.filter(first), ...created.invitations.filter((i) => !first(i))];
  const lines = ordered.map((i) => `${i.party}\t${i.role}\t${i.name}\t${invitationLink(baseUrl, i.token)}`);
  writeFileSync(linksFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { meetingId: created.meetingId, linksFile };
}
