// The case register as it leaves the server: JSON for the console, CSV and XLSX files. A
// cell a spreadsheet would take as a formula is written as text (spreadsheet-cells.ts).
import { loadExcelJS } from '../../console/excel';
import Papa from 'papaparse';
import type { CaseHistoryEntry, CaseRegisterRow } from '../../../shared/cases/case-register';
import { spreadsheetRow } from '../../../shared/console/spreadsheet-cells';
import type { LocalizedText } from '../../../shared/record/schema';

export const presentCaseRegister = (rows: CaseRegisterRow[], today: string) => ({ today, count: rows.length, rows });

const pick = (text: LocalizedText, lang: string) => text[lang] ?? text.en ?? Object.values(text)[0] ?? '';

const caseHistoryLine = (h: CaseHistoryEntry) =>
  `${h.at.slice(0, 16).replace('T', ' ')} ${h.meetingCode}: ${h.kind === 'carried' ? `carried (${h.to})` : `${h.from ?? '—'} → ${h.to}`} by ${h.by ? h.by.name : 'not named'}`;

const HEADERS = ['Meeting', 'References', 'Parties', 'Agencies', 'Stage', 'Repatriated on', 'Next step', 'Due', 'Overdue', 'History'];

function cells(row: CaseRegisterRow, lang: string): string[] {
  return [
    row.meetingCode,
    row.sides.map((s) => `${s.party}: ${s.reference}`).join('\n'),
    row.sides.map((s) => s.party).join(', '),
    row.sides.map((s) => `${s.party}: ${s.agency}`).join('\n'),
    row.stage,
    row.repatriatedOn ?? '',
    pick(row.nextStep, lang),
    row.due ?? '',
    row.overdue ? 'overdue' : '',
    row.history.map(caseHistoryLine).join('\n'),
  ];
}

export function caseRegisterCsv(rows: CaseRegisterRow[], lang: string): string {
  return `\uFEFF${Papa.unparse({ fields: HEADERS, data: rows.map((r) => spreadsheetRow(cells(r, lang))) }, { newline: '\r\n' })}\r\n`;
}

export async function caseRegisterXlsx(rows: CaseRegisterRow[], lang: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Accord';
  const sheet = workbook.addWorksheet('Case register');
  sheet.addRow(HEADERS).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(spreadsheetRow(cells(row, lang)));
    if (row.overdue) added.getCell(9).font = { bold: true, color: { argb: 'FFB00020' } };
  }
  sheet.columns.forEach((column, i) => (column.width = [10, 28, 10, 36, 22, 14, 50, 12, 10, 60][i] ?? 16));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
