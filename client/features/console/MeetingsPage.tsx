// The meetings an officer manages, newest series first, and a new meeting from scratch.
import { useEffect, useState } from 'react';
import { formatDateRange } from '../../../shared/dates';
import { navigate } from '../../app/router';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { consoleApi, type MeetingSummary } from './console-api';
import { emptyFacts, FactsForm } from './FactsForm';
import { failureKey, issuesOf } from './failure';

export function MeetingsPage() {
  const { t, language } = useT();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [creating, setCreating] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);

  useEffect(() => {
    consoleApi.meetings().then((a) => setMeetings(a.meetings), (err: unknown) => setError(failureKey(err)));
  }, []);

  return (
    <section className="console-meetings">
      <header className="section-head">
        <h1>{t('console.meetings.title')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(!creating)}>
          {t('console.meetings.new')}
        </button>
      </header>
      {creating && (
        <div className="console-panel">
          <h2>{t('console.meetings.new')}</h2>
          <FactsForm
            initial={emptyFacts()}
            submitLabel={t('console.facts.create')}
            onSubmit={async (facts) => {
              setIssues([]);
              try {
                const made = await consoleApi.createMeeting({ ...facts, prevailingLanguage: facts.prevailingLanguage ?? undefined, participants: [], agenda: [], minutes: [], actionPoints: [] });
                navigate(`/console/meetings/${made.meetingId}`);
              } catch (err) {
                setIssues(issuesOf(err).length ? issuesOf(err) : [t(failureKey(err))]);
              }
            }}
          />
          {issues.length > 0 && (
            <div className="error" role="alert">
              <p>{t('console.facts.invalid')}</p>
              <ul>
                {issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {!meetings && !error && <p>{t('console.common.loading')}</p>}
      {meetings?.length === 0 && <p>{t('console.meetings.empty')}</p>}
      {meetings && meetings.length > 0 && (
        <table className="console-table">
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
                <td>
                  <a href={`/console/meetings/${m.id}`} onClick={(e) => (e.preventDefault(), navigate(`/console/meetings/${m.id}`))}>
                    {m.code}
                  </a>
                </td>
                <td>{pick(m.series, language, m.languages)}</td>
                <td>{m.startDate ? formatDateRange(m.startDate, m.endDate, language) : ''}</td>
                <td>{t(`console.state.${m.state}`)}</td>
                <td>{m.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
