// The roster and its invitations: who is invited and who has joined; a new link to copy,
// a link withdrawn, a person removed (draft only); one person added by hand, or a list
// imported whole, its problems shown by line; and the printable QR sheet.
import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../shared/roles';
import type { RosterProblem } from '../../../shared/console/roster';
import { consoleApi, RosterRefused, type ConsoleMeeting, type IssuedInvitation, type RosterEntry } from './console-api';
import { failureKey, issuesOf } from './failure';
import { useT, type MessageKey } from '../../i18n/i18n';

export function RosterPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t } = useT();
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
      if (p.joinedAt && !window.confirm(t('console.invitations.confirmReissue', { name: p.name }))) return;
      const issued = await consoleApi.issueLink(meeting.id, p.id);
      setLinks([{ name: p.name, link: issued.link }]);
    });
  const withdraw = (p: RosterEntry) => act(async () => window.confirm(t('console.invitations.confirmRevoke', { name: p.name })) && consoleApi.revoke(meeting.id, p.id));
  const remove = (p: RosterEntry) => act(async () => window.confirm(t('console.roster.confirmRemove', { name: p.name })) && consoleApi.removePerson(meeting.id, p.id));

  return (
    <section className="console-panel">
      <h2>{t('console.roster.title')}</h2>
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">{t('console.roster.name')}</th>
            <th scope="col">{t('console.roster.role')}</th>
            <th scope="col">{t('console.roster.party')}</th>
            <th scope="col">{t('console.roster.jobTitle')}</th>
            <th scope="col">{t('console.roster.agency')}</th>
            <th scope="col">{t('console.roster.joined')}</th>
            <th scope="col">{t('console.invitations.title')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.roster.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`console.role.${p.role}`)}</td>
              <td>{p.party}</td>
              <td>{p.title}</td>
              <td>{p.agency}</td>
              <td>{p.revoked ? t('console.roster.revoked') : p.joinedAt ? t('console.roster.joinedYes') : t('console.roster.notJoined')}</td>
              <td className="actions">
                {!p.revoked && (
                  <>
                    <button type="button" onClick={() => newLink(p)}>
                      {t('console.invitations.copyNew')}
                    </button>
                    <button type="button" onClick={() => withdraw(p)}>
                      {t('console.invitations.revoke')}
                    </button>
                  </>
                )}
                {draft && (
                  <button type="button" onClick={() => remove(p)}>
                    {t('console.roster.remove')}
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
  const { t } = useT();
  return (
    <div className="issued" role="status">
      <p>{t('console.invitations.shownOnce')}</p>
      {links.map((l) => (
        <label key={l.link}>
          {t('console.invitations.newLink', { name: l.name })}
          <input readOnly value={l.link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ))}
    </div>
  );
}

function AddPerson({ meeting, onAdded }: { meeting: ConsoleMeeting; onAdded(issued: IssuedInvitation[]): void }) {
  const { t } = useT();
  const blank = { name: '', party: meeting.facts.parties[0]?.code ?? '', role: 'delegate', title: '', agency: '' };
  const [person, setPerson] = useState(blank);
  const [issues, setIssues] = useState<string[]>([]);
  const field = (key: keyof typeof person, label: MessageKey) => (
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
      {field('name', 'console.roster.name')}
      <label>
        {t('console.roster.role')}
        <select value={person.role} onChange={(e) => setPerson({ ...person, role: e.target.value })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`console.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {field('party', 'console.roster.party')}
      {field('title', 'console.roster.jobTitle')}
      {field('agency', 'console.roster.agency')}
      <button type="submit">{t('console.roster.add')}</button>
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
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProblems([]);
    setMessage(null);
    try {
      const answer = await consoleApi.importRoster(meeting.id, file, dryRun);
      if (dryRun) setMessage(t('console.roster.checked', { count: answer.participants?.length ?? 0 }));
      else {
        setMessage(t('console.roster.imported', { count: answer.added ?? 0 }));
        onImported(answer.invitations ?? []);
      }
    } catch (err) {
      if (err instanceof RosterRefused) setProblems(err.problems);
      else setMessage(t(failureKey(err)));
    }
  };

  return (
    <div className="import">
      <h3>{t('console.roster.import')}</h3>
      <p className="hint">{t('console.roster.importHint')}</p>
      <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="button" disabled={!file} onClick={() => send(true)}>
        {t('console.roster.check')}
      </button>
      <button type="button" disabled={!file} className="primary" onClick={() => send(false)}>
        {t('console.roster.importNow')}
      </button>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <div className="error" role="alert">
          <p>{t('console.roster.refused')}</p>
          <table className="console-table">
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{t('console.roster.line', { line: p.line })}</th>
                  <td>{p.column ?? ''}</td>
                  <td>
                    {t(`console.roster.problem.${p.code}`)} <span className="detail">({p.message})</span>
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
  const { t, language } = useT();
  const [party, setParty] = useState('');
  const [notJoined, setNotJoined] = useState(true);
  const lang = meeting.languages.includes(language) ? language : meeting.languages[0];
  return (
    <div className="sheet">
      <h3>{t('console.invitations.sheet')}</h3>
      <p className="notice">{t('console.invitations.sheetWarning')}</p>
      <label>
        {t('console.invitations.sheetParty')}
        <select value={party} onChange={(e) => setParty(e.target.value)}>
          <option value="">{t('console.invitations.everyParty')}</option>
          {[...new Set(meeting.roster.map((p) => p.party))].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={notJoined} onChange={(e) => setNotJoined(e.target.checked)} />
        {t('console.invitations.sheetNotJoined')}
      </label>
      <a className="button" href={consoleApi.sheetUrl(meeting.id, { party: party || undefined, notJoined, lang })} target="_blank" rel="noopener">
        {t('console.invitations.openSheet')}
      </a>
    </div>
  );
}
