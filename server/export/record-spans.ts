// The record's rich-text runs as styled text for both writers. Text under discussion is
// bracketed, as in intergovernmental drafting: a bracketed stretch is shown between [ and ].
import type { TextRun } from '../../shared/record/canonical-text';
import type { StyledText } from './script-runs';

export function spansOf(runs: TextRun[]): StyledText[] {
  const spans: StyledText[] = [];
  let inBracket = false;
  for (const run of runs) {
    const marks = run.marks ?? [];
    const bracketed = marks.includes('bracket');
    const style = { bold: marks.includes('bold'), italic: marks.includes('italic') };
    if (bracketed && !inBracket) spans.push({ text: '[', ...style });
    if (!bracketed && inBracket) spans.push({ text: ']' });
    spans.push({ text: run.text, ...style });
    inBracket = bracketed;
  }
  if (inBracket) spans.push({ text: ']' });
  return spans;
}
