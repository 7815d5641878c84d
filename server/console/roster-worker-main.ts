// The roster reader thread's entry point in the build (dist/server/roster-worker.js), run by
// plain node; from the source tree, roster-file.ts starts the same reader through tsx.
import { readInThisThread } from './roster-worker';

readInThisThread();
