// Signing in to the console, the one-time setup link's page, and the password change an
// officer given an initial password must make first. What was typed stays on refusal.
import { useEffect, useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../../shared/console/accounts';
import { navigate, usePlace } from '../../app/router';
import { LanguageSwitch } from '../workspace/LanguageSwitch';
import { ApiFailure, consoleApi } from './console-api';
import { loadSession } from './console-state';
import { useT, type MessageKey } from '../../i18n/i18n';

export function SignInPage() {
  const { t } = useT();
  const { query } = usePlace();
  // Straight from setting a password: the login is the one just shown.
  const [login, setLogin] = useState(() => query.get('login') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await consoleApi.signIn(login, password);
      await loadSession();
    } catch (err) {
      setError(
        err instanceof ApiFailure
          ? err.unreachable
            ? 'console.common.unreachable'
            : err.code === 'too_many_attempts'
              ? 'console.signIn.throttled'
              : err.status === 401 || err.status === 400
                ? 'console.signIn.wrong'
                : 'console.common.error'
          : 'console.common.error',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="console-entry">
      <form className="console-card" onSubmit={submit}>
        <LanguageSwitch />
        <h1>{t('console.signIn.title')}</h1>
        <label>
          {t('console.signIn.login')}
          <input name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          {t('console.signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {t(error)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('console.signIn.submit')}
        </button>
        <p className="hint">{t('console.signIn.noAccount')}</p>
        <EntryLinks />
      </form>
    </main>
  );
}

/** Where else a person may have meant to go: the verify page, the start page. */
export function EntryLinks() {
  const { t } = useT();
  return (
    <p className="entry-links">
      <a href="/verify">{t('welcome.verify')}</a> · <a href="/">{t('welcome.home')}</a>
    </p>
  );
}

export function NewPasswordFields({ value, onChange }: { value: { next: string; again: string }; onChange(v: { next: string; again: string }): void }) {
  const { t } = useT();
  return (
    <>
      <label>
        {t('console.password.new')}
        <input
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          required
          value={value.next}
          onChange={(e) => onChange({ ...value, next: e.target.value })}
        />
      </label>
      <label>
        {t('console.password.repeat')}
        <input type="password" autoComplete="new-password" required value={value.again} onChange={(e) => onChange({ ...value, again: e.target.value })} />
      </label>
      <p className="hint">{t('console.password.tooShort', { min: PASSWORD_MIN })}</p>
    </>
  );
}

export const checkNew = (v: { next: string; again: string }): MessageKey | null =>
  v.next.length < PASSWORD_MIN ? 'console.password.tooShort' : v.next !== v.again ? 'console.password.mismatch' : null;

export function PasswordChange() {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState({ next: '', again: '' });
  const [error, setError] = useState<MessageKey | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkNew(fresh);
    if (problem) return setError(problem);
    try {
      await consoleApi.changePassword(current, fresh.next);
      await loadSession();
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      setError(
        code === 'wrong_password'
          ? 'console.password.wrong'
          : code === 'same_password'
            ? 'console.password.same'
            : err instanceof ApiFailure && err.unreachable
              ? 'console.common.unreachable'
              : 'console.common.error',
      );
    }
  };

  return (
    <main className="console-entry">
      <form className="console-card" onSubmit={submit}>
        <h1>{t('console.password.title')}</h1>
        <p>{t('console.password.explain')}</p>
        <label>
          {t('console.password.current')}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <NewPasswordFields value={fresh} onChange={setFresh} />
        {error && (
          <p className="error" role="alert">
            {t(error, { min: PASSWORD_MIN })}
          </p>
        )}
        <button type="submit">{t('console.password.submit')}</button>
      </form>
    </main>
  );
}

/** /console/setup#<token>: the token stays in the fragment, never in a server log. */
export function SetupPage() {
  const { t } = useT();
  const [token] = useState(() => window.location.hash.slice(1));
  const [account, setAccount] = useState<{ name: string; login: string } | null>(null);
  useEffect(() => {
    if (token) consoleApi.setupAccount(token).then(setAccount, () => setError('console.setup.invalid'));
  }, [token]);
  const [fresh, setFresh] = useState({ next: '', again: '' });
  const [error, setError] = useState<MessageKey | null>(token ? null : 'console.setup.noToken');
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkNew(fresh);
    if (problem) return setError(problem);
    try {
      await consoleApi.setUp(token, fresh.next);
      window.history.replaceState(null, '', '/console/setup');
      setDone(true);
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 401
          ? 'console.setup.invalid'
          : err instanceof ApiFailure && err.unreachable
            ? 'console.common.unreachable'
            : 'console.common.error',
      );
    }
  };

  if (done)
    return (
      <main className="console-entry">
        <div className="console-card">
          <p role="status">{t('console.setup.done', { login: account?.login ?? '' })}</p>
          <button type="button" onClick={() => navigate(`/console?login=${encodeURIComponent(account?.login ?? '')}`)}>
            {t('console.signIn.submit')}
          </button>
        </div>
      </main>
    );
  return (
    <main className="console-entry">
      <form className="console-card" onSubmit={submit}>
        <LanguageSwitch />
        <h1>{t('console.setup.title')}</h1>
        {account && (
          <dl className="setup-account">
            <dt>{t('console.accounts.name')}</dt>
            <dd>{account.name}</dd>
            <dt>{t('console.setup.yourLogin')}</dt>
            <dd>
              <strong>{account.login}</strong>
            </dd>
          </dl>
        )}
        <p>{t('console.setup.explain')}</p>
        {/* For password managers: the login this password goes with. */}
        <input type="text" name="username" autoComplete="username" value={account?.login ?? ''} readOnly hidden />
        <NewPasswordFields value={fresh} onChange={setFresh} />
        {error && (
          <p className="error" role="alert">
            {t(error, { min: PASSWORD_MIN })}
          </p>
        )}
        <button type="submit" disabled={!token}>
          {t('console.setup.submit')}
        </button>
      </form>
    </main>
  );
}
