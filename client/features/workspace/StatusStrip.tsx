import { ConnectionBadge } from './ConnectionBadge';
import { LockSummary } from './LockSummary';
import { RecordStateBadge } from './RecordStateBadge';
import { RefusalNotices } from './RefusalNotices';

/** Connection, record state and what blocks locking, always in view; refusals under them. */
export function StatusStrip() {
  return (
    <div className="status-strip">
      <div className="status-row">
        <ConnectionBadge />
        <RecordStateBadge />
        <LockSummary />
      </div>
      <RefusalNotices />
    </div>
  );
}
