// The administrator token. Its hash lives in the database, so that every process of a
// deployment accepts the same token; the token itself is made by the first process to
// start on that database and kept (mode 0600) in its DATA_DIR, or given by
// ACCORD_ADMIN_TOKEN. Only where to find it is ever printed.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../storage/storage';
import { hashToken, newToken } from './tokens';

const ADMIN_TOKEN_FILE = 'admin-token';
const SETTING = 'admin-token-sha256';

export type AdminTokenSource =
  | { kind: 'file'; file: string }
  | { kind: 'environment' }
  /** Made by another process of the deployment: in its DATA_DIR. */
  | { kind: 'another-process' };

export interface AdminToken {
  /** SHA-256 of the token this deployment accepts. */
  tokenHash: string;
  source: AdminTokenSource;
  created: boolean;
}

/**
 * `shared`: other processes use the same database. Alone, the token file in DATA_DIR is
 * what the operator holds and wins (deleting it makes a new token); shared, the first
 * token stored wins, so every process accepts the same one.
 */
export async function loadAdminToken(storage: Storage, dataDir: string, fromEnv: string | undefined, shared: boolean): Promise<AdminToken> {
  if (fromEnv) return { tokenHash: hashToken(fromEnv), source: { kind: 'environment' }, created: false };
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  const held = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  if (held) chmodSync(file, 0o600);
  const token = held ?? newToken();
  const tokenHash = hashToken(token);
  const stored = await storage.claimSetting(SETTING, tokenHash);
  if (stored !== tokenHash && shared) return { tokenHash: stored, source: { kind: 'another-process' }, created: false };
  if (stored !== tokenHash) await storage.putSetting(SETTING, tokenHash);
  if (!held) writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { tokenHash, source: { kind: 'file', file }, created: !held };
}
