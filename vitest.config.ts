import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Tests of pure functions (the client's, the shared code's, the server's record logic): no server, no process state. */
const PURE = [
  'tests/client/**/*.test.ts',
  'tests/client/**/*.test.tsx',
  'tests/shared/**/*.test.ts',
  'tests/server/record-document.test.ts',
  'tests/server/structural-deletions.test.ts',
];

/**
 * The longest files, longest first. On a quiet machine, before the fuzzer was split in two:
 * the fuzzer 318 s (about two thirds of it the socket's half), accessibility-console 171 s,
 * crash 170 s. Vitest starts files in its sequencer's order, two at a time here; with no
 * results cache (a fresh clone, CI) that is project by project (e2e, pure, unit), larger
 * files first, so the fuzzer started only once every browser file and every pure file had,
 * and the run could end with it alone on one core.
 */
const LONGEST = ['tests/faults/fuzz-socket.test.ts', 'tests/e2e/accessibility-console.test.ts', 'tests/faults/crash.test.ts', 'tests/faults/fuzz-api.test.ts'];

/** Starts the longest files first, so that everything else fills the other core around them. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((path) => file.moduleId.endsWith(path));
      return at === -1 ? LONGEST.length : at;
    };
    // Stable: every other file keeps the order Vitest gave it.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker runs file after file in one process, its module cache serving them all, instead
    // of a new process importing the server, Yjs and Playwright anew for each file: on a quiet
    // two-core machine the unit project took 275 → 201 s and the browser's 341 → 302 s. What a
    // test makes (servers, stores, rooms, clients) is an object it stops; Accord's modules hold
    // only what a process shares by design (HarfBuzz's buffer, the roster readers' thread pool,
    // the end-of-turn flushes, which clear themselves).
    isolate: false,
    // Vitest's default in a run is one worker fewer than the cores: on a two-core machine,
    // one file at a time. Most files wait on sockets, child processes and the browser much of
    // the time, so two at a time on two cores is faster (and more on bigger machines).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The longest files start first.
    sequence: { sequencer: LongestFirst },
    // Refusals are logged by design; tests that care read them from the child's stderr.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    projects: [
      {
        // Pure functions of the client and the shared code: no server, no process state.
        extends: true,
        test: {
          name: 'pure',
          include: [...PURE],
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
