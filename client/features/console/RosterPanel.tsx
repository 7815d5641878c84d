// The roster and its invitations: who is invited and who has joined; a new link to copy,
// a link withdrawn, a person removed (draft only); one person added by hand, or a list
// imported whole, its problems shown by line; and the printable QR sheet.
import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../shared/roles';
import type { RosterProblem } from '../../../shared/console/roster';
import { consoleApi, RosterRefused, type ConsoleMeeting, type IssuedInvitation, type RosterEntry } from './console-api';
import { failureKey, issuesOf } from './failure';
import { useConsoleT, type ConsoleKey } from './i18n/console-i18n';

export function RosterPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t } = useConsoleT();
  const draft = meeting.state === 'draft';
  const [links, setLinks] = useState<{ name: string; link: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (err) {
      setError(t(failureKey(err)));
    }
  };
  const shown = (issued: IssuedInvitation[]) => setLinks(issued.map((i) => ({ name: i.name, link: i.link })));

  const newLink = (p: RosterEntry) =>
    act(async () => {
      if (p.joinedAt && !window.confirm(t('invitations.confirmReissue', { name: p.name }))) return;
      const issued = await consoleApi.issueLink(meeting.id, p.id);
      setLinks([{ name: p.name, link: issued.link }]);
    });
  const withdraw = (p: RosterEntry) => act(async () => window.confirm(t('invitations.confirmRevoke', { name: p.name })) && consoleApi.revoke(meeting.id, p.id));
  const remove = (p: RosterEntry) => act(async () => window.confirm(t('roster.confirmRemove', { name: p.name })) && consoleApi.removePerson(meeting.id, p.id));

  return (
    <section className="console-panel">
      <h2>{t('roster.title')}</h2>
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.role')}</th>
            <th scope="col">{t('roster.party')}</th>
            <th scope="col">{t('roster.jobTitle')}</th>
            <th scope="col">{t('roster.agency')}</th>
            <th scope="col">{t('roster.joined')}</th>
            <th scope="col">{t('invitations.title')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.roster.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`role.${p.role}`)}</td>
              <td>{p.party}</td>
              <td>{p.title}</td>
              <td>{p.agency}</td>
              <td>{p.revoked ? t('roster.revoked') : p.joinedAt ? t('roster.joinedYes') : t('roster.notJoined')}</td>
              <td className="actions">
                {!p.revoked && (
                  <>
                    <button type="button" onClick={() => newLink(p)}>
                      {t('invitations.copyNew')}
                    </button>
                    <button type="button" onClick={() => withdraw(p)}>
                      {t('invitations.revoke')}
                    </button>
                  </>
                )}
                {draft && (
                  <button type="button" onClick={() => remove(p)}>
                    {t('roster.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {links.length > 0 && <IssuedLinks links={links} />}
      {draft && <AddPerson meeting={meeting} onAdded={(issued) => (shown(issued), onChanged())} />}
      {draft && <ImportRoster meeting={meeting} onImported={(issued) => (shown(issued), onChanged())} />}
      <SheetLink meeting={meeting} />
    </section>
  );
}

function IssuedLinks({ links }: { links: { name: string; link: string }[] }) {
  const { t } = useConsoleT();
  return (
    <div className="issued" role="status">
      <p>{t('invitations.shownOnce')}</p>
      {links.map((l) => (
        <label key={l.link}>
          {t('invitations.newLink', { name: l.name })}
          <input readOnly value={l.link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ))}
    </div>
  );
}

function AddPerson({ meeting, onAdded }: { meeting: ConsoleMeeting; onAdded(issued: IssuedInvitation[]): void }) {
  const { t } = useConsoleT();
  const blank = { name: '', party: meeting.facts.parties[0]?.code ?? '', role: 'delegate', title: '', agency: '' };
  const [person, setPerson] = useState(blank);
  const [issues, setIssues] = useState<string[]>([]);
  const field = (key: keyof typeof person, label: ConsoleKey) => (
    <label>
      {t(label)}
      <input value={person[key]} onChange={(e) => setPerson({ ...person, [key]: e.target.value })} />
    </label>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setIssues([]);
    try {
      onAdded((await consoleApi.addPerson(meeting.id, person)).invitations);
      setPerson(blank);
    } catch (err) {
      setIssues(issuesOf(err).length ? issuesOf(err) : [t(failureKey(err))]);
    }
  };
  return (
    <form className="row add-person" onSubmit={submit}>
      {field('name', 'roster.name')}
      <label>
        {t('roster.role')}
        <select value={person.role} onChange={(e) => setPerson({ ...person, role: e.target.value })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {field('party', 'roster.party')}
      {field('title', 'roster.jobTitle')}
      {field('agency', 'roster.agency')}
      <button type="submit">{t('roster.add')}</button>
      {issues.length > 0 && (
        <ul className="error" role="alert">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

function ImportRoster({ meeting, onImported }: { meeting: ConsoleMeeting; onImported(issued: IssuedInvitation[]): void }) {
  const { t } = useConsoleT();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProblems([]);
    setMessage(null);
    try {
      const answer = await consoleApi.importRoster(meeting.id, file, dryRun);
      if (dryRun) setMessage(t('roster.checked', { count: answer.participants?.length ?? 0 }));
      else {
        setMessage(t('roster.imported', { count: answer.added ?? 0 }));
        onImported(answer.invitations ?? []);
      }
    } catch (err) {
      if (err instanceof RosterRefused) setProblems(err.problems);
      else setMessage(t(failureKey(err)));
    }
  };

  return (
    <div className="import">
      <h3>{t('roster.import')}</h3>
      <p className="hint">{t('roster.importHint')}</p>
      <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="button" disabled={!file} onClick={() => send(true)}>
        {t('roster.check')}
      </button>
      <button type="button" disabled={!file} className="primary" onClick={() => send(false)}>
        {t('roster.importNow')}
      </button>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <div className="error" role="alert">
          <p>{t('roster.refused')}</p>
          <table className="console-table">
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{t('roster.line', { line: p.line })}</th>
                  <td>{p.column ?? ''}</td>
                  <td>
                    {t(`roster.problem.${p.code}`)} <span className="detail">({p.message})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SheetLink({ meeting }: { meeting: ConsoleMeeting }) {
  const { t, language } = useConsoleT();
  const [party, setParty] = useState('');
  const [notJoined, setNotJoined] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const lang = meeting.languages.includes(language) ? language : meeting.languages[0];
  // The tab is opened on the click itself, so no pop-up blocker stops it; the page comes
  // from a POST (it replaces links) and is shown from memory, never kept at an address.
  const open = async () => {
    setFailed(null);
    const tab = window.open('', '_blank');
    try {
      const html = await consoleApi.issueSheet(meeting.id, { party: party || undefined, notJoined, lang });
      const page = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      if (tab) tab.location.href = page;
      else window.location.href = page;
    } catch (err) {
      tab?.close();
      setFailed(t(failureKey(err)));
    }
  };
  return (
    <div className="sheet">
      <h3>{t('invitations.sheet')}</h3>
      <p className="notice">{t('invitations.sheetWarning')}</p>
      <label>
        {t('invitations.sheetParty')}
        <select value={party} onChange={(e) => setParty(e.target.value)}>
          <option value="">{t('invitations.everyParty')}</option>
          {[...new Set(meeting.roster.map((p) => p.party))].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={notJoined} onChange={(e) => setNotJoined(e.target.checked)} />
        {t('invitations.sheetNotJoined')}
      </label>
      <button type="button" onClick={() => void open()}>
        {t('invitations.openSheet')}
      </button>
      {failed && <p className="error" role="alert">{failed}</p>}
    </div>
  );
}
