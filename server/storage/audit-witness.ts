// What this server has seen of each audit log, kept apart from the database: after every
// entry it writes, the log's head (length and last seal) is appended to DATA_DIR/audit-heads.
// A chain cut at its end still links up and its seals still hold; the witness remembers that
// the log was longer. It is a lower bound: a crash may lose its last lines, never add one.
// Each process keeps its own, so in the scale-out mode each vouches for what it wrote.
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditHead } from '../../shared/record/canonical';
import { log, errorMessage } from '../log';

const AUDIT_WITNESS_FILE = 'audit-heads';

export class AuditWitness {
  private constructor(
    private readonly heads: Map<string, AuditHead>,
    private fd: number | null,
  ) {}

  /** Reads what was noted before (keeping the longest head of each log) and goes on noting. */
  static open(dataDir: string): AuditWitness {
    const file = join(dataDir, AUDIT_WITNESS_FILE);
    const heads = new Map<string, AuditHead>();
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const noted = parseLine(line);
        if (noted && noted.length > (heads.get(noted.log)?.length ?? -1)) heads.set(noted.log, { length: noted.length, hash: noted.hash });
      }
    }
    // One line per log from here on: the file grows with what is written after this start.
    const lines = [...heads].map(([logId, head]) => lineOf(logId, head)).join('');
    writeFileSync(`${file}.tmp`, lines, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return new AuditWitness(heads, openSync(file, 'a', 0o600));
  }

  /** Notes that `logId` now has `head` (an entry was just stored). */
  saw(logId: string, head: AuditHead): void {
    if (head.length <= (this.heads.get(logId)?.length ?? 0)) return;
    this.heads.set(logId, head);
    if (this.fd === null) return;
    try {
      writeSync(this.fd, lineOf(logId, head));
    } catch (err) {
      // The database has the entry; only the witness of it is missing.
      log.warn('audit.witness-failed', { error: errorMessage(err) });
    }
  }

  /** The longest head noted for `logId`, if any. */
  headOf(logId: string): AuditHead | undefined {
    return this.heads.get(logId);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

const lineOf = (logId: string, head: AuditHead) => `${JSON.stringify({ log: logId, length: head.length, hash: head.hash })}\n`;

function parseLine(line: string): { log: string; length: number; hash: string } | null {
  try {
    const value = JSON.parse(line) as { log?: unknown; length?: unknown; hash?: unknown };
    const ok = typeof value.log === 'string' && Number.isInteger(value.length) && typeof value.hash === 'string';
    return ok ? (value as { log: string; length: number; hash: string }) : null;
  } catch {
    return null; // a line torn by a crash
  }
}
