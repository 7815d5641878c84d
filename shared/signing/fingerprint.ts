// People compare hashes by eye and by voice: a record hash or a key is shown as its
// first 128 bits in groups of four hex digits, enough that no one can make another key
// or record that looks the same.
import { digest } from 'lib0/hash/sha256';
import { toHexString } from 'lib0/buffer';

const SHOWN_HEX_DIGITS = 32;

export function sha256Hex(bytes: Uint8Array): string {
  return toHexString(digest(bytes));
}

/** "3F2A 91C0 …": the first 32 hex digits of a SHA-256, in eight groups of four. */
export function displayFingerprint(hex: string): string {
  return (
    hex
      .slice(0, SHOWN_HEX_DIGITS)
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/** A public key's fingerprint: SHA-256 of its raw 32 bytes, in hex. */
export const keyFingerprint = (rawPublicKey: Uint8Array): string => sha256Hex(rawPublicKey);
