// The end of an event-loop turn, where the work gathered during the turn is done at once:
// first what storage was asked to commit, then the sockets written to are uncorked. Both
// passes run in the same turn, the second after the first's answers have been handled, so
// an update committed at the end of a turn is also sent in it, not a turn later.

import { log, errorMessage } from './log';

type Step = () => void;

const commits: Step[] = [];
const sends: Step[] = [];
let commitPassQueued = false;
let sendPassQueued = false;

function runCommits(): void {
  commitPassQueued = false;
  run(commits.splice(0));
}

function runSends(): void {
  sendPassQueued = false;
  run(sends.splice(0));
}

/** One step that throws is logged; the others still run, and so does the server. */
function run(steps: Step[]): void {
  for (const step of steps) {
    try {
      step();
    } catch (err) {
      log.error('turn-end.step-failed', { error: errorMessage(err) });
    }
  }
}

/** Runs `step` at the end of this turn, before the sockets are uncorked. */
export function commitAtTurnEnd(step: Step): void {
  commits.push(step);
  if (commitPassQueued) return;
  commitPassQueued = true;
  setImmediate(runCommits);
  // Node handles the commit's answers (promise continuations) between the two callbacks,
  // so whatever they send is uncorked by the pass queued right behind it.
  sendPassQueued = true;
  setImmediate(runSends);
}

/** Runs `step` at the end of this turn, after anything committed in it has been answered. */
export function sendAtTurnEnd(step: Step): void {
  sends.push(step);
  if (sendPassQueued) return;
  sendPassQueued = true;
  setImmediate(runSends);
}
