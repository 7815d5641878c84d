// The case register: the open cases of the meetings the officer manages, overdue first, by
// stage and party, each with its history across meetings (who changed its stage, when, in
// which meeting); exported as CSV or XLSX.
import { useEffect, useState } from 'react';
import { CASE_STAGES } from '../../../shared/cases/case';
import type { CaseHistoryEntry, CaseRegisterRow } from '../../../shared/cases/case-register';
import { formatDate } from '../../../shared/dates';
import { partyName } from '../../../shared/parties';
import { useT, type MessageKey } from '../../i18n/i18n';
import { stageKey } from '../cases/stage-label';
import { formatInstant } from '../lifecycle/instant';
import { consoleApi, type CaseFilter } from './console-api';
import { failureKey } from './failure';
import { localToday } from './RegisterPage';

export function CaseRegisterPage() {
  const { t, language } = useT();
  const [filter, setFilter] = useState<CaseFilter>({ today: localToday() });
  const [rows, setRows] = useState<CaseRegisterRow[] | null>(null);
  const [parties, setParties] = useState<string[]>([]);
  const [error, setError] = useState<MessageKey | null>(null);
  useEffect(() => {
    setError(null);
    consoleApi.caseRegister(filter).then(
      (a) => {
        setRows(a.rows);
        setParties((seen) => [...new Set([...seen, ...a.rows.flatMap((r) => r.sides.map((s) => s.party))])].sort());
      },
      (err: unknown) => setError(failureKey(err)),
    );
  }, [filter]);
  const set = (key: keyof CaseFilter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const exportFilter = { ...filter, lang: language };
  const line = (h: CaseHistoryEntry) =>
    `${formatInstant(h.at, language)} · ${h.meetingCode} · ${h.from ? `${t(stageKey(h.from))} → ` : ''}${t(stageKey(h.to))}${h.by ? ` · ${h.by.name}` : ''}`;

  return (
    <section>
      <header className="section-head">
        <h1>{t('console.cases.title')}</h1>
        <a className="button" href={consoleApi.caseRegisterFileUrl('csv', exportFilter)} download>
          {t('console.cases.csv')}
        </a>
        <a className="button" href={consoleApi.caseRegisterFileUrl('xlsx', exportFilter)} download>
          {t('console.cases.xlsx')}
        </a>
      </header>
      <div className="filters">
        <label>
          <span>{t('cases.stage')}</span>
          <select value={filter.stage ?? ''} onChange={(e) => set('stage', e.target.value)}>
            <option value="">{t('console.cases.any')}</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(stageKey(s))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('console.cases.party')}</span>
          <select value={filter.party ?? ''} onChange={(e) => set('party', e.target.value)}>
            <option value="">{t('console.cases.any')}</option>
            {parties.map((p) => (
              <option key={p} value={p}>
                {partyName(p, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {rows && rows.length === 0 && <p>{t('console.cases.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="console-table stack-table case-register">
          <thead>
            <tr>
              <th scope="col">{t('cases.references')}</th>
              <th scope="col">{t('cases.stage')}</th>
              <th scope="col">{t('cases.due')}</th>
              <th scope="col">{t('console.cases.meeting')}</th>
              <th scope="col">{t('console.cases.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.thread.meetingId}/${r.thread.caseId}`} className={r.overdue ? 'overdue' : undefined} data-stage={r.stage}>
                <td data-label={t('cases.references')}>
                  {r.sides.map((s) => (
                    <div key={s.party}>
                      <strong>{s.party}</strong> {s.reference} {s.agency && `· ${s.agency}`}
                    </div>
                  ))}
                </td>
                <td data-label={t('cases.stage')}>{t(stageKey(r.stage))}</td>
                <td data-label={t('cases.due')}>
                  {r.due ? formatDate(r.due, language) : ''} {r.overdue && <strong>{t('console.cases.overdue')}</strong>}
                </td>
                <td data-label={t('console.cases.meeting')}>{r.meetingCode}</td>
                <td data-label={t('console.cases.history')}>
                  <ul>
                    {r.history.map((h, i) => (
                      <li key={i}>{line(h)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
