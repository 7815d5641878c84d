// The record's lifecycle in the workspace, for the secretariat and the heads of delegation:
// its state and fingerprint, who has signed, the head's key and signing review, the
// secretariat's lock, unlock and amend, and the versions of the record.
import { zoneOf } from '../../../shared/record/time-zone';
import { useEffect } from 'react';
import { Download } from 'lucide-react';
import { can } from '../../../shared/roles';
import { useT } from '../../i18n/i18n';
import { lifecycleApi, type RecordDetails } from '../../connection/lifecycle-api';
import { KeyPanel } from '../signing/KeyPanel';
import { SigningReview } from '../signing/SigningReview';
import { useWorkspace } from '../workspace/workspace-context';
import { LockControls } from './LockControls';
import { RecordDocument } from './RecordDocument';
import { SignaturesTable } from './SignaturesTable';
import { VersionsPanel } from './VersionsPanel';
import { explainRefusal } from './refusals';
import { formatInstant } from './instant';
import { useRecordDetails } from './use-lifecycle';

export function LifecycleView() {
  const { t } = useT();
  const { you } = useWorkspace();
  const { details, error, store } = useRecordDetails();
  // Enrolled keys change without a status change (a head replacing theirs): read them afresh
  // whenever the view is opened, so fingerprints compared across the table are current.
  useEffect(() => {
    void store.refresh();
  }, [store]);
  if (!details) {
    if (!error) return <p>{t('workspace.loading')}</p>;
    const explained = explainRefusal('read', error);
    return (
      <p className="error" role="alert">
        {t(explained.key, explained.params)}
      </p>
    );
  }
  const isHead = you?.role === 'head';
  return (
    <section className="lifecycle" data-state={details.state} data-version={details.version}>
      <RecordStateCard details={details} />
      <SignaturesTable details={details} />
      {isHead && <KeyPanel details={details} />}
      {you?.role === 'secretariat' && <LockControls details={details} />}
      {/* A head keeps the review in view once signed, with their signature's confirmation. */}
      {isHead && details.state !== 'draft' ? <SigningReview details={details} /> : <LockedRecord details={details} />}
      <VersionsPanel current={details} />
    </section>
  );
}

function RecordStateCard({ details }: { details: RecordDetails }) {
  const { t, language } = useT();
  const { meeting, you } = useWorkspace();
  const mayExport = you !== null && can(you, 'export', { state: details.state });
  return (
    <section className={`record-card state-${details.state}`} aria-label={t('lifecycle.title')}>
      <p className="record-card-state" data-state={details.state}>
        {t(`record.${details.state}`)} · {t('header.version', { version: details.version })}
      </p>
      <p>{t(`lifecycle.explain.${details.state}`)}</p>
      {details.fingerprint && (
        <p className="record-fingerprint big">
          {t('lifecycle.fingerprint')} <code data-fingerprint={details.fingerprint}>{details.fingerprint}</code>
        </p>
      )}
      {details.lockedAt && <p className="sub">{t('lifecycle.lockedAt', { time: formatInstant(details.lockedAt, language, zoneOf(meeting.facts)) })}</p>}
      {mayExport && details.state !== 'draft' && (
        <a className="bundle-link" href={lifecycleApi.bundleUrl(meeting.id)} download>
          <Download size={14} /> {t('lifecycle.downloadBundle')}
        </a>
      )}
    </section>
  );
}

/** The record as locked, folded away, for those who are not reviewing it to sign. */
function LockedRecord({ details }: { details: RecordDetails }) {
  const { t } = useT();
  const { columns } = useWorkspace();
  if (!details.record) return null;
  const languages = details.record.meeting.languages;
  return (
    <details className="locked-record">
      <summary>{t('lifecycle.readLocked')}</summary>
      <div className="review-frame">
        <RecordDocument record={details.record} columns={columns.filter((l) => languages.includes(l))} fingerprint={details.fingerprint} />
      </div>
    </details>
  );
}
