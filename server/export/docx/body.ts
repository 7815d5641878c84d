// The body of an original in Word, in the same order as the PDF: title block, parties,
// agenda, minutes in parallel columns, action matrix, closing formula, signature blocks.
import type { Paragraph, Table } from 'docx';
import { formatDate, formatDateRange } from '../../../shared/dates';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { dateAndTime, labelsFor, type Labels } from '../labels';
import { textIn, type Original } from '../original';
import { DRAFT_RED, MUTED, SIZE, blockParagraphs, para, sideBySide, text } from './blocks';

type Part = Paragraph | Table;

const safeDate = (format: () => string, raw: string) => {
  try {
    return format();
  } catch {
    return raw;
  }
};

/** One row per call: each working language's paragraphs, side by side in the original's order. */
const row = (o: Original, make: (language: string, labels: Labels) => Paragraph[]) => o.languages.map((l) => make(l, labelsFor(l)));

const heading = (value: string, language: string, size: number = SIZE.heading, marker?: string) =>
  text(value, language, { size, bold: true, keepNext: true, after: 100, marker });

export function titleBlock(o: Original): Part[] {
  const { meeting } = o.record;
  const parts: Part[] = o.languages.flatMap((language) => {
    const labels = labelsFor(language);
    const centered = { align: 'center' as const, size: SIZE.body, after: 20 };
    return [
      text(labels.recordOfMeeting, language, { ...centered, bold: true, size: SIZE.heading }),
      text(textIn(meeting.series, language, o.record), language, { ...centered, bold: true, size: SIZE.title }),
      text(labels.meetingNumber(meeting.number), language, centered),
      text(textIn(meeting.venue, language, o.record), language, centered),
      text(
        safeDate(() => formatDateRange(meeting.startDate, meeting.endDate, language), meeting.startDate),
        language,
        { ...centered, after: 240 },
      ),
    ];
  });
  if (!o.final) {
    // In each working language's own words: a reader of any column learns it is no original.
    o.languages.forEach((l, i) =>
      parts.push(
        text(labelsFor(l).draftNotice, l, { align: 'center', bold: true, size: SIZE.body, color: DRAFT_RED, after: i === o.languages.length - 1 ? 240 : 40 }),
      ),
    );
  }
  return parts;
}

export function partiesAndAgenda(o: Original): Part[] {
  const numbered = (language: string, items: string[]) => items.map((t, i) => text(t, language, { size: SIZE.body, marker: `${i + 1}.` }));
  return [
    sideBySide([
      row(o, (l, labels) => [
        heading(labels.parties, l),
        ...numbered(
          l,
          o.parties.map((p) => textIn(p.name, l, o.record)),
        ),
      ]),
      row(o, (l, labels) => [
        heading(labels.agenda, l),
        ...numbered(
          l,
          o.record.agenda.map((item) => textIn(item.title, l, o.record)),
        ),
      ]),
    ]),
  ];
}

export function minutes(o: Original): Part[] {
  const rows: Paragraph[][][] = [row(o, (l, labels) => [heading(labels.minutes, l, SIZE.title)])];
  o.record.agenda.forEach((item, i) => {
    rows.push(row(o, (l) => [heading(textIn(item.title, l, o.record), l, SIZE.heading, `${i + 1}.`)]));
    for (const segment of item.minutes) rows.push(row(o, (l) => blockParagraphs(segment.text[l] ?? [], l, { size: SIZE.body })));
  });
  return [sideBySide(rows)];
}

export function actionMatrix(o: Original): Part[] {
  const { record } = o;
  if (record.actionPoints.length === 0) return [];
  const rows: Paragraph[][][] = [row(o, (l, labels) => [heading(labels.actionPoints, l, SIZE.title)])];
  record.actionPoints.forEach((point, i) => {
    rows.push(
      row(o, (l, labels) => {
        const party = record.parties.find((p) => p.code === point.party);
        const partyName = party ? textIn(party.name, l, record) : point.party;
        const meta = (label: string, value: string) =>
          para([{ text: `${label}: `, bold: true }, { text: value }], l, { size: SIZE.small, color: MUTED, indent: 400, after: 20 });
        return [
          text(textIn(point.text, l, record), l, { size: SIZE.body, marker: `${i + 1}.` }),
          meta(labels.responsible, point.agency ? `${partyName}, ${point.agency}` : partyName),
          meta(labels.due, point.due ? safeDate(() => formatDate(point.due!, l), point.due) : labels.noDue),
          meta(labels.status, labels.statuses[point.status as keyof Labels['statuses']] ?? point.status),
        ];
      }),
    );
  });
  return [sideBySide(rows)];
}

export function closing(o: Original): Part[] {
  const { meeting } = o.record;
  return [
    sideBySide([
      row(o, (l, labels) => [
        text(
          labels.closing({
            venue: textIn(meeting.venue, l, o.record),
            date: safeDate(() => formatDate(meeting.endDate, l), meeting.endDate),
            originals: o.parties.length,
            languages: o.languages,
            authentic: o.languages.filter((x) => meeting.authenticLanguages.includes(x)),
            prevailing: meeting.prevailingLanguage,
          }),
          l,
          { size: SIZE.body },
        ),
      ]),
    ]),
  ];
}

export function signatureBlocks(o: Original): Part[] {
  const own = o.languages[0]!;
  const ownLabels = labelsFor(own);
  const cells = o.signatureBlocks.map((block) => {
    const centered = { align: 'center' as const, size: SIZE.body, after: 20 };
    const small = { ...centered, size: SIZE.small, color: MUTED };
    const lines: Paragraph[] = o.languages.map((l) => text(labelsFor(l).forDelegation(textIn(block.party.name, l, o.record)), l, { ...centered, bold: true }));
    lines.push(text(' ', own, { ...centered, after: 600 }), text('______________________________', own, centered));
    if (block.head) lines.push(text(block.head.name, own, { ...centered, bold: true }), text(block.head.title, own, centered));
    if (block.signature) {
      const { date, time } = dateAndTime(block.signature.statement.signedAt, own, o.timeZone);
      lines.push(text(ownLabels.signedOn(date, time), own, small), text(`${ownLabels.key} ${displayFingerprint(block.signature.keyFingerprint)}`, own, small));
    } else {
      lines.push(text(ownLabels.notSigned, own, small));
    }
    return lines;
  });
  const rows: Paragraph[][][] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push([cells[i]!, cells[i + 1] ?? []]);
  return [text(' ', own, { size: SIZE.body, after: 240 }), sideBySide(rows)];
}
