// `npm start`: serve Accord on PORT with its data in DATA_DIR.
import { ConfigError, readConfig } from './config';
import { seedDemo, DEMO_LINKS_FILE } from './demo/seed-demo';
import { invitationLink } from './presenters/meeting';
import { startServer } from './server';
import { log, errorMessage } from './log';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const say = (line = '') => process.stdout.write(`${line}\n`);
const server = await (async () => {
  try {
    return await startServer(readConfig());
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    say(err.message);
    process.exit(2);
  }
})();
const { config } = server.services;
const baseUrl = config.publicUrl ?? server.url;

say(`Accord is serving ${baseUrl} (data in ${config.dataDir})`);
const admin = server.admin.source;
if (admin.kind === 'file') say(`The administrator token is in ${admin.file} (readable by this user only).`);
else if (admin.kind === 'environment') say('The administrator token is the one set in ACCORD_ADMIN_TOKEN.');
else say('The administrator token was made by the first process on this database: it is in that process’s DATA_DIR (admin-token), or set ACCORD_ADMIN_TOKEN.');

// Several processes may start together on one database: one of them seeds the demo.
const demo = config.seedDemo ? await server.services.storage.exclusively('seed-demo', () => seedDemo(server.services, baseUrl)) : null;
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
