// The Word file as a deterministic package: the docx library stamps the time of packing, a
// process-wide counter in drawing ids and random keys for embedded fonts, which would make
// every export other bytes. Here the package is laid anew: its dates the original's own, the
// drawing ids counted from 1, each font's key made from the font's own bytes (and the font
// obfuscated with it, as Word reads it), the signed bundle as a part of its own, every entry
// with one fixed date and compressed by fflate, the same on every machine. The verifier
// makes the same file again and compares.
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Where the signed bundle stands in a Word original. */
const BUNDLE_PART = 'accord/bundle.json';

// A zip entry's date is local time: this one reads the same in every time zone.
const ENTRY_DATE = new Date(1980, 0, 1, 12, 0, 0);

const utf8 = new TextDecoder();
const text = (bytes: Uint8Array | undefined) => (bytes ? utf8.decode(bytes) : '');
const bytesOf = (value: string) => new TextEncoder().encode(value);

export function lay(packed: Uint8Array, options: { made: Date; bundle: string | null }): Buffer {
  const files = unzipSync(packed);
  const iso = options.made.toISOString().replace(/\.\d{3}Z$/, 'Z');
  files['docProps/core.xml'] = bytesOf(text(files['docProps/core.xml']).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`));

  let drawing = 0;
  for (const path of Object.keys(files)
    .filter((p) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(p))
    .sort()) {
    files[path] = bytesOf(text(files[path]).replace(/(<wp:docPr id=")\d+"/g, (_, start: string) => `${start}${++drawing}"`));
  }

  rekeyFonts(files);

  if (options.bundle !== null) {
    files[BUNDLE_PART] = bytesOf(options.bundle);
    const types = text(files['[Content_Types].xml']);
    if (!types.includes('Extension="json"'))
      files['[Content_Types].xml'] = bytesOf(types.replace(/(<Types[^>]*>)/, '$1<Default Extension="json" ContentType="application/json"/>'));
  }

  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { level: 6, mtime: ENTRY_DATE }];
  return Buffer.from(zipSync(zippable));
}

/** A GUID made from bytes: the same font, the same key. */
const guidOf = (bytes: Uint8Array) =>
  createHash('sha256')
    .update(bytes)
    .digest('hex')
    .slice(0, 32)
    .toUpperCase()
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** XOR of a font's first 32 bytes with its key's bytes, last first: obfuscating and the reverse are the same. */
function xorWithKey(font: Uint8Array, guid: string): Uint8Array {
  const key = (guid.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = new Uint8Array(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ key[i % key.length]!;
  return out;
}

function rekeyFonts(files: Record<string, Uint8Array>): void {
  const table = text(files['word/fontTable.xml']);
  if (!table.includes('w:fontKey')) return;
  const rels = text(files['word/_rels/fontTable.xml.rels']);
  const targetOf = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  files['word/fontTable.xml'] = bytesOf(
    table.replace(/r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]+)\}"/g, (whole, id: string, oldKey: string) => {
      const found = targetOf(id);
      const path = `word/${found?.[1] ?? found?.[2] ?? ''}`;
      const obfuscated = files[path];
      if (!obfuscated) return whole;
      const plain = xorWithKey(obfuscated, oldKey);
      const key = guidOf(plain);
      files[path] = xorWithKey(plain, key);
      return `r:id="${id}" w:fontKey="{${key}}"`;
    }),
  );
}

/** The signed bundle a Word original carries, and its stamp, or null for a file that carries none. */
export function readPackage(docx: Uint8Array): { bundle: string | null; properties: Record<string, string> } {
  const files = unzipSync(docx, { filter: (f) => f.name === BUNDLE_PART || f.name === 'docProps/custom.xml' });
  const properties: Record<string, string> = {};
  for (const match of text(files['docProps/custom.xml']).matchAll(/name="([^"]+)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)) {
    properties[match[1]!] = match[2]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  }
  return { bundle: files[BUNDLE_PART] ? text(files[BUNDLE_PART]) : null, properties };
}
