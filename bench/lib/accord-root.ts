// Which Accord the bench runs: the working tree by default, or the server/ and shared/ of
// a commit (--accord-at <ref>), exported read-only with `git archive` into a temporary
// folder, so that a run is not disturbed by edits in progress and two versions can be
// compared.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './traces';

export function accordRoot(): string {
  return process.env.BENCH_ACCORD_ROOT ?? REPO_ROOT;
}

/** Exports `ref`'s server/ and shared/ under `into`; answers the folder and the commit. */
export function exportAccord(ref: string, into: string): { root: string; commit: string } {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const root = join(into, `accord-${commit.slice(0, 10)}`);
  if (existsSync(join(root, 'server'))) return { root, commit };
  mkdirSync(root, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'server', 'shared', 'package.json'], { cwd: REPO_ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  return { root, commit };
}

/** What the results say about the Accord that ran. */
export function accordDescription(): string {
  const b = process.env.BENCH_ACCORD_B_NAME ? `; Accord B: ${process.env.BENCH_ACCORD_B_NAME}` : '';
  return accordA() + b;
}

function accordA(): string {
  if (process.env.BENCH_ACCORD_ROOT)
    return `Accord at ${process.env.BENCH_ACCORD_COMMIT?.startsWith('folder') ? process.env.BENCH_ACCORD_COMMIT : `commit ${process.env.BENCH_ACCORD_COMMIT ?? '?'} (exported with git archive)`}`;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'shared'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return `Accord from the working tree at ${head}${dirty ? ' with uncommitted changes in server/ or shared/' : ''}`;
  } catch {
    return 'Accord from the working tree';
  }
}
