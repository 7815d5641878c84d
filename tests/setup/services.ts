// The scale-out tests talk to the machine's PostgreSQL and Redis. When either is not there,
// say so at once, in one sentence, instead of letting each of those tests hang until its
// timeout.
import pg from 'pg';
import { Redis } from 'ioredis';
import { DATABASE_URL, REDIS_URL } from '../helpers/service-urls';

export default async function servicesAreThere(): Promise<void> {
  const database = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await database.connect();
    await database.query('SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${DATABASE_URL} (${(err as Error).message}): the scale-out tests need it; start it, or set TEST_DATABASE_URL.`,
    );
  } finally {
    await database.end().catch(() => undefined);
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // answered below, in one sentence
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${(err as Error).message}): the scale-out tests need it; start it, or set TEST_REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}
