// The client is typed by the server's routes (client/connection/http.ts imports `AppType`),
// but no server code may reach the browser: every import of server/ from client/ must be
// `import type`, which the compiler erases. tsconfig lets client/ see server/'s declarations
// (a project reference); this holds the line the reference cannot.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = join(ROOT, 'server');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });

/** The imports and re-exports of `text` (a file at `file`) that reach server/ and are not type-only. */
function valueImportsOfServer(file: string, text: string): string[] {
  const reaches = (specifier: string) => specifier.startsWith('.') && resolve(dirname(file), specifier).startsWith(SERVER);
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms)) if (reaches(m[4]!) && !m[2]) found.push(m[0].trim());
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) if (reaches(m[1]!)) found.push(m[0].trim());
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) if (reaches(m[1]!)) found.push(m[0].trim());
  return found;
}

describe('the client and the server', () => {
  it('meet only in types: no file of client/ imports server/ code', () => {
    const offending = sources(join(ROOT, 'client')).flatMap((file) =>
      valueImportsOfServer(file, readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line}`),
    );
    expect(offending).toEqual([]);
    // The typed client does import the route types.
    expect(readFileSync(join(ROOT, 'client/connection/http.ts'), 'utf8')).toMatch(/^import type \{ AppType \} from '\.\.\/\.\.\/server\/app';$/m);
  });

  it('tells a type import from a value import, a re-export and a dynamic import', () => {
    const file = join(ROOT, 'client/connection/example.ts');
    expect(valueImportsOfServer(file, "import type { AppType } from '../../server/app';")).toEqual([]);
    expect(valueImportsOfServer(file, "import { apiError } from '../../server/routes/env';")).toHaveLength(1);
    expect(valueImportsOfServer(file, "import {\n  createApp,\n} from '../../server/app';")).toHaveLength(1);
    expect(valueImportsOfServer(file, "export { createApp } from '../../server/app';")).toHaveLength(1);
    expect(valueImportsOfServer(file, "const app = await import('../../server/app');")).toHaveLength(1);
    expect(valueImportsOfServer(file, "import { hc } from 'hono/client';")).toEqual([]);
  });
});
