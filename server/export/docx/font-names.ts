// Fontsource splits a family into files by script (Sarabun's Thai, Sarabun's Latin), each
// named "Sarabun" inside. A word processor knows an embedded font by its name, so each file
// Word embeds is given a name of its own ("Sarabun Latin"), the family's own script's file
// keeping the family's name: a run names exactly the file that has its letters.
import type { Face } from '../fonts';

/** The name a face goes by in Word. */
export function wordFamily(face: Face): string {
  if (face.primary) return face.family;
  const label = face.subset.replace(/^\[(\d+)\]$/, '$1').replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);
  return `${face.family} ${label}`;
}

const STYLE = (bold: boolean, italic: boolean) => (bold ? (italic ? 'Bold Italic' : 'Bold') : italic ? 'Italic' : 'Regular');

/** The TrueType file with its name table saying `family` (and the style), everything else as it was. */
export function renamed(font: Buffer, family: string, bold: boolean, italic: boolean): Buffer {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    tables.set(font.toString('latin1', at, at + 4), font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  const style = STYLE(bold, italic);
  tables.set(
    'name',
    nameTable({ 1: family, 2: style, 4: style === 'Regular' ? family : `${family} ${style}`, 6: `${family}-${style}`.replace(/[^A-Za-z0-9-]/g, '') }),
  );
  return assemble(font.readUInt32BE(0), tables);
}

/** A name table (format 0) of Windows Unicode records, in US English. */
function nameTable(names: Record<number, string>): Buffer {
  const entries = Object.entries(names).map(([id, text]) => ({ id: Number(id), bytes: Buffer.from(text, 'utf16le').swap16() }));
  const header = Buffer.alloc(6 + entries.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(entries.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  entries.forEach((e, i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at); // Windows
    header.writeUInt16BE(1, at + 2); // Unicode BMP
    header.writeUInt16BE(0x409, at + 4); // en-US
    header.writeUInt16BE(e.id, at + 6);
    header.writeUInt16BE(e.bytes.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += e.bytes.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.bytes)]);
}

const padded = (n: number) => (n + 3) & ~3;

function checksum(data: Buffer): number {
  const words = Buffer.alloc(padded(data.length));
  data.copy(words);
  let sum = 0;
  for (let i = 0; i < words.length; i += 4) sum = (sum + words.readUInt32BE(i)) >>> 0;
  return sum;
}

/** An sfnt from its tables, sorted by tag, with checksums and head's adjustment made anew. */
function assemble(flavor: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const head = Buffer.from(tables.get('head')!);
  head.writeUInt32BE(0, 8);
  tables.set('head', head);
  const directory = 12 + tags.length * 16;
  const out = Buffer.alloc(directory + tags.reduce((sum, tag) => sum + padded(tables.get(tag)!.length), 0));
  const power = 2 ** Math.floor(Math.log2(tags.length));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tags.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tags.length * 16 - power * 16, 10);
  let offset = directory;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + i * 16;
    out.write(tag, at, 'latin1');
    out.writeUInt32BE(checksum(data), at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(data.length, at + 12);
    data.copy(out, offset);
    if (tag === 'head') headAt = offset;
    offset += padded(data.length);
  });
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headAt + 8);
  return out;
}
