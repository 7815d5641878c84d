// A fresh installation's console: nobody can sign in yet. The person who started Accord
// types the one-time code it printed, and makes the administrator's account (name, login,
// party, password); they are signed in at once, and invite the officers from there.
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../../shared/console/accounts';
import { useT, type MessageKey } from '../../i18n/i18n';
import { LanguageSwitch } from '../workspace/LanguageSwitch';
import { consoleApi } from './console-api';
import { loadSession } from './console-state';
import { Problems } from './Problems';
import { problemsOf } from './failure';
import { PartySelect } from './PartySelect';
import { EntryLinks, NewPasswordFields, checkNew } from './SignInPage';

// On this form `code` is the set-up code, not a meeting's short name.
const FIELDS: Record<string, MessageKey> = { code: 'console.firstRun.code', password: 'console.password.new' };

export function FirstRunPage() {
  const { t, language } = useT();
  const [form, setForm] = useState({ code: '', name: '', login: '', party: 'TH', password: '', again: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const field = (key: 'code' | 'name' | 'login', label: MessageKey, extra: { autoComplete?: string; hint?: MessageKey } = {}) => (
    <div className="field">
      <label>
        {t(label)}
        <input
          value={form[key]}
          required
          autoComplete={extra.autoComplete ?? 'off'}
          aria-describedby={extra.hint ? `first-run-${key}-hint` : undefined}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      </label>
      {extra.hint && (
        <span id={`first-run-${key}-hint`} className="hint">
          {t(extra.hint)}
        </span>
      )}
    </div>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const weak = checkNew({ next: form.password, again: form.again });
    if (weak) return setProblems([t(weak, { min: PASSWORD_MIN })]);
    setBusy(true);
    setProblems([]);
    try {
      await consoleApi.firstRun({ code: form.code, name: form.name, login: form.login, party: form.party, password: form.password });
      await loadSession();
    } catch (err) {
      setProblems(problemsOf(err, language, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="console-entry">
      <form className="console-card" onSubmit={submit}>
        <LanguageSwitch />
        <h1>{t('console.firstRun.title')}</h1>
        <p>{t('console.firstRun.explain')}</p>
        {field('code', 'console.firstRun.code', { hint: 'console.firstRun.codeHint' })}
        {field('name', 'console.accounts.name', { autoComplete: 'name' })}
        {field('login', 'console.accounts.login', { autoComplete: 'username', hint: 'console.accounts.loginHint' })}
        <PartySelect label={t('console.roster.party')} value={form.party} onChange={(party) => setForm({ ...form, party })} />
        <NewPasswordFields value={{ next: form.password, again: form.again }} onChange={(v) => setForm({ ...form, password: v.next, again: v.again })} />
        <Problems problems={problems} />
        <button type="submit" className="primary" disabled={busy}>
          {t('console.firstRun.submit')}
        </button>
        <p className="hint">{t('console.firstRun.passkeyLater')}</p>
        <EntryLinks />
      </form>
    </main>
  );
}
