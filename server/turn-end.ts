// The end of an event-loop turn, where the work gathered during the turn is done at once:
// first what storage was asked to commit, then the sockets written to are uncorked. Both
// passes run in the same turn, the second after the first's answers have been handled, so
// an update committed at the end of a turn is also sent in it, not a turn later.

type Step = () => void;

const commits: Step[] = [];
const sends: Step[] = [];
let commitPassQueued = false;
let sendPassQueued = false;

function runCommits(): void {
  commitPassQueued = false;
  for (const step of commits.splice(0)) step();
}

function runSends(): void {
  sendPassQueued = false;
  for (const step of sends.splice(0)) step();
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
