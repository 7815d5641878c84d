// A newcomer's first start: an empty DATA_DIR gets the CMM 04 meeting (Thailand and
// Lao PDR, Vientiane, March 2025) and a link for each role to open it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meetingInput } from '../../shared/record/meeting-input';
import { createMeeting, type IssuedInvitation } from '../commands/create-meeting';
import { invitationLink } from '../presenters/meeting';
import type { Services } from '../services';

export const DEMO_LINKS_FILE = 'demo-invitations.txt';
const FIXTURE = fileURLToPath(new URL('./cmm04-th-la.json', import.meta.url));

export interface DemoSeed {
  meetingId: string;
  /** One invitation per role and party, the first of each in the roster. */
  showcase: IssuedInvitation[];
  linksFile: string;
}

export async function seedDemo(services: Services, baseUrl: string): Promise<DemoSeed | null> {
  if ((await services.storage.countMeetings()) > 0) return null;
  const input = meetingInput.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const created = await createMeeting(services, input, 'demo');
  const seen = new Set<string>();
  const showcase = created.invitations.filter((i) => {
    const key = `${i.role}/${i.party}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const linksFile = join(services.config.dataDir, DEMO_LINKS_FILE);
  const lines = created.invitations.map((i) => `${i.party}\t${i.role}\t${i.name}\t${invitationLink(baseUrl, i.token)}`);
  writeFileSync(linksFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { meetingId: created.meetingId, showcase, linksFile };
}
