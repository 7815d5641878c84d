// Text written into a spreadsheet file (the action register as CSV or XLSX) stays text: a
// cell that begins with = + - @, a tab or a carriage return is a formula to a spreadsheet
// program (=HYPERLINK(…), =cmd|' /C calc'!A0), so it is written after an apostrophe, which
// those programs take as "what follows is text" (OWASP, CSV Injection). What the delegations
// typed is kept; only how a spreadsheet reads it changes.
const FORMULA_START = /^[=+\-@\t\r]/;

const spreadsheetText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Every text cell of a row made safe; numbers and dates are not formulas. */
export const spreadsheetRow = <T>(cells: readonly T[]): T[] => cells.map((cell) => (typeof cell === 'string' ? (spreadsheetText(cell) as T) : cell));
