// The parties of a meeting, picked by name from those of the region (their names in every
// working language filled in, their language chosen), or another party by code. Names stay
// editable in each working language, as the meeting's own record will show them.
import type { Party } from '../../../shared/record/schema';
import { KNOWN_PARTIES, knownParty, partyName } from '../../../shared/parties';
import { languageName, useT } from '../../i18n/i18n';

const OTHER = '';

/** A known party as this meeting names it: its names in the working languages, its language if worked in. */
export function asParty(code: string, languages: string[]): Party {
  const known = knownParty(code);
  const name = Object.fromEntries(languages.filter((l) => known?.name[l]).map((l) => [l, known!.name[l]!]));
  return { code, name, language: known && languages.includes(known.language) ? known.language : (languages[0] ?? 'en') };
}

export function PartiesFieldset({ parties, languages, onChange }: { parties: Party[]; languages: string[]; onChange(parties: Party[]): void }) {
  const { t, language } = useT();
  const change = (i: number, next: Party) => onChange(parties.map((p, j) => (j === i ? next : p)));
  const unused = KNOWN_PARTIES.find((k) => !parties.some((p) => p.code === k.code));

  return (
    <fieldset className="parties">
      <legend>{t('console.facts.parties')}</legend>
      {parties.map((party, i) => {
        const known = knownParty(party.code);
        const number = i + 1;
        return (
          <fieldset key={i} className="party-row">
            <legend>{t('issue.field.party', { number })}</legend>
            <label>
              {t('console.facts.partyPick')}
              <select
                value={known ? party.code : OTHER}
                onChange={(e) => change(i, e.target.value ? asParty(e.target.value, languages) : { code: '', name: {}, language: party.language })}
              >
                {KNOWN_PARTIES.map((k) => (
                  <option key={k.code} value={k.code} disabled={k.code !== party.code && parties.some((p) => p.code === k.code)}>
                    {partyName(k.code, language)}
                  </option>
                ))}
                <option value={OTHER}>{t('console.facts.otherParty')}</option>
              </select>
            </label>
            {!known && (
              <div className="field">
                <label>
                  {t('console.facts.partyCode')}
                  <input
                    value={party.code}
                    size={6}
                    aria-describedby={`party-code-hint-${i}`}
                    onChange={(e) => change(i, { ...party, code: e.target.value.toUpperCase() })}
                  />
                </label>
                <span id={`party-code-hint-${i}`} className="hint">
                  {t('console.facts.partyCodeHint')}
                </span>
              </div>
            )}
            <label>
              {t('console.facts.partyLanguage')}
              <select value={party.language} onChange={(e) => change(i, { ...party, language: e.target.value })}>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, language)}
                  </option>
                ))}
              </select>
            </label>
            {languages.map((l) => (
              <label key={l}>
                {t('console.facts.partyName')} ({languageName(l, language)})
                <input lang={l} value={party.name[l] ?? ''} onChange={(e) => change(i, { ...party, name: { ...party.name, [l]: e.target.value } })} />
              </label>
            ))}
            <button type="button" onClick={() => onChange(parties.filter((_, j) => j !== i))} disabled={parties.length <= 1}>
              {t('console.facts.removeParty', { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...parties, unused ? asParty(unused.code, languages) : { code: '', name: {}, language: languages[0] ?? 'en' }])}
      >
        {t('console.facts.addParty')}
      </button>
    </fieldset>
  );
}
