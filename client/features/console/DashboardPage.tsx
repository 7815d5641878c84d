// The secretariat's dashboard: meetings by state, and per agency the action points still
// to do and how many of them are overdue, most overdue first.
import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/console/register';
import { RECORD_STATES } from '../../../shared/roles';
import { consoleApi } from './console-api';
import { failureKey } from './failure';
import { useConsoleT, type ConsoleKey } from './i18n/console-i18n';
import { localToday } from './RegisterPage';

export function DashboardPage() {
  const { t } = useConsoleT();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ConsoleKey | null>(null);
  useEffect(() => {
    consoleApi.dashboard({ today: localToday() }).then(setDashboard, (err: unknown) => setError(failureKey(err)));
  }, []);

  if (error)
    return (
      <p className="error" role="alert">
        {t(error)}
      </p>
    );
  if (!dashboard) return <p>{t('common.loading')}</p>;
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <h2>{t('dashboard.meetings')}</h2>
      <dl className="counts">
        {RECORD_STATES.map((state) => (
          <div key={state}>
            <dt>{t(`state.${state}`)}</dt>
            <dd>{dashboard.meetings[state]}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('dashboard.agencies')}</h2>
      {dashboard.agencies.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{t('roster.party')}</th>
              <th scope="col">{t('roster.agency')}</th>
              <th scope="col">{t('dashboard.open')}</th>
              <th scope="col">{t('dashboard.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.agencies.map((a) => (
              <tr key={`${a.party}/${a.agency}`} className={a.overdue > 0 ? 'overdue' : undefined}>
                <td>{a.party}</td>
                <td>{a.agency}</td>
                <td>{a.open}</td>
                <td>{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
