// The agenda down the side: pick an item to see its minutes; writers add items here.
import { Plus } from 'lucide-react';
import { agenda, agendaItemId, agendaItemTitle, readLocalizedYText } from '../../../shared/record/schema';
import { addAgendaItem } from '../../../shared/record/segment-ops';
import { newId } from '../../app/ids';
import { pick, useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
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
