// The agreed action points: who does what by when. Each point is text in every working
// language, then its terms (party, agency, due date, status) and its agreement.
import { Plus } from 'lucide-react';
import { actionPoints } from '../../../shared/record/schema';
import { addActionPoint } from '../../../shared/record/segment-ops';
import { newId } from '../../app/ids';
import { languageName, useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';
import { ActionPointRow } from './ActionPointRow';

export function ActionPointsView() {
  const { t, language } = useT();
  const { connection, columns, readOnly, you, meeting } = useWorkspace();
  const points = actionPoints(connection.doc);
  useYVersion(points, { deep: false });
  const list = points.toArray();
  const add = () => {
    const party = meeting.parties.some((p) => p.code === you?.party) ? you!.party : meeting.parties[0]!.code;
    addActionPoint(connection.doc, newId(), { party });
  };
  return (
    <section className="action-points" aria-label={t('view.actionPoints')}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="number">
              #
            </th>
            {columns.map((code) => (
              <th key={code} scope="col" lang={code}>
                {languageName(code, language)}
              </th>
            ))}
          </tr>
        </thead>
        {list.map((point, i) => (
          <ActionPointRow key={point.get('id') as string} point={point} index={i} count={list.length} />
        ))}
      </table>
      {list.length === 0 && <p className="empty">{t('action.none')}</p>}
      {!readOnly && (
        <button type="button" className="add" onClick={add}>
          <Plus size={16} /> {t('action.add')}
        </button>
      )}
    </section>
  );
}
