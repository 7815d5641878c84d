// Binary values travel as text: signatures and keys in the bundle as standard base64
// (RFC 4648 §4, padded, which `openssl base64 -d` reads); keys and signatures posted to
// the API as base64url (§5, unpadded), as browsers' WebCrypto code usually writes them.
// Both are decoded strictly: a stray character is an error, not silently skipped.
import { fromBase64, toBase64 } from 'lib0/buffer';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export class NotBase64 extends Error {}

const isBase64 = (text: string): boolean => BASE64.test(text);
export const isBase64Url = (text: string): boolean => BASE64URL.test(text) && text.length % 4 !== 1;

export function encodeBase64(bytes: Uint8Array): string {
  return toBase64(bytes);
}

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64(text)) throw new NotBase64('not standard base64');
  return new Uint8Array(fromBase64(text));
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64Url(text)) throw new NotBase64('not base64url');
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return new Uint8Array(fromBase64(standard + '='.repeat((4 - (standard.length % 4)) % 4)));
}
