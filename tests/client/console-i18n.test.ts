// The console's catalogs: every message in every language, with the same placeholders,
// Thai and Lao in their own script; and the console's addresses.
import { describe, expect, it } from 'vitest';
import { consoleEn, type ConsoleKey } from '../../client/features/console/i18n/console-en';
import { consoleTh } from '../../client/features/console/i18n/console-th';
import { consoleLo } from '../../client/features/console/i18n/console-lo';
import { ROSTER_PROBLEM_CODES } from '../../shared/console/roster';

const keys = Object.keys(consoleEn) as ConsoleKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console catalogs', () => {
  it('every language has every message, with the same placeholders as English, in its own script', () => {
    for (const key of keys) {
      for (const catalog of [consoleTh, consoleLo]) expect(placeholders(catalog[key]), key).toEqual(placeholders(consoleEn[key]));
      expect(consoleTh[key], `th ${key}`).toMatch(/[\u0E00-\u0E7F]|^\{from\} → \{to\}$/);
      expect(consoleLo[key], `lo ${key}`).toMatch(/[\u0E80-\u0EFF]|^\{from\} → \{to\}$/);
    }
  });

  it('has words for every problem a roster file can have', () => {
    for (const code of ROSTER_PROBLEM_CODES) expect(keys).toContain(`roster.problem.${code}`);
  });
});
