// Loaded with --import into every benchmark process that runs under Node 24 (see
// processes.ts): a native addon package named in BENCH_NODE24_ADDONS ({ name: folder }),
// wherever it is imported from (Accord's store and Hocuspocus 4.x's SQLite extension import
// better-sqlite3; Hocuspocus 3.4.4's imports sqlite3), resolves to the copy built for Node 24
// in that folder, since the one in node_modules was built for the machine's Node 20 and
// would not load. Everything else resolves as usual.
import { createRequire, registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const addons = JSON.parse(process.env.BENCH_NODE24_ADDONS ?? '{}');
const urls = new Map(
  Object.entries(addons).map(([name, folder]) => [name, pathToFileURL(createRequire(join(folder, '..', '..', 'package.json')).resolve(name)).href]),
);
if (urls.size > 0)
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const url = urls.get(specifier);
      if (url) return { url, format: 'commonjs', shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
