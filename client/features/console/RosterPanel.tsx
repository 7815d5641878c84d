// The roster and its invitations: who is invited and who has joined; a new link to copy,
// a link withdrawn, a person removed (draft only); one person added by hand, or a list
// imported whole, its problems shown by line; and the printable QR sheet.
import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../shared/roles';
import type { RosterProblem } from '../../../shared/console/roster';
import { consoleApi, RosterRefused, type ConsoleMeeting, type IssuedInvitation, type RosterEntry } from './console-api';
import { Problems } from './Problems';
import { failureKey, problemsOf } from './failure';
import { CopyableLink } from './CopyableLink';
import { PartySelect } from './PartySelect';
import { partyName } from '../../../shared/parties';
import { useT, type MessageKey } from '../../i18n/i18n';
import { fieldName } from '../../i18n/issue-message';

export function RosterPanel({ meeting, onChanged }: { meeting: ConsoleMeeting; onChanged(): void }) {
  const { t, language } = useT();
  const partyOf = (code: string) => partyName(code, language, meeting.facts.parties.find((p) => p.code === code)?.name);
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
  const withdraw = (p: RosterEntry) =>
    act(async () => window.confirm(t('console.invitations.confirmRevoke', { name: p.name })) && consoleApi.revoke(meeting.id, p.id));
  const remove = (p: RosterEntry) =>
    act(async () => window.confirm(t('console.roster.confirmRemove', { name: p.name })) && consoleApi.removePerson(meeting.id, p.id));

  return (
    <section className="console-panel">
      <h2>{t('console.roster.title')}</h2>
      <table className="console-table stack-table">
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
              <td data-label={t('console.roster.name')}>{p.name}</td>
              <td data-label={t('console.roster.role')}>{t(`console.role.${p.role}`)}</td>
              <td data-label={t('console.roster.party')}>{partyOf(p.party)}</td>
              <td data-label={t('console.roster.jobTitle')}>{p.title}</td>
              <td data-label={t('console.roster.agency')}>{p.agency}</td>
              <td data-label={t('console.roster.joined')}>
                {p.revoked ? t('console.roster.revoked') : p.joinedAt ? t('console.roster.joinedYes') : t('console.roster.notJoined')}
              </td>
              <td className="actions">
                {!p.revoked && (
                  <>
                    <button type="button" onClick={() => newLink(p)} aria-label={t('console.invitations.copyNewFor', { name: p.name })}>
                      {t('console.invitations.copyNew')}
                    </button>
                    <button type="button" onClick={() => withdraw(p)} aria-label={t('console.invitations.revokeFor', { name: p.name })}>
                      {t('console.invitations.revoke')}
                    </button>
                  </>
                )}
                {draft && (
                  <button type="button" onClick={() => remove(p)} aria-label={t('console.roster.removeFor', { name: p.name })}>
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
        <CopyableLink key={l.link} label={t('console.invitations.newLink', { name: l.name })} link={l.link} />
      ))}
    </div>
  );
}

function AddPerson({ meeting, onAdded }: { meeting: ConsoleMeeting; onAdded(issued: IssuedInvitation[]): void }) {
  const { t, language } = useT();
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
      setIssues(problemsOf(err, language));
    }
  };
  return (
    <form className="row add-person" onSubmit={submit}>
      {field('name', 'console.roster.name')}
      <label>
        {t('console.roster.role')}
        <select
          value={person.role}
          onChange={(e) => {
            const role = e.target.value;
            // An observer is of no party of the meeting; anyone else is of one.
            const party =
              role === 'observer' ? 'OBS' : meeting.facts.parties.some((p) => p.code === person.party) ? person.party : (meeting.facts.parties[0]?.code ?? '');
            setPerson({ ...person, role, party });
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`console.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {person.role === 'observer' ? (
        <div className="field">
          <label>
            {t('console.roster.observerOf')}
            <input
              value={person.party}
              size={8}
              aria-describedby="observer-code-hint"
              onChange={(e) => setPerson({ ...person, party: e.target.value.toUpperCase() })}
            />
          </label>
          <span id="observer-code-hint" className="hint">
            {t('console.roster.observerHint')}
          </span>
        </div>
      ) : (
        <PartySelect
          label={t('console.roster.party')}
          value={person.party}
          parties={meeting.facts.parties}
          allowOther={false}
          onChange={(party) => setPerson({ ...person, party })}
        />
      )}
      {field('title', 'console.roster.jobTitle')}
      {field('agency', 'console.roster.agency')}
      <button type="submit">{t('console.roster.add')}</button>
      <Problems problems={issues} />
    </form>
  );
}

function ImportRoster({ meeting, onImported }: { meeting: ConsoleMeeting; onImported(issued: IssuedInvitation[]): void }) {
  const { t, language } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProblems([]);
    setMessage(null);
    try {
      const answer = await consoleApi.importRoster(meeting.id, file, dryRun);
      // A dry run answers the rows it checked; an import, the invitations it made.
      if ('participants' in answer) setMessage(t('console.roster.checked', { count: answer.participants.length }));
      else {
        setMessage(t('console.roster.imported', { count: answer.added }));
        onImported(answer.invitations);
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
      <label>
        {t('console.roster.file')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
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
          <table className="console-table stack-table">
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{t('console.roster.line', { line: p.line })}</th>
                  <td>{p.column ? fieldName(p.column, language) : ''}</td>
                  <td>{t(`console.roster.problem.${p.code}`)}</td>
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
      <h3>{t('console.invitations.sheet')}</h3>
      <p className="notice">{t('console.invitations.sheetWarning')}</p>
      <label>
        {t('console.invitations.sheetParty')}
        <select value={party} onChange={(e) => setParty(e.target.value)}>
          <option value="">{t('console.invitations.everyParty')}</option>
          {[...new Set(meeting.roster.map((p) => p.party))].map((code) => (
            <option key={code} value={code}>
              {partyName(code, language, meeting.facts.parties.find((p) => p.code === code)?.name)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={notJoined} onChange={(e) => setNotJoined(e.target.checked)} />
        {t('console.invitations.sheetNotJoined')}
      </label>
      <button type="button" onClick={() => void open()}>
        {t('console.invitations.openSheet')}
      </button>
      {failed && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
