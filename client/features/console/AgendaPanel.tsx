// A draft's agenda at the console: each item's title in every working language, moved up or
// down, removed with its minutes (after asking), and new items added. Each change goes to
// the server at once and lands in every open workspace.
import { useEffect, useState, type FormEvent } from 'react';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { AgendaItemView } from '../../../shared/console/agenda';
import type { LocalizedText } from '../../../shared/record/schema';
import { languageName, pick, useT } from '../../i18n/i18n';
import { consoleApi, type ConsoleMeeting } from './console-api';
import { Problems } from './Problems';
import { problemsOf } from './failure';

export function AgendaPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t, language } = useT();
  const [agenda, setAgenda] = useState(meeting.agenda);
  const [problems, setProblems] = useState<string[]>([]);
  const draft = meeting.state === 'draft';
  useEffect(() => setAgenda(meeting.agenda), [meeting.agenda]);

  const act = async (work: () => Promise<{ agenda: AgendaItemView[] }>) => {
    setProblems([]);
    try {
      setAgenda((await work()).agenda);
      onChanged();
    } catch (err) {
      setProblems(problemsOf(err, language));
    }
  };
  const remove = (item: AgendaItemView, number: number) => {
    const title = pick(item.title, language, meeting.languages);
    const question =
      item.segments > 0
        ? t('console.agenda.confirmRemoveWithMinutes', { number, title, count: item.segments })
        : t('console.agenda.confirmRemove', { number, title });
    if (window.confirm(question)) void act(() => consoleApi.removeAgendaItem(meeting.id, item.id));
  };

  return (
    <section className="console-panel agenda-panel" aria-labelledby="agenda-panel-title">
      <h2 id="agenda-panel-title">{t('agenda.label')}</h2>
      {agenda.length === 0 && <p>{t('agenda.empty')}</p>}
      <ol className="agenda-items">
        {agenda.map((item, i) => (
          <li key={item.id}>
            <AgendaTitles
              number={i + 1}
              title={item.title}
              languages={meeting.languages}
              disabled={!draft}
              onSave={(changed) => act(() => consoleApi.renameAgendaItem(meeting.id, item.id, changed))}
            />
            {draft && (
              <div className="item-actions">
                <span className="hint">{t('console.agenda.segments', { count: item.segments })}</span>
                <button
                  type="button"
                  aria-label={t('console.agenda.moveUp', { number: i + 1 })}
                  disabled={i === 0}
                  onClick={() => act(() => consoleApi.moveAgendaItem(meeting.id, item.id, i - 1))}
                >
                  <ArrowUp size={14} aria-hidden="true" />
                </button>
                <button
                  type="button"
                  aria-label={t('console.agenda.moveDown', { number: i + 1 })}
                  disabled={i === agenda.length - 1}
                  onClick={() => act(() => consoleApi.moveAgendaItem(meeting.id, item.id, i + 1))}
                >
                  <ArrowDown size={14} aria-hidden="true" />
                </button>
                <button type="button" aria-label={t('console.agenda.remove', { number: i + 1 })} onClick={() => remove(item, i + 1)}>
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <Problems problems={problems} />
      {draft && <NewItem languages={meeting.languages} number={agenda.length + 1} onAdd={(title) => act(() => consoleApi.addAgendaItem(meeting.id, title))} />}
    </section>
  );
}

/**
 * One item's titles, saved when a field is left with a changed title. What is typed stays until
 * the server's title says the same: a save of another field that lands meanwhile (and the
 * meeting read again after it) never takes back a title being typed.
 */
function AgendaTitles({
  number,
  title,
  languages,
  disabled,
  onSave,
}: {
  number: number;
  title: LocalizedText;
  languages: string[];
  disabled: boolean;
  onSave(changed: LocalizedText): void;
}) {
  const { t, language } = useT();
  const [typed, setTyped] = useState<LocalizedText>({});
  useEffect(() => setTyped((now) => Object.fromEntries(Object.entries(now).filter(([l, v]) => v !== (title[l] ?? '')))), [title]);
  return (
    <fieldset className="agenda-titles" disabled={disabled}>
      <legend>{t('agenda.item', { number })}</legend>
      {languages.map((l) => (
        <label key={l}>
          {t('agenda.titleIn', { language: languageName(l, language) })}
          <input
            lang={l}
            value={typed[l] ?? title[l] ?? ''}
            onChange={(e) => setTyped({ ...typed, [l]: e.target.value })}
            onBlur={() => typed[l] !== undefined && typed[l] !== (title[l] ?? '') && onSave({ [l]: typed[l] })}
          />
        </label>
      ))}
    </fieldset>
  );
}

function NewItem({ languages, number, onAdd }: { languages: string[]; number: number; onAdd(title: LocalizedText): Promise<void> }) {
  const { t, language } = useT();
  const [title, setTitle] = useState<LocalizedText>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onAdd(Object.fromEntries(Object.entries(title).filter(([, v]) => v.trim())));
    setTitle({});
  };
  return (
    <form className="new-agenda-item" onSubmit={submit}>
      <fieldset>
        <legend>{t('console.agenda.newItem', { number })}</legend>
        {languages.map((l) => (
          <label key={l}>
            {t('agenda.titleIn', { language: languageName(l, language) })}
            <input lang={l} value={title[l] ?? ''} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={!Object.values(title).some((v) => v.trim())}>
          <Plus size={14} aria-hidden="true" /> {t('agenda.add')}
        </button>
      </fieldset>
    </form>
  );
}
