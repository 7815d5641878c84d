// Working languages picked by name, in the reader's language: the region's languages as
// boxes to tick, and any other by its code (zh, ja…) for the rare meeting that needs one.
import { useState } from 'react';
import { REGION_LANGUAGES } from '../../../shared/parties';
import { languageTag } from '../../../shared/record/meeting-input';
import { languageName, useT } from '../../i18n/i18n';

export function LanguagesFieldset({ value, onChange }: { value: string[]; onChange(languages: string[]): void }) {
  const { t, language } = useT();
  const [other, setOther] = useState('');
  const offered = [...REGION_LANGUAGES, ...value.filter((l) => !(REGION_LANGUAGES as readonly string[]).includes(l))];
  const toggle = (code: string, on: boolean) => onChange(on ? offered.filter((l) => l === code || value.includes(l)) : value.filter((l) => l !== code));
  const otherCode = other.trim().toLowerCase();
  const addOther = () => {
    if (!languageTag.safeParse(otherCode).success || value.includes(otherCode)) return;
    onChange([...value, otherCode]);
    setOther('');
  };

  return (
    <fieldset className="languages">
      <legend>{t('console.facts.languages')}</legend>
      <div className="choices">
        {offered.map((code) => (
          <label key={code} className="inline">
            <input type="checkbox" checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
            <span>{languageName(code, language)}</span>
          </label>
        ))}
      </div>
      <div className="row">
        <label>
          {t('console.facts.otherLanguage')}
          <input value={other} size={8} onChange={(e) => setOther(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), addOther())} />
        </label>
        <button type="button" onClick={addOther} disabled={!languageTag.safeParse(otherCode).success}>
          {t('console.facts.addLanguage')}
        </button>
      </div>
    </fieldset>
  );
}
