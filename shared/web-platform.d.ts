// The web-platform globals shared/ uses: WHATWG encoding, Web Crypto, Blob, compression streams
// and fetch's Response. Browsers have them, and Node (20 and later) has the same ones as globals.
//
// shared/ compiles with neither the DOM lib nor node's types, so that a browser-only or node-only
// API used here is a compile error (shared/tsconfig.json). These few are declared by hand instead,
// no wider than shared/ uses them: a new one is added here on purpose, after checking both runtimes
// have it. Projects that use shared/ see their own full declarations (DOM, @types/node), not these.

type BufferSource = ArrayBuffer | ArrayBufferView<ArrayBuffer>;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

interface CryptoKey {
  readonly type: 'public' | 'private' | 'secret';
  readonly extractable: boolean;
  readonly algorithm: { name: string };
  readonly usages: KeyUsage[];
}
interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}
type KeyUsage = 'sign' | 'verify';
type Algorithm = { name: string };
interface SubtleCrypto {
  generateKey(algorithm: Algorithm, extractable: boolean, usages: KeyUsage[]): Promise<CryptoKeyPair | CryptoKey>;
  exportKey(format: 'raw', key: CryptoKey): Promise<ArrayBuffer>;
  importKey(format: 'raw', keyData: BufferSource, algorithm: Algorithm, extractable: boolean, usages: KeyUsage[]): Promise<CryptoKey>;
  sign(algorithm: Algorithm, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  verify(algorithm: Algorithm, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>;
}
declare const crypto: { readonly subtle: SubtleCrypto };

interface ReadableStream<R> {
  pipeThrough<T>(transform: { readable: ReadableStream<T>; writable: WritableStream<R> }): ReadableStream<T>;
}
interface WritableStream<W> {
  getWriter(): { write(chunk: W): Promise<void> };
}
declare class Blob {
  constructor(parts: (BufferSource | string)[]);
  stream(): ReadableStream<Uint8Array<ArrayBuffer>>;
}
declare class DecompressionStream {
  constructor(format: 'deflate' | 'deflate-raw' | 'gzip');
  readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
  readonly writable: WritableStream<BufferSource>;
}
declare class Response {
  constructor(body: ReadableStream<Uint8Array<ArrayBuffer>>);
  arrayBuffer(): Promise<ArrayBuffer>;
}
