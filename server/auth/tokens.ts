// Secrets are random, at least 128 bits, and stored only as SHA-256 hashes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer secret: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** An identifier that is not a secret, but is not guessable either. */
export const newId = (): string => randomBytes(12).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashToken(a), 'hex');
  const y = Buffer.from(hashToken(b), 'hex');
  return timingSafeEqual(x, y);
}
