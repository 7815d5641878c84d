// The facts of a meeting, as a form: series and venue in every working language, number,
// code, dates, working languages, authentic texts and the prevailing one, and the parties
// with their names in every working language. Used to create a meeting and to edit a draft.
import { useState, type FormEvent } from 'react';
import type { EditableFacts } from '../../../shared/console/meeting-facts';
import { languageName, useT } from '../../i18n/i18n';

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
  parties: [
    { code: 'TH', name: {}, language: 'th' },
    { code: 'LA', name: {}, language: 'lo' },
  ],
});

const readCodes = (text: string) => [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];

export function FactsForm({ initial, submitLabel, onSubmit, disabled }: { initial: EditableFacts; submitLabel: string; onSubmit(facts: EditableFacts): Promise<void>; disabled?: boolean }) {
  const { t, language } = useT();
  const [facts, setFacts] = useState(initial);
  const [languagesText, setLanguagesText] = useState(initial.languages.join(', '));
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EditableFacts>(key: K, value: EditableFacts[K]) => setFacts((f) => ({ ...f, [key]: value }));
  const languages = facts.languages;

  const setLanguages = (text: string) => {
    setLanguagesText(text);
    const codes = readCodes(text);
    setFacts((f) => ({
      ...f,
      languages: codes,
      authenticLanguages: f.authenticLanguages.filter((l) => codes.includes(l)),
      prevailingLanguage: f.prevailingLanguage && codes.includes(f.prevailingLanguage) ? f.prevailingLanguage : null,
    }));
  };
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
      <fieldset disabled={disabled || busy}>
        <label>
          {t('console.facts.languages')}
          <input value={languagesText} onChange={(e) => setLanguages(e.target.value)} aria-describedby="languages-hint" />
          <span id="languages-hint" className="hint">{t('console.facts.languagesHint')}</span>
        </label>
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
          <label>
            {t('console.facts.startDate')}
            <input type="date" required value={facts.startDate} onChange={(e) => set('startDate', e.target.value)} />
          </label>
          <label>
            {t('console.facts.endDate')}
            <input type="date" required value={facts.endDate} onChange={(e) => set('endDate', e.target.value)} />
          </label>
        </div>
        {localized(t('console.facts.venue'), facts.venue, (v) => set('venue', v))}
        <fieldset className="row">
          <legend>{t('console.facts.authentic')}</legend>
          {languages.map((l) => (
            <label key={l} className="inline">
              <input
                type="checkbox"
                checked={facts.authenticLanguages.includes(l)}
                onChange={(e) => set('authenticLanguages', e.target.checked ? [...facts.authenticLanguages, l] : facts.authenticLanguages.filter((x) => x !== l))}
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
        <fieldset>
          <legend>{t('console.facts.parties')}</legend>
          {facts.parties.map((party, i) => {
            const change = (next: Partial<typeof party>) => set('parties', facts.parties.map((p, j) => (j === i ? { ...p, ...next } : p)));
            return (
              <div key={i} className="party-row">
                <label>
                  {t('console.facts.partyCode')}
                  <input value={party.code} size={6} onChange={(e) => change({ code: e.target.value.toUpperCase() })} />
                </label>
                <label>
                  {t('console.facts.partyLanguage')}
                  <select value={party.language} onChange={(e) => change({ language: e.target.value })}>
                    {languages.map((l) => (
                      <option key={l} value={l}>
                        {languageName(l, language)}
                      </option>
                    ))}
                  </select>
                </label>
                {localized(t('console.facts.partyName'), party.name, (name) => change({ name }))}
                <button type="button" onClick={() => set('parties', facts.parties.filter((_, j) => j !== i))} disabled={facts.parties.length <= 1}>
                  {t('console.facts.removeParty')}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => set('parties', [...facts.parties, { code: '', name: {}, language: languages[0] ?? 'en' }])}>
            {t('console.facts.addParty')}
          </button>
        </fieldset>
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </fieldset>
    </form>
  );
}
