// The secretariat's audit log: every step, refusals too, each with its time and who took
// it, and whether the chain of hashes that links the entries is intact.
import { zoneOf } from '../../../shared/record/time-zone';
import { useCallback, useEffect, useState } from 'react';
import { RefreshCw, ShieldCheck, ShieldX } from 'lucide-react';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { useT } from '../../i18n/i18n';
import { lifecycleApi, type AuditEntry, type AuditLog } from '../../connection/lifecycle-api';
import { explainRefusal, type Explained } from '../lifecycle/refusals';
import { formatInstant } from '../lifecycle/instant';
import { useWorkspace } from '../workspace/workspace-context';
import { auditFacts, auditLabel } from './audit-labels';

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
        <table>
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
  const { meeting } = useWorkspace();
  const label = auditLabel(entry.action);
  const facts = auditFacts(entry.detail);
  const refused = label.kind === 'refused' || entry.action.endsWith('-refused') || entry.action === 'access.refused';
  const what =
    label.kind === 'done' ? t(label.key) : label.kind === 'refused' ? t('audit.refused', { what: label.what ? t(label.what) : label.action }) : label.action;
  const who = entry.actorName ?? (entry.actor === 'administrator' ? t('audit.administrator') : entry.actor);
  const parts = [
    facts.party,
    facts.version !== undefined ? t('header.version', { version: facts.version }) : undefined,
    facts.recordHash ? displayFingerprint(facts.recordHash) : undefined,
    facts.voided && facts.voided.length > 0 ? t('audit.voided', { parties: facts.voided.join(', ') }) : undefined,
    facts.reason !== undefined ? (refused ? t('audit.reasonCode', { code: facts.reason }) : t('audit.reasonGiven', { reason: facts.reason })) : undefined,
  ].filter((p): p is string => Boolean(p));
  return (
    <tr data-action={entry.action} className={`${refused ? 'refused' : ''}${broken ? ' broken' : ''}`}>
      <td>{entry.seq}</td>
      <td>{formatInstant(entry.at, language, zoneOf(meeting.facts))}</td>
      <td>{who}</td>
      <td>
        {what}
        {parts.length > 0 && <span className="sub">{parts.join(' · ')}</span>}
      </td>
    </tr>
  );
}
