// The roster rules as pure code: header, each row, and the roster already in the record.
import { describe, expect, it } from 'vitest';
import { checkRoster, type TableRow } from '../../shared/console/roster';

const table = (...lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const context = { parties: ['TH', 'LA'], existing: [{ name: 'Jatuporn Rojanapanich', party: 'TH', role: 'head' as const }] };

describe('checkRoster', () => {
  it('reads columns in any order and case, trims cells, keeps the text, gives observers their own party', () => {
    const result = checkRoster(
      table(
        ['Role', ' NAME ', 'Agency', 'party'],
        ['delegate', '  วิไลวรรณ ชัยพร ', 'กระทรวงแรงงาน', 'th'],
        ['Observer', 'JICA Adviser', 'JICA', ''],
        [],
        ['head', 'ກົງສະຫວາດ', '', 'LA'],
      ),
      context,
    );
    expect(result).toEqual({
      ok: true,
      participants: [
        { line: 2, name: 'วิไลวรรณ ชัยพร', party: 'TH', role: 'delegate', title: '', agency: 'กระทรวงแรงงาน' },
        { line: 3, name: 'JICA Adviser', party: 'OBS', role: 'observer', title: '', agency: 'JICA' },
        { line: 5, name: 'ກົງສະຫວາດ', party: 'LA', role: 'head', title: '', agency: '' },
      ],
    });
  });

  it('refuses a header it does not understand before reading any row', () => {
    const result = checkRoster(table(['name', 'country', 'role', 'name'], ['A', 'TH', 'delegate']), context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [1, 'country', 'unknown-column'],
        [1, 'name', 'repeated-column'],
        [1, 'party', 'missing-column'],
      ]);
  });

  it('names every bad row: second head against the roster, a party the meeting lacks, a role that is none', () => {
    const result = checkRoster(
      table(
        ['name', 'party', 'role'],
        ['Somchai', 'TH', 'head'],
        ['Viengkham', 'LA', 'chair'],
        ['jatuporn  ROJANAPANICH', 'TH', 'delegate'],
        ['Noy', 'LA', 'observer'],
        ['X'.repeat(2001), 'LA', 'delegate'],
      ),
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.line, p.code])).toEqual([
        [2, 'second-head'],
        [3, 'unknown-role'],
        [4, 'already-on-roster'],
        [5, 'observer-in-party'],
        [6, 'too-long'],
      ]);
  });

  it('an empty file, or one with only its header, is refused', () => {
    expect(checkRoster([], context)).toMatchObject({ ok: false, problems: [{ code: 'empty-file' }] });
    expect(checkRoster(table(['name', 'party', 'role']), context)).toMatchObject({ ok: false, problems: [{ code: 'no-rows', line: 1 }] });
  });
});
