// The secretariat's view of the invitations: who has joined, and a fresh link to copy. A
// token is kept only as a hash, so an old link cannot be shown again: copying a link means
// issuing a new one, and the old one stops working.
import { useCallback, useEffect, useState } from 'react';
import { Copy, RefreshCw } from 'lucide-react';
import { formatDate } from '../../../shared/dates';
import { ApiFailure, api, type Invitation, type IssuedLink } from '../../connection/api';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';

export function InvitationsPanel() {
  const { t } = useT();
  const { meeting } = useWorkspace();
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.invitations(meeting.id).then(
      (answer) => setInvitations(answer.invitations),
      (err: unknown) => setError(failure(err)),
    );
  }, [meeting.id]);
  useEffect(load, [load]);

  return (
    <section className="invitations" aria-label={t('view.invitations')}>
      <header>
        <p>{t('invitations.explain')}</p>
        <button type="button" onClick={load}>
          <RefreshCw size={15} /> {t('invitations.refresh')}
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      {!invitations && !error && <p>{t('workspace.loading')}</p>}
      {invitations && (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.role')}</th>
              <th scope="col">{t('invitations.party')}</th>
              <th scope="col">{t('invitations.joined')}</th>
              <th scope="col">{t('invitations.link')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <InvitationRow key={invitation.participantId} invitation={invitation} onIssued={load} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InvitationRow({ invitation, onIssued }: { invitation: Invitation; onIssued(): void }) {
  const { t, language } = useT();
  const { meeting, columns } = useWorkspace();
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const party = meeting.parties.find((p) => p.code === invitation.party);

  const issue = async () => {
    if (invitation.joinedAt && !window.confirm(t('invitations.confirmReissue', { name: invitation.name }))) return;
    setError(null);
    setCopied(false);
    try {
      const link = await api.issueLink(meeting.id, invitation.participantId);
      setIssued(link);
      try {
        await navigator.clipboard.writeText(link.link);
        setCopied(true);
      } catch {
        // Clipboard refused (no permission, or not a secure page): the link is shown to copy by hand.
      }
      onIssued();
    } catch (err) {
      setError(failure(err));
    }
  };

  return (
    <tr data-participant-id={invitation.participantId}>
      <td data-label={t('participants.name')}>{invitation.name}</td>
      <td data-label={t('participants.role')}>{t(`role.${invitation.role}`)}</td>
      <td data-label={t('invitations.party')}>{party ? pick(party.name, language, columns) : invitation.party}</td>
      <td data-label={t('invitations.joined')}>
        {invitation.revoked
          ? t('invitations.revoked')
          : invitation.joinedAt
            ? t('invitations.joinedOn', { date: formatDate(localDate(invitation.joinedAt), language) })
            : t('invitations.notYet')}
      </td>
      <td className="link-cell" data-label={t('invitations.link')}>
        <button type="button" onClick={issue}>
          <Copy size={15} aria-hidden="true" /> {t('invitations.copyNew')}
          <span className="sr-only"> ({invitation.name})</span>
        </button>
        {issued && (
          <>
            <input
              type="text"
              readOnly
              value={issued.link}
              aria-label={t('invitations.linkFor', { name: invitation.name })}
              onFocus={(e) => e.currentTarget.select()}
            />
            <span className="hint">{copied ? t('invitations.copied') : t('invitations.copyByHand')}</span>
          </>
        )}
        {error && (
          <span className="error" role="alert">
            {t(error)}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The calendar day of an instant where the reader is. */
function localDate(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function failure(err: unknown): MessageKey {
  if (err instanceof ApiFailure && err.unreachable) return 'invitations.error.offline';
  if (err instanceof ApiFailure && err.status === 403) return 'invitations.error.forbidden';
  return 'invitations.error.other';
}
