// Work that must not hold back the next paint (what others typed, what is derived from a
// cell's text, telling others of this browser's own keystroke) runs just after it: from an
// animation frame, a task, which the browser runs once the frame's own work is done. Every
// caller's work of a frame runs in that one task. It is posted at background priority where
// the browser can (scheduler.postTask): it yields to input, timers and network, which are
// more urgent than work already shown or waiting to be shown a frame later.
// A hidden page gets no animation frames (background tabs), a page may be hidden after the
// frame was asked for, and background tasks may wait while the page is busy: a timer runs
// the work if nothing else has after FRAME_OR_TIMER_MS, so nothing waits for long.
const due = new Set<() => void>();
/** The pending round of work, 0 when none; a round's frame, task and timer run it once. */
let round = 0;
let rounds = 0;
let frame = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const FRAME_OR_TIMER_MS = 100;

interface Scheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<unknown>;
}
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;

const hasFrames = () => typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState !== 'hidden';

function postTask(task: () => void): void {
  if (scheduler) void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

function runDue(): void {
  round = 0;
  if (frame) cancelAnimationFrame(frame);
  if (timer !== undefined) clearTimeout(timer);
  frame = 0;
  timer = undefined;
  const now = [...due];
  due.clear();
  for (const run of now) {
    try {
      run();
    } catch (error) {
      // One caller's failure leaves the others' work done; the error is still reported.
      setTimeout(() => {
        throw error;
      }, 0);
    }
  }
}

/** Runs `run` once just after the next frame is painted; asked again before then, still once. */
export function afterPaint(run: () => void): void {
  due.add(run);
  if (round) return;
  const mine = (round = ++rounds);
  const go = () => {
    if (round === mine) runDue();
  };
  const frames = hasFrames();
  timer = setTimeout(go, frames ? FRAME_OR_TIMER_MS : 0);
  if (frames)
    frame = requestAnimationFrame(() => {
      frame = 0;
      postTask(go);
    });
}

/** Takes back `run` if it has not run yet. */
export function cancelAfterPaint(run: () => void): void {
  due.delete(run);
}
