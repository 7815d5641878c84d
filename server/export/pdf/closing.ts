// The end of the minutes proper: the closing formula in each working language (done at,
// on, in how many originals, which texts are authentic, which prevails), then the
// signature blocks, the original's own party's head first.
import { formatDate } from '../../../shared/dates';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { dateAndTime, labelsFor } from '../labels';
import { textIn, type SignatureBlock } from '../original';
import { GUTTER, INK, MUTED, SIZE, parallel, type Ctx } from './context';
import { gap, type Piece } from './flow';
import { paragraph, plain } from './text-pieces';
import { safeDate } from './body';

export function closingSection(ctx: Ctx): void {
  const { original, canvas, flow } = ctx;
  const { meeting } = original.record;
  const ordered = (codes: string[]) => original.languages.filter((l) => codes.includes(l));
  flow.space(8);
  parallel(
    ctx,
    (language, width, labels) =>
      paragraph(
        canvas,
        plain(
          labels.closing({
            venue: textIn(meeting.venue, language, original.record),
            date: safeDate(() => formatDate(meeting.endDate, language), meeting.endDate),
            originals: original.parties.length,
            languages: original.languages,
            authentic: ordered(meeting.authenticLanguages),
            prevailing: meeting.prevailingLanguage,
          }),
        ),
        language,
        width,
        { size: SIZE.body, color: INK },
      ),
    { keepTogether: true },
  );
  flow.space(18);
}

const PER_ROW = 2;

export function signatureBlocks(ctx: Ctx): void {
  const { flow, original } = ctx;
  const width = (flow.contentWidth - GUTTER * 2 * (PER_ROW - 1)) / PER_ROW;
  for (let i = 0; i < original.signatureBlocks.length; i += PER_ROW) {
    const blocks = original.signatureBlocks.slice(i, i + PER_ROW).map((block) => blockPieces(ctx, block, width));
    // The lines to sign on stand level across the row, however long the delegations' names.
    const tallest = Math.max(...blocks.map((b) => height(b.heading)));
    flow.row(
      blocks.map((b, j) => ({ x: flow.box.left + j * (width + GUTTER * 2), width, pieces: [...b.heading, gap(tallest - height(b.heading)), ...b.rest] })),
      { keepTogether: true },
    );
    flow.space(16);
  }
}

const height = (pieces: Piece[]) => pieces.reduce((sum, p) => sum + p.height, 0);

function blockPieces(ctx: Ctx, block: SignatureBlock, width: number): { heading: Piece[]; rest: Piece[] } {
  const { canvas, original } = ctx;
  const own = original.languages[0]!;
  const centered = { align: 'center' as const, size: SIZE.body };
  const heading: Piece[] = original.languages.flatMap((language) =>
    paragraph(canvas, plain(labelsFor(language).forDelegation(textIn(block.party.name, language, original.record))), language, width, {
      ...centered,
      bold: true,
      color: INK,
    }),
  );
  const pieces: Piece[] = [gap(34), signatureLine(ctx)];
  if (block.head) {
    pieces.push(...paragraph(canvas, plain(block.head.name), own, width, { ...centered, bold: true, color: INK }));
    if (block.head.title) pieces.push(...paragraph(canvas, plain(block.head.title), own, width, { ...centered, color: INK }));
  }
  const small = { align: 'center' as const, size: SIZE.small, color: MUTED };
  if (block.signature) {
    const { date, time } = dateAndTime(block.signature.statement.signedAt, own, original.timeZone);
    pieces.push(gap(3), ...paragraph(canvas, plain(ctx.own.signedOn(date, time)), own, width, small));
    pieces.push(...paragraph(canvas, plain(`${ctx.own.key} ${displayFingerprint(block.signature.keyFingerprint)}`), own, width, small));
  } else {
    pieces.push(gap(3), ...paragraph(canvas, plain(ctx.own.notSigned), own, width, small));
  }
  return { heading, rest: pieces };
}

function signatureLine(ctx: Ctx): Piece {
  return {
    height: 6,
    draw: (x, top, width) => {
      ctx.canvas.doc
        .save()
        .moveTo(x + width * 0.12, top + 2)
        .lineTo(x + width * 0.88, top + 2)
        .lineWidth(0.6)
        .strokeColor('#333333')
        .stroke()
        .restore();
    },
  };
}
