// The action register: every action point of the meetings the officer manages, overdue
// first, filtered by series, party, agency and status; each with its history across the
// meetings it passed through; exported as CSV or XLSX in the reader's language (Thai
// dates in the Buddhist Era).
import { useEffect, useMemo, useState } from 'react';
import { ACTION_STATUSES } from '../../../shared/record/meeting-input';
import type { HistoryEntry, RegisterRow } from '../../../shared/console/register';
import { pick, useT, type MessageKey, type Translate } from '../../i18n/i18n';
import { partyName } from '../../../shared/parties';
import { formatInstant } from '../lifecycle/instant';
import { consoleApi, type MeetingSummary, type RegisterFilter } from './console-api';
import { failureKey } from './failure';

/** The reader's own date, in their time zone: what "overdue" is reckoned against. */
export const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export function RegisterPage() {
  const { t, language } = useT();
  const [filter, setFilter] = useState<RegisterFilter>({ today: localToday() });
  const [rows, setRows] = useState<RegisterRow[] | null>(null);
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  const [error, setError] = useState<MessageKey | null>(null);
  // Every party seen in the register, so the filter offers them by name even while one is chosen.
  const [parties, setParties] = useState<string[]>([]);

  useEffect(() => {
    consoleApi.meetings().then(
      (a) => setMeetings(a.meetings),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    setError(null);
    consoleApi.register(filter).then(
      (a) => {
        setRows(a.rows);
        setParties((seen) => [...new Set([...seen, ...a.rows.map((r) => r.party)])].sort());
      },
      (err: unknown) => setError(failureKey(err)),
    );
  }, [filter]);

  const series = useMemo(() => {
    const named = new Map<string, string>();
    for (const m of meetings) if (m.seriesId && !named.has(m.seriesId)) named.set(m.seriesId, pick(m.series, language, m.languages));
    return [...named];
  }, [meetings, language]);
  const set = (key: keyof RegisterFilter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const exportFilter = { ...filter, lang: language };

  return (
    <section>
      <header className="section-head">
        <h1>{t('console.register.title')}</h1>
        <a className="button" href={consoleApi.registerFileUrl('csv', exportFilter)} download>
          {t('console.register.csv')}
        </a>
        <a className="button" href={consoleApi.registerFileUrl('xlsx', exportFilter)} download>
          {t('console.register.xlsx')}
        </a>
      </header>
      <form className="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('console.register.series')}
          <select value={filter.series ?? ''} onChange={(e) => set('series', e.target.value)}>
            <option value="">{t('console.register.allSeries')}</option>
            {series.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.roster.party')}
          <select value={filter.party ?? ''} onChange={(e) => set('party', e.target.value)}>
            <option value="">{t('console.register.anyParty')}</option>
            {parties.map((code) => (
              <option key={code} value={code}>
                {partyName(code, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.roster.agency')}
          <input value={filter.agency ?? ''} onChange={(e) => set('agency', e.target.value)} />
        </label>
        <label>
          {t('console.register.status')}
          <select value={filter.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('console.register.anyStatus')}</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`console.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={filter.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
          {t('console.register.overdueOnly')}
        </label>
      </form>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {!rows && !error && <p>{t('console.common.loading')}</p>}
      {rows && <p>{t('console.register.count', { count: rows.length })}</p>}
      {rows && rows.length > 0 && (
        <table className="console-table register stack-table">
          <thead>
            <tr>
              <th scope="col">{t('console.register.meeting')}</th>
              <th scope="col">{t('console.roster.party')}</th>
              <th scope="col">{t('console.roster.agency')}</th>
              <th scope="col">{t('console.register.point')}</th>
              <th scope="col">{t('console.register.due')}</th>
              <th scope="col">{t('console.register.status')}</th>
              <th scope="col">{t('console.register.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.thread.meetingId}/${row.thread.pointId}`} className={row.overdue ? 'overdue' : undefined}>
                <td data-label={t('console.register.meeting')}>
                  {row.meetingCode}
                  {row.origin.meetingCode !== row.meetingCode && (
                    <div className="hint">
                      {t(row.origin.signed ? 'console.register.origin' : 'console.register.carriedFrom', { code: row.origin.meetingCode })}
                    </div>
                  )}
                </td>
                <td data-label={t('console.roster.party')}>{partyName(row.party, language)}</td>
                <td data-label={t('console.roster.agency')}>{row.agency}</td>
                <td data-label={t('console.register.point')}>{pick(row.text, language, ['en', ...Object.keys(row.text)])}</td>
                <td data-label={t('console.register.due')}>
                  {row.due ? (row.dueText[language] ?? row.due) : '—'}
                  {row.overdue && <strong className="badge">{t('console.register.overdue')}</strong>}
                </td>
                <td data-label={t('console.register.status')}>{t(`console.status.${row.status}`)}</td>
                <td data-label={t('console.register.history')}>
                  <details>
                    <summary>{t('console.register.changes', { count: row.history.length })}</summary>
                    <ol className="history">
                      {row.history.map((h, i) => (
                        <li key={i}>{historyText(t, language, h)}</li>
                      ))}
                    </ol>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function historyText(t: Translate, language: string, h: HistoryEntry): string {
  const to = t(`console.status.${h.to}`);
  const change =
    h.kind === 'recorded'
      ? t('console.register.change.recorded', { to })
      : h.kind === 'carried'
        ? t('console.register.change.carried', { to })
        : t('console.register.change.changed', { from: h.from ? t(`console.status.${h.from}`) : '—', to });
  const who = h.by ? t('console.register.by', { name: h.by.name }) : t('console.register.byUnknown');
  return `${formatInstant(h.at, language)} · ${h.meetingCode} · ${change} · ${who}`;
}
