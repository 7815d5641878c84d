// Import a Word draft into this draft meeting: preview what it gives, then add it whole
// after the agenda; a draft that cannot be placed adds nothing and says why, by paragraph.
import { useState } from 'react';
import type { DraftItem, DraftProblem } from '../../../shared/console/word-draft';
import { useT } from '../../i18n/i18n';
import { consoleApi, DraftRefused, type ConsoleMeeting } from './console-api';
import { failureKey } from './failure';
import { DraftFile, DraftPreviewList, DraftProblems, type DraftChoice } from './WordDraft';

export function WordDraftPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t, language } = useT();
  const [choice, setChoice] = useState<DraftChoice>({ file: null, language: meeting.languages.includes(language) ? language : (meeting.languages[0] ?? 'en') });
  const [preview, setPreview] = useState<{ items: DraftItem[]; notes: DraftProblem[] } | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!choice.file) return;
    setProblems([]);
    setMessage(null);
    try {
      const answer = await consoleApi.importWordDraft(meeting.id, choice.file, choice.language, dryRun);
      if (dryRun) setPreview(answer);
      else {
        setPreview(null);
        setMessage(t('console.draft.imported', { items: answer.items.length, segments: answer.segments }));
        onChanged();
      }
    } catch (err) {
      setPreview(null);
      if (err instanceof DraftRefused) setProblems(err.problems);
      else setMessage(t(failureKey(err)));
    }
  };

  return (
    <section className="console-panel word-draft" aria-labelledby="word-draft-title">
      <h2 id="word-draft-title">{t('console.draft.title')}</h2>
      <DraftFile choice={choice} languages={meeting.languages} onChange={(c) => (setChoice(c), setPreview(null), setProblems([]))} />
      <div className="row">
        <button type="button" disabled={!choice.file} onClick={() => send(true)}>
          {t('console.draft.check')}
        </button>
        <button type="button" className="primary" disabled={!choice.file} onClick={() => send(false)}>
          {t('console.draft.import')}
        </button>
      </div>
      {preview && <DraftPreviewList items={preview.items} notes={preview.notes} languages={meeting.languages} />}
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <div className="error" role="alert">
          <p>{t('console.draft.refused')}</p>
          <DraftProblems problems={problems} />
        </div>
      )}
    </section>
  );
}
