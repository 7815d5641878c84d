// The register, the dashboard and the next meeting's code and title, as pure code given today's date.
import { describe, expect, it } from 'vitest';
import { buildDashboard, buildRegister, dateIn, filterRegister, type RegisterMeeting } from '../../shared/console/register';
import { nextCode, reviewItemTitle } from '../../shared/console/next-meeting';
import type { ActionPointView } from '../../shared/console/action-points';

const ap = (id: string, status: ActionPointView['status'], due: string | null, extra: Partial<ActionPointView> = {}): ActionPointView => ({
  id,
  text: { en: id },
  party: 'TH',
  agency: 'Royal Thai Police',
  due,
  status,
  origin: null,
  carriedFrom: null,
  agendaItem: null,
  ...extra,
});

const meeting = (meetingId: string, number: number, points: ActionPointView[]): RegisterMeeting => ({
  meetingId,
  seriesId: 'S1',
  number,
  code: `CMM 0${number}`,
  series: { en: 'CMM' },
  state: 'draft',
  languages: ['th', 'en'],
  points,
});

describe('the action register', () => {
  const origin = { seriesId: 'S1', meetingId: 'm3', meetingNumber: 3, meetingCode: 'CMM 03', actionPointId: 'a' };
  const meetings = [
    meeting('m3', 3, [ap('a', 'open', '2025-01-31'), ap('b', 'done', '2024-12-01'), ap('c', 'open', '2025-06-30')]),
    meeting('m4', 4, [ap('a4', 'in progress', '2025-01-31', { origin, carriedFrom: origin, text: { en: 'a' } })]),
  ];

  it('shows one row per point, where its latest copy stands; overdue first, as of the day given', () => {
    const rows = buildRegister(meetings, [], '2025-03-01');
    expect(rows.map((r) => [r.text.en, r.meetingCode, r.status, r.overdue])).toEqual([
      ['a', 'CMM 04', 'in progress', true],
      ['c', 'CMM 03', 'open', false],
      ['b', 'CMM 03', 'done', false],
    ]);
    expect(
      buildRegister(meetings, [], '2025-07-01')
        .filter((r) => r.overdue)
        .map((r) => r.text.en),
    ).toEqual(['a', 'c']);
    expect(rows[0]!.dueText).toEqual({
      th: '31 มกราคม 2568',
      lo: '31 ມັງກອນ 2025',
      my: '၂၀၂၅ ခုနှစ်၊ ဇန်နဝါရီလ ၃၁ ရက်',
      km: 'ថ្ងៃទី៣១ ខែមករា ឆ្នាំ២០២៥',
      vi: 'ngày 31 tháng 1 năm 2025',
      en: '31 January 2025',
    });
    // CMM 03 was never signed: its points were carried from it, not agreed there.
    expect(rows[0]!.origin).toEqual({ meetingId: 'm3', meetingCode: 'CMM 03', meetingNumber: 3, actionPointId: 'a', signed: false });
    const signed = buildRegister([{ ...meetings[0]!, state: 'signed' }, meetings[1]!], [], '2025-03-01');
    expect(signed[0]!.origin.signed).toBe(true);
  });

  it('gathers a point’s history from every meeting it passed through, in time order', () => {
    const thread = { meetingId: 'm3', pointId: 'a' };
    const rows = buildRegister(
      meetings,
      [
        { meetingId: 'm4', pointId: 'a4', thread, from: 'open', to: 'in progress', kind: 'carried', by: null, at: '2025-03-12T03:00:00Z' },
        {
          meetingId: 'm3',
          pointId: 'a',
          thread,
          from: null,
          to: 'open',
          kind: 'recorded',
          by: { actor: 'officer:x', name: 'Khamla' },
          at: '2024-09-10T03:00:00Z',
        },
      ],
      '2025-03-01',
    );
    expect(rows[0]!.history.map((h) => [h.meetingCode, h.kind])).toEqual([
      ['CMM 03', 'recorded'],
      ['CMM 04', 'carried'],
    ]);
  });

  it('filters by party, agency (any case), status and overdue; the dashboard counts what is still to do', () => {
    const rows = buildRegister(meetings, [], '2025-03-01');
    expect(filterRegister(rows, { agency: 'ROYAL thai police', status: 'open' }).map((r) => r.text.en)).toEqual(['c']);
    expect(filterRegister(rows, { party: 'LA' })).toEqual([]);
    expect(filterRegister(rows, { overdue: 'false' }).map((r) => r.text.en)).toEqual(['c', 'b']);
    expect(buildDashboard([{ state: 'draft' }, { state: 'signed' }], rows)).toEqual({
      meetings: { draft: 1, locked: 0, signed: 1 },
      agencies: [{ party: 'TH', agency: 'Royal Thai Police', open: 2, overdue: 1 }],
    });
  });

  it('reckons today where the meetings are held', () => {
    expect(dateIn(new Date('2025-03-11T18:30:00Z'), 'Asia/Bangkok')).toBe('2025-03-12');
    expect(dateIn(new Date('2025-03-11T18:30:00Z'), 'UTC')).toBe('2025-03-11');
  });
});

describe('the next meeting', () => {
  it('raises the number in the code, keeping its width', () => {
    expect(nextCode('CMM 03', 4)).toBe('CMM 04');
    expect(nextCode('GMS-9', 10)).toBe('GMS-10');
    expect(nextCode('Follow-up', 2)).toBe('Follow-up 2');
  });

  it('titles the review item in each working language, English where no words are written', () => {
    expect(reviewItemTitle(['th', 'lo', 'km', 'my', 'ja'], 'CMM 03')).toEqual({
      th: 'ทบทวนจุดดำเนินการของการประชุม CMM 03',
      lo: 'ທົບທວນຈຸດປະຕິບັດງານຂອງກອງປະຊຸມ CMM 03',
      km: 'ការពិនិត្យឡើងវិញលើចំណុចសកម្មភាពនៃកិច្ចប្រជុំ CMM 03',
      my: 'CMM 03 အစည်းအဝေး၏ ဆောင်ရွက်ရန်အချက်များကို ပြန်လည်သုံးသပ်ခြင်း',
      ja: 'Review of the action points of CMM 03',
    });
  });
});
