// The views of the record: minutes by agenda item, action points, the case annex (not for
// observers), the participants annex,
// for the secretariat and the heads the lock, signatures and exports, and for the secretariat the
// invitations and the audit log. The chosen view is kept in the address.
import { Briefcase, ClipboardList, FileDown, FileText, History, Link, PenLine, ScrollText, Users } from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { setQuery, usePlace } from '../../app/router';
import { needCatalogPart, useT, type MessageKey } from '../../i18n/i18n';
import { can } from '../../../shared/roles';
import { MinutesView } from '../minutes/MinutesView';
import { useWorkspace } from './workspace-context';

// The minutes are the first screen; every other view is a chunk of its own, fetched when it
// is first opened (a delegate on a hotel's Wi-Fi waits for the minutes only).
const ActionPointsView = lazy(async () => ({ default: (await import('../action-points/ActionPointsView')).ActionPointsView }));
const CasesView = lazy(async () => ({ default: (await import('../cases/CasesView')).CasesView }));
const ParticipantsAnnex = lazy(async () => ({ default: (await import('../participants/ParticipantsAnnex')).ParticipantsAnnex }));
const HistoryView = lazy(async () => ({ default: (await import('../history/HistoryView')).HistoryView }));
const InvitationsPanel = lazy(async () => ({ default: (await import('../invitations/InvitationsPanel')).InvitationsPanel }));
const LifecycleView = lazy(async () => ({ default: (await import('../lifecycle/LifecycleView')).LifecycleView }));
// The export panel's and the audit log's words are in the catalogs' second part.
const ExportPanel = lazy(async () => {
  const [{ ExportPanel }] = await Promise.all([import('../export/ExportPanel'), needCatalogPart('extra')]);
  return { default: ExportPanel };
});
const AuditView = lazy(async () => {
  const [{ AuditView }] = await Promise.all([import('../audit/AuditView'), needCatalogPart('extra')]);
  return { default: AuditView };
});

type View = 'minutes' | 'actions' | 'cases' | 'participants' | 'history' | 'invitations' | 'signing' | 'export' | 'audit';

export function WorkspaceViews() {
  const { t } = useT();
  const { you } = useWorkspace();
  const { query } = usePlace();
  const views: { view: View; label: MessageKey; icon: ReactNode }[] = [
    { view: 'minutes', label: 'view.minutes', icon: <FileText size={16} /> },
    { view: 'actions', label: 'view.actionPoints', icon: <ClipboardList size={16} /> },
    // Cases concern victims: never offered to observers (the server refuses them anyway).
    ...(you && can(you, 'readCases', { state: 'draft' }) ? [{ view: 'cases' as const, label: 'view.cases' as const, icon: <Briefcase size={16} /> }] : []),
    { view: 'participants', label: 'view.participants', icon: <Users size={16} /> },
    ...(you && can(you, 'readHistory', { state: 'draft' }) ? [{ view: 'history' as const, label: 'view.history' as const, icon: <History size={16} /> }] : []),
    ...(you?.role === 'secretariat' ? [{ view: 'invitations' as const, label: 'view.invitations' as const, icon: <Link size={16} /> }] : []),
    // Those who take a lifecycle step; everyone else sees the state and signatures in the status strip.
    ...(you?.role === 'secretariat' || you?.role === 'head' ? [{ view: 'signing' as const, label: 'view.signing' as const, icon: <PenLine size={16} /> }] : []),
    ...(you?.role === 'secretariat' || you?.role === 'head' ? [{ view: 'export' as const, label: 'view.export' as const, icon: <FileDown size={16} /> }] : []),
    ...(you?.role === 'secretariat' ? [{ view: 'audit' as const, label: 'view.audit' as const, icon: <ScrollText size={16} /> }] : []),
  ];
  const asked = query.get('view');
  const current = views.find((v) => v.view === asked)?.view ?? 'minutes';
  return (
    <>
      <nav className="views" aria-label={t('view.label')}>
        {views.map(({ view, label, icon }) => (
          <button key={view} type="button" data-view={view} aria-current={view === current ? 'page' : undefined} onClick={() => setQuery({ view })}>
            {icon}
            {t(label)}
          </button>
        ))}
      </nav>
      <main className={`view view-${current}`} id="record-view" tabIndex={-1}>
        {current === 'minutes' && <MinutesView />}
        <Suspense fallback={<div className="screen-message" aria-busy="true" />}>
          {current === 'actions' && <ActionPointsView />}
          {current === 'cases' && <CasesView />}
          {current === 'participants' && <ParticipantsAnnex />}
          {current === 'history' && <HistoryView />}
          {current === 'invitations' && <InvitationsPanel />}
          {current === 'signing' && <LifecycleView />}
          {current === 'export' && <ExportPanel />}
          {current === 'audit' && <AuditView />}
        </Suspense>
      </main>
    </>
  );
}
