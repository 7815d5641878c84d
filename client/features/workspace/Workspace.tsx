// The delegation workspace: loads the meeting, opens the one connection to its record,
// and lays out header, status and the chosen view. Observers get it read-only. When an
// amendment supersedes the version open here, the meeting is loaded again, and with it
// the connection moves to the new version.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { can } from '../../../shared/roles';
import { ApiFailure, api, type Meeting } from '../../connection/api';
import { rememberMeeting, rememberedMeeting } from '../../connection/meeting-cache';
import { closeEarlyConnection, takeEarlyConnection, takeEarlyMeeting } from '../../connection/early-join';
import { RecordConnection, type PresenceUser } from '../../connection/record-connection';
import { useStore } from '../../app/store';
import { releaseSwitchFonts } from '../../app/switch-fonts';
import { preferUiLanguage, settleUiLanguage, useT, type MessageKey } from '../../i18n/i18n';
import { orderColumns, partyColors, WorkspaceProvider, type Workspace as WorkspaceValue } from './workspace-context';
import { MeetingHeader } from './MeetingHeader';
import { StatusStrip } from './StatusStrip';
import { WorkspaceViews } from './WorkspaceViews';

type Loading = { meeting: Meeting; fromCache: boolean } | { error: MessageKey } | null;

export function Workspace({ meetingId }: { meetingId: string }) {
  const { t } = useT();
  const [loading, setLoading] = useState<Loading>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    takeEarlyMeeting(meetingId)
      .then((sent) => api.meeting(meetingId, sent))
      .then(
        (meeting) => {
          rememberMeeting(meeting);
          if (live) setLoading({ meeting, fromCache: false });
        },
        (err: unknown) => {
          if (!live) return;
          const cached = err instanceof ApiFailure && err.unreachable ? rememberedMeeting(meetingId) : null;
          if (cached) setLoading({ meeting: cached, fromCache: true });
          else {
            closeEarlyConnection();
            setLoading({ error: loadError(err) });
          }
          // No meeting to name the reader's language: the words come in the browser's.
          settleUiLanguage();
        },
      );
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  if (!loading) return <p className="screen-message">{t('workspace.loading')}</p>;
  if ('error' in loading)
    return (
      <p className="screen-message error" role="alert">
        {t(loading.error)}
      </p>
    );
  return <OpenWorkspace meeting={loading.meeting} onSuperseded={reload} />;
}

/** The first stop of the keyboard: past the header and status to the record itself. */
function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#record-view">
      {t('welcome.skip')}
    </a>
  );
}

function loadError(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'workspace.error.unknown';
  if (err.unreachable) return 'workspace.error.unreachable';
  if (err.status === 401) return 'workspace.error.signIn';
  if (err.status === 404) return 'workspace.error.notFound';
  return 'workspace.error.unknown';
}

function OpenWorkspace({ meeting, onSuperseded }: { meeting: Meeting; onSuperseded(): void }) {
  const { language } = useT();
  const [connection, setConnection] = useState<RecordConnection | null>(null);
  const you = meeting.you;
  const ownLanguage = meeting.parties.find((p) => p.code === you?.party)?.language;

  useEffect(() => {
    // An observer's or the secretariat's party may name no language: then the browser's.
    preferUiLanguage(ownLanguage);
  }, [ownLanguage]);

  useEffect(() => {
    const opened = takeEarlyConnection(meeting.documentId) ?? new RecordConnection(meeting.documentId);
    setConnection(opened);
    return () => opened.destroy();
  }, [meeting.documentId]);

  const partyColor = useMemo(() => partyColors(meeting.parties.map((p) => p.code)), [meeting.parties]);
  const presenceUser = useMemo<PresenceUser>(
    () => ({
      participantId: you?.participantId ?? '',
      name: you?.name ?? '',
      party: you?.party ?? '',
      role: you?.role ?? 'observer',
      color: partyColor(you?.party ?? ''),
    }),
    [you, partyColor],
  );

  useEffect(() => {
    if (connection && you) connection.announce(presenceUser);
  }, [connection, you, presenceUser]);

  if (!connection) return null;
  return (
    <ConnectedWorkspace
      meeting={meeting}
      connection={connection}
      presenceUser={presenceUser}
      partyColor={partyColor}
      onSuperseded={onSuperseded}
      firstColumn={meeting.facts.languages.includes(language) ? language : ownLanguage}
    />
  );
}

function ConnectedWorkspace({
  meeting,
  connection,
  presenceUser,
  partyColor,
  onSuperseded,
  firstColumn,
}: {
  meeting: Meeting;
  connection: RecordConnection;
  presenceUser: PresenceUser;
  partyColor: (party: string) => string;
  onSuperseded(): void;
  firstColumn: string | undefined;
}) {
  const state = useStore(connection.state);
  const you = meeting.you;
  // The status of another document (the connection not yet moved) says nothing of this one.
  const ownStatus = state.record?.documentId === meeting.documentId ? state.record : null;
  const recordState = ownStatus?.state ?? meeting.state;
  const supersededBy = ownStatus?.supersededBy ?? null;
  useEffect(() => {
    if (state.link === 'connected') releaseSwitchFonts();
  }, [state.link]);
  useEffect(() => {
    if (supersededBy) onSuperseded();
  }, [supersededBy, onSuperseded]);
  const value = useMemo<WorkspaceValue>(() => {
    const actor = { role: you?.role ?? 'observer', party: you?.party ?? '' };
    return {
      meeting,
      connection,
      you,
      presenceUser,
      columns: orderColumns(meeting.facts.languages, firstColumn),
      recordState,
      readOnly: !you || !can(actor, 'write', { state: recordState }),
      partyColor,
    };
  }, [meeting, connection, you, presenceUser, firstColumn, recordState, partyColor]);
  return (
    <WorkspaceProvider value={value}>
      <div className="workspace" data-record-state={recordState} data-read-only={value.readOnly ? 'true' : 'false'}>
        <SkipLink />
        <MeetingHeader />
        <StatusStrip />
        <WorkspaceViews />
      </div>
    </WorkspaceProvider>
  );
}
