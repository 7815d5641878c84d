// A date field in the interface language: it shows the date as the language writes it
// ("12 มีนาคม 2568", "ngày 12 tháng 3 năm 2025") and reads back what is typed the same way,
// whatever the browser's own locale; a calendar beside it picks a day with the mouse or the
// keyboard. The value is always YYYY-MM-DD.
import { useEffect, useId, useRef, useState } from 'react';
import { CalendarDays } from 'lucide-react';
import { formatDate } from '../../../shared/dates';
import { parseTypedDate } from '../../../shared/typed-dates';
import { useT } from '../../i18n/i18n';
import { Calendar } from './Calendar';

const EXAMPLE = '2025-03-12';

export function DateField({ label, value, onChange, required }: { label: string; value: string; onChange(iso: string): void; required?: boolean }) {
  const { t, language } = useT();
  const id = useId();
  const shown = (iso: string) => (iso ? formatDate(iso, language) : '');
  const [text, setText] = useState(() => shown(value));
  const [wrong, setWrong] = useState(false);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  // A value set from outside (the calendar, a reset) or a new interface language rewrites the text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only those two rewrite what is typed; `shown` is derived from `language`
  useEffect(() => {
    setText((typed) => (parseTypedDate(typed, language) === value && value ? typed : shown(value)));
    setWrong(false);
  }, [value, language]);

  const type = (typed: string) => {
    setText(typed);
    const iso = parseTypedDate(typed, language);
    if (iso) {
      setWrong(false);
      if (iso !== value) onChange(iso);
    } else if (!typed.trim() && value) onChange('');
  };
  const settle = () => {
    if (!text.trim()) return setWrong(false);
    const iso = parseTypedDate(text, language);
    setWrong(!iso);
    if (iso) setText(shown(iso));
  };
  const picked = (iso: string) => {
    onChange(iso);
    setText(shown(iso));
    setWrong(false);
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="date-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="date-input">
        <input
          id={`${id}-input`}
          lang={language}
          value={text}
          required={required}
          autoComplete="off"
          aria-invalid={wrong}
          aria-describedby={`${id}-hint${wrong ? ` ${id}-error` : ''}`}
          onChange={(e) => type(e.target.value)}
          onBlur={settle}
          onKeyDown={(e) => {
            if (e.key === 'Enter') settle();
            if (e.key === 'ArrowDown' && e.altKey) setOpen(true);
          }}
        />
        <button
          ref={toggle}
          type="button"
          className="date-toggle"
          aria-label={t('date.choose', { field: label })}
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={() => setOpen(!open)}
        >
          <CalendarDays size={16} aria-hidden="true" />
        </button>
      </div>
      <span id={`${id}-hint`} className="hint">
        {t('date.hint', { example: formatDate(EXAMPLE, language) })}
      </span>
      {wrong && (
        <span id={`${id}-error`} className="error" role="alert">
          {t('date.invalid', { example: formatDate(EXAMPLE, language) })}
        </span>
      )}
      {open && (
        <Calendar
          label={label}
          value={value}
          onPick={picked}
          onClose={() => {
            setOpen(false);
            toggle.current?.focus();
          }}
        />
      )}
    </div>
  );
}
