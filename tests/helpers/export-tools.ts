// The real tools a reader of an exported original would use: poppler's pdftotext, pdffonts,
// pdfdetach and pdftoppm for PDFs, unzip for DOCX. Files go through a temporary folder.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_TOKEN, type CreatedMeetingResponse, type TestServer } from './server';

const run = promisify(execFile);

async function withFile<T>(bytes: Buffer, name: string, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-export-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return await use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in drawing order (pdftotext -raw), split at form feeds. */
export const pdfPages = (pdf: Buffer): Promise<string[]> =>
  withFile(pdf, 'original.pdf', async (path) => {
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\f').slice(0, -1);
  });

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export const pdfFonts = (pdf: Buffer): Promise<PdfFont[]> =>
  withFile(pdf, 'original.pdf', async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name, type (one or more words), encoding, emb, sub, uni, object, generation
        const [emb, sub, uni] = cols.slice(-5, -2);
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
      });
  });

/** The files attached to the PDF, extracted by pdfdetach. */
export const pdfAttachments = (pdf: Buffer): Promise<Map<string, Buffer>> =>
  withFile(pdf, 'original.pdf', async (path, dir) => {
    const out = join(dir, 'attached');
    mkdirSync(out);
    await run('pdfdetach', ['-saveall', '-o', out, path]);
    return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
  });

/** Renders every page to PNG under test-artifacts/export/, for people to look at; answers the files. */
export const renderPages = (pdf: Buffer, name: string, dpi = 100): Promise<string[]> =>
  withFile(pdf, 'original.pdf', async (path) => {
    const dir = join(process.cwd(), 'test-artifacts', 'export');
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir).filter((f) => f.startsWith(`${name}-`))) rmSync(join(dir, old));
    await run('pdftoppm', ['-r', String(dpi), '-png', path, join(dir, name)]);
    return readdirSync(dir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => join(dir, f));
  });

/** A part of a DOCX package as Word stores it: unzip -p original.docx word/document.xml. */
export const docxPart = (docx: Buffer, part = 'word/document.xml'): Promise<string> =>
  withFile(docx, 'original.docx', async (path) => (await run('unzip', ['-p', path, part], { maxBuffer: 64 * 1024 * 1024 })).stdout);

/** The text of a DOCX part, tags removed, a line per paragraph. */
export const docxText = async (docx: Buffer, part = 'word/document.xml'): Promise<string> =>
  (await docxPart(docx, part))
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface Exported {
  status: number;
  bytes: Buffer;
  fileName: string | null;
  contentType: string | null;
  body: string;
}

/** GET an export as the given participant (or the administrator, with no token). */
export async function exportFile(server: TestServer, meeting: CreatedMeetingResponse, token: string | null, path: string): Promise<Exported> {
  const res = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/export/${path}`, {
    headers: { authorization: `Bearer ${token ?? ADMIN_TOKEN}` },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const disposition = res.headers.get('content-disposition');
  return {
    status: res.status,
    bytes,
    fileName: /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null,
    contentType: res.headers.get('content-type'),
    body: res.status === 200 ? '' : bytes.toString('utf8'),
  };
}
