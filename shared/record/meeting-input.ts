// The shape POST /api/meetings accepts: the reference meetings of ../shared/fixtures are
// written in it. Checked here so that the server refuses a bad meeting with every problem
// named, before anything is stored.
import { z } from 'zod';
import { isTimeZone } from './time-zone';
import { ROLES } from '../roles';
import { rule, type IssueCode } from '../issues';
import { ACTION_STATUSES } from './action-status';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
// BCP 47, loosely: a primary subtag and optional subtags (th, lo, en, km, my, vi, zh-Hans).
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag');
export const partyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'a party code of capitals, such as TH');
const text = z.string().trim().min(1).max(2000);
export const localizedText = z.record(languageTag, z.string().max(20_000));

export { ACTION_STATUSES, type ActionStatus } from './action-status';

export const participantInput = z.object({
  party: partyCode,
  role: z.enum(ROLES),
  name: text,
  title: z.string().max(300).default(''),
  agency: z.string().max(300).default(''),
});

/** The meeting facts and parties: what a new meeting states, and what setup may change later. */
export const meetingFacts = z.object({
  series: localizedText,
  number: z.number().int().positive(),
  code: z.string().trim().min(1).max(40),
  venue: localizedText,
  startDate: isoDate,
  endDate: isoDate,
  languages: z.array(languageTag).min(1).max(12),
  authenticLanguages: z.array(languageTag).min(1),
  prevailingLanguage: languageTag.optional(),
  /** IANA name; taken from the venue when not given. */
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone, such as Asia/Vientiane').optional(),
  parties: z
    .array(z.object({ code: partyCode, name: localizedText, language: languageTag }))
    .min(1)
    .max(20),
});

export const meetingInput = meetingFacts
  .extend({
    participants: z.array(participantInput).max(2000),
    agenda: z.array(localizedText).max(200).default([]),
    minutes: z
      .array(
        z.object({
          agendaItem: z.number().int().positive(),
          segments: z.array(localizedText).max(500),
        }),
      )
      .default([]),
    actionPoints: z
      .array(
        z.object({
          text: localizedText,
          party: partyCode,
          agency: z.string().max(300).default(''),
          due: isoDate.optional(),
          status: z.enum(ACTION_STATUSES).default('open'),
        }),
      )
      .default([]),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string, code: IssueCode, params?: Record<string, string | number>) =>
      ctx.addIssue({ code: 'custom', path, message, ...rule(code, params) });
    const languages = new Set(m.languages);
    const parties = new Set(m.parties.map((p) => p.code));
    if (parties.size !== m.parties.length) issue(['parties'], 'party codes must be unique', 'repeated-party');
    if (new Set(m.languages).size !== m.languages.length) issue(['languages'], 'working languages must be unique', 'repeated-language');
    if (m.endDate < m.startDate) issue(['endDate'], 'the meeting cannot end before it starts', 'ends-before-starts');
    m.authenticLanguages.forEach((l, i) => {
      if (!languages.has(l)) issue(['authenticLanguages', i], `${l} is not a working language`, 'not-working-language', { language: l });
    });
    if (m.prevailingLanguage && !m.authenticLanguages.includes(m.prevailingLanguage))
      issue(['prevailingLanguage'], 'the prevailing text must be an authentic one', 'prevailing-not-authentic');
    m.parties.forEach((p, i) => {
      if (!languages.has(p.language))
        issue(['parties', i, 'language'], `${p.language} is not a working language`, 'not-working-language', { language: p.language });
    });
    const heads = new Map<string, number>();
    m.participants.forEach((p, i) => {
      if (p.role !== 'observer' && !parties.has(p.party))
        issue(['participants', i, 'party'], `${p.party} is not a party of this meeting`, 'not-a-party', { party: p.party });
      if (p.role === 'observer' && parties.has(p.party))
        issue(['participants', i, 'party'], 'an observer cannot belong to a party of the meeting', 'observer-in-party', { party: p.party });
      if (p.role === 'head') heads.set(p.party, (heads.get(p.party) ?? 0) + 1);
    });
    for (const [party, count] of heads)
      if (count > 1) issue(['participants'], `party ${party} has ${count} heads of delegation; it may have one`, 'second-head', { party, count });
    m.minutes.forEach((entry, i) => {
      if (entry.agendaItem > m.agenda.length)
        issue(['minutes', i, 'agendaItem'], `there is no agenda item ${entry.agendaItem}`, 'no-such-agenda-item', { item: entry.agendaItem });
    });
    m.actionPoints.forEach((a, i) => {
      if (!parties.has(a.party)) issue(['actionPoints', i, 'party'], `${a.party} is not a party of this meeting`, 'not-a-party', { party: a.party });
    });
  });

export type MeetingInput = z.infer<typeof meetingInput>;
export type ParticipantInput = z.infer<typeof participantInput>;
