// Reads a .docx with mammoth (a reader made for Word files, loaded only when a draft is
// imported) into the blocks shared/console/word-draft places: headings, paragraphs, tables
// of parallel texts, and where an image was dropped. Mammoth's document tree is walked
// rather than its HTML: nothing is parsed twice.
import { DRAFT_LIMITS, type DraftBlock, type DraftRow } from '../../shared/console/word-draft';

export class UnreadableDraft extends Error {}

interface Element {
  type: string;
  children?: Element[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
}

// Headings start agenda items; the Title is the document's own and is left out.
const isHeading = (p: Element) => /^heading\s*\d/i.test(p.styleName ?? p.styleId ?? '');
const isTitle = (p: Element) => /^(title|subtitle)$/i.test(p.styleName ?? p.styleId ?? '');

function textOf(element: Element): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'break') return '\n';
  // Footnotes and comments are no part of the paragraph's text.
  if (element.type === 'noteReference' || element.type === 'commentReference') return '';
  return (element.children ?? []).map(textOf).join('');
}

const hasImage = (element: Element): boolean => element.type === 'image' || (element.children ?? []).some(hasImage);

const clean = (text: string) =>
  text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

async function documentTree(bytes: Uint8Array): Promise<Element> {
  const mammoth = (await import('mammoth')).default;
  let tree: Element | null = null;
  try {
    await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument: (document: Element) => (tree = document) });
  } catch (err) {
    throw new UnreadableDraft(err instanceof Error ? err.message : String(err));
  }
  if (!tree) throw new UnreadableDraft('the file holds no document');
  return tree;
}

export async function readWordDraft(bytes: Uint8Array): Promise<DraftBlock[]> {
  const document = await documentTree(bytes);
  const blocks: DraftBlock[] = [];
  let paragraph = 0;
  for (const element of document.children ?? []) {
    if (element.type === 'paragraph') {
      paragraph += 1;
      if (hasImage(element)) blocks.push({ kind: 'image', paragraph });
      const text = clean(textOf(element));
      if (!text || isTitle(element)) continue;
      blocks.push({ kind: isHeading(element) ? 'heading' : 'paragraph', paragraph, text });
    } else if (element.type === 'table') {
      paragraph += 1;
      blocks.push({ kind: 'table', paragraph, rows: rowsOf(element) });
    }
    if (blocks.length > DRAFT_LIMITS.items * DRAFT_LIMITS.segments) throw new UnreadableDraft('the document is longer than a meeting’s minutes can be');
  }
  return blocks;
}

function rowsOf(table: Element): DraftRow[] {
  return (table.children ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => {
      const cells = (row.children ?? []).filter((cell) => cell.type === 'tableCell');
      const paragraphs = cells.map((cell) => (cell.children ?? []).filter((p) => p.type === 'paragraph' && clean(textOf(p))));
      return {
        cells: paragraphs.map((ps) => ps.map((p) => clean(textOf(p))).join('\n')),
        heading: paragraphs.some((ps) => ps.length > 0) && paragraphs.every((ps) => ps.every(isHeading)),
      };
    });
}
