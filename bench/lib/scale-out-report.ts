// The scale-out tables: one column per count of processes, then each count's ratio to one
// process (below 1 is better on latency and CPU rows, above 1 on rooms held).
import { median, spread } from './stats';

/** figures[row][processes] = one value per repeat. */
export type Figures = Record<string, Record<number, number[]>>;

function num(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function cell(values: number[] | undefined): string {
  if (!values || values.length === 0) return '–';
  if (values.length === 1) return num(values[0]!);
  const s = spread(values);
  return `${num(median(values))} (${num(s.min)}–${num(s.max)})`;
}

export function scaleOutTable(title: string, setup: string, counts: number[], figures: Figures): string {
  const others = counts.filter((n) => n !== 1);
  const head = ['figure', ...counts.map((n) => `${n} process${n === 1 ? '' : 'es'}`), ...others.map((n) => `${n} ÷ 1`)];
  const lines = [`### ${title}`, '', setup, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [name, row] of Object.entries(figures)) {
    const ratios = others.map((n) => {
      const r = median(row[n] ?? []) / median(row[1] ?? []);
      return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
    });
    lines.push(`| ${[name, ...counts.map((n) => cell(row[n])), ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}
