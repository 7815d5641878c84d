// Issue 17's budget, shared by the two fuzz files: 100,000 hostile cases a run, a fifth of
// them HTTP requests (tests/faults/fuzz-api.test.ts) and the rest socket messages
// (tests/faults/fuzz-socket.test.ts). Two files rather than one so that the two halves run
// at the same time, on two workers. FUZZ_CASES sizes the run, FUZZ_SEED replays one.
export const CASES = Number(process.env.FUZZ_CASES ?? process.env.FUZZ_MESSAGES ?? 100_000);
/** The HTTP API's share of the cases; the socket has the rest. */
export const HTTP_CASES = Math.round(CASES * 0.2);
export const MESSAGES = CASES - HTTP_CASES;
/** Cases in flight at once, each on a connection of its own. */
export const WORKERS = 4;
export const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
