// Party proposals for one cell: each open one shown inline as tracked changes (deleted and
// inserted words in the proposing party's colour), with Accept and Reject for the head of
// the party whose language the cell is in, or the secretariat; and, for anyone who may
// write, a way to propose wording instead of editing the text.
import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { openProposalsOf, partyOfLanguage, proposals, type Proposal } from '../../../shared/record/proposals';
import { parties } from '../../../shared/record/schema';
import { plainText } from '../../../shared/record/rich-text';
import { can } from '../../../shared/roles';
import { ApiFailure } from '../../connection/api';
import { negotiationApi } from '../../connection/negotiation-api';
import { languageName, pick, useT, type MessageKey } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';
import { wordingDiff } from './wording-diff';

interface Props {
  segmentId: string;
  language: string;
  fragment: Y.XmlFragment;
}

export function CellProposals({ segmentId, language, fragment }: Props) {
  const { t, language: uiLanguage } = useT();
  const { connection, meeting, you, recordState, partyColor, columns } = useWorkspace();
  // Redrawn when proposals or parties change, and with the cell's text (the wording compared);
  // not at every keystroke anywhere in the record.
  useYVersion(proposals(connection.doc), { deep: false });
  useYVersion(parties(connection.doc), { deep: false });
  useYVersion(fragment, { afterPaint: true });
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const doc = connection.doc;
  const open = openProposalsOf(doc, segmentId).filter((p) => p.language === language);
  const mayPropose = you !== null && can(you, 'propose', { state: recordState });
  const mayDecide = you !== null && can(you, 'decideProposal', { state: recordState }, { party: partyOfLanguage(doc, language) });
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, uiLanguage, columns) || code;

  const run = async (work: () => Promise<unknown>, after?: () => void) => {
    setPending(true);
    setError(null);
    try {
      await work();
      after?.();
    } catch (err) {
      setError(proposalError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="cell-proposals">
      {open.map((proposal) => (
        <ProposalView
          key={proposal.id}
          proposal={proposal}
          current={plainText(fragment)}
          color={partyColor(proposal.party)}
          by={t('proposal.by', { name: proposal.byName, party: partyName(proposal.party) })}
          actions={
            mayDecide && (
              <>
                <button
                  type="button"
                  className="accept"
                  disabled={pending}
                  onClick={() => run(() => negotiationApi.decide(meeting.id, proposal.id, 'accepted'))}
                >
                  {t('proposal.accept')}
                </button>
                <button
                  type="button"
                  className="reject"
                  disabled={pending}
                  onClick={() => run(() => negotiationApi.decide(meeting.id, proposal.id, 'rejected'))}
                >
                  {t('proposal.reject')}
                </button>
              </>
            )
          }
        />
      ))}
      {mayPropose && draft === null && (
        <button type="button" className="propose" onClick={() => setDraft(plainText(fragment))}>
          {t('proposal.propose')}
        </button>
      )}
      {mayPropose && draft !== null && (
        <form
          className="proposal-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => negotiationApi.propose(meeting.id, segmentId, language, draft),
              () => setDraft(null),
            );
          }}
        >
          <label>
            <span>{t('proposal.field', { language: languageName(language, uiLanguage) })}</span>
            <textarea lang={language} value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {t('proposal.submit')}
            </button>
            <button type="button" onClick={() => (setDraft(null), setError(null))}>
              {t('proposal.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}

function ProposalView({ proposal, current, color, by, actions }: { proposal: Proposal; current: string; color: string; by: string; actions: ReactNode }) {
  const { t } = useT();
  return (
    <div className="proposal" data-proposal-id={proposal.id} data-party={proposal.party} style={{ borderColor: color }}>
      <p className="proposal-by" style={{ color }}>
        {by}
      </p>
      <p className="proposal-diff" lang={proposal.language}>
        {wordingDiff(current, proposal.text, proposal.language).map((part, i) =>
          part.kind === 'same' ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === 'deleted' ? (
            <del key={i} style={{ color, textDecorationColor: color }} title={t('proposal.deleted')}>
              {part.text}
            </del>
          ) : (
            <ins key={i} style={{ color, textDecorationColor: color }} title={t('proposal.inserted')}>
              {part.text}
            </ins>
          ),
        )}
      </p>
      {actions && <div className="proposal-actions">{actions}</div>}
    </div>
  );
}

function proposalError(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'proposal.error.other';
  if (err.unreachable) return 'proposal.error.offline';
  if (err.status === 403) return 'proposal.error.forbidden';
  if (err.code === 'not_draft') return 'proposal.error.notDraft';
  if (err.code === 'unchanged') return 'proposal.error.unchanged';
  if (err.status === 404 || err.code === 'already_decided') return 'proposal.error.gone';
  return 'proposal.error.other';
}
