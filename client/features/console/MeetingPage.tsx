// One meeting at the console: its facts (editable while a draft), its roster and
// invitations, the QR sheet, the next meeting of its series, and who manages it.
import { useCallback, useEffect, useState } from 'react';
import { formatDateRange } from '../../../shared/dates';
import type { EditableFacts, FactsPatch } from '../../../shared/console/meeting-facts';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { consoleApi, type ConsoleMeeting } from './console-api';
import { FactsForm } from './FactsForm';
import { Problems } from './Problems';
import { failureKey, problemsOf } from './failure';
import { RosterPanel } from './RosterPanel';
import { SeriesPanel } from './SeriesPanel';
import { AgendaPanel } from './AgendaPanel';
import { OpenWorkspace } from './OpenWorkspace';
import { WordDraftPanel } from './WordDraftPanel';
import { navigate } from '../../app/router';

/** Only what changed is sent: the server checks the whole against the record. */
function patchOf(before: EditableFacts, after: EditableFacts): FactsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof EditableFacts)[]) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  return patch as FactsPatch;
}

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t, language } = useT();
  const [meeting, setMeeting] = useState<ConsoleMeeting | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [edition, setEdition] = useState(0);

  const load = useCallback(() => {
    consoleApi.meeting(meetingId).then(setMeeting, (err: unknown) => setError(failureKey(err)));
  }, [meetingId]);
  useEffect(load, [load]);

  if (error)
    return (
      <p className="error" role="alert">
        {t(error)}
      </p>
    );
  if (!meeting) return <p>{t('console.common.loading')}</p>;
  const draft = meeting.state === 'draft';

  const save = async (facts: EditableFacts) => {
    setIssues([]);
    setSaved(null);
    try {
      await consoleApi.editFacts(meeting.id, patchOf(meeting.facts, facts));
      setSaved(t('console.common.saved'));
      setEdition((n) => n + 1);
      load();
    } catch (err) {
      setIssues(problemsOf(err, language));
    }
  };

  return (
    <article className="console-meeting">
      <header className="section-head">
        <h1>
          {meeting.code} · {pick(meeting.series, language, meeting.languages)}
        </h1>
        <p>
          {pick(meeting.venue, language, meeting.languages)} · {formatDateRange(meeting.startDate, meeting.endDate, language)} ·{' '}
          {t(`console.state.${meeting.state}`)}
        </p>
        <OpenWorkspace meeting={meeting} />
      </header>
      {meeting.seriesMeetings.length > 1 && (
        <nav className="series-links" aria-label={t('console.series.label')}>
          <span>{t('console.series.label')}</span>
          <ol>
            {meeting.seriesMeetings.map((m) => (
              <li key={m.id}>
                <a
                  href={`/console/meetings/${m.id}`}
                  aria-current={m.id === meeting.id ? 'page' : undefined}
                  onClick={(e) => (e.preventDefault(), navigate(`/console/meetings/${m.id}`))}
                >
                  {m.code}
                </a>{' '}
                <span className="hint">{t(`console.state.${m.state}`)}</span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {!draft && <p className="notice">{t('console.facts.lockedNote', { state: t(`console.state.${meeting.state}`) })}</p>}
      <details className="console-panel" open={draft && meeting.agenda.length === 0}>
        <summary>{t('console.facts.title')}</summary>
        <FactsForm key={edition} initial={meeting.facts} submitLabel={t('console.common.save')} onSubmit={save} disabled={!draft} />
        {saved && <p role="status">{saved}</p>}
        <Problems intro={t('console.facts.invalid')} problems={issues} />
      </details>
      <AgendaPanel meeting={meeting} onChanged={load} />
      {draft && <WordDraftPanel meeting={meeting} onChanged={load} />}
      <RosterPanel meeting={meeting} onChanged={load} />
      <SeriesPanel meeting={meeting} onChanged={load} />
    </article>
  );
}
