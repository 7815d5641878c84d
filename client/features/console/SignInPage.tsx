// Signing in to the console, the one-time setup link's page, and the password change an
// officer given an initial password must make first. What was typed stays on refusal.
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../../shared/console/accounts';
import { navigate } from '../../app/router';
import { LanguageSwitch } from '../workspace/LanguageSwitch';
import { ApiFailure, consoleApi } from './console-api';
import { loadSession } from './console-state';
import { useConsoleT, type ConsoleKey } from './i18n/console-i18n';

export function SignInPage() {
  const { t } = useConsoleT();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleKey | null>(null);

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
            ? 'common.unreachable'
            : err.code === 'too_many_attempts'
              ? 'signIn.throttled'
              : err.status === 401 || err.status === 400
                ? 'signIn.wrong'
                : 'common.error'
          : 'common.error',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="console-card" onSubmit={submit}>
      <LanguageSwitch />
      <h1>{t('signIn.title')}</h1>
      <label>
        {t('signIn.login')}
        <input name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
      </label>
      <label>
        {t('signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}

function NewPasswordFields({ value, onChange }: { value: { next: string; again: string }; onChange(v: { next: string; again: string }): void }) {
  const { t } = useConsoleT();
  return (
    <>
      <label>
        {t('password.new')}
        <input type="password" autoComplete="new-password" minLength={PASSWORD_MIN} required value={value.next} onChange={(e) => onChange({ ...value, next: e.target.value })} />
      </label>
      <label>
        {t('password.repeat')}
        <input type="password" autoComplete="new-password" required value={value.again} onChange={(e) => onChange({ ...value, again: e.target.value })} />
      </label>
      <p className="hint">{t('password.tooShort', { min: PASSWORD_MIN })}</p>
    </>
  );
}

const checkNew = (v: { next: string; again: string }): ConsoleKey | null =>
  v.next.length < PASSWORD_MIN ? 'password.tooShort' : v.next !== v.again ? 'password.mismatch' : null;

export function PasswordChange() {
  const { t } = useConsoleT();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState({ next: '', again: '' });
  const [error, setError] = useState<ConsoleKey | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkNew(fresh);
    if (problem) return setError(problem);
    try {
      await consoleApi.changePassword(current, fresh.next);
      await loadSession();
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      setError(code === 'wrong_password' ? 'password.wrong' : code === 'same_password' ? 'password.same' : err instanceof ApiFailure && err.unreachable ? 'common.unreachable' : 'common.error');
    }
  };

  return (
    <form className="console-card" onSubmit={submit}>
      <h1>{t('password.title')}</h1>
      <p>{t('password.explain')}</p>
      <label>
        {t('password.current')}
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <NewPasswordFields value={fresh} onChange={setFresh} />
      {error && (
        <p className="error" role="alert">
          {t(error, { min: PASSWORD_MIN })}
        </p>
      )}
      <button type="submit">{t('password.submit')}</button>
    </form>
  );
}

/** /console/setup#<token>: the token stays in the fragment, never in a server log. */
export function SetupPage() {
  const { t } = useConsoleT();
  const [token] = useState(() => window.location.hash.slice(1));
  const [fresh, setFresh] = useState({ next: '', again: '' });
  const [error, setError] = useState<ConsoleKey | null>(token ? null : 'setup.noToken');
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
      setError(err instanceof ApiFailure && err.status === 401 ? 'setup.invalid' : err instanceof ApiFailure && err.unreachable ? 'common.unreachable' : 'common.error');
    }
  };

  if (done)
    return (
      <div className="console-card">
        <p role="status">{t('setup.done')}</p>
        <button type="button" onClick={() => navigate('/console')}>
          {t('signIn.submit')}
        </button>
      </div>
    );
  return (
    <form className="console-card" onSubmit={submit}>
      <LanguageSwitch />
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.explain')}</p>
      <NewPasswordFields value={fresh} onChange={setFresh} />
      {error && (
        <p className="error" role="alert">
          {t(error, { min: PASSWORD_MIN })}
        </p>
      )}
      <button type="submit" disabled={!token}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
