// Work that must not hold back the next paint (what others typed, what is derived from a
// cell's text) runs just after it: an animation frame, then a task, which the browser runs
// once the frame's own work is done. Every caller's work in a frame runs in that one task.
// A hidden page gets no animation frames (background tabs), and a page may be hidden after
// the frame was asked for: a timer runs the work then, so nothing waits for the page to be
// shown again.
const due = new Set<() => void>();
let frame = 0;
let task: ReturnType<typeof setTimeout> | undefined;
let fallback: ReturnType<typeof setTimeout> | undefined;

/** How long work waits for an animation frame before a timer runs it, ms. */
const FRAME_OR_TIMER_MS = 100;

const hasFrames = () => typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState !== 'hidden';

function runDue(): void {
  if (frame) cancelAnimationFrame(frame);
  if (task !== undefined) clearTimeout(task);
  if (fallback !== undefined) clearTimeout(fallback);
  frame = 0;
  task = undefined;
  fallback = undefined;
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
  if (frame || task !== undefined || fallback !== undefined) return;
  fallback = setTimeout(runDue, hasFrames() ? FRAME_OR_TIMER_MS : 0);
  if (hasFrames())
    frame = requestAnimationFrame(() => {
      frame = 0;
      task = setTimeout(runDue, 0);
    });
}

/** Takes back `run` if it has not run yet. */
export function cancelAfterPaint(run: () => void): void {
  due.delete(run);
}
