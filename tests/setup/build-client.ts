// Builds the browser client into dist/client, as `npm start` does, before the e2e files
// run: the tests exercise what users load, on a clean clone too.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export default async function buildClient(): Promise<void> {
  // Vitest runs with NODE_ENV=test, which would make Vite build the development bundle
  // (React's dev runtime, no service worker); users get the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
