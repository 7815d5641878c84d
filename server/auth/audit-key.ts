// The key that authenticates the audit log, kept apart from the database: made on first
// start (mode 0600) in DATA_DIR beside the SQLite file, never inside it, or given by
// ACCORD_AUDIT_KEY. Someone who can rewrite the database but not read this key cannot
// write an entry that verifies. Several processes on one database must share it.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const AUDIT_KEY_FILE = 'audit-key';
/** A key shorter than this is refused: HMAC-SHA-256 wants at least 256 bits. */
const MIN_AUDIT_KEY_CHARACTERS = 32;

export interface AuditKey {
  key: Uint8Array;
  /** The file holding it, or null when it came from the environment. */
  file: string | null;
  created: boolean;
}

export function loadAuditKey(dataDir: string, fromEnv: string | undefined): AuditKey {
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_AUDIT_KEY_CHARACTERS) throw new Error(`ACCORD_AUDIT_KEY must be at least ${MIN_AUDIT_KEY_CHARACTERS} characters`);
    return { key: new TextEncoder().encode(fromEnv), file: null, created: false };
  }
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const text = readFileSync(file, 'utf8').trim();
    if (text.length < MIN_AUDIT_KEY_CHARACTERS) throw new Error(`${file} holds no audit key`);
    return { key: new TextEncoder().encode(text), file, created: false };
  }
  const text = randomBytes(32).toString('base64url');
  writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return { key: new TextEncoder().encode(text), file, created: true };
}
