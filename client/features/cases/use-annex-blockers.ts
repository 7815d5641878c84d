// What the case annex adds to the lock's blockers, for the status strip: the parties that have
// not agreed the annex as it stands and the personal-data findings not yet dismissed. Only for
// those who may read cases (never an observer, who is never sent a request for it); read again
// a moment after the record changes here, and every little while for changes made by others.
import { useEffect, useState } from 'react';
import { casesApi, type CaseAnnex } from '../../connection/cases-api';

export interface AnnexBlockers {
  missingParties: string[];
  openFindings: number;
}

const SETTLE_MS = 1500;
const EVERY_MS = 20_000;

// Changes made in this browser (the Cases view) are counted at once, without waiting.
const readers = new Set<() => void>();
export const annexChangedHere = () => readers.forEach((read) => read());

const annexBlockersOf = (annex: CaseAnnex): AnnexBlockers => ({
  missingParties: Object.entries(annex.agreement)
    .filter(([, agreed]) => !agreed)
    .map(([party]) => party),
  openFindings: annex.findings.filter((f) => !f.dismissed).length,
});

/** `recordVersion` changes with every change to the shared document; null when not allowed to read cases. */
export function useAnnexBlockers(meetingId: string, allowed: boolean, recordVersion: number): AnnexBlockers | null {
  const [blockers, setBlockers] = useState<AnnexBlockers | null>(null);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    const read = () =>
      casesApi.annex(meetingId).then(
        (annex) => live && setBlockers(annexBlockersOf(annex)),
        () => undefined, // The lock's own refusal still names them; the strip just shows the document's count.
      );
    const settle = setTimeout(read, SETTLE_MS);
    const every = setInterval(read, EVERY_MS);
    readers.add(read);
    return () => {
      live = false;
      readers.delete(read);
      clearTimeout(settle);
      clearInterval(every);
    };
  }, [meetingId, allowed, recordVersion]);
  return allowed ? blockers : null;
}
