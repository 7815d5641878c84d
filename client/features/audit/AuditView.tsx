// The secretariat's audit log: every step, refusals too, each with its time and who took
// it, and whether the chain of hashes that links the entries is intact.
import { zoneOf } from '../../../shared/record/time-zone';
import { useCallback, useEffect, useState } from 'react';
import { RefreshCw, ShieldCheck, ShieldX } from 'lucide-react';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { partyName } from '../../../shared/parties';
import { lifecycleApi, type AuditEntry, type AuditLog } from '../../connection/lifecycle-api';
import { explainRefusal, type Explained } from '../lifecycle/refusals';
import { formatInstant } from '../lifecycle/instant';
import { useWorkspace } from '../workspace/workspace-context';
import { auditFacts, auditLabel, reasonKey } from './audit-labels';

export function AuditView() {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const [log, setLog] = useState<AuditLog | null>(null);
  const [problem, setProblem] = useState<Explained | null>(null);
  const load = useCallback(() => {
    setProblem(null);
    lifecycleApi.audit(meeting.id).then(setLog, (err: unknown) => setProblem(explainRefusal('read', err)));
  }, [meeting.id]);
  useEffect(load, [load]);

  return (
    <section className="audit" aria-label={t('view.audit')}>
      <header>
        {log &&
          (log.intact ? (
            <p className="chain intact" data-intact="true">
              <ShieldCheck size={18} /> {t('audit.intact', { count: log.entries.length })}
            </p>
          ) : (
            <p className="chain broken" data-intact="false" role="alert">
              <ShieldX size={18} /> {t('audit.broken', { seq: log.firstBrokenSeq ?? '?' })}
            </p>
          ))}
        <button type="button" onClick={load}>
          <RefreshCw size={15} /> {t('invitations.refresh')}
        </button>
      </header>
      {problem && (
        <p className="error" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}
      {!log && !problem && <p>{t('workspace.loading')}</p>}
      {log && (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry) => (
              <AuditRow key={entry.seq} entry={entry} broken={log.firstBrokenSeq !== null && entry.seq >= log.firstBrokenSeq} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AuditRow({ entry, broken }: { entry: AuditEntry; broken: boolean }) {
  const { t, language } = useT();
  const { meeting, columns } = useWorkspace();
  const label = auditLabel(entry.action);
  const facts = auditFacts(entry.detail);
  // `<step>.refused`, `case.refused`, `roster.add-refused`, `access.refused`: its reason is a code the log puts into words.
  const refused = entry.action.endsWith('refused');
  const what =
    label.kind === 'done' ? t(label.key) : label.kind === 'refused' ? t('audit.refused', { what: label.what ? t(label.what) : label.action }) : label.action;
  const who = entry.actorName ?? actorWords(t, entry.actor);
  const party = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || partyName(code, language);
  const reason = facts.reason !== undefined ? reasonKey(facts.reason) : null;
  const parts = [
    entry.subjects && entry.subjects.length > 0 ? entry.subjects.join(', ') : undefined,
    facts.party ? party(facts.party) : undefined,
    facts.item !== undefined ? t('agenda.item', { number: facts.item }) : undefined,
    facts.items !== undefined ? t('console.draft.imported', { items: facts.items, segments: facts.segments ?? 0 }) : undefined,
    facts.status ? t(`console.status.${facts.status}` as MessageKey) : undefined,
    facts.via === 'console' ? t('audit.viaConsole') : undefined,
    facts.version !== undefined ? t('header.version', { version: facts.version }) : undefined,
    facts.recordHash ? displayFingerprint(facts.recordHash) : undefined,
    facts.voided && facts.voided.length > 0 ? t('audit.voided', { parties: facts.voided.map(party).join(', ') }) : undefined,
    facts.reason !== undefined
      ? refused
        ? reason
          ? t(reason)
          : t('audit.reasonCode', { code: facts.reason })
        : t('audit.reasonGiven', { reason: facts.reason })
      : undefined,
  ].filter((p): p is string => Boolean(p));
  return (
    <tr data-action={entry.action} className={`${refused ? 'refused' : ''}${broken ? ' broken' : ''}`}>
      <td data-label="#">{entry.seq}</td>
      <td data-label={t('audit.when')}>{formatInstant(entry.at, language, zoneOf(meeting.facts))}</td>
      <td data-label={t('audit.who')}>{who}</td>
      <td data-label={t('audit.what')}>
        {what}
        {parts.length > 0 && <span className="sub">{parts.join(' · ')}</span>}
      </td>
    </tr>
  );
}

/** Someone with no name in this meeting: the administrator, the demo, an officer no longer known. */
function actorWords(t: ReturnType<typeof useT>['t'], actor: string): string {
  if (actor === 'administrator') return t('audit.administrator');
  if (actor === 'demo') return t('audit.demo');
  if (actor.startsWith('officer:')) return t('audit.officer');
  return t('audit.someone');
}
