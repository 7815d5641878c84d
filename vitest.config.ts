import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Refusals are logged by design; tests that care read them from the child's stderr.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
  },
});
