// The agenda down the side: pick an item to see its minutes; writers add items here. Each
// item is marked with what it still lacks: a party's agreement, decisions on proposals, brackets closed.
import { Plus } from 'lucide-react';
import { agenda, agendaItemId, agendaItemTitle, readLocalizedYText } from '../../../shared/record/schema';
import { addAgendaItem } from '../../../shared/record/segment-ops';
import { newId } from '../../app/ids';
import { pick, useT } from '../../i18n/i18n';
import { SUMMARY_EVERY_MS, useDocVersion, useYVersion } from '../../record/use-y';
import { currentLockBlockers } from '../../record/lock-blockers';
import { itemMarks, type ItemMarks } from './item-marks';
import { useWorkspace } from '../workspace/workspace-context';

interface Props {
  selected: string | null;
  onSelect(itemId: string): void;
}

export function AgendaList({ selected, onSelect }: Props) {
  const { t, language } = useT();
  const { connection, readOnly, columns } = useWorkspace();
  const items = agenda(connection.doc);
  useYVersion(items);
  // Which items still block the lock: a summary of the whole record, redrawn at most a few
  // times a second however many type (it cost more than a frame on a GMS 08-size record).
  useDocVersion(connection.doc, { everyMs: SUMMARY_EVERY_MS });
  const blockers = currentLockBlockers(connection.doc);
  const add = () => {
    const id = newId();
    addAgendaItem(connection.doc, id, {}, items.length);
    onSelect(id);
  };
  return (
    <nav className="agenda" aria-label={t('agenda.label')}>
      <h2>{t('agenda.label')}</h2>
      <ol>
        {items.toArray().map((item, i) => {
          const id = agendaItemId(item);
          return (
            <li key={id}>
              <button type="button" aria-current={id === selected ? 'true' : undefined} onClick={() => onSelect(id)}>
                <span className="number">{i + 1}</span>
                <span className="title">{pick(readLocalizedYText(agendaItemTitle(item)), language, columns) || t('agenda.untitled')}</span>
                <ItemMarksView marks={itemMarks(blockers, id)} />
              </button>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button type="button" className="add" onClick={add}>
          <Plus size={16} /> {t('agenda.add')}
        </button>
      )}
    </nav>
  );
}

function ItemMarksView({ marks }: { marks: ItemMarks }) {
  const { t } = useT();
  const { partyColor } = useWorkspace();
  const done = marks.missingParties.length === 0 && marks.openProposals === 0 && marks.openBrackets === 0;
  return (
    <span className="item-marks" data-missing={marks.missingParties.join(' ')} data-proposals={marks.openProposals} data-brackets={marks.openBrackets}>
      {done ? (
        <span className="item-mark agreed" title={t('agenda.mark.agreed')}>
          ✓<span className="sr-only">{t('agenda.mark.agreed')}</span>
        </span>
      ) : (
        <>
          {marks.missingParties.length > 0 && (
            <span className="item-mark missing" title={t('agenda.mark.missing', { parties: marks.missingParties.join(', ') })}>
              {marks.missingParties.map((code) => (
                <span key={code} style={{ color: partyColor(code) }}>
                  {code}
                </span>
              ))}
              <span className="sr-only">{t('agenda.mark.missing', { parties: marks.missingParties.join(', ') })}</span>
            </span>
          )}
          {marks.openProposals > 0 && (
            <span className="item-mark proposals" title={t('agenda.mark.proposals', { count: marks.openProposals })}>
              ✎{marks.openProposals}
              <span className="sr-only">{t('agenda.mark.proposals', { count: marks.openProposals })}</span>
            </span>
          )}
          {marks.openBrackets > 0 && (
            <span className="item-mark brackets" title={t('agenda.mark.brackets', { count: marks.openBrackets })}>
              [ ]{marks.openBrackets}
              <span className="sr-only">{t('agenda.mark.brackets', { count: marks.openBrackets })}</span>
            </span>
          )}
        </>
      )}
    </span>
  );
}
