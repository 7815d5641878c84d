import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Tests of pure functions (the client's, the shared code's, the server's record logic): no server, no process state. */
const PURE = [
  'tests/client/**/*.test.ts',
  'tests/client/**/*.test.tsx',
  'tests/shared/**/*.test.ts',
  'tests/server/record-document.test.ts',
  'tests/server/structural-deletions.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default in a run is one worker fewer than the cores: on a two-core machine,
    // one file at a time. Most files wait on sockets, child processes and the browser much of
    // the time, so two at a time on two cores is faster (and more on bigger machines).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Refusals are logged by design; tests that care read them from the child's stderr.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    projects: [
      {
        // Pure functions of the client and the shared code: no server, no process state. One
        // worker's module cache serves them all instead of each file importing everything anew.
        extends: true,
        test: {
          name: 'pure',
          include: [...PURE],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          globalSetup: ['tests/setup/services.ts'],
          exclude: ['tests/e2e/**', ...PURE, '**/node_modules/**'],
        },
      },
      {
        // The browser tests run against the built client: it is built once, and only when
        // one of them is about to run, so unit runs stay fast.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/build-client.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
