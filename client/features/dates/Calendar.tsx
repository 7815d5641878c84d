// The calendar of a date field: a month in the interface language (Thai years in the
// Buddhist Era, Myanmar and Khmer digits), its days a grid of buttons. Arrows move a day or
// a week, Page Up and Page Down a month, Home and End to the week's ends; Enter picks;
// Escape closes and gives the focus back to the field's button (the WAI-ARIA date picker).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { digitsIn, formatDate, isoDateOf, parseIsoDate, type CalendarDate } from '../../../shared/dates';
import { addDays, monthTitle, monthWeeks, weekdayNames, weekdayOf } from '../../../shared/typed-dates';
import { useT } from '../../i18n/i18n';

const today = (): CalendarDate => {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
};

function shiftMonth(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, last) };
}

export function Calendar({ label, value, onPick, onClose }: { label: string; value: string; onPick(iso: string): void; onClose(): void }) {
  const { t, language } = useT();
  const [focus, setFocus] = useState<CalendarDate>(() => (value ? parseIsoDate(value) : today()));
  const grid = useRef<HTMLTableElement>(null);
  const todayIso = isoDateOf(today());

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focus.day}"]`)?.focus();
  }, [focus]);

  const keys = (e: KeyboardEvent) => {
    const moves: Record<string, () => CalendarDate> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      Home: () => addDays(focus, -weekdayOf(focus)),
      End: () => addDays(focus, 6 - weekdayOf(focus)),
      PageUp: () => shiftMonth(focus, e.shiftKey ? -12 : -1),
      PageDown: () => shiftMonth(focus, e.shiftKey ? 12 : 1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(move());
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  const title = monthTitle(focus.year, focus.month, language);

  return (
    <div className="calendar" role="dialog" aria-modal="false" aria-label={t('date.calendarFor', { field: label })} onKeyDown={keys}>
      <div className="calendar-head">
        <button type="button" aria-label={t('date.previousMonth')} onClick={() => setFocus(shiftMonth(focus, -1))}>
          <ChevronLeft size={16} aria-hidden="true" />
        </button>
        <h3 aria-live="polite" lang={language}>
          {title}
        </h3>
        <button type="button" aria-label={t('date.nextMonth')} onClick={() => setFocus(shiftMonth(focus, 1))}>
          <ChevronRight size={16} aria-hidden="true" />
        </button>
      </div>
      <table ref={grid} role="grid" aria-label={title}>
        <thead>
          <tr>
            {weekdayNames(language).map((name) => (
              <th key={name} scope="col" lang={language}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focus.year, focus.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={d} />;
                const iso = isoDateOf({ year: focus.year, month: focus.month, day });
                return (
                  <td key={d}>
                    <button
                      type="button"
                      data-day={day}
                      tabIndex={day === focus.day ? 0 : -1}
                      aria-label={formatDate(iso, language)}
                      aria-pressed={iso === value}
                      aria-current={iso === todayIso ? 'date' : undefined}
                      onClick={() => onPick(iso)}
                    >
                      {digitsIn(language, day)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="calendar-close" onClick={onClose}>
        {t('date.close')}
      </button>
    </div>
  );
}
