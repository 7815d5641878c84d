// The meetings an officer manages, newest series first, and a new meeting from scratch.
import { useEffect, useState } from 'react';
import { formatDateRange } from '../../../shared/dates';
import { navigate } from '../../app/router';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { consoleApi, type MeetingSummary } from './console-api';
import { NewMeeting } from './NewMeeting';
import { failureKey } from './failure';

export function MeetingsPage() {
  const { t, language } = useT();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    consoleApi.meetings().then(
      (a) => setMeetings(a.meetings),
      (err: unknown) => setError(failureKey(err)),
    );
  }, []);

  return (
    <section className="console-meetings">
      <header className="section-head">
        <h1>{t('console.meetings.title')}</h1>
        <button type="button" className="primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t('console.meetings.new')}
        </button>
      </header>
      {creating && <NewMeeting />}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {!meetings && !error && <p>{t('console.common.loading')}</p>}
      {meetings?.length === 0 && <p>{t('console.meetings.empty')}</p>}
      {meetings && meetings.length > 0 && (
        <table className="console-table stack-table">
          <thead>
            <tr>
              <th scope="col">{t('console.meetings.code')}</th>
              <th scope="col">{t('console.meetings.series')}</th>
              <th scope="col">{t('console.meetings.dates')}</th>
              <th scope="col">{t('console.meetings.state')}</th>
              <th scope="col">{t('console.meetings.participants')}</th>
            </tr>
          </thead>
          <tbody>
            {[...meetings].reverse().map((m) => (
              <tr key={m.id}>
                <td data-label={t('console.meetings.code')}>
                  <a href={`/console/meetings/${m.id}`} onClick={(e) => (e.preventDefault(), navigate(`/console/meetings/${m.id}`))}>
                    {m.code}
                  </a>
                </td>
                <td data-label={t('console.meetings.series')}>{pick(m.series, language, m.languages)}</td>
                <td data-label={t('console.meetings.dates')}>{m.startDate ? formatDateRange(m.startDate, m.endDate, language) : ''}</td>
                <td data-label={t('console.meetings.state')}>{t(`console.state.${m.state}`)}</td>
                <td data-label={t('console.meetings.participants')}>{m.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
