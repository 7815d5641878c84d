// Secretariat accounts, for the administrator: make one (a setup link to send, or an
// initial password to change at first sign-in), a new setup link, disable one.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ACCOUNT_ROLES, type AccountRole } from '../../../shared/console/accounts';
import { consoleApi, type Account } from './console-api';
import { Problems } from './Problems';
import { failureKey, problemsOf } from './failure';
import { PartySelect } from './PartySelect';
import { partyName } from '../../../shared/parties';
import { CopyableLink } from './CopyableLink';
import { useT, type MessageKey } from '../../i18n/i18n';

export function AccountsPage() {
  const { t, language } = useT();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [link, setLink] = useState<{ name: string; link: string } | null>(null);
  const load = useCallback(() => {
    consoleApi.accounts().then(
      (a) => setAccounts(a.accounts),
      (err: unknown) => setError(failureKey(err)),
    );
  }, []);
  useEffect(load, [load]);

  const newLink = async (account: Account) => {
    try {
      const answer = await consoleApi.setupLink(account.id);
      setLink({ name: account.name, link: answer.setupLink });
    } catch (err) {
      setError(failureKey(err));
    }
  };
  const disable = async (account: Account) => {
    if (!window.confirm(t('console.accounts.confirmDisable', { name: account.name }))) return;
    await consoleApi.disable(account.id).then(load, (err: unknown) => setError(failureKey(err)));
  };

  return (
    <section>
      <h1>{t('console.accounts.title')}</h1>
      <NewAccount onMade={(made) => (setLink(made), load())} />
      {link && (
        <div className="issued" role="status">
          <CopyableLink label={t('console.accounts.setupLink', { name: link.name })} link={link.link} />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {accounts && (
        <table className="console-table stack-table">
          <thead>
            <tr>
              <th scope="col">{t('console.accounts.name')}</th>
              <th scope="col">{t('console.accounts.login')}</th>
              <th scope="col">{t('console.roster.party')}</th>
              <th scope="col">{t('console.accounts.role')}</th>
              <th scope="col">{t('console.accounts.standing')}</th>
              <th scope="col">
                <span className="sr-only">{t('console.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td data-label={t('console.accounts.name')}>{a.name}</td>
                <td data-label={t('console.accounts.login')}>{a.login}</td>
                <td data-label={t('console.roster.party')}>{partyName(a.party, language)}</td>
                <td data-label={t('console.accounts.role')}>{t(`console.accounts.role.${a.role}`)}</td>
                <td data-label={t('console.accounts.standing')}>
                  {a.disabled
                    ? t('console.accounts.disabled')
                    : a.setupPendingUntil
                      ? t('console.accounts.pending')
                      : a.mustChangePassword
                        ? t('console.accounts.mustChange')
                        : t('console.accounts.active')}
                </td>
                <td className="actions">
                  {!a.disabled && (
                    <>
                      <button type="button" onClick={() => newLink(a)}>
                        {t('console.accounts.newLink')}
                      </button>
                      <button type="button" onClick={() => disable(a)}>
                        {t('console.accounts.disable')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewAccount({ onMade }: { onMade(link: { name: string; link: string } | null): void }) {
  const { t, language } = useT();
  const blank = { name: '', login: '', email: '', party: 'TH', role: 'officer' as AccountRole, initialPassword: '' };
  const [form, setForm] = useState(blank);
  const [issues, setIssues] = useState<string[]>([]);
  const field = (key: 'name' | 'login' | 'email' | 'initialPassword', label: MessageKey, type = 'text', hint?: MessageKey) => (
    <div className="field">
      <label>
        {t(label)}
        <input
          type={type}
          value={form[key]}
          aria-describedby={hint ? `account-${key}-hint` : undefined}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      </label>
      {hint && (
        <span id={`account-${key}-hint`} className="hint">
          {t(hint)}
        </span>
      )}
    </div>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setIssues([]);
    try {
      const made = await consoleApi.createAccount({
        name: form.name,
        login: form.login,
        party: form.party,
        role: form.role,
        ...(form.email ? { email: form.email } : {}),
        ...(form.initialPassword ? { initialPassword: form.initialPassword } : {}),
      });
      onMade(made.setupLink ? { name: made.account.name, link: made.setupLink } : null);
      setForm(blank);
    } catch (err) {
      setIssues(problemsOf(err, language));
    }
  };
  return (
    <form className="console-panel row" onSubmit={submit}>
      <h2>{t('console.accounts.new')}</h2>
      {field('name', 'console.accounts.name')}
      {field('login', 'console.accounts.login', 'text', 'console.accounts.loginHint')}
      {field('email', 'console.accounts.email', 'email')}
      <PartySelect label={t('console.roster.party')} value={form.party} onChange={(party) => setForm({ ...form, party })} />
      <label>
        {t('console.accounts.role')}
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as AccountRole })}>
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`console.accounts.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {field('initialPassword', 'console.accounts.initialPassword', 'password')}
      <p className="hint">{t('console.accounts.initialHint')}</p>
      <button type="submit" className="primary">
        {t('console.accounts.create')}
      </button>
      <Problems problems={issues} />
    </form>
  );
}
