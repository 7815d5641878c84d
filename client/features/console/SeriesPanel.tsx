// The series: make the next meeting from this one (its open action points carried under
// a review item), and the officers who manage this meeting.
import { useState, type FormEvent } from 'react';
import { navigate } from '../../app/router';
import { ApiFailure, consoleApi, type ConsoleMeeting } from './console-api';
import { failureKey, problemsOf } from './failure';
import { DateField } from '../dates/DateField';
import { useT } from '../../i18n/i18n';

export function SeriesPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t, language } = useT();
  const [dates, setDates] = useState({ startDate: '', endDate: '', code: '' });
  const [login, setLogin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const open = meeting.actionPoints.filter((p) => p.status !== 'done' && p.status !== 'dropped').length;

  const next = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setExisting(null);
    try {
      const made = await consoleApi.next(meeting.id, {
        startDate: dates.startDate,
        endDate: dates.endDate,
        ...(dates.code.trim() ? { code: dates.code.trim() } : {}),
      });
      navigate(`/console/meetings/${made.meetingId}`);
    } catch (err) {
      setMessage(problemsOf(err, language).join(' '));
      // The meeting that exists already is one click away.
      if (err instanceof ApiFailure && typeof err.details.meetingId === 'string') setExisting(err.details.meetingId);
    }
  };
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await consoleApi.grant(meeting.id, login.trim());
      setLogin('');
      onChanged();
    } catch (err) {
      setMessage(t(failureKey(err)));
    }
  };

  return (
    <section className="console-panel">
      <h2>{t('console.next.title')}</h2>
      <p>{t('console.next.explain', { count: open })}</p>
      <form className="row" onSubmit={next}>
        <DateField label={t('console.facts.startDate')} required value={dates.startDate} onChange={(startDate) => setDates((d) => ({ ...d, startDate }))} />
        <DateField label={t('console.facts.endDate')} required value={dates.endDate} onChange={(endDate) => setDates((d) => ({ ...d, endDate }))} />
        <label>
          {t('console.next.code')}
          <input value={dates.code} placeholder={t('console.next.codeHint')} onChange={(e) => setDates({ ...dates, code: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t('console.next.create')}
        </button>
      </form>
      <h2>{t('console.officers.title')}</h2>
      <ul>
        {meeting.officers.map((o) => (
          <li key={o.accountId}>
            {o.name} ({o.login})
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={grant}>
        <label>
          {t('console.officers.login')}
          <input value={login} required onChange={(e) => setLogin(e.target.value)} />
        </label>
        <button type="submit">{t('console.officers.grant')}</button>
      </form>
      {message && (
        <p className="error" role="alert">
          {message}{' '}
          {existing && (
            <a href={`/console/meetings/${existing}`} onClick={(e) => (e.preventDefault(), navigate(`/console/meetings/${existing}`))}>
              {t('console.next.openExisting')}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
