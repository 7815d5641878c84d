// Making a head's key and reading its public half: apart from ./keys (which signs
// statements, and so carries their schema), for the workspace's first screen, where a
// head's key is made on arrival.
import { encodeBase64Url } from './base64';

export const ED25519 = { name: 'Ed25519' } as const;

/** A head's signing key, made where it will stay. */
export function newSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ED25519, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** The raw 32-byte public key, base64url: what POST /api/meetings/:id/keys takes. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return encodeBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}
