// A roster list (CSV or XLSX, read by the server into rows of cells) checked row by row:
// either every row becomes a participant, or the list is refused with every problem named
// by its line and column. Names are kept exactly as written (Thai, Lao, any script); only
// the spaces around a cell are trimmed.
import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import type { ParticipantInput } from '../record/meeting-input';

export const ROSTER_COLUMNS = ['name', 'party', 'role', 'title', 'agency'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
const REQUIRED: readonly RosterColumn[] = ['name', 'party', 'role'];

/** One row of the file as read: its line number in the file (1 = first line) and its cells. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** What is wrong, as a code a screen can put in the reader's language. */
export const ROSTER_PROBLEM_CODES = [
  'empty-file',
  'no-rows',
  'unreadable',
  'unknown-column',
  'repeated-column',
  'missing-column',
  'too-long',
  'missing-name',
  'missing-role',
  'unknown-role',
  'missing-party',
  'unknown-party',
  'observer-in-party',
  'bad-party-code',
  'duplicate',
  'already-on-roster',
  'second-head',
] as const;
export type RosterProblemCode = (typeof ROSTER_PROBLEM_CODES)[number];

export interface RosterProblem {
  line: number;
  code: RosterProblemCode;
  /** The column at fault, or null when the problem is the whole row or file. */
  column: RosterColumn | string | null;
  message: string;
}

export interface RosterContext {
  /** The codes of the meeting's parties. */
  parties: readonly string[];
  /** Who is on the roster already: a new row may not repeat them, nor add a second head. */
  existing: readonly Pick<ParticipantInput, 'name' | 'party' | 'role'>[];
}

export type RosterCheck = { ok: true; participants: (ParticipantInput & { line: number })[] } | { ok: false; problems: RosterProblem[] };

/** The pseudo-party an observer gets when the row names none. */
const OBSERVER_PARTY = 'OBS';
const PARTY_CODE = /^[A-Z][A-Z0-9]{1,7}$/;
const LIMITS: Record<RosterColumn, number> = { name: 2000, party: 8, role: 40, title: 300, agency: 300 };

const ROLE_WORDS: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  'head of delegation': 'head',
};

/** Compares names as people read them: same letters, whatever the spacing or case. */
const sameNameKey = (name: string, party: string) => `${party}\u0000${name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase()}`;

export function checkRoster(rows: readonly TableRow[], context: RosterContext): RosterCheck {
  const problems: RosterProblem[] = [];
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header)
    return {
      ok: false,
      problems: [
        { line: 1, code: 'empty-file', column: null, message: 'the file is empty: its first line must name the columns name, party, role, title, agency' },
      ],
    };

  const columns = readHeader(header, problems);
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0)
    return { ok: false, problems: [{ line: header.line, code: 'no-rows', column: null, message: 'the file names its columns but lists nobody' }] };

  const entries = body.map((row) => ({
    line: row.line,
    cells: Object.fromEntries([...columns].map(([column, at]) => [column, row.cells[at] ?? ''])),
  }));
  return checkRosterEntries(entries, context);
}

/** One roster entry: its line (in a file, or 1 for a single person) and its cells by column. */
export interface RosterEntry {
  line: number;
  cells: Partial<Record<RosterColumn, string>>;
}

/** The checks every row gets, for a file's rows or one person added by hand. */
export function checkRosterEntries(entries: readonly RosterEntry[], context: RosterContext): RosterCheck {
  const problems: RosterProblem[] = [];
  const parties = new Set(context.parties);
  const seen = new Map<string, number | 'roster'>();
  const heads = new Map<string, number | 'roster'>();
  for (const p of context.existing) {
    seen.set(sameNameKey(p.name, p.party), 'roster');
    if (p.role === 'head') heads.set(p.party, 'roster');
  }

  const participants: (ParticipantInput & { line: number })[] = [];
  for (const row of entries) {
    const cell = (column: RosterColumn) => (row.cells[column] ?? '').trim();
    const problem = (column: RosterColumn | null, code: RosterProblemCode, message: string) => problems.push({ line: row.line, code, column, message });
    const before = problems.length;

    for (const column of ROSTER_COLUMNS) if (cell(column).length > LIMITS[column]) problem(column, 'too-long', `longer than ${LIMITS[column]} characters`);
    const name = cell('name');
    if (!name) problem('name', 'missing-name', 'the name is missing');

    const roleWord = cell('role').toLocaleLowerCase();
    const role = ROLE_WORDS[roleWord];
    if (!roleWord) problem('role', 'missing-role', `the role is missing: write ${ROLES.join(', ')}`);
    else if (!role) problem('role', 'unknown-role', `"${cell('role')}" is not a role: write ${ROLES.join(', ')}`);

    let party = cell('party').toUpperCase();
    if (role === 'observer') {
      party ||= OBSERVER_PARTY;
      if (parties.has(party))
        problem(
          'party',
          'observer-in-party',
          `an observer cannot belong to ${party}, a party of the meeting; leave the party empty or write the observer's own code`,
        );
      else if (!PARTY_CODE.test(party)) problem('party', 'bad-party-code', `"${cell('party')}" is not a code of 2 to 8 capitals and digits, such as IOM`);
    } else if (!party) {
      problem('party', 'missing-party', `the party is missing: write one of ${[...parties].join(', ')}`);
    } else if (!parties.has(party)) {
      problem('party', 'unknown-party', `${cell('party')} is not a party of this meeting (its parties: ${[...parties].join(', ')})`);
    }

    if (problems.length > before || !role) continue;
    const key = sameNameKey(name, party);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier === 'roster') problem('name', 'already-on-roster', `${name} (${party}) is already on the roster`);
      else problem('name', 'duplicate', `${name} (${party}) is listed twice: see line ${earlier}`);
      continue;
    }
    seen.set(key, row.line);
    if (role === 'head') {
      const head = heads.get(party);
      if (head !== undefined) {
        problem(
          'role',
          'second-head',
          head === 'roster'
            ? `${party} already has a head of delegation on the roster`
            : `${party} has a second head of delegation: the first is on line ${head}`,
        );
        continue;
      }
      heads.set(party, row.line);
    }
    participants.push({ line: row.line, name, party, role, title: cell('title'), agency: cell('agency') });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, participants };
}

function readHeader(header: TableRow, problems: RosterProblem[]): Map<RosterColumn, number> {
  const columns = new Map<RosterColumn, number>();
  header.cells.forEach((raw, index) => {
    const word = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (!word) return;
    const column = ROSTER_COLUMNS.find((c) => c === word);
    if (!column)
      problems.push({
        line: header.line,
        code: 'unknown-column',
        column: raw.trim(),
        message: `"${raw.trim()}" is not a roster column: use name, party, role, title, agency`,
      });
    else if (columns.has(column)) problems.push({ line: header.line, code: 'repeated-column', column, message: `the column ${column} appears twice` });
    else columns.set(column, index);
  });
  for (const column of REQUIRED)
    if (!columns.has(column)) problems.push({ line: header.line, code: 'missing-column', column, message: `the column ${column} is missing` });
  return columns;
}

/** One person added by hand: the cells of a roster row, checked by the same rules. */
export const rosterPerson = z.object({
  name: z.string().max(2000),
  party: z.string().max(8).default(''),
  role: z.string().max(40),
  title: z.string().max(300).default(''),
  agency: z.string().max(300).default(''),
});
