// A Word draft of an agenda or of minutes, as the secretariat writes it before the meeting,
// read into agenda items and segments: a heading starts an agenda item (its title in the
// language chosen), each paragraph under it is a segment in that language, and a table of
// parallel texts gives one segment per row, each column in its own language (named in its
// first row, or told by its script). Anything that cannot be placed is a problem named by
// its paragraph, and a draft with any problem imports nothing. Pure: the server reads the
// .docx (server/console/word-file.ts) into the blocks this takes.
import type * as Y from 'yjs';
import { newSegment } from '../record/lay-record';
import { minutes, readMeetingFacts, type LocalizedText } from '../record/schema';
import { addAgendaItem } from '../record/segment-ops';

/** What the .docx holds, in order; `paragraph` counts the document's paragraphs from 1, a table's as one. */
export type DraftBlock =
  | { kind: 'heading'; paragraph: number; text: string }
  | { kind: 'paragraph'; paragraph: number; text: string }
  | { kind: 'table'; paragraph: number; rows: DraftRow[] }
  | { kind: 'image'; paragraph: number };

export interface DraftRow {
  cells: string[];
  /** Every cell with text is written in a heading style: the row titles an agenda item. */
  heading: boolean;
}

export const DRAFT_PROBLEM_CODES = [
  'unreadable',
  'empty',
  'language-not-working',
  'before-first-heading',
  'table-before-first-heading',
  'table-column-unknown',
  'table-language-not-working',
  'table-language-twice',
  'table-row-cells',
  'title-too-long',
  'text-too-long',
  'too-many-items',
  'too-many-segments',
  'image-dropped',
] as const;
export type DraftProblemCode = (typeof DRAFT_PROBLEM_CODES)[number];

export interface DraftProblem {
  paragraph: number;
  /** The row of a table, from 1. */
  row?: number;
  code: DraftProblemCode;
  /** The start of the paragraph, so the person finds it in their document. */
  excerpt?: string;
  params?: Record<string, string | number>;
}

export interface DraftItem {
  paragraph: number;
  title: LocalizedText;
  segments: LocalizedText[];
}

export type DraftReading = { ok: true; items: DraftItem[]; segments: number; notes: DraftProblem[] } | { ok: false; problems: DraftProblem[] };

export const DRAFT_LIMITS = { title: 500, text: 20_000, items: 200, segments: 500 } as const;

const excerptOf = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The language a run of text is written in, by its script; Latin is Vietnamese when it carries Vietnamese letters. */
function scriptLanguage(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const language =
      code >= 0x0e00 && code <= 0x0e7f
        ? 'th'
        : code >= 0x0e80 && code <= 0x0eff
          ? 'lo'
          : code >= 0x1000 && code <= 0x109f
            ? 'my'
            : code >= 0x1780 && code <= 0x17ff
              ? 'km'
              : /\p{Script=Latin}/u.test(ch)
                ? 'latin'
                : null;
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!top) return null;
  if (top[0] !== 'latin') return top[0];
  return /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text) ? 'vi' : 'en';
}

// A column's first cell may name its language: in English, in the language itself, or by code.
const LANGUAGE_NAMES: Record<string, string[]> = {
  th: ['th', 'thai', 'ไทย', 'ภาษาไทย', 'ພາສາໄທ', 'tiếng thái', 'ထိုင်း', 'ថៃ', 'ភាសាថៃ'],
  lo: ['lo', 'lao', 'ลาว', 'ภาษาลาว', 'ລາວ', 'ພາສາລາວ', 'tiếng lào', 'လာအို', 'ឡាវ', 'ភាសាឡាវ'],
  my: ['my', 'myanmar', 'burmese', 'พม่า', 'เมียนมา', 'ภาษาพม่า', 'ມຽນມາ', 'tiếng miến điện', 'မြန်မာ', 'မြန်မာဘာသာ', 'ភូមា', 'ភាសាភូមា'],
  km: ['km', 'khmer', 'เขมร', 'ภาษาเขมร', 'ຂະແມ', 'tiếng khmer', 'ခမာ', 'ខ្មែរ', 'ភាសាខ្មែរ'],
  vi: ['vi', 'vietnamese', 'เวียดนาม', 'ภาษาเวียดนาม', 'ຫວຽດນາມ', 'tiếng việt', 'ဗီယက်နမ်', 'វៀតណាម', 'ភាសាវៀតណាម'],
  en: ['en', 'english', 'อังกฤษ', 'ภาษาอังกฤษ', 'ອັງກິດ', 'ພາສາອັງກິດ', 'tiếng anh', 'အင်္ဂလိပ်', 'អង់គ្លេស', 'ភាសាអង់គ្លេស'],
};

function languageNamed(cell: string): string | null {
  const name = cell.normalize('NFC').trim().toLowerCase();
  for (const [language, names] of Object.entries(LANGUAGE_NAMES)) if (names.includes(name)) return language;
  return null;
}

interface Reading {
  /** The working language of headings and paragraphs outside tables. */
  language: string;
  languages: readonly string[];
}

export function readDraft(blocks: readonly DraftBlock[], { language, languages }: Reading): DraftReading {
  const problems: DraftProblem[] = [];
  const notes: DraftProblem[] = [];
  const items: DraftItem[] = [];
  if (!languages.includes(language)) return { ok: false, problems: [{ paragraph: 0, code: 'language-not-working', params: { language } }] };
  const current = () => items.at(-1);
  const addSegment = (segment: LocalizedText, at: number, row?: number) => {
    const item = current()!;
    for (const text of Object.values(segment))
      if (text.length > DRAFT_LIMITS.text)
        problems.push({ paragraph: at, row, code: 'text-too-long', excerpt: excerptOf(text), params: { maximum: DRAFT_LIMITS.text } });
    if (item.segments.length === DRAFT_LIMITS.segments)
      problems.push({ paragraph: at, row, code: 'too-many-segments', params: { maximum: DRAFT_LIMITS.segments } });
    item.segments.push(segment);
  };
  const addItem = (title: LocalizedText, at: number, row?: number) => {
    for (const text of Object.values(title))
      if (text.length > DRAFT_LIMITS.title)
        problems.push({ paragraph: at, row, code: 'title-too-long', excerpt: excerptOf(text), params: { maximum: DRAFT_LIMITS.title } });
    if (items.length === DRAFT_LIMITS.items) problems.push({ paragraph: at, row, code: 'too-many-items', params: { maximum: DRAFT_LIMITS.items } });
    items.push({ paragraph: at, title, segments: [] });
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        addItem({ [language]: block.text }, block.paragraph);
        break;
      case 'paragraph':
        if (current()) addSegment({ [language]: block.text }, block.paragraph);
        else problems.push({ paragraph: block.paragraph, code: 'before-first-heading', excerpt: excerptOf(block.text) });
        break;
      case 'image':
        notes.push({ paragraph: block.paragraph, code: 'image-dropped' });
        break;
      case 'table':
        readTable(block, languages, problems, addItem, addSegment, () => current() !== undefined);
        break;
      default:
        block satisfies never;
    }
  }
  if (problems.length === 0 && items.length === 0) problems.push({ paragraph: 0, code: 'empty' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items, segments: items.reduce((n, i) => n + i.segments.length, 0), notes };
}

function readTable(
  table: Extract<DraftBlock, { kind: 'table' }>,
  languages: readonly string[],
  problems: DraftProblem[],
  addItem: (title: LocalizedText, at: number, row: number) => void,
  addSegment: (segment: LocalizedText, at: number, row: number) => void,
  hasItem: () => boolean,
): void {
  const at = table.paragraph;
  const rows = table.rows.map((r, i) => ({ ...r, number: i + 1 })).filter((r) => r.cells.some((c) => c.trim()));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const named = rows[0]?.cells.every((c) => languageNamed(c) !== null) ? rows[0].cells.map((c) => languageNamed(c)!) : null;
  const body = named ? rows.slice(1) : rows;
  const columns =
    named ??
    Array.from({ length: width }, (_, column) => majority(body.map((r) => scriptLanguage(r.cells[column] ?? '')).filter((l): l is string => l !== null)));

  const before = problems.length;
  columns.forEach((language, column) => {
    const where = { paragraph: at, params: { column: column + 1, language: language ?? '' } };
    if (!language) problems.push({ ...where, code: 'table-column-unknown' });
    else if (!languages.includes(language)) problems.push({ ...where, code: 'table-language-not-working' });
    else if (columns.indexOf(language) !== column) problems.push({ ...where, code: 'table-language-twice' });
  });
  for (const row of body)
    if (row.cells.length !== columns.length)
      problems.push({ paragraph: at, row: row.number, code: 'table-row-cells', params: { cells: row.cells.length, columns: columns.length } });
  // A table whose columns cannot be placed gives no segments at all.
  if (problems.length > before) return;

  for (const row of body) {
    const texts: LocalizedText = Object.fromEntries(columns.map((language, i) => [language!, row.cells[i]!.trim()]).filter(([, text]) => text));
    if (row.heading) addItem(texts, at, row.number);
    else if (hasItem()) addSegment(texts, at, row.number);
    else {
      problems.push({ paragraph: at, row: row.number, code: 'table-before-first-heading', excerpt: excerptOf(Object.values(texts)[0] ?? '') });
      return;
    }
  }
}

function majority(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The draft as a new meeting's agenda and minutes (the shape of POST /api/meetings). */
export function draftAsInput(items: readonly DraftItem[]): { agenda: LocalizedText[]; minutes: { agendaItem: number; segments: LocalizedText[] }[] } {
  return {
    agenda: items.map((i) => i.title),
    minutes: items.map((item, i) => ({ agendaItem: i + 1, segments: item.segments })).filter((m) => m.segments.length > 0),
  };
}

/** Appends the draft's items, each with its segments, after the agenda a draft record holds. */
export function layDraft(doc: Y.Doc, items: readonly DraftItem[], newId: () => string): void {
  const { languages } = readMeetingFacts(doc);
  doc.transact(() => {
    for (const item of items) {
      const id = newId();
      addAgendaItem(doc, id, item.title);
      minutes(doc)
        .get(id)!
        .push(item.segments.map((texts) => newSegment(newId(), languages, texts)));
    }
  });
}
