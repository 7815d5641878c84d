// Loaded with --import into a process that runs under Node 24 (the benchmark's servers, see
// bench/lib/processes.ts; the tests' second run, see scripts/test-node24.mjs): a native addon
// package named in ACCORD_NODE24_ADDONS ({ name: folder }), wherever it is imported from
// (Accord's store and Hocuspocus 4.x's SQLite extension import better-sqlite3), resolves to
// the copy built for Node 24 in that folder, since the one in node_modules was built for the
// machine's Node 20 and would not load. Everything else resolves as usual, and a process of
// an older Node that inherits the option (a child started with another binary) is left alone.
import { realpathSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const addons = major >= 24 ? JSON.parse(process.env.ACCORD_NODE24_ADDONS ?? '{}') : {};
// A package's files are found by name ('better-sqlite3') or, as Vitest's module runner asks, by
// their path in a node_modules: either way, what lies under node_modules/<name>/ is taken from
// the Node 24 copy instead.
// Node resolves a file to its real path, so the copy's folder is compared as a real path too
// (a cache reached through a symbolic link would otherwise never match).
const copies = Object.entries(addons).map(([name, folder]) => ({ inside: `/node_modules/${name}/`, copy: `${pathToFileURL(realpathSync(folder)).href}/` }));
if (copies.length > 0)
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      for (const { inside, copy } of copies) {
        const at = resolved.url.lastIndexOf(inside);
        if (at >= 0 && !resolved.url.startsWith(copy)) return { ...resolved, url: copy + resolved.url.slice(at + inside.length) };
      }
      return resolved;
    },
  });
