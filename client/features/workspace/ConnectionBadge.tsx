// Always on screen: connected, syncing, or offline (with edits kept in this browser); and,
// while the servers cannot hear each other, that others' edits may arrive a little late.
import { Cloud, CloudOff, RefreshCw, Unplug } from 'lucide-react';
import { useStore } from '../../app/store';
import { useT } from '../../i18n/i18n';
import { useWorkspace } from './workspace-context';

export function ConnectionBadge() {
  const { t } = useT();
  const { connection } = useWorkspace();
  const state = useStore(connection.state);
  const icon =
    state.link === 'connected' ? (
      <Cloud size={16} />
    ) : state.link === 'syncing' ? (
      <RefreshCw size={16} className="spin" />
    ) : state.link === 'offline' ? (
      <CloudOff size={16} />
    ) : (
      <Unplug size={16} />
    );
  const label = state.link === 'closed' ? closedLabel(state.closeCode, t) : t(`connection.${state.link}`);
  return (
    <p className={`connection-badge link-${state.link}`} role="status" data-link={state.link} aria-live="polite">
      {icon}
      <span>{label}</span>
      {state.link !== 'connected' && state.unsentEdits && <span className="unsent">{t('connection.keptHere')}</span>}
      {state.link === 'connected' && state.record?.delivery === 'delayed' && <span className="delayed">{t('connection.delayed')}</span>}
    </p>
  );
}

function closedLabel(code: number | null, t: ReturnType<typeof useT>['t']): string {
  return code === 4403 ? t('connection.closed.revoked') : t('connection.closed');
}
