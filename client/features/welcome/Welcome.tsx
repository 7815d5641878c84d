// "/": where a person starts. Their own meetings (the one this browser is signed in to, and
// those it opened before), the secretariat's console, and the page that checks a signed record.
import { useEffect, useState } from 'react';
import { ClipboardList, FileCheck, LayoutDashboard } from 'lucide-react';
import { formatDateRange } from '../../../shared/dates';
import { navigate } from '../../app/router';
import { api, type Meeting } from '../../connection/api';
import { rememberedMeetings } from '../../connection/meeting-cache';
import { pick, useT } from '../../i18n/i18n';
import { LanguageSwitch } from '../workspace/LanguageSwitch';

export function Welcome() {
  const { t, language } = useT();
  const [current, setCurrent] = useState<string | null>(null);
  const [meetings] = useState<Meeting[]>(() => rememberedMeetings());
  useEffect(() => {
    api.session().then(
      (s) => setCurrent(s.meetingId),
      () => setCurrent(null),
    );
  }, []);
  const go = (to: string) => (e: { preventDefault(): void }) => (e.preventDefault(), navigate(to));

  return (
    <main className="welcome">
      <header className="welcome-head">
        <h1>Accord</h1>
        <LanguageSwitch />
      </header>
      <p>{t('welcome.intro')}</p>
      <section aria-labelledby="welcome-meetings">
        <h2 id="welcome-meetings">
          <ClipboardList size={18} aria-hidden="true" /> {t('welcome.yourMeetings')}
        </h2>
        {meetings.length === 0 && !current ? (
          <p>{t('welcome.openInvitation')}</p>
        ) : (
          <ul className="welcome-meetings">
            {current && !meetings.some((m) => m.id === current) && (
              <li>
                <a href={`/meetings/${current}`} onClick={go(`/meetings/${current}`)}>
                  {t('welcome.continue')}
                </a>
              </li>
            )}
            {meetings.map((m) => (
              <li key={m.id}>
                <a href={`/meetings/${m.id}`} onClick={go(`/meetings/${m.id}`)}>
                  {m.facts.code} · {pick(m.facts.series, language, m.facts.languages)}
                </a>
                <span className="hint">
                  {' '}
                  {formatDateRange(m.facts.startDate, m.facts.endDate, language)}
                  {m.id === current && ` · ${t('welcome.signedIn')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="welcome-secretariat">
        <h2 id="welcome-secretariat">
          <LayoutDashboard size={18} aria-hidden="true" /> {t('welcome.secretariat')}
        </h2>
        <p>
          <a href="/console" onClick={go('/console')}>
            {t('welcome.console')}
          </a>
        </p>
      </section>
      <section aria-labelledby="welcome-verify">
        <h2 id="welcome-verify">
          <FileCheck size={18} aria-hidden="true" /> {t('welcome.verifyTitle')}
        </h2>
        <p>
          <a href="/verify" onClick={go('/verify')}>
            {t('welcome.verify')}
          </a>
        </p>
      </section>
    </main>
  );
}
