// Does a printed original say what the signed record says? The heads signed the record
// hash, not the pages: someone could edit a PDF's text and leave the genuine bundle
// attached. Every text of the record, in every working language, must be found in the
// text extracted from the pages (spacing and line breaks aside, since lines are broken
// anywhere between Thai or Lao words).
import type { CanonicalRecord } from '../../shared/record/canonical';
import { blocksText } from '../../shared/record/canonical-text';

export interface RecordText {
  /** Where the text stands in the record: `agenda.2.minutes.0`, `actionPoints.1`. */
  where: string;
  language: string;
  text: string;
}

export function recordTexts(record: CanonicalRecord): RecordText[] {
  const out: RecordText[] = [];
  const add = (where: string, texts: Record<string, string>) => {
    for (const [language, text] of Object.entries(texts)) if (text.trim()) out.push({ where, language, text });
  };
  add('meeting.series', record.meeting.series);
  add('meeting.venue', record.meeting.venue);
  record.parties.forEach((party) => add(`parties.${party.code}`, party.name));
  record.agenda.forEach((item, i) => {
    add(`agenda.${i}.title`, item.title);
    item.minutes.forEach((segment, k) => {
      for (const [language, blocks] of Object.entries(segment.text)) {
        // Each paragraph on its own: a paragraph may begin a new page.
        blocksText(blocks)
          .split('\n')
          .filter((line) => line.trim())
          .forEach((text) => out.push({ where: `agenda.${i}.minutes.${k}`, language, text }));
      }
    });
  });
  record.actionPoints.forEach((point, i) => add(`actionPoints.${i}`, point.text));
  record.participants.forEach((p) => out.push({ where: `participants.${p.id}`, language: '', text: p.name }));
  return out;
}

/** Text compared without its spacing: lines break wherever the typesetter chose. */
export const squash = (text: string): string => text.normalize('NFC').replace(/\s+/gu, '');

/** The record's texts that the printed text does not contain. */
export function unprintedTexts(printed: string, record: CanonicalRecord): RecordText[] {
  const page = squash(printed);
  return recordTexts(record).filter((t) => !page.includes(squash(t.text)));
}
