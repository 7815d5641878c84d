import { describe, expect, it } from 'vitest';
import { meetingInput } from '../../shared/record/meeting-input';
import { fixture } from '../helpers/server';

describe('the meeting input accepted by POST /api/meetings', () => {
  it('accepts both reference meetings as they are', () => {
    expect(meetingInput.safeParse(fixture('cmm04-th-la')).success).toBe(true);
    const gms = meetingInput.parse(fixture('gms08-regional'));
    expect(gms.participants).toHaveLength(120);
    expect(gms.parties.map((p) => p.code)).toContain('VN');
  });

  it('names each problem by its path', () => {
    const cmm = fixture('cmm04-th-la') as Record<string, unknown>;
    const result = meetingInput.safeParse({
      ...cmm,
      endDate: '2025-03-11',
      authenticLanguages: ['th', 'km'],
      participants: [
        { party: 'TH', role: 'head', name: 'One' },
        { party: 'TH', role: 'head', name: 'Two' },
        { party: 'TH', role: 'observer', name: 'Three' },
      ],
      minutes: [{ agendaItem: 99, segments: [] }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'endDate: the meeting cannot end before it starts',
        'authenticLanguages.1: km is not a working language',
        'participants: party TH has 2 heads of delegation; it may have one',
        'participants.2.party: an observer cannot belong to a party of the meeting',
        'minutes.0.agendaItem: there is no agenda item 99',
      ]),
    );
  });
});
