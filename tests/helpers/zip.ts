// ZIP archives written by hand, for files no honest program writes: an XLSX workbook whose
// sheet is hundreds of megabytes of XML that deflate to almost nothing (a zip bomb).
import { crc32, createDeflateRaw } from 'node:zlib';

/** A piece of an entry's content, `times` times over (streamed, never all in memory at once). */
export interface Piece {
  bytes: Buffer;
  times?: number;
}

export interface ZipEntry {
  name: string;
  pieces: Piece[];
}

async function deflated(pieces: Piece[]): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const { bytes, times = 1 } of pieces) {
    for (let i = 0; i < times; i++) {
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

async function zipArchive(entries: ZipEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflated(entry.pieces);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const text = (s: string): Piece => ({ bytes: Buffer.from(s, 'utf8') });

/** The XML of sheet row `r` (1-based), of text cells. */
const rowXml = (r: number, values: string[]) =>
  `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** An XLSX workbook of one sheet whose XML is `pieces` (rows and whatever lies between them). */
function workbookOf(pieces: Piece[]): Promise<Buffer> {
  return zipArchive([
    {
      name: '[Content_Types].xml',
      pieces: [
        text(
          `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
      ],
    },
    {
      name: '_rels/.rels',
      pieces: [
        text(`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      ],
    },
    {
      name: 'xl/workbook.xml',
      pieces: [text(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: [
        text(`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', pieces: [text(`${XML}<worksheet xmlns="${MAIN}"><sheetData>`), ...pieces, text('</sheetData></worksheet>')] },
  ]);
}

/** A roster workbook of `rows` (the first names the columns). */
export const rosterWorkbook = (rows: string[][]) => workbookOf(rows.map((row, i) => text(rowXml(i + 1, row))));

/**
 * A zip bomb: a roster workbook whose sheet holds, between its two rows, `megabytes` MiB of
 * spaces (which XML allows there), deflated to about a thousandth of that.
 */
export const bombWorkbook = (megabytes: number) =>
  workbookOf([
    text(rowXml(1, ['name', 'party', 'role'])),
    { bytes: Buffer.alloc(1024 * 1024, 0x20), times: megabytes },
    text(rowXml(2, ['Somchai', 'TH', 'delegate'])),
  ]);
