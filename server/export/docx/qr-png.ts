// The verify page's QR code as a PNG for Word, made here rather than by the qrcode package's
// PNG writer, whose compression is Node's zlib: the Word original must be the same bytes on
// every machine, so the image is deflated by fflate. Black modules on white, a quiet zone of
// four modules, each module `scale` pixels.
import { crc32 } from 'node:zlib';
import { zlibSync } from 'fflate';
import QRCode from 'qrcode';

const QUIET_ZONE = 4;

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function qrPng(text: string, scale: number): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + QUIET_ZONE * 2) * scale;
  // 8-bit greyscale rows, each after its filter byte (0: none).
  const rows = Buffer.alloc(side * (side + 1), 0xff);
  for (let y = 0; y < side; y++) {
    rows[y * (side + 1)] = 0;
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QUIET_ZONE;
      const col = Math.floor(x / scale) - QUIET_ZONE;
      if (row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col)) rows[y * (side + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}
