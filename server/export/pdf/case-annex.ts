// The case annex in a PDF original, after the action points and before the closing formula,
// so the heads' signatures stand under it: each case in parallel columns, one per language.
import { annexCases, caseLines } from '../case-lines';
import { INK, MUTED, SIZE, parallel, parallelHeading, rule, type Ctx } from './context';
import { gap } from './flow';
import { paragraph, plain } from './text-pieces';

export function caseAnnexSection(ctx: Ctx): void {
  const { canvas, original, flow } = ctx;
  const cases = annexCases(original);
  if (cases.length === 0) return;
  parallelHeading(ctx, (l) => l.cases.annex, { size: SIZE.title });
  cases.forEach((entry, i) => {
    parallel(
      ctx,
      (language, width) => {
        const lines = caseLines(original, entry, language);
        return [
          ...paragraph(canvas, plain(lines.references), language, width, {
            size: SIZE.body,
            bold: true,
            indent: SIZE.body * 1.6,
            marker: `${i + 1}.`,
            color: INK,
          }),
          gap(2),
          ...lines.fields.flatMap((f) =>
            paragraph(canvas, [{ text: `${f.label}: `, bold: true }, { text: f.value }], language, width, {
              size: SIZE.small,
              indent: SIZE.body * 1.6,
              color: MUTED,
            }),
          ),
        ];
      },
      { keepTogether: true },
    );
    flow.block([rule(ctx, '#dddddd')]);
  });
  flow.space(6);
}
