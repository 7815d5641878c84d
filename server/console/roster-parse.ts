// Reads a roster file into rows of cells with their line numbers, for shared/console/roster.ts
// to check. Runs in a worker thread (roster-file.ts): a file is hostile until read, so its
// unpacked size, its rows and its columns have ceilings, and the thread a deadline. CSV must
// be UTF-8 (or UTF-16 with its byte order mark): a file in a legacy Thai code page is
// refused, never guessed at, so no name is ever garbled.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './excel';
import Papa from 'papaparse';
import type { RosterProblem, TableRow } from '../../shared/console/roster';
import { checkInflatedSize, OverBudget } from './zip-budget';
import { ROSTER_FILE_LIMITS } from './roster-limits';

export { ROSTER_FILE_LIMITS };

export type RosterFormat = 'csv' | 'xlsx';

export class UnreadableRoster extends Error {
  constructor(readonly problem: RosterProblem) {
    super(problem.message);
  }
}

const unreadable = (message: string) => new UnreadableRoster({ line: 1, code: 'unreadable', column: null, message });
const tooManyRows = () => unreadable(`the file has more than ${ROSTER_FILE_LIMITS.rows} rows; a roster is shorter`);

export async function parseRosterFile(bytes: Uint8Array, format: RosterFormat): Promise<TableRow[]> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableRoster({
      line: 1,
      code: 'unreadable',
      column: null,
      message: 'the file is not UTF-8 text: save it as "CSV UTF-8", or as an Excel workbook (.xlsx), and import it again',
    });
  }
}

function readCsv(text: string): TableRow[] {
  const rows: TableRow[] = [];
  let start = 0;
  let line = 1;
  let broken: RosterProblem | null = null;
  let over = false;
  Papa.parse<string[]>(text, {
    step: (result, parser) => {
      if (rows.length >= ROSTER_FILE_LIMITS.rows) {
        over = true;
        return parser.abort();
      }
      const end = result.meta.cursor;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError && !broken) broken = { line, code: 'unreadable', column: null, message: 'a quotation mark is not closed on this line' };
      rows.push({ line, cells: result.data.slice(0, ROSTER_FILE_LIMITS.columns).map((cell) => String(cell ?? '')) });
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  if (over) throw tooManyRows();
  if (broken) throw new UnreadableRoster(broken);
  return rows;
}

async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  try {
    checkInflatedSize(bytes, ROSTER_FILE_LIMITS.inflatedBytes);
  } catch (err) {
    if (err instanceof OverBudget)
      throw unreadable(`the workbook unpacks to more than ${ROSTER_FILE_LIMITS.inflatedBytes / 1024 / 1024} MB; a roster is far smaller`);
    throw unreadable('the file is not an Excel workbook (.xlsx) that can be read');
  }
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableRoster({ line: 1, code: 'unreadable', column: null, message: 'the file is not an Excel workbook (.xlsx) that can be read' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableRoster({ line: 1, code: 'empty-file', column: null, message: 'the workbook has no sheet' });
  if (sheet.actualRowCount > ROSTER_FILE_LIMITS.rows) throw tooManyRows();
  const rows: TableRow[] = [];
  const columns = Math.min(sheet.columnCount, ROSTER_FILE_LIMITS.columns);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= columns; col++) cells.push(cellText(row.getCell(col)));
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** What the cell shows, as text: rich text joined, a formula's result, a date as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
