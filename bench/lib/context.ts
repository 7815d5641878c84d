// What every scenario is given, and what it gives back: per server and per repeat, named
// figures; the report turns them into medians, spreads and Accord/peer ratios.
import type { ServerKind } from './wire';

export interface RunContext {
  full: boolean;
  repeats: number;
  servers: ServerKind[];
  tracesDir: string;
  tmpRoot: string;
  /** Write CPU profiles of Accord here (--profile), else undefined. */
  profileDir: string | undefined;
  log(line: string): void;
}

export interface Metric {
  /** Row label, e.g. "p99 latency, updates". */
  name: string;
  unit: string;
  better: 'lower' | 'higher';
  /** Figures that name a target of the issue say which. */
  target?: string;
}

export interface ScenarioReport {
  id: string;
  title: string;
  /** What was run, in words (sizes, rates, durations, repeats). */
  setup: string;
  metrics: Metric[];
  /** values[metric][server] = one figure per repeat. */
  values: Record<string, Partial<Record<ServerKind, number[]>>>;
  /** Things a reader must know: checks that failed, servers that could not do something. */
  notes: string[];
}

export function newReport(id: string, title: string, setup: string, metrics: Metric[]): ScenarioReport {
  return { id, title, setup, metrics, values: Object.fromEntries(metrics.map((m) => [m.name, {}])), notes: [] };
}

export function record(report: ScenarioReport, metric: string, server: ServerKind, value: number): void {
  const row = report.values[metric];
  if (!row) throw new Error(`no metric "${metric}" in ${report.id}`);
  (row[server] ??= []).push(value);
}

/**
 * The order of runs: every repeat runs each server once, alternating direction (A B C,
 * C B A, A B C, …) so that drift on a shared machine falls on every server alike.
 */
export function abab<T>(servers: T[], repeats: number): { repeat: number; server: T }[] {
  const order: { repeat: number; server: T }[] = [];
  for (let r = 0; r < repeats; r++) {
    const round = r % 2 === 0 ? servers : [...servers].reverse();
    for (const server of round) order.push({ repeat: r, server });
  }
  return order;
}
