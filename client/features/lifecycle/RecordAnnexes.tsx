// The last parts of the canonical record: the action points (text in every language,
// who, by when, status) and the participants annex, by party, observers apart.
import type { CanonicalRecord } from '../../../shared/record/canonical';
import { formatDate } from '../../../shared/dates';
import { languageName, pick, useT, type MessageKey } from '../../i18n/i18n';

const STATUS_KEYS: Record<string, MessageKey> = {
  open: 'status.open',
  'in progress': 'status.inProgress',
  done: 'status.done',
  dropped: 'status.dropped',
};

type Props = { record: CanonicalRecord; columns: string[] };

export function ActionPointsTable({ record, columns }: Props) {
  const { t, language } = useT();
  const partyName = (code: string) => pick(record.parties.find((p) => p.code === code)?.name, language, columns) || code;
  return (
    <section>
      <h3>{t('view.actionPoints')}</h3>
      {record.actionPoints.length === 0 ? (
        <p className="empty">{t('action.none')}</p>
      ) : (
        <table className="record-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((l) => (
                <th key={l} scope="col">
                  {languageName(l, language)}
                </th>
              ))}
              <th scope="col">{t('action.party')}</th>
              <th scope="col">{t('action.due')}</th>
              <th scope="col">{t('action.status')}</th>
            </tr>
          </thead>
          <tbody>
            {record.actionPoints.map((point, n) => (
              <tr key={point.id}>
                <td>{n + 1}</td>
                {columns.map((l) => (
                  <td key={l} lang={l}>
                    {point.text[l] ?? ''}
                  </td>
                ))}
                <td>
                  {partyName(point.party)}
                  {point.agency && <span className="agency">{point.agency}</span>}
                </td>
                <td>{point.due ? formatDate(point.due, language) : t('action.noDue')}</td>
                <td>{t(STATUS_KEYS[point.status] ?? 'status.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ParticipantsTable({ record, columns }: Props) {
  const { t, language } = useT();
  const delegations = [
    ...record.parties.map((p) => ({
      title: pick(p.name, language, columns),
      people: record.participants.filter((x) => x.party === p.code && x.role !== 'observer'),
    })),
    { title: t('participants.observers'), people: record.participants.filter((x) => x.role === 'observer') },
  ].filter((d) => d.people.length > 0);
  return (
    <section>
      <h3>{t('view.participants')}</h3>
      {delegations.map((d) => (
        <section key={d.title} className="record-delegation">
          <h4>{d.title}</h4>
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.title')}</th>
                <th scope="col">{t('participants.agency')}</th>
                <th scope="col">{t('participants.role')}</th>
              </tr>
            </thead>
            <tbody>
              {d.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.title}</td>
                  <td>{p.agency}</td>
                  <td>{t(`role.${p.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
