// How far the record is from being lockable: the segments and action points some party has
// not agreed (or that hold open brackets), the open brackets in all, and, for those who may
// read cases, what the case annex adds (parties yet to agree it, findings not cleared).
import { useMemo } from 'react';
import { CircleCheck, CircleDashed } from 'lucide-react';
import { currentLockBlockers } from '../../record/lock-blockers';
import { can } from '../../../shared/roles';
import { useAnnexBlockers } from '../cases/use-annex-blockers';
import { useT } from '../../i18n/i18n';
import { SUMMARY_EVERY_MS, useDocVersion } from '../../record/use-y';
import { useWorkspace } from './workspace-context';

export function LockSummary() {
  const { t } = useT();
  const { connection, meeting, you } = useWorkspace();
  // A summary of the whole record: redrawn at most a few times a second while many type.
  const version = useDocVersion(connection.doc, { everyMs: SUMMARY_EVERY_MS });
  const annex = useAnnexBlockers(meeting.id, you !== null && can(you, 'readCases', { state: 'draft' }), version);
  const annexCount = annex ? annex.missingParties.length + annex.openFindings : 0;
  const summary = useMemo(() => {
    const blockers = currentLockBlockers(connection.doc);
    return {
      segments: blockers.filter((b) => b.kind === 'segment').length,
      actionPoints: blockers.filter((b) => b.kind === 'actionPoint').length,
      brackets: blockers.reduce((n, b) => n + b.openBrackets, 0),
      // Empty titles, a party without a head, a language without its words block the lock too.
      all: blockers.length,
    };
    // The version names the change; the doc itself is the same object throughout.
  }, [connection.doc, version]);
  const clear = summary.all === 0 && annexCount === 0;
  return (
    <p
      className={`lock-summary${clear ? ' clear' : ''}`}
      data-segments={summary.segments}
      data-action-points={summary.actionPoints}
      data-brackets={summary.brackets}
    >
      {clear ? <CircleCheck size={16} /> : <CircleDashed size={16} />}
      <span>{clear ? t('lock.ready') : t('lock.blocked', { segments: summary.segments, actionPoints: summary.actionPoints })}</span>
      <span className="brackets-count">{t('lock.brackets', { count: summary.brackets })}</span>
      {annexCount > 0 && (
        <span className="case-annex-count" data-missing={annex!.missingParties.length} data-findings={annex!.openFindings}>
          {t('lock.caseAnnex', { missing: annex!.missingParties.length, findings: annex!.openFindings })}
        </span>
      )}
    </p>
  );
}
