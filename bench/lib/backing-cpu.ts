// The CPU of what a scaled-out Accord leans on: its own Redis, and the PostgreSQL backends
// serving its processes (found by the application name their connection string gives them).
// PostgreSQL's shared processes (WAL writer, checkpointer) serve every database on the
// machine and are left out.
import pg from 'pg';
import type { Target } from './plans';
import { cpuMs } from './proc-stat';

/** CPU time in ms per process, at one moment. */
type CpuSample = Map<number, number>;

export async function backingCpu(backing: NonNullable<Target['backing']>): Promise<CpuSample> {
  const pids = [...backing.pids];
  if (backing.database) {
    const client = new pg.Client({ connectionString: backing.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [backing.database.applicationName]);
      pids.push(...rows.map((r) => r.pid));
    } finally {
      await client.end();
    }
  }
  const sample: CpuSample = new Map();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) sample.set(pid, ms);
  }
  return sample;
}

/**
 * CPU used between two samples. A backend opened meanwhile counts from zero; one closed
 * meanwhile (the pool lets a connection go after 10 s idle) is missed: an undercount.
 */
export function cpuBetween(before: CpuSample, after: CpuSample): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
