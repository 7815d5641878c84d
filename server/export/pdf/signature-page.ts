// The signature page: the record hash every head signed, a QR code to the verify page,
// and each party's signature statement as it was signed, with its key and signature, so a
// reader can check the printed original against the attached bundle, or by hand. Labels
// are given in every working language of the original, each in its own words.
import { decodeBase64 } from '../../../shared/signing/base64';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { dateAndTime, labelsFor } from '../labels';
import { textIn } from '../original';
import { inEveryLanguage } from './annex';
import { GUTTER, INK, MUTED, SIZE, fullWidth, rule, type Ctx } from './context';
import { gap, type Piece } from './flow';
import { paragraph, plain } from './text-pieces';
import { qrPiece } from './qr';

const QR_SIZE = 112;

export function signaturePage(ctx: Ctx): void {
  const { flow, original } = ctx;
  const own = original.languages[0]!;
  flow.newPage();
  flow.block([
    ...fullWidth(ctx, plain(inEveryLanguage(ctx, (l) => l.signaturePage)), own, { size: SIZE.title, bold: true, align: 'center', color: INK }),
    ...fullWidth(ctx, plain(`${original.meetingCode} · ${ctx.own.version(original.record.version)}`), own, {
      size: SIZE.body,
      align: 'center',
      color: MUTED,
    }),
    gap(12),
  ]);
  hashBlock(ctx);
  flow.block([rule(ctx)]);
  for (const block of original.signatureBlocks) {
    const signature = block.signature;
    const pieces: Piece[] = [
      ...fullWidth(ctx, plain(ctx.own.forDelegation(textIn(block.party.name, own, original.record))), own, { size: SIZE.heading, bold: true, color: INK }),
    ];
    if (signature) {
      const { statement } = signature;
      const { date, time } = dateAndTime(statement.signedAt, own, original.timeZone);
      pieces.push(
        ...line(ctx, `${statement.signerName}${statement.signerTitle ? `, ${statement.signerTitle}` : ''}`),
        ...line(ctx, ctx.own.signedOn(date, time)),
        ...line(ctx, `${ctx.own.key}: ${displayFingerprint(signature.keyFingerprint)}`),
        ...technical(ctx, `${inEveryLanguage(ctx, (l) => l.statement)}: ${new TextDecoder().decode(decodeBase64(signature.statementBytes))}`),
        ...technical(ctx, `${inEveryLanguage(ctx, (l) => l.signature)}: ${signature.signature}`),
      );
    } else {
      pieces.push(...line(ctx, ctx.own.notSigned));
    }
    flow.block([...pieces, gap(4), rule(ctx, '#dddddd')], { keepTogether: true });
  }
  if (original.bundle) {
    flow.space(6);
    flow.block(
      original.languages.flatMap((language) => [
        ...fullWidth(ctx, plain(labelsFor(language).howToVerify(original.verifyPage)), language, { size: SIZE.small, color: MUTED }),
        gap(3),
      ]),
    );
  }
}

function hashBlock(ctx: Ctx): void {
  const { flow, original, canvas } = ctx;
  const own = original.languages[0]!;
  const textWidth = flow.contentWidth - QR_SIZE - GUTTER;
  const pieces: Piece[] = [];
  const labelled = (label: string, value: string, size: number) =>
    paragraph(canvas, [{ text: `${label}: `, bold: true }, { text: value }], own, textWidth, { size, color: INK });
  if (original.recordHash && original.fingerprint) {
    pieces.push(
      ...labelled(
        inEveryLanguage(ctx, (l) => l.recordHash),
        original.recordHash,
        SIZE.body,
      ),
      gap(4),
    );
    pieces.push(
      ...labelled(
        inEveryLanguage(ctx, (l) => l.fingerprint),
        original.fingerprint,
        SIZE.body,
      ),
      gap(4),
    );
    if (original.record.previousRecordHash) pieces.push(...labelled(ctx.own.amends, original.record.previousRecordHash, SIZE.small), gap(4));
    if (original.verifyUrl)
      pieces.push(
        ...labelled(
          inEveryLanguage(ctx, (l) => l.verifyAt),
          original.verifyUrl,
          SIZE.small,
        ),
      );
  } else {
    pieces.push(
      ...labelled(
        inEveryLanguage(ctx, (l) => l.recordHash),
        ctx.own.notLocked,
        SIZE.body,
      ),
    );
  }
  const columns = [{ x: flow.box.left, width: textWidth, pieces }];
  if (original.verifyUrl) columns.push({ x: flow.box.left + textWidth + GUTTER, width: QR_SIZE, pieces: [qrPiece(canvas, original.verifyUrl, QR_SIZE)] });
  flow.row(columns, { keepTogether: true });
  flow.space(8);
}

const line = (ctx: Ctx, text: string) => fullWidth(ctx, plain(text), ctx.original.languages[0]!, { size: SIZE.body, color: INK });

const technical = (ctx: Ctx, text: string) => [gap(2), ...fullWidth(ctx, plain(text), ctx.original.languages[0]!, { size: SIZE.small - 0.6, color: MUTED })];
