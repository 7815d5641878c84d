// Two versions compared, cell by cell: insertions and deletions in the colour of the party
// whose person made them, each named (hover, and the legend).
import type { Comparison } from '../../connection/history-api';
import { languageName, useT } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';

export function ComparisonPanel({ comparison, onClose }: { comparison: Comparison; onClose(): void }) {
  const { t, language } = useT();
  const { partyColor } = useWorkspace();
  return (
    <section className="history-comparison" aria-label={t('history.compare')}>
      <header>
        <ul className="history-legend">
          {comparison.authors.map((a) => (
            <li key={a.participantId} data-party={a.party} style={{ color: partyColor(a.party) }}>
              {`${a.name} (${a.party}) +${a.inserted} −${a.deleted}`}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {comparison.cells.length === 0 && <p className="empty">{t('history.noChanges')}</p>}
      {comparison.cells.map((cell) => (
        <article key={`${cell.kind}/${cell.id}/${cell.language}`} className="history-cell" data-cell-id={cell.id} lang={cell.language}>
          <h3>{languageName(cell.language, language)}</h3>
          <p>
            {cell.runs.map((run, i) => {
              if (run.change === 'same') return <span key={i}>{run.text}</span>;
              const by = run.by;
              const style = { color: by ? partyColor(by.party) : undefined };
              const title = by ? t(run.change === 'inserted' ? 'history.inserted' : 'history.deleted', { name: by.name, party: by.party }) : undefined;
              return run.change === 'inserted' ? (
                <ins key={i} data-party={by?.party} data-person={by?.participantId} title={title} style={style}>
                  {run.text}
                </ins>
              ) : (
                <del key={i} data-party={by?.party} data-person={by?.participantId} title={title} style={style}>
                  {run.text}
                </del>
              );
            })}
          </p>
        </article>
      ))}
    </section>
  );
}
