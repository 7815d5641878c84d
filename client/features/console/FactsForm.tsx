// The facts of a meeting, as a form: working languages and parties picked by name, series
// and venue in every working language, number, code, dates in the interface language,
// authentic texts and the prevailing one. Used to create a meeting and to edit a draft.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { EditableFacts } from '../../../shared/console/meeting-facts';
import { languageName, useT } from '../../i18n/i18n';
import { DateField } from '../dates/DateField';
import { LanguagesFieldset } from './LanguagesFieldset';
import { PartiesFieldset, asParty } from './PartiesFieldset';

export const emptyFacts = (): EditableFacts => ({
  series: {},
  number: 1,
  code: '',
  venue: {},
  startDate: '',
  endDate: '',
  languages: ['th', 'lo', 'en'],
  authenticLanguages: ['th', 'lo', 'en'],
  prevailingLanguage: null,
  parties: [asParty('TH', ['th', 'lo', 'en']), asParty('LA', ['th', 'lo', 'en'])],
});

export function FactsForm({
  initial,
  submitLabel,
  onSubmit,
  disabled,
  children,
}: {
  initial: EditableFacts;
  submitLabel: string;
  onSubmit(facts: EditableFacts): Promise<void>;
  disabled?: boolean;
  /** More of the form, before its button, given the facts as they stand (a Word draft to start from). */
  children?: (facts: EditableFacts) => ReactNode;
}) {
  const { t, language } = useT();
  const [facts, setFacts] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EditableFacts>(key: K, value: EditableFacts[K]) => setFacts((f) => ({ ...f, [key]: value }));
  const { languages } = facts;

  const setLanguages = (codes: string[]) =>
    setFacts((f) => ({
      ...f,
      languages: codes,
      // A newly worked language is authentic unless the secretariat says otherwise.
      authenticLanguages: [...f.authenticLanguages.filter((l) => codes.includes(l)), ...codes.filter((l) => !f.languages.includes(l))],
      prevailingLanguage: f.prevailingLanguage && codes.includes(f.prevailingLanguage) ? f.prevailingLanguage : null,
      // Known parties get their names in a newly worked language; each keeps a language still worked in.
      parties: f.parties.map((p) => ({
        ...p,
        language: codes.includes(p.language) ? p.language : (codes[0] ?? p.language),
        name: { ...asParty(p.code, codes).name, ...p.name },
      })),
    }));
  const localized = (label: string, value: Record<string, string>, change: (v: Record<string, string>) => void) =>
    languages.map((l) => (
      <label key={l}>
        {label} ({languageName(l, language)})
        <input lang={l} value={value[l] ?? ''} onChange={(e) => change({ ...value, [l]: e.target.value })} />
      </label>
    ));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      // Texts of languages no longer worked in are dropped, not kept out of sight.
      const only = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).filter(([l, s]) => languages.includes(l) && s.trim()));
      await onSubmit({ ...facts, series: only(facts.series), venue: only(facts.venue), parties: facts.parties.map((p) => ({ ...p, name: only(p.name) })) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="facts-form" onSubmit={submit}>
      <fieldset disabled={disabled || busy} className="plain">
        <LanguagesFieldset value={languages} onChange={setLanguages} />
        {localized(t('console.facts.series'), facts.series, (v) => set('series', v))}
        <div className="row">
          <label>
            {t('console.facts.number')}
            <input type="number" min={1} value={facts.number} onChange={(e) => set('number', Number(e.target.value))} />
          </label>
          <label>
            {t('console.facts.code')}
            <input value={facts.code} required onChange={(e) => set('code', e.target.value)} />
          </label>
          <DateField label={t('console.facts.startDate')} required value={facts.startDate} onChange={(v) => set('startDate', v)} />
          <DateField label={t('console.facts.endDate')} required value={facts.endDate} onChange={(v) => set('endDate', v)} />
        </div>
        {localized(t('console.facts.venue'), facts.venue, (v) => set('venue', v))}
        <fieldset className="row">
          <legend>{t('console.facts.authentic')}</legend>
          {languages.map((l) => (
            <label key={l} className="inline">
              <input
                type="checkbox"
                checked={facts.authenticLanguages.includes(l)}
                onChange={(e) =>
                  set('authenticLanguages', e.target.checked ? [...facts.authenticLanguages, l] : facts.authenticLanguages.filter((x) => x !== l))
                }
              />
              {languageName(l, language)}
            </label>
          ))}
          <label>
            {t('console.facts.prevailing')}
            <select value={facts.prevailingLanguage ?? ''} onChange={(e) => set('prevailingLanguage', e.target.value || null)}>
              <option value="">{t('console.facts.noPrevailing')}</option>
              {facts.authenticLanguages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, language)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <PartiesFieldset parties={facts.parties} languages={languages} onChange={(parties) => set('parties', parties)} />
        {children?.(facts)}
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
