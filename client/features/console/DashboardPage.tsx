// The secretariat's dashboard: meetings by state, open cases by stage, and per agency the action points still
// to do and how many of them are overdue, most overdue first.
import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/console/register';
import { RECORD_STATES } from '../../../shared/roles';
import { consoleApi } from './console-api';
import { failureKey } from './failure';
import { useT, type MessageKey } from '../../i18n/i18n';
import { partyName } from '../../../shared/parties';
import { localToday } from './RegisterPage';
import { CASE_STAGES, type CaseStage } from '../../../shared/cases/case';
import { stageKey } from '../cases/stage-label';

export function DashboardPage() {
  const { t, language } = useT();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [stages, setStages] = useState<Record<CaseStage, number> | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  useEffect(() => {
    consoleApi.dashboard({ today: localToday() }).then(setDashboard, (err: unknown) => setError(failureKey(err)));
    consoleApi.caseStages({ today: localToday() }).then(
      (a) => setStages(a.stages),
      (err: unknown) => setError(failureKey(err)),
    );
  }, []);

  if (error)
    return (
      <p className="error" role="alert">
        {t(error)}
      </p>
    );
  if (!dashboard) return <p>{t('console.common.loading')}</p>;
  return (
    <section>
      <h1>{t('console.dashboard.title')}</h1>
      <h2>{t('console.dashboard.meetings')}</h2>
      <dl className="counts">
        {RECORD_STATES.map((state) => (
          <div key={state}>
            <dt>{t(`console.state.${state}`)}</dt>
            <dd>{dashboard.meetings[state]}</dd>
          </div>
        ))}
      </dl>
      {stages && (
        <>
          <h2>{t('console.dashboard.casesByStage')}</h2>
          <dl className="counts case-stages">
            {CASE_STAGES.filter((s) => s !== 'closed').map((stage) => (
              <div key={stage} data-stage={stage}>
                <dt>{t(stageKey(stage))}</dt>
                <dd>{stages[stage]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h2>{t('console.dashboard.agencies')}</h2>
      {dashboard.agencies.length === 0 ? (
        <p>{t('console.dashboard.none')}</p>
      ) : (
        <table className="console-table stack-table">
          <thead>
            <tr>
              <th scope="col">{t('console.roster.party')}</th>
              <th scope="col">{t('console.roster.agency')}</th>
              <th scope="col">{t('console.dashboard.open')}</th>
              <th scope="col">{t('console.dashboard.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.agencies.map((a) => (
              <tr key={`${a.party}/${a.agency}`} className={a.overdue > 0 ? 'overdue' : undefined}>
                <td data-label={t('console.roster.party')}>{partyName(a.party, language)}</td>
                <td data-label={t('console.roster.agency')}>{a.agency}</td>
                <td data-label={t('console.dashboard.open')}>{a.open}</td>
                <td data-label={t('console.dashboard.overdue')}>{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
