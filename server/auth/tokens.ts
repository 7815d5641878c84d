// Secrets are random, at least 128 bits, and stored only as SHA-256 hashes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer secret: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** An identifier that is not a secret, but is not guessable either. */
export const newId = (): string => randomBytes(12).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Compares two SHA-256 hashes (hex) in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
