// A minutes cell of the canonical record (docs/record-format.md §2), drawn as it reads:
// paragraphs, headings, lists, quotes; bold, italic and [bracketed] runs. Read-only.
import type { ReactNode } from 'react';
import type { TextBlock, TextRun } from '../../../shared/record/canonical-text';

export function RichBlocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </>
  );
}

function Block({ block }: { block: TextBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{<Runs runs={block.runs} />}</p>;
    case 'heading':
      return (
        <p className={`heading level-${block.level}`} role="heading" aria-level={Math.min(6, block.level + 3)}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'bulletList':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <RichBlocks blocks={item} />
            </li>
          ))}
        </ul>
      );
    case 'orderedList':
      return (
        <ol start={block.start}>
          {block.items.map((item, i) => (
            <li key={i}>
              <RichBlocks blocks={item} />
            </li>
          ))}
        </ol>
      );
    case 'blockquote':
      return (
        <blockquote>
          <RichBlocks blocks={block.blocks} />
        </blockquote>
      );
    case 'other':
      // An element a later editor may add: its text is shown, never dropped.
      return 'runs' in block ? (
        <p>
          <Runs runs={block.runs} />
        </p>
      ) : (
        <div>
          <RichBlocks blocks={block.blocks} />
        </div>
      );
  }
}

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        const marks = run.marks ?? [];
        let out: ReactNode = run.text;
        if (marks.includes('bold')) out = <strong>{out}</strong>;
        if (marks.includes('italic')) out = <em>{out}</em>;
        // Marks that may overlap are stored as name--hash (record-format §1).
        if (marks.some((m) => m === 'bracket' || m.startsWith('bracket--'))) out = <span className="bracket">{out}</span>;
        return <span key={i}>{out}</span>;
      })}
    </>
  );
}
