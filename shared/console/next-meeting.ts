// Meeting n+1 of a series, made from meeting n: the same parties, languages and roster,
// and a first agenda item that reviews the action points of meeting n, holding every one
// not yet done or dropped, each naming where it was first agreed and what it was carried
// from. Pure: ids and the previous meeting's facts come from the caller.
import * as Y from 'yjs';
import { z } from 'zod';
import { localizedText, type MeetingInput } from '../record/meeting-input';
import { layRecord, type RecordIdentity } from '../record/lay-record';
import { actionPoints, agenda, agendaItemId, localizedYText, type Participant } from '../record/schema';
import { isSettled, type ActionPointView, type PointPlace } from './action-points';
import type { EditableFacts } from './meeting-facts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const nextMeetingRequest = z
  .object({
    startDate: isoDate,
    endDate: isoDate,
    /** Defaults to the previous code with its number raised: CMM 03 → CMM 04. */
    code: z.string().trim().min(1).max(40).optional(),
    /** Defaults to the previous venue; the secretariat edits it while the record is a draft. */
    venue: localizedText.optional(),
    /** Further agenda items, after the review of the action points. */
    agenda: z.array(localizedText).max(200).default([]),
  })
  .refine((r) => r.endDate >= r.startDate, { path: ['endDate'], message: 'the meeting cannot end before it starts' });
export type NextMeetingRequest = z.infer<typeof nextMeetingRequest>;

/** "CMM 03" → "CMM 04", "GMS-9" → "GMS-10"; a code without a number gets one. */
export function nextCode(code: string, number: number): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(code);
  if (!match) return `${code} ${number}`;
  const [, head, digits, tail] = match as unknown as [string, string, string, string];
  return `${head}${String(number).padStart(digits.length, '0')}${tail}`;
}

// Written plainly; a language without its own words here gets the English title, which
// the secretariat can translate in the workspace like any agenda title.
const REVIEW_TITLES: Record<string, (code: string) => string> = {
  en: (code) => `Review of the action points of ${code}`,
  th: (code) => `ทบทวนจุดดำเนินการของการประชุม ${code}`,
  lo: (code) => `ທົບທວນຈຸດປະຕິບັດງານຂອງກອງປະຊຸມ ${code}`,
  vi: (code) => `Rà soát các điểm hành động của cuộc họp ${code}`,
  my: (code) => `${code} အစည်းအဝေး၏ ဆောင်ရွက်ရန်အချက်များကို ပြန်လည်သုံးသပ်ခြင်း`,
  km: (code) => `ការពិនិត្យឡើងវិញលើចំណុចសកម្មភាពនៃកិច្ចប្រជុំ ${code}`,
};

export function reviewItemTitle(languages: readonly string[], previousCode: string): Record<string, string> {
  return Object.fromEntries(
    languages.map((language) => {
      const words = REVIEW_TITLES[language.toLowerCase().split('-')[0] ?? language] ?? REVIEW_TITLES.en!;
      return [language, words(previousCode)];
    }),
  );
}

export interface PreviousMeeting {
  seriesId: string;
  meetingId: string;
  facts: EditableFacts;
  roster: Participant[];
  points: ActionPointView[];
}

export interface LaidNextMeeting {
  input: MeetingInput;
  /** Each carried point: the new copy's id and the copy in meeting n it came from. */
  carried: { pointId: string; from: ActionPointView }[];
  reviewItemId: string;
}

export function nextMeetingInput(previous: PreviousMeeting, request: NextMeetingRequest): MeetingInput {
  const { facts } = previous;
  const number = facts.number + 1;
  return {
    series: facts.series,
    number,
    code: request.code ?? nextCode(facts.code, number),
    venue: request.venue ?? facts.venue,
    startDate: request.startDate,
    endDate: request.endDate,
    languages: facts.languages,
    authenticLanguages: facts.authenticLanguages,
    prevailingLanguage: facts.prevailingLanguage ?? undefined,
    parties: facts.parties,
    participants: previous.roster.map(({ party, role, name, title, agency }) => ({ party, role, name, title, agency })),
    agenda: [reviewItemTitle(facts.languages, facts.code), ...request.agenda],
    minutes: [],
    actionPoints: [],
  };
}

/** Lays meeting n+1 into `doc`: the record, then the carried points under the review item. */
export function layNextMeeting(
  doc: Y.Doc,
  previous: PreviousMeeting,
  input: MeetingInput,
  identity: RecordIdentity,
  roster: Participant[],
  newId: () => string,
): LaidNextMeeting {
  layRecord(doc, input, identity, roster, newId);
  const reviewItemId = agendaItemId(agenda(doc).get(0));
  const carried = previous.points.filter((p) => !isSettled(p.status)).map((from) => ({ pointId: newId(), from }));
  doc.transact(() => {
    actionPoints(doc).push(
      carried.map(({ pointId, from }) => {
        const here: PointPlace = {
          seriesId: previous.seriesId,
          meetingId: previous.meetingId,
          meetingNumber: previous.facts.number,
          meetingCode: previous.facts.code,
          actionPointId: from.id,
        };
        const point = new Y.Map<unknown>();
        point.set('id', pointId);
        point.set('text', localizedYText(Object.fromEntries(input.languages.map((l) => [l, from.text[l] ?? '']))));
        point.set('party', from.party);
        point.set('agency', from.agency);
        point.set('due', from.due);
        point.set('status', from.status);
        point.set('origin', { ...(from.origin ?? here), seriesId: previous.seriesId });
        point.set('carriedFrom', here);
        point.set('agendaItem', reviewItemId);
        return point;
      }),
    );
  });
  return { input, carried, reviewItemId };
}
