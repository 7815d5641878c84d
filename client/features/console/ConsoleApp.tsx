// The secretariat's console, at /console: sign in, then meetings, the action register, the
// case register,
// the dashboard and (for the administrator) accounts. Mounted by the app's router for
// every path under /console.
import { useEffect } from 'react';
import { navigate, usePlace } from '../../app/router';
import { LanguageSwitch } from '../workspace/LanguageSwitch';
import { AccountsPage } from './AccountsPage';
import { consoleApi } from './console-api';
import { consolePage, loadSession, signedOut, useConsoleSession } from './console-state';
import { DashboardPage } from './DashboardPage';
import { useT } from '../../i18n/i18n';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { RegisterPage } from './RegisterPage';
import { CaseRegisterPage } from './CaseRegisterPage';
import { PasswordChange, SetupPage, SignInPage } from './SignInPage';
import { FirstRunPage } from './FirstRunPage';
import './console.css';

export function ConsoleApp() {
  const { t } = useT();
  const { path } = usePlace();
  const state = useConsoleSession();
  const place = consolePage(path);
  useEffect(() => void loadSession(), []);

  if (place.page === 'setup') return <SetupPage />;
  if (state.kind === 'loading') return <p className="console-message">{t('console.common.loading')}</p>;
  if (state.kind === 'unreachable')
    return (
      <p className="console-message" role="alert">
        {t('console.common.unreachable')}
      </p>
    );
  if (state.kind === 'signed-out') return <SignInPage />;
  if (state.kind === 'first-run') return <FirstRunPage />;
  const { session } = state;
  if (session.account?.mustChangePassword) return <PasswordChange />;

  const link = (to: string, key: Parameters<typeof t>[0], current: boolean) => (
    <a href={to} aria-current={current ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(to))}>
      {t(key)}
    </a>
  );
  const signOut = async () => {
    await consoleApi.signOut().catch(() => undefined);
    signedOut();
  };

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        {t('welcome.skip')}
      </a>
      <header className="console-bar">
        <strong>
          <a href="/" className="home-link" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            Accord
          </a>{' '}
          · {t('console.title')}
        </strong>
        <nav>
          {link('/console', 'console.nav.meetings', place.page === 'meetings' || place.page === 'meeting')}
          {link('/console/register', 'console.nav.register', place.page === 'register')}
          {link('/console/cases', 'console.nav.cases', place.page === 'cases')}
          {link('/console/dashboard', 'console.nav.dashboard', place.page === 'dashboard')}
          {session.administrator && link('/console/accounts', 'console.nav.accounts', place.page === 'accounts')}
        </nav>
        <span className="console-who">{t('console.nav.signedInAs', { name: session.name })}</span>
        <LanguageSwitch />
        {session.account && (
          <button type="button" onClick={signOut}>
            {t('console.nav.signOut')}
          </button>
        )}
      </header>
      <main className="console-main" id="console-main" tabIndex={-1}>
        {place.page === 'meetings' && <MeetingsPage />}
        {place.page === 'meeting' && <MeetingPage key={place.meetingId} meetingId={place.meetingId} />}
        {place.page === 'register' && <RegisterPage />}
        {place.page === 'cases' && <CaseRegisterPage />}
        {place.page === 'dashboard' && <DashboardPage />}
        {place.page === 'accounts' && (session.administrator ? <AccountsPage /> : <p role="alert">{t('console.common.notAllowed')}</p>)}
        {place.page === 'unknown' && <p role="alert">{t('console.common.notFound')}</p>}
      </main>
    </div>
  );
}
