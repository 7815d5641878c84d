// bench/RESULTS.md is written in sections, each between marks of its own, so that each
// benchmark rewrites its own figures and leaves everything else in the file as it was.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './traces';

const marks = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The section named `name`, with its marks, as it goes into the file. */
export function resultsSection(name: string, lines: string[]): string {
  const [start, end] = marks(name);
  return [start, ...lines, end].join('\n');
}

/** Puts `section` (made by resultsSection) in place of the file's section of that name, or at its end. */
export function writeResultsSection(name: string, section: string, path = join(REPO_ROOT, 'bench', 'RESULTS.md')): void {
  const [start, end] = marks(name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = current.indexOf(start);
  const next = at >= 0 ? `${current.slice(0, at)}${section}${current.slice(current.indexOf(end) + end.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
