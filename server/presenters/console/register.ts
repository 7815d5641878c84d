// The action register as it leaves the server: JSON for the console, and CSV and XLSX
// files. In a file, text and dates are in one language (`lang`): Thai dates in the
// Buddhist Era; the ISO date stays beside them for sorting. Text that a spreadsheet would
// take as a formula is written as text (shared/console/spreadsheet-cells.ts).
import { loadExcelJS } from '../../console/excel';
import Papa from 'papaparse';
import type { HistoryEntry, RegisterRow } from '../../../shared/console/register';
import type { LocalizedText } from '../../../shared/record/schema';
import { spreadsheetRow } from '../../../shared/console/spreadsheet-cells';

export const presentRegister = (rows: RegisterRow[], today: string) => ({ today, count: rows.length, rows });

const pick = (text: LocalizedText, lang: string) => text[lang] ?? text.en ?? Object.values(text)[0] ?? '';

const who = (h: HistoryEntry) => (h.by ? h.by.name : 'in the record (not named)');

const historyLine = (h: HistoryEntry) =>
  `${h.at.slice(0, 16).replace('T', ' ')} ${h.meetingCode}: ${h.kind === 'carried' ? `carried (${h.to})` : `${h.from ?? '—'} → ${h.to}`} by ${who(h)}`;

const HEADERS = ['Series', 'Meeting', 'Origin', 'Party', 'Agency', 'Action point', 'Due', 'Due (written)', 'Status', 'Overdue', 'History'];

/** A point carried from a meeting whose record was never signed was not agreed there. */
const origin = (row: RegisterRow) =>
  row.origin.meetingId === row.meetingId ? '' : `${row.origin.signed ? 'agreed in' : 'carried from'} ${row.origin.meetingCode}`;

function cells(row: RegisterRow, lang: string): (string | number)[] {
  return [
    pick(row.series, lang),
    row.meetingCode,
    origin(row),
    row.party,
    row.agency,
    pick(row.text, lang),
    row.due ?? '',
    row.due ? (row.dueText[lang] ?? row.dueText.en ?? row.due) : '',
    row.status,
    row.overdue ? 'overdue' : '',
    row.history.map(historyLine).join('\n'),
  ];
}

/** UTF-8 with a byte order mark, so spreadsheet programs read Thai and Lao as they are. */
export function registerCsv(rows: RegisterRow[], lang: string): string {
  return `\uFEFF${Papa.unparse({ fields: HEADERS, data: rows.map((r) => spreadsheetRow(cells(r, lang))) }, { newline: '\r\n' })}\r\n`;
}

export async function registerXlsx(rows: RegisterRow[], lang: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Accord';
  const register = workbook.addWorksheet('Action register');
  register.addRow(HEADERS).font = { bold: true };
  for (const row of rows) {
    const added = register.addRow(spreadsheetRow(cells(row, lang)));
    if (row.overdue) added.getCell(10).font = { bold: true, color: { argb: 'FFB00020' } };
  }
  register.columns.forEach((column, i) => (column.width = [28, 10, 12, 8, 30, 60, 12, 20, 12, 10, 60][i] ?? 16));
  register.views = [{ state: 'frozen', ySplit: 1 }];

  const history = workbook.addWorksheet('Status history');
  history.addRow(['Action point', 'First agreed in', 'Meeting', 'From', 'To', 'Change', 'By', 'When (UTC)']).font = { bold: true };
  for (const row of rows)
    for (const h of row.history)
      history.addRow(spreadsheetRow([pick(row.text, lang), row.origin.meetingCode, h.meetingCode, h.from ?? '', h.to, h.kind, who(h), h.at]));
  history.columns.forEach((column, i) => (column.width = [60, 12, 10, 12, 12, 10, 30, 22][i] ?? 16));

  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
