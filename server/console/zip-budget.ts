// How much a ZIP archive (an XLSX workbook is one) unpacks to, found by unpacking it with a
// ceiling rather than by believing its directory: a 2 MB file can declare anything and
// inflate to half a gigabyte. Stops as soon as the ceiling is passed.
import { inflateRawSync } from 'node:zlib';

export class OverBudget extends Error {}
class NotAZip extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Unpacks every entry, in memory and each at most once; throws OverBudget past `budget` bytes in all. */
export function checkInflatedSize(bytes: Uint8Array, budget: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const within = (at: number, length: number) => at >= 0 && at + length <= bytes.byteLength;

  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotAZip('no end of central directory');
  const count = u16(end + 10);
  let at = u32(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (!within(at, 46) || u32(at) !== CENTRAL) throw new NotAZip('broken central directory');
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const local = u32(at + 42);
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (!within(local, 30) || u32(local) !== LOCAL) throw new NotAZip('broken local header');
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (compressed === 0xffffffff || !within(start, compressed)) throw new NotAZip('entry out of bounds');
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) total += compressed;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, budget - total + 1) }).byteLength;
      } catch (err) {
        if (err instanceof RangeError) throw new OverBudget(`unpacks to more than ${budget} bytes`);
        throw new NotAZip('an entry does not inflate');
      }
    } else throw new NotAZip(`compression method ${method}`);
    if (total > budget) throw new OverBudget(`unpacks to more than ${budget} bytes`);
  }
  return total;
}
