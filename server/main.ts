// `npm start`: serve Accord on PORT with its data in DATA_DIR.
import { readConfig } from './config';
import { seedDemo, DEMO_LINKS_FILE } from './demo/seed-demo';
import { openFirstRun } from './commands/console/first-run';
import { invitationLink } from './presenters/meeting';
import { startServer } from './server';
import { log, errorMessage } from './log';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const config = readConfig();
const server = await startServer(config);
const baseUrl = config.publicUrl ?? server.url;
const say = (line = '') => process.stdout.write(`${line}\n`);

say(`Accord is serving ${baseUrl} (data in ${config.dataDir})`);
// Printed here only, never logged: the code makes the console's first administrator, once.
const firstRunCode = await openFirstRun(server.services);
if (firstRunCode) {
  say('');
  say(`To set up the secretariat console, open ${baseUrl}/console and type this one-time code:`);
  say(`    ${firstRunCode}`);
  say('');
}
if (server.admin.file) say(`For automation, the administrator token is in ${server.admin.file} (readable by this user only).`);
else say('The administrator token is the one set in ACCORD_ADMIN_TOKEN.');

const demo = config.seedDemo ? await seedDemo(server.services, baseUrl) : null;
if (demo) {
  say('');
  say('A demo meeting is ready: CMM 04, Thailand and Lao PDR, Vientiane. Open a link for each role:');
  for (const i of demo.showcase) say(`  ${i.party.padEnd(3)} ${i.role.padEnd(11)} ${invitationLink(baseUrl, i.token)}`);
  say(`Every participant's link is in ${demo.linksFile}.`);
} else if (existsSync(join(config.dataDir, DEMO_LINKS_FILE))) {
  say(`The demo meeting's invitation links are in ${join(config.dataDir, DEMO_LINKS_FILE)}.`);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error('server.stop-failed', { error: errorMessage(err) });
        process.exit(1);
      },
    );
  });
}
