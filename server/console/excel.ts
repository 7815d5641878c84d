// ExcelJS, loaded on first use: with the zip libraries under it, it was a quarter of the
// server's start (314 of 1,300 ms busy in a profile of the built server), and workbooks are
// made or read only when a register is downloaded or a roster uploaded. A restart after a
// crash, and every test that starts a server, do not wait for it.
import type ExcelJS from 'exceljs';

export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
