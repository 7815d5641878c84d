// pdfkit compresses with Node's zlib, whose output is Chromium's zlib's: it can change with
// the processor (its hashing uses CRC32 instructions where they exist) and with the Node
// version. An original must be the same bytes on the verifier's machine as on the server
// that made it, so while pdfkit writes the file its deflate is fflate's, pure JavaScript of a
// pinned version, the same everywhere. pdfkit compresses only while it ends the document,
// synchronously, so nothing else runs while Node's own deflate is set aside.
import zlib from 'node:zlib';
import { zlibSync } from 'fflate';

const portable = ((data: Uint8Array) =>
  Buffer.from(zlibSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { level: 6 }))) as typeof zlib.deflateSync;

export function withPortableDeflate<T>(run: () => T): T {
  const native = zlib.deflateSync;
  zlib.deflateSync = portable;
  try {
    return run();
  } finally {
    zlib.deflateSync = native;
  }
}
