import { describe, expect, it } from 'vitest';
import { wordingDiff } from '../../client/features/proposals/wording-diff';

describe('a proposal shown as tracked changes', () => {
  it('keeps the words both share and marks the rest deleted or inserted', () => {
    expect(wordingDiff('The meeting noted the report.', 'The meeting adopted the report.', 'en')).toEqual([
      { kind: 'same', text: 'The meeting ' },
      { kind: 'deleted', text: 'noted' },
      { kind: 'inserted', text: 'adopted' },
      { kind: 'same', text: ' the report.' },
    ]);
  });

  it('cuts Thai, written without spaces, at word boundaries rather than whole sentences', () => {
    const parts = wordingDiff('ที่ประชุมรับทราบรายงาน', 'ที่ประชุมเห็นชอบรายงาน', 'th');
    expect(
      parts
        .filter((p) => p.kind === 'same')
        .map((p) => p.text)
        .join(''),
    ).toContain('รายงาน');
    expect(parts.find((p) => p.kind === 'deleted')?.text).toBe('รับทราบ');
    expect(parts.find((p) => p.kind === 'inserted')?.text).toBe('เห็นชอบ');
  });

  it('reads back both texts: before without insertions, after without deletions', () => {
    const before = 'ທັງສອງປະເທດໄດ້ນຳສະເໜີ';
    const after = 'ກອງປະຊຸມໄດ້ຮັບຊາບ ແລະ ນຳສະເໜີ';
    const parts = wordingDiff(before, after, 'lo');
    expect(
      parts
        .filter((p) => p.kind !== 'inserted')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'deleted')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
