// Where the tests find the machine's PostgreSQL and Redis (trust auth, database `test`), or
// the ones TEST_DATABASE_URL and TEST_REDIS_URL name.
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
