// A proposal shown as tracked changes: the cell's text and the proposed wording cut into
// words (Intl.Segmenter, so Thai, Lao, Khmer and Myanmar, written without spaces, cut at
// word boundaries too), and the longest common run kept; the rest is deleted or inserted.

export type DiffPart = { kind: 'same' | 'deleted' | 'inserted'; text: string };

function words(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

export function wordingDiff(before: string, after: string, language: string): DiffPart[] {
  const a = words(before, language);
  const b = words(after, language);
  // Longest common subsequence, table from the end.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('deleted', a[i++]!);
    else push('inserted', b[j++]!);
  }
  while (i < a.length) push('deleted', a[i++]!);
  while (j < b.length) push('inserted', b[j++]!);
  return parts;
}
