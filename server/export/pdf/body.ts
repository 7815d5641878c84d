// The body of an original: title block, parties, agenda, the minutes of each item in
// aligned parallel columns, and the action matrix.
import { formatDate, formatDateRange } from '../../../shared/dates';
import { labelsFor, type Labels } from '../labels';
import { textIn } from '../original';
import { DRAFT_RED, INK, MUTED, SIZE, flushHeadings, fullWidth, parallel, parallelHeading, rule, type Ctx } from './context';
import { gap, type Piece } from './flow';
import { blockPieces, paragraph, plain } from './text-pieces';

export function titleBlock(ctx: Ctx): void {
  const { original, flow } = ctx;
  const { meeting } = original.record;
  for (const language of original.languages) {
    const labels = labelsFor(language);
    const centered = { align: 'center' as const, color: INK };
    const dates = safeDate(() => formatDateRange(meeting.startDate, meeting.endDate, language), meeting.startDate);
    flow.block(
      [
        ...fullWidth(ctx, plain(labels.recordOfMeeting), language, { ...centered, size: SIZE.heading, bold: true }),
        ...fullWidth(ctx, plain(textIn(meeting.series, language, original.record)), language, { ...centered, size: SIZE.title, bold: true }),
        ...fullWidth(ctx, plain(labels.meetingNumber(meeting.number)), language, { ...centered, size: SIZE.body }),
        ...fullWidth(ctx, plain(textIn(meeting.venue, language, original.record)), language, { ...centered, size: SIZE.body }),
        ...fullWidth(ctx, plain(dates), language, { ...centered, size: SIZE.body }),
        gap(10),
      ],
      { keepTogether: true },
    );
  }
  if (!original.final) draftNotice(ctx);
  flow.block([rule(ctx)]);
}

/** In each working language's own words: a reader of any column learns it is no original. */
function draftNotice(ctx: Ctx): void {
  const pieces = ctx.original.languages.flatMap((language) =>
    fullWidth(ctx, plain(labelsFor(language).draftNotice), language, { size: SIZE.body, bold: true, align: 'center', color: DRAFT_RED }),
  );
  ctx.flow.block([...pieces, gap(6)]);
}

export function partiesSection(ctx: Ctx): void {
  const { canvas, original } = ctx;
  parallelHeading(ctx, (l) => l.parties);
  parallel(ctx, (language, width) =>
    original.parties.flatMap((party, i) =>
      paragraph(canvas, plain(textIn(party.name, language, original.record)), language, width, {
        size: SIZE.body,
        indent: SIZE.body * 1.6,
        marker: `${i + 1}.`,
      }),
    ),
  );
  ctx.flow.space(10);
}

export function agendaSection(ctx: Ctx): void {
  const { canvas, original } = ctx;
  parallelHeading(ctx, (l) => l.agenda);
  parallel(ctx, (language, width) =>
    original.record.agenda.flatMap((item, i) => [
      ...paragraph(canvas, plain(textIn(item.title, language, original.record)), language, width, {
        size: SIZE.body,
        indent: SIZE.body * 1.6,
        marker: `${i + 1}.`,
      }),
      gap(2),
    ]),
  );
  ctx.flow.space(12);
}

export function minutesSection(ctx: Ctx): void {
  const { canvas, original, flow } = ctx;
  parallelHeading(ctx, (l) => l.minutes, { size: SIZE.title });
  original.record.agenda.forEach((item, i) => {
    parallelHeading(ctx, (_, language) => textIn(item.title, language, original.record), { number: i + 1 });
    if (item.minutes.length === 0) flushHeadings(ctx);
    for (const segment of item.minutes) {
      parallel(ctx, (language, width) => [
        ...blockPieces(canvas, segment.text[language] ?? [], language, width, { size: SIZE.body, spaceAfter: SIZE.body * 0.35, color: INK }),
      ]);
      flow.space(6);
    }
    flow.space(6);
  });
}

export function actionSection(ctx: Ctx): void {
  const { canvas, original, flow } = ctx;
  const { record } = original;
  if (record.actionPoints.length === 0) return;
  parallelHeading(ctx, (l) => l.actionPoints, { size: SIZE.title });
  record.actionPoints.forEach((point, i) => {
    parallel(
      ctx,
      (language, width, labels) => {
        const party = record.parties.find((p) => p.code === point.party);
        const partyName = party ? textIn(party.name, language, record) : point.party;
        const due = point.due ? safeDate(() => formatDate(point.due!, language), point.due) : labels.noDue;
        const meta = (label: string, value: string): Piece[] =>
          paragraph(canvas, [{ text: `${label}: `, bold: true }, { text: value }], language, width, {
            size: SIZE.small,
            indent: SIZE.body * 1.6,
            color: MUTED,
          });
        return [
          ...paragraph(canvas, plain(textIn(point.text, language, record)), language, width, {
            size: SIZE.body,
            indent: SIZE.body * 1.6,
            marker: `${i + 1}.`,
            color: INK,
          }),
          gap(2),
          ...meta(labels.responsible, point.agency ? `${partyName}, ${point.agency}` : partyName),
          ...meta(labels.due, due),
          ...meta(labels.status, labels.statuses[point.status as keyof Labels['statuses']] ?? point.status),
        ];
      },
      { keepTogether: true },
    );
    flow.block([rule(ctx, '#dddddd')]);
  });
  flow.space(6);
}

/** A date the record may hold malformed (it is typed by people): shown as written rather than failing the export. */
export function safeDate(format: () => string, raw: string): string {
  try {
    return format();
  } catch {
    return raw;
  }
}
