// Ed25519 through WebCrypto, the same calls in the browser and in Node 20. The private
// key is made non-extractable: it can sign in the browser that made it, and nowhere else.
import { encodeBase64Url } from './base64';
import { ED25519 } from './key-pair';
import { statementBytes, type SignatureStatement } from './statement';

export { exportPublicKey, newSigningKey } from './key-pair';
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Signs a statement; answers the 64-byte signature, base64url, as POST /sign takes it. */
export async function signStatement(privateKey: CryptoKey, statement: SignatureStatement): Promise<string> {
  return encodeBase64Url(new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, statementBytes(statement))));
}

/** Reads a raw public key; answers null for bytes that are not an Ed25519 public key. */
export async function importPublicKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey | null> {
  if (raw.length !== PUBLIC_KEY_BYTES) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, ED25519, true, ['verify']);
  } catch {
    return null;
  }
}

export async function verifySignature(
  rawPublicKey: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  signed: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  if (signature.length !== SIGNATURE_BYTES) return false;
  const key = await importPublicKey(rawPublicKey);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(ED25519, key, signature, signed);
  } catch {
    return false;
  }
}
