// The participants annex: each party's delegation in the original's order of parties,
// its head first as the record lists them, and the observers apart at the end.
import type { CanonicalRecord } from '../../../shared/record/canonical';
import { digitsIn } from '../../../shared/dates';
import { inLanguages, labelsFor, type Labels } from '../labels';
import { observersOf, textIn } from '../original';
import { INK, MUTED, SIZE, fullWidth, rule, type Ctx } from './context';
import { gap, type Column, type Piece } from './flow';
import { paragraph, plain } from './text-pieces';

type Participant = CanonicalRecord['participants'][number];

/** The same words in every working language of the original, each once, one after another. */
export const inEveryLanguage = (ctx: Ctx, words: (labels: Labels, language: string) => string) => inLanguages(ctx.original.languages, words);

export function participantsAnnex(ctx: Ctx): void {
  const { flow, original } = ctx;
  flow.newPage();
  for (const language of original.languages) {
    flow.block(fullWidth(ctx, plain(labelsFor(language).annex), language, { size: SIZE.title, bold: true, align: 'center', color: INK }));
  }
  flow.space(12);
  for (const party of original.parties) {
    const members = original.record.participants.filter((p) => p.party === party.code && p.role !== 'observer');
    delegation(
      ctx,
      inEveryLanguage(ctx, (_, l) => textIn(party.name, l, original.record)),
      members,
    );
  }
  const observers = observersOf(original.record);
  if (observers.length > 0)
    delegation(
      ctx,
      inEveryLanguage(ctx, (labels) => labels.observers),
      observers,
    );
}

function delegation(ctx: Ctx, heading: string, members: Participant[]): void {
  const { flow, original } = ctx;
  const own = original.languages[0]!;
  flow.ensure(SIZE.heading * 8);
  flow.block([...fullWidth(ctx, plain(heading), own, { size: SIZE.heading, bold: true, heading: true, color: INK }), { ...gap(3), keepWithNext: true }]);
  row(ctx, ['#', inEveryLanguage(ctx, (l) => l.name), inEveryLanguage(ctx, (l) => l.position), inEveryLanguage(ctx, (l) => l.agency)], true);
  members.forEach((member, i) => {
    const role = member.role === 'head' || member.role === 'secretariat' ? ctx.own.roles[member.role] : undefined;
    row(ctx, [digitsIn(own, i + 1), member.name, member.title, member.agency], false, role);
  });
  flow.space(14);
}

const WIDTHS = [0.05, 0.31, 0.27, 0.37];

function row(ctx: Ctx, cells: string[], header: boolean, role?: string): void {
  const { flow, canvas, original } = ctx;
  const own = original.languages[0]!;
  let x = flow.box.left;
  const columns: Column[] = cells.map((text, i) => {
    const width = flow.contentWidth * WIDTHS[i]! - 6;
    const pieces: Piece[] = paragraph(canvas, plain(text), own, width, { size: header ? SIZE.small : SIZE.body, bold: header, color: header ? MUTED : INK });
    if (i === 1 && role) pieces.push(...paragraph(canvas, plain(role), own, width, { size: SIZE.small, italic: true, color: MUTED }));
    const column = { x, width, pieces };
    x += flow.contentWidth * WIDTHS[i]!;
    return column;
  });
  flow.row(columns, { keepTogether: true });
  flow.block([rule(ctx, header ? '#999999' : '#e2e2e2', 5)]);
}
