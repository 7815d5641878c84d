// The case annex as this browser last read it, read again after every change made here and
// whenever the view is opened; the server is the only source of it.
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../../connection/api';
import { casesApi, type CaseAnnex } from '../../connection/cases-api';
import type { MessageKey } from '../../i18n/i18n';
import { annexChangedHere } from './use-annex-blockers';

export function caseError(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'cases.error.other';
  if (err.code === 'stale') return 'cases.error.stale';
  if (err.code === 'not_draft') return 'cases.error.notDraft';
  if (err.status === 400) return 'cases.error.invalid';
  return 'cases.error.other';
}

export function useCaseAnnex(meetingId: string) {
  const [annex, setAnnex] = useState<CaseAnnex | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const reload = useCallback(async () => {
    try {
      setAnnex(await casesApi.annex(meetingId));
      annexChangedHere();
    } catch (err) {
      setError(caseError(err));
    }
  }, [meetingId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { annex, error, setError, reload };
}
