// Counting the turns of the event loop, to prove that something happens in the turn it
// should, not one later.

/** Counts the turns of the event loop: one immediate a turn, queued again each time it runs. */
export function turnCounter(): { readonly turn: number; stop: () => void } {
  let turn = 0;
  let running = true;
  const tick = () => {
    turn++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop: () => {
      running = false;
    },
  };
}
