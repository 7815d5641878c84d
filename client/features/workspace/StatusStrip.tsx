import { KeyBadge } from '../signing/KeyBadge';
import { LifecycleSync } from '../lifecycle/LifecycleSync';
import { RecordSeal } from '../lifecycle/RecordSeal';
import { ConnectionBadge } from './ConnectionBadge';
import { LockSummary } from './LockSummary';
import { RecordStateBadge } from './RecordStateBadge';
import { RefusalNotices } from './RefusalNotices';
import { useWorkspace } from './workspace-context';
import { LapseNotices } from '../agreement/LapseNotices';

/**
 * Connection, record state, and what blocks locking (a draft) or the record's fingerprint and
 * signatures (locked or signed), always in view; a head's signing key; refusals and lapsed
 * agreement under them.
 */
export function StatusStrip() {
  const { recordState } = useWorkspace();
  return (
    <div className="status-strip">
      <LifecycleSync />
      <div className="status-row">
        <ConnectionBadge />
        <RecordStateBadge />
        {recordState === 'draft' && <LockSummary />}
        <RecordSeal />
        <KeyBadge />
      </div>
      <RefusalNotices />
      <LapseNotices />
    </div>
  );
}
