// The case annex of the meeting, for the parties' delegations (observers are never shown
// the view, and the server refuses them): the cases by their references, each party's
// agreement of the annex, and the personal data the lock would stop at.
import { useState } from 'react';
import { Check, Circle, Pencil, Plus, Trash } from 'lucide-react';
import { can } from '../../../shared/roles';
import type { CaseEntry } from '../../../shared/cases/case';
import { casesApi } from '../../connection/cases-api';
import { formatDate } from '../../../shared/dates';
import { pick, useT } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';
import { CaseForm } from './CaseForm';
import { stageKey } from './stage-label';
import { FindingsPanel } from './FindingsPanel';
import { caseError, useCaseAnnex } from './use-case-annex';

export function CasesView() {
  const { t, language } = useT();
  const { meeting, you, recordState, columns, partyColor } = useWorkspace();
  const { annex, error, setError, reload } = useCaseAnnex(meeting.id);
  const [editing, setEditing] = useState<CaseEntry | 'new' | null>(null);
  const actor = { role: you?.role ?? 'observer', party: you?.party ?? '' } as const;
  const mayWrite = can(actor, 'writeCases', { state: recordState });
  const mayAgree = can(actor, 'markAgreement', { state: recordState }, { party: actor.party });
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;

  const act = async (step: () => Promise<unknown>) => {
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(caseError(err));
    }
    await reload();
  };
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) void reload();
  };

  if (!annex) return <p className="screen-message">{error ? t(error) : t('workspace.loading')}</p>;
  const own = annex.agreement[actor.party];
  return (
    <section className="cases" aria-label={t('cases.title')}>
      <h2>{t('cases.title')}</h2>
      <p className="explain">{t('cases.explain')}</p>
      {annex.cases.length === 0 && <p className="empty">{t('cases.none')}</p>}
      {annex.cases.length > 0 && (
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.references')}</th>
              <th scope="col">{t('cases.stage')}</th>
              <th scope="col">{t('cases.nextStepHeading')}</th>
              <th scope="col">{t('cases.due')}</th>
              {mayWrite && (
                <th scope="col" className="sr-only">
                  {t('cases.edit')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {annex.cases.map((entry) => (
              <tr key={entry.id} data-case-id={entry.id}>
                <td>
                  {entry.sides.map((s) => (
                    <div key={s.party} className="case-side">
                      <strong style={{ color: partyColor(s.party) }}>{s.party}</strong> <span className="reference">{s.reference}</span>
                      {s.agency && <span className="agency"> · {s.agency}</span>}
                    </div>
                  ))}
                  {entry.carriedFrom && <div className="carried">{t('cases.carried')}</div>}
                </td>
                <td data-stage={entry.stage}>
                  {t(stageKey(entry.stage))}
                  {entry.repatriatedOn && <div>{`${t('cases.repatriatedOn')} ${formatDate(entry.repatriatedOn, language)}`}</div>}
                </td>
                <td lang={columns.find((c) => entry.nextStep[c]) ?? undefined}>{pick(entry.nextStep, language, columns)}</td>
                <td>{entry.due ? formatDate(entry.due, language) : ''}</td>
                {mayWrite && (
                  <td className="row-actions">
                    <button type="button" aria-label={t('cases.edit')} title={t('cases.edit')} onClick={() => setEditing(entry)}>
                      <Pencil size={15} />
                    </button>
                    <button
                      type="button"
                      aria-label={t('cases.remove')}
                      title={t('cases.remove')}
                      onClick={() => window.confirm(t('cases.confirmRemove')) && void act(() => casesApi.remove(meeting.id, entry.id))}
                    >
                      <Trash size={15} />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <CaseForm key={editing === 'new' ? 'new' : editing.id} entry={editing === 'new' ? null : editing} onDone={done} />}
      {mayWrite && !editing && (
        <button type="button" className="add" onClick={() => setEditing('new')}>
          <Plus size={16} /> {t('cases.add')}
        </button>
      )}

      {annex.cases.length > 0 && (
        <div className="case-agreement">
          <h3>{t('cases.agreement')}</h3>
          <ul>
            {Object.entries(annex.agreement).map(([party, agreed]) => (
              <li key={party} data-party={party} data-agreed={agreed ? 'true' : 'false'} style={{ color: partyColor(party) }}>
                {agreed ? <Check size={14} aria-hidden="true" /> : <Circle size={12} aria-hidden="true" />}
                {t(agreed ? 'cases.agreedBy' : 'cases.notAgreedBy', { party: partyName(party) })}
              </li>
            ))}
          </ul>
          {mayAgree && (
            <button type="button" className={own ? 'withdraw' : 'agree'} onClick={() => void act(() => casesApi.agree(meeting.id, annex.digest, !own))}>
              {t(own ? 'cases.withdraw' : 'cases.agree', { party: partyName(actor.party) })}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      <FindingsPanel annex={annex} onDismiss={(key) => act(() => casesApi.dismiss(meeting.id, key))} />
    </section>
  );
}
