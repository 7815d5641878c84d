// A record is locked only when it can be printed as an original that says something in every
// authentic language and that every party's head can sign: blanks, a party without a head,
// and a working language Accord has no words for each block the lock, by name.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lockBlockers } from '../../shared/record/agreement';
import { layRecord } from '../../shared/record/lay-record';
import { meetingInput } from '../../shared/record/meeting-input';
import { actionPoints, agenda, agendaItemId, agendaItemTitle, minutes, segmentCells } from '../../shared/record/schema';
import { MESSAGES } from '../../shared/wording/catalog';
import { originalsFixture } from '../helpers/signed-record';

function recordOf(change: (input: Record<string, any>) => void = () => undefined): Y.Doc {
  const input = structuredClone(originalsFixture('th-vn-da-lat')) as Record<string, any>;
  change(input);
  const meeting = meetingInput.parse(input);
  const doc = new Y.Doc();
  let next = 0;
  layRecord(
    doc,
    meeting,
    { meetingId: 'm', version: 1, previousRecordHash: null },
    meeting.participants.map((p, i) => ({ id: `p${i}`, ...p })),
    () => `id${++next}`,
  );
  return doc;
}

const readiness = (doc: Y.Doc) => lockBlockers(doc).filter((b) => b.emptyLanguages?.length || b.problem);

describe('what a record must hold before it is locked', () => {
  it('holds a full record of the fixture: nothing but agreement is missing', () => {
    expect(readiness(recordOf())).toEqual([]);
  });

  it('refuses a segment whose authentic English text is blank, even when every party agreed it', () => {
    const doc = recordOf();
    const item = agenda(doc).get(1);
    const segment = minutes(doc).get(agendaItemId(item))!.get(0);
    const english = segmentCells(segment).get('en')!;
    english.delete(0, english.length);
    english.insert(0, [new Y.XmlElement('paragraph')]);
    expect(readiness(doc)).toEqual([expect.objectContaining({ kind: 'segment', id: segment.get('id'), emptyLanguages: ['en'] })]);
  });

  it('refuses an agenda title or an action point left empty in an authentic language', () => {
    const doc = recordOf();
    const title = agendaItemTitle(agenda(doc).get(0)).get('vi')!;
    title.delete(0, title.length);
    const point = (actionPoints(doc).get(0).get('text') as Y.Map<Y.Text>).get('th')!;
    point.delete(0, point.length);
    point.insert(0, '   ');
    expect(
      readiness(doc)
        .map((b) => [b.kind, b.emptyLanguages])
        .sort(),
    ).toEqual([
      ['actionPoint', ['th']],
      ['agendaItem', ['vi']],
    ]);
  });

  it('does not ask for text in a working language that is not authentic', () => {
    const doc = recordOf((input) => {
      input.authenticLanguages = ['en'];
      input.minutes[1].segments[0].vi = '';
    });
    expect(readiness(doc)).toEqual([]);
  });

  it('refuses a party without a head of delegation, and a working language Accord has no words for', () => {
    const doc = recordOf((input) => {
      input.participants = input.participants.filter((p: { party: string; role: string }) => !(p.party === 'VN' && p.role === 'head'));
      input.languages = [...input.languages, 'fr'];
    });
    expect(readiness(doc).filter((b) => b.problem)).toEqual([
      expect.objectContaining({ kind: 'party', id: 'VN', problem: 'no-head' }),
      expect.objectContaining({ kind: 'language', id: 'fr', problem: 'no-wording' }),
    ]);
  });

  it('has words for every language a Mekong meeting uses, and every word in each', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(['en', 'ja', 'km', 'lo', 'my', 'th', 'vi', 'zh']);
    const keys = Object.keys(MESSAGES.en).sort();
    for (const [language, messages] of Object.entries(MESSAGES)) expect(Object.keys(messages).sort(), language).toEqual(keys);
  });
});
