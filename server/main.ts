// `npm start`: serve Accord on PORT with its data in DATA_DIR.
import { ConfigError, readConfig } from './config';
import { seedDemo, DEMO_LINKS_FILE } from './demo/seed-demo';
import { openFirstRun } from './commands/console/first-run';
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
// Printed here only, never logged: the code makes the console's first administrator, once
// (one process makes it when several start together on one database).
const firstRunCode = await server.services.storage.exclusively('first-run', () => openFirstRun(server.services));
if (firstRunCode) {
  say('');
  say(`To set up the secretariat console, open ${baseUrl}/console and type this one-time code:`);
  say(`    ${firstRunCode}`);
  say('');
}
const admin = server.admin.source;
if (admin.kind === 'file') say(`For automation, the administrator token is in ${admin.file} (readable by this user only).`);
else if (admin.kind === 'environment') say('For automation, the administrator token is the one set in ACCORD_ADMIN_TOKEN.');
else
  say(
    'For automation, the administrator token was made by the first process on this database: it is in that process’s DATA_DIR (admin-token), or set ACCORD_ADMIN_TOKEN.',
  );

// Several processes may start together on one database: one of them seeds the demo.
const demo = config.seedDemo ? await server.services.storage.exclusively('seed-demo', () => seedDemo(server.services, baseUrl)) : null;
if (demo) {
  say('');
  // The links are credentials: where to find them, never the links themselves.
  say('A demo meeting is ready: CMM 04, Thailand and Lao PDR, Vientiane.');
  say(`Every participant's invitation link is in ${demo.linksFile} (readable by this user only);`);
  say('its first lines give one link for each role of each party: open each in a browser of its own.');
} else if (existsSync(join(config.dataDir, DEMO_LINKS_FILE))) {
  say(`The demo meeting's invitation links are in ${join(config.dataDir, DEMO_LINKS_FILE)}.`);
}

// Start-up's one-off tasks (first-run code, demo) are done: what a deployment's checks wait for.
log.info('server.started', { demoSeeded: demo !== null });

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
