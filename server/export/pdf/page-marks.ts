// What every page carries, drawn once all pages exist: a running head naming the meeting
// and whose original it is, a footer with the record fingerprint and "page n of N", once,
// in the original's own language, and on anything not signed by every party, its word for
// DRAFT across the page and in the head.
import { textIn } from '../original';
import { setParagraph } from '../typeset';
import { DRAFT_RED, MUTED, SIZE, type Ctx } from './context';

export function pageMarks(ctx: Ctx): void {
  const { canvas, original, flow } = ctx;
  const doc = canvas.doc;
  const { start, count } = doc.bufferedPageRange();
  const own = original.languages[0]!;
  const labels = ctx.own;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { box } = flow;
    const width = box.width - box.left - box.right;

    const head = `${original.meetingCode} · ${ctx.own.originalOf(textIn(original.party.name, own, original.record))}`;
    text(ctx, head, own, box.left, box.top - 24, width, 'left', MUTED);
    if (!original.final) text(ctx, labels.draft, own, box.left, box.top - 24, width, 'right', DRAFT_RED, true);

    const y = box.bottom + 26;
    const fingerprint = `${labels.fingerprint}: ${original.fingerprint ?? labels.notLocked} · ${labels.version(original.record.version)}`;
    text(ctx, fingerprint, own, box.left, y, width * 0.78, 'left', MUTED);
    text(ctx, labels.page(i - start + 1, count), own, box.left, y, width, 'right', MUTED);

    if (!original.final) watermark(ctx, own);
  }
}

function text(
  ctx: Ctx,
  content: string,
  language: string,
  x: number,
  baseline: number,
  width: number,
  align: 'left' | 'right',
  color: string,
  bold = false,
): void {
  const size = SIZE.footer + (bold ? 1 : 0);
  const [line] = setParagraph([{ text: content, bold }], { language, width: 10_000, size });
  if (!line) return;
  ctx.canvas.drawLine(line, align === 'right' ? x + width - line.width : x, baseline, size, { language, color });
}

function watermark(ctx: Ctx, own: string): void {
  const { canvas, flow } = ctx;
  const size = 96;
  const words = ctx.own.draft;
  const [line] = setParagraph([{ text: words, bold: true }], { language: own, width: 10_000, size });
  if (!line) return;
  const cx = flow.box.width / 2;
  const cy = flow.box.height / 2;
  canvas.doc.save().rotate(-40, { origin: [cx, cy] });
  canvas.drawLine(line, cx - line.width / 2, cy + size * 0.35, size, { language: own, color: DRAFT_RED, opacity: 0.1 });
  canvas.doc.restore();
}
