// Finds the signed bundle attached to an exported original, so that the verify command and
// the /verify page take the PDF itself. Accord attaches the bundle as an embedded file,
// uncompressed; a PDF that another tool rewrote may carry it deflated, which is inflated
// with DecompressionStream (Node 20 and browsers alike). Pure code: no node:*, no DOM.
import { BUNDLE_FORMAT } from './bundle';

export class NoAttachedBundle extends Error {}

const PDF_MAGIC = '%PDF-';
const EMBEDDED_FILE = /\/Type\s*\/EmbeddedFile\b/g;

export const isPdf = (bytes: Uint8Array): boolean => latin1(bytes.subarray(0, PDF_MAGIC.length)) === PDF_MAGIC;

/** The bundle attached to the PDF, as parsed JSON; throws NoAttachedBundle when there is none. */
export async function bundleFromPdf(pdf: Uint8Array): Promise<unknown> {
  if (!isPdf(pdf)) throw new NoAttachedBundle('the file is not a PDF');
  const text = latin1(pdf);
  for (const match of text.matchAll(EMBEDDED_FILE)) {
    const stream = streamAfter(text, pdf, match.index);
    if (!stream) continue;
    const content = stream.filter === null ? stream.bytes : stream.filter === 'FlateDecode' ? await inflate(stream.bytes) : null;
    if (!content) continue;
    const bundle = parseBundle(content);
    if (bundle !== undefined) return bundle;
  }
  throw new NoAttachedBundle('this PDF carries no Accord signed bundle: export the original again, or verify the bundle (.json) file');
}

interface Stream {
  bytes: Uint8Array;
  filter: string | null;
}

/** The stream of the object whose dictionary holds `at`. */
function streamAfter(text: string, pdf: Uint8Array, at: number): Stream | null {
  const objectStart = text.lastIndexOf(' obj', at);
  const keyword = /stream\r?\n/g;
  keyword.lastIndex = at;
  const found = keyword.exec(text);
  if (objectStart < 0 || !found) return null;
  const dictionary = text.slice(objectStart, found.index);
  const start = found.index + found[0].length;
  const filter = /\/Filter\s*\/(\w+)/.exec(dictionary)?.[1] ?? null;
  const length = streamLength(text, dictionary);
  const end = length !== null && start + length <= pdf.length ? start + length : text.indexOf('endstream', start);
  if (end < start) return null;
  return { bytes: pdf.subarray(start, end), filter };
}

function streamLength(text: string, dictionary: string): number | null {
  const direct = /\/Length\s+(\d+)(\s+(\d+)\s+R)?/.exec(dictionary);
  if (!direct) return null;
  if (!direct[2]) return Number(direct[1]);
  // An indirect length: `/Length 12 0 R` names the object holding the number.
  const target = new RegExp(`(?:^|\\s)${direct[1]}\\s+${direct[3]}\\s+obj\\s*(\\d+)`).exec(text);
  return target ? Number(target[1]) : null;
}

function parseBundle(bytes: Uint8Array): unknown {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return value && typeof value === 'object' && (value as { format?: unknown }).format === BUNDLE_FORMAT ? value : undefined;
  } catch {
    return undefined;
  }
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

/** Bytes as a string of the same length, one character per byte, for searching the file's syntax. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return out;
}
