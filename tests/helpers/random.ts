// Seeded randomness for tests: every random choice a test makes can be replayed. The seed
// comes from TEST_SEED when set, else from the clock; a test that draws from it names the
// seed in its title (so a failure report shows it) with `seedNote`.
/** mulberry32: a small, fast 32-bit PRNG, good enough for test choices. Answers [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** This run's seed: TEST_SEED, or the clock's milliseconds. */
export const testSeed: number = Number(process.env.TEST_SEED ?? Date.now() % 2_147_483_647);

/** What a test's title carries so a failure can be replayed. */
export const seedNote = (seed = testSeed) => `seed ${seed}; replay with TEST_SEED=${seed}`;
