// A Word draft chosen at the console: its file and the language its headings and paragraphs
// are written in, a preview of the agenda items and segments it gives, and, when it cannot
// be placed, each problem by paragraph in the reader's words. Used to start a new meeting
// from a draft and to import one into a draft meeting.
import { useId } from 'react';
import type { DraftItem, DraftProblem } from '../../../shared/console/word-draft';
import { languageName, pick, useT } from '../../i18n/i18n';

export interface DraftChoice {
  file: File | null;
  language: string;
}

export function DraftFile({ choice, languages, onChange }: { choice: DraftChoice; languages: string[]; onChange(choice: DraftChoice): void }) {
  const { t, language } = useT();
  const id = useId();
  return (
    <div className="draft-file">
      <label>
        {t('console.draft.file')}
        <input
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange({ ...choice, file: e.target.files?.[0] ?? null })}
        />
      </label>
      <span id={`${id}-hint`} className="hint">
        {t('console.draft.hint')}
      </span>
      <label>
        {t('console.draft.language')}
        <select value={choice.language} onChange={(e) => onChange({ ...choice, language: e.target.value })}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, language)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function DraftPreviewList({ items, notes, languages }: { items: DraftItem[]; notes: DraftProblem[]; languages: string[] }) {
  const { t, language } = useT();
  return (
    <div className="draft-preview" role="status">
      <p>{t('console.draft.preview', { items: items.length, segments: items.reduce((n, i) => n + i.segments.length, 0) })}</p>
      <ol>
        {items.map((item) => (
          <li key={item.paragraph}>
            {pick(item.title, language, languages)} <span className="hint">{t('console.agenda.segments', { count: item.segments.length })}</span>
          </li>
        ))}
      </ol>
      {notes.length > 0 && <DraftProblems problems={notes} />}
    </div>
  );
}

export function DraftProblems({ problems }: { problems: DraftProblem[] }) {
  const { t } = useT();
  return (
    <ul className="draft-problems">
      {problems.map((p, i) => (
        <li key={i}>{problemLine(t, p)}</li>
      ))}
    </ul>
  );
}

type Say = ReturnType<typeof useT>['t'];

/** "Paragraph 4 («Participants noted…»), row 2: …" */
function problemLine(t: Say, p: DraftProblem): string {
  const params = { ...p.params, language: typeof p.params?.language === 'string' ? p.params.language : '' };
  const what = t(`console.draft.problem.${p.code}`, params);
  if (p.paragraph === 0) return what;
  const where = p.row ? t('console.draft.atRow', { paragraph: p.paragraph, row: p.row }) : t('console.draft.at', { paragraph: p.paragraph });
  return p.excerpt ? `${where} (“${p.excerpt}”): ${what}` : `${where}: ${what}`;
}
