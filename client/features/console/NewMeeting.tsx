// A new meeting from scratch, or from a Word draft of its agenda or minutes: the draft is
// checked against the working languages chosen (a preview, or its problems by paragraph),
// and the meeting is made with it in one step, or not at all.
import { useState } from 'react';
import type { EditableFacts } from '../../../shared/console/meeting-facts';
import type { DraftItem, DraftProblem } from '../../../shared/console/word-draft';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { consoleApi, DraftRefused } from './console-api';
import { emptyFacts, FactsForm } from './FactsForm';
import { Problems } from './Problems';
import { problemsOf } from './failure';
import { DraftFile, DraftPreviewList, DraftProblems, type DraftChoice } from './WordDraft';

export function NewMeeting() {
  const { t, language } = useT();
  const [issues, setIssues] = useState<string[]>([]);
  const [choice, setChoice] = useState<DraftChoice>({ file: null, language });
  const [preview, setPreview] = useState<{ items: DraftItem[]; notes: DraftProblem[] } | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);

  const readDraft = async (facts: EditableFacts) => {
    setPreview(null);
    setProblems([]);
    try {
      const read = await consoleApi.readWordDraft(choice.file!, draftLanguage(facts), facts.languages);
      setPreview(read);
      return read;
    } catch (err) {
      if (err instanceof DraftRefused) setProblems(err.problems);
      else setIssues(problemsOf(err, language));
      return null;
    }
  };
  const draftLanguage = (facts: EditableFacts) => (facts.languages.includes(choice.language) ? choice.language : (facts.languages[0] ?? 'en'));

  const create = async (facts: EditableFacts) => {
    setIssues([]);
    const draft = choice.file ? await readDraft(facts) : null;
    if (choice.file && !draft) return;
    try {
      const made = await consoleApi.createMeeting({
        ...facts,
        prevailingLanguage: facts.prevailingLanguage ?? undefined,
        participants: [],
        agenda: draft?.input?.agenda ?? [],
        minutes: draft?.input?.minutes ?? [],
        actionPoints: [],
      });
      navigate(`/console/meetings/${made.meetingId}`);
    } catch (err) {
      setIssues(problemsOf(err, language));
    }
  };

  return (
    <div className="console-panel">
      <h2>{t('console.meetings.new')}</h2>
      <FactsForm initial={emptyFacts()} submitLabel={t('console.facts.create')} onSubmit={create}>
        {(facts) => (
          <fieldset className="draft">
            <legend>{t('console.draft.startFrom')}</legend>
            <DraftFile
              choice={{ ...choice, language: draftLanguage(facts) }}
              languages={facts.languages}
              onChange={(c) => (setChoice(c), setPreview(null), setProblems([]))}
            />
            <button type="button" disabled={!choice.file} onClick={() => void readDraft(facts)}>
              {t('console.draft.check')}
            </button>
            {preview && <DraftPreviewList items={preview.items} notes={preview.notes} languages={facts.languages} />}
            {problems.length > 0 && (
              <div className="error" role="alert">
                <p>{t('console.draft.refusedNew')}</p>
                <DraftProblems problems={problems} />
              </div>
            )}
          </fieldset>
        )}
      </FactsForm>
      <Problems intro={t('console.facts.invalid')} problems={issues} />
    </div>
  );
}
