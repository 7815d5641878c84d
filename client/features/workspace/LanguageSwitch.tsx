// English, ไทย, ລາວ: each named in itself, so a reader finds their own whatever is showing.
import { Languages } from 'lucide-react';
import { SELF_NAMES, UI_LANGUAGES, chooseUiLanguage, useT } from '../../i18n/i18n';

export function LanguageSwitch() {
  const { t, language } = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('language.switch')}>
      <Languages size={16} aria-hidden="true" />
      {UI_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === language}
          className={code === language ? 'chosen' : undefined}
          onClick={() => chooseUiLanguage(code)}
        >
          {SELF_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
