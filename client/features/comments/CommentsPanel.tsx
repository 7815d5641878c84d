// The comments on one segment, beside it: its threads (the whole meeting's, and the reader's
// own delegation's), replies, mentions picked from the roster, resolve and reopen. Nothing
// here is in the record; observers read the meeting's threads and write nothing.
import { useEffect, useState } from 'react';
import { X } from 'lucide-react';
import { canSeeThread, type CommentVisibility, type ThreadView } from '../../../shared/comments';
import { participants, type Participant } from '../../../shared/record/schema';
import { can } from '../../../shared/roles';
import { useStore } from '../../app/store';
import { ApiFailure } from '../../connection/api';
import { negotiationApi } from '../../connection/negotiation-api';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';
import { commentFeed } from './comment-feed';
import { mentionedIds } from './mentions';

/** Words picked in a cell when the panel was opened: the thread is anchored to them. */
export interface CommentAnchor {
  language: string;
  quote: string;
}

interface Props {
  segmentId: string;
  number: number;
  anchor: CommentAnchor | null;
  onClose(): void;
}

export function CommentsPanel({ segmentId, number, anchor, onClose }: Props) {
  const { t } = useT();
  const { meeting, you } = useWorkspace();
  const feed = commentFeed(meeting.id);
  // Opened: read at once, not at the next round of the feed.
  useEffect(() => {
    void feed.refresh();
    return feed.watch();
  }, [feed]);
  const { threads, failed } = useStore(feed.state);
  const mine = threads.filter((th) => th.segmentId === segmentId);
  const mayWrite = you !== null && can(you, 'comment', { state: 'draft' });

  return (
    <aside className="comments-panel" role="cell" aria-label={t('comments.title', { number })} data-segment-id={segmentId}>
      <header>
        <h3>{t('comments.title', { number })}</h3>
        <button type="button" className="close" aria-label={t('comments.close')} title={t('comments.close')} onClick={onClose}>
          <X size={15} />
        </button>
      </header>
      {failed && <p className="error">{t('comments.error.load')}</p>}
      {mine.length === 0 && <p className="empty">{t('comments.none')}</p>}
      <ol className="threads">
        {mine.map((thread) => (
          <Thread key={thread.id} thread={thread} mayWrite={mayWrite} onChanged={() => feed.refresh()} />
        ))}
      </ol>
      {mayWrite && <NewThread segmentId={segmentId} anchor={anchor} onPosted={() => feed.refresh()} />}
    </aside>
  );
}

function Thread({ thread, mayWrite, onChanged }: { thread: ThreadView; mayWrite: boolean; onChanged(): void }) {
  const { t } = useT();
  const { meeting, you, partyColor } = useWorkspace();
  const [error, setError] = useState<MessageKey | null>(null);
  const resolved = thread.resolvedAt !== null;
  const toggle = async () => {
    setError(null);
    try {
      await negotiationApi.resolve(meeting.id, thread.id, !resolved);
      onChanged();
    } catch (err) {
      setError(commentError(err));
    }
  };
  return (
    <li className={`thread${resolved ? ' resolved' : ''}`} data-thread-id={thread.id} data-visibility={thread.visibility}>
      {thread.quote && (
        <p className="quote" lang={thread.language ?? undefined}>
          {t('comments.quote', { quote: thread.quote })}
        </p>
      )}
      {thread.visibility === 'party' && <span className="badge party-only">{t('comments.partyOnly')}</span>}
      <ol className="comments">
        {[thread, ...thread.replies].map((comment) => (
          <li key={comment.id} className="comment" data-comment-id={comment.id}>
            <p className="author" style={{ color: partyColor(comment.party) }}>
              {comment.authorName} · {comment.party}
              {you && comment.mentions.includes(you.participantId) && <span className="badge mention">{t('comments.mentionsYou')}</span>}
            </p>
            <p className="body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {resolved && <p className="resolved-by">{t('comments.resolvedBy', { name: thread.resolvedBy ?? '' })}</p>}
      {mayWrite && (
        <>
          {!resolved && <Reply thread={thread} onPosted={onChanged} />}
          <button type="button" className="resolve" onClick={toggle}>
            {resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
    </li>
  );
}

function Reply({ thread, onPosted }: { thread: ThreadView; onPosted(): void }) {
  const { t } = useT();
  const { meeting } = useWorkspace();
  return (
    <Composer
      label={t('comments.replyField')}
      submit={t('comments.reply')}
      visibility={thread.visibility}
      party={thread.party}
      send={(body, mentions) => negotiationApi.reply(meeting.id, thread.id, body, mentions)}
      onPosted={onPosted}
    />
  );
}

function NewThread({ segmentId, anchor, onPosted }: { segmentId: string; anchor: CommentAnchor | null; onPosted(): void }) {
  const { t } = useT();
  const { meeting, you } = useWorkspace();
  const [visibility, setVisibility] = useState<CommentVisibility>('meeting');
  return (
    <div className="new-thread">
      <label className="visibility">
        <span>{t('comments.visibility')}</span>
        <select value={visibility} onChange={(e) => setVisibility(e.target.value as CommentVisibility)}>
          <option value="meeting">{t('comments.visibility.meeting')}</option>
          <option value="party">{t('comments.visibility.party')}</option>
        </select>
      </label>
      <Composer
        label={t('comments.body')}
        submit={t('comments.post')}
        visibility={visibility}
        party={you?.party ?? ''}
        send={(body, mentions) => negotiationApi.startThread(meeting.id, { segmentId, visibility, body, mentions, ...(anchor ?? {}) })}
        onPosted={onPosted}
      />
    </div>
  );
}

/** A text box with a mention picker; what was typed stays until the server has it. */
function Composer({
  label,
  submit,
  visibility,
  party,
  send,
  onPosted,
}: {
  label: string;
  submit: string;
  visibility: CommentVisibility;
  party: string;
  send(body: string, mentions: string[]): Promise<unknown>;
  onPosted(): void;
}) {
  const { t } = useT();
  const { connection, you } = useWorkspace();
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<Participant[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  // Only those who could read the thread can be mentioned in it.
  const mentionable = participants(connection.doc)
    .toArray()
    .filter((p) => p.id !== you?.participantId && canSeeThread({ role: p.role, party: p.party }, { visibility, party }));

  const post = async () => {
    if (body.trim() === '') return;
    setPending(true);
    setError(null);
    try {
      await send(body, mentionedIds(body, picked));
      setBody('');
      setPicked([]);
      onPosted();
    } catch (err) {
      setError(commentError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void post();
      }}
    >
      <label>
        <span>{label}</span>
        <textarea value={body} rows={2} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="form-actions">
        <select
          aria-label={t('comments.mention')}
          value=""
          onChange={(e) => {
            const person = mentionable.find((p) => p.id === e.target.value);
            if (!person) return;
            setPicked((list) => [...list, person]);
            setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${person.name} `);
          }}
        >
          <option value="">{t('comments.mentionNone')}</option>
          {mentionable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.party}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending || body.trim() === ''}>
          {submit}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
    </form>
  );
}

function commentError(err: unknown): MessageKey {
  if (!(err instanceof ApiFailure)) return 'comments.error.other';
  if (err.unreachable) return 'comments.error.offline';
  if (err.status === 403) return 'comments.error.forbidden';
  if (err.code === 'mention_cannot_see' || err.code === 'unknown_mention') return 'comments.error.mention';
  if (err.status === 404) return 'comments.error.gone';
  return 'comments.error.other';
}
