// From the console into the meeting's workspace, as its secretariat: the server seats the
// officer on the roster the first time (no invitation to send oneself). An officer whose
// party is not one of the meeting's chooses which party's secretariat they sit with.
import { useState } from 'react';
import { ExternalLink } from 'lucide-react';
import { navigate } from '../../app/router';
import { consoleApi, ApiFailure, type ConsoleMeeting } from './console-api';
import { useConsoleSession } from './console-state';
import { failureKey } from './failure';
import { PartySelect } from './PartySelect';
import { useT, type MessageKey } from '../../i18n/i18n';

export function OpenWorkspace({ meeting }: { meeting: ConsoleMeeting }) {
  const { t } = useT();
  const state = useConsoleSession();
  const [party, setParty] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const account = state.kind === 'signed-in' ? state.session.account : null;
  if (!account) return <p className="hint">{t('console.workspace.noAccount')}</p>;

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const opened = await consoleApi.openWorkspace(meeting.id, party ?? undefined);
      navigate(`/meetings/${encodeURIComponent(opened.meetingId)}`);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'not_a_party') setParty(meeting.facts.parties[0]?.code ?? '');
      else setError(failureKey(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="open-workspace">
      {party !== null && (
        <>
          <p>{t('console.workspace.choosePartyExplain')}</p>
          <PartySelect label={t('console.workspace.chooseParty')} value={party} parties={meeting.facts.parties} allowOther={false} onChange={setParty} />
        </>
      )}
      <button type="button" className="primary" onClick={open} disabled={busy}>
        <ExternalLink size={16} aria-hidden="true" /> {t('console.workspace.open')}
      </button>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
