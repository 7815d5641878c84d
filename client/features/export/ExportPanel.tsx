// The export panel for the secretariat and the heads of delegation: a choice of original
// (one per party, the reader's own first chosen), three formats, and progress while the
// server typesets and the file comes down. Others see nothing; the server refuses them too.
import { useEffect, useRef, useState } from 'react';
import { Download, FileJson, FileText, FileType, X } from 'lucide-react';
import { can } from '../../../shared/roles';
import { useStore } from '../../app/store';
import { useWorkspace } from '../workspace/workspace-context';
import { ExportFailure, exportFileName, fetchExport, saveFile, type ExportKind, type Progress } from './download';
import { pick, useT, type MessageKey } from '../../i18n/i18n';
import './export-panel.css';

type Status = { kind: ExportKind; file: string; progress: Progress } | { saved: string } | { error: MessageKey } | null;

const FORMATS: { kind: ExportKind; label: MessageKey; hint: MessageKey; icon: typeof FileText }[] = [
  { kind: 'pdf', label: 'export.pdf', hint: 'export.pdf.hint', icon: FileText },
  { kind: 'docx', label: 'export.docx', hint: 'export.docx.hint', icon: FileType },
  { kind: 'bundle', label: 'export.bundle', hint: 'export.bundle.hint', icon: FileJson },
];

export function ExportPanel() {
  const { t, language } = useT();
  const { meeting, connection, you, columns } = useWorkspace();
  const live = useStore(connection.state).record;
  const state = live?.state ?? meeting.state;
  const [party, setParty] = useState(() => meeting.parties.find((p) => p.code === you?.party)?.code ?? meeting.parties[0]?.code ?? '');
  const [status, setStatus] = useState<Status>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  if (!you || !can({ role: you.role, party: you.party }, 'export', { state })) return null;
  const busy = status !== null && 'progress' in status;

  const start = async (kind: ExportKind) => {
    const controller = new AbortController();
    abort.current = controller;
    const file = exportFileName(meeting.code, kind, party, meeting.version, state);
    setStatus({ kind, file, progress: { phase: 'preparing' } });
    try {
      const result = await fetchExport(meeting.id, kind, party, (progress) => setStatus({ kind, file, progress }), controller.signal);
      const name = result.fileName ?? file;
      saveFile(result.blob, name);
      setStatus({ saved: name });
    } catch (err) {
      setStatus(controller.signal.aborted ? null : { error: failure(err) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  return (
    <section className="export-panel" aria-labelledby="export-panel-title">
      <h2 id="export-panel-title">{t('export.title')}</h2>
      <p className="hint">{t('export.explain')}</p>
      <fieldset disabled={busy}>
        <legend>{t('export.original')}</legend>
        {meeting.parties.map((p) => (
          <label key={p.code}>
            <input type="radio" name="export-original" value={p.code} checked={party === p.code} onChange={() => setParty(p.code)} />
            <span lang={language}>{t('export.originalOf', { party: pick(p.name, language, columns) })}</span>
            {p.code === you.party && <span className="hint"> {t('export.yours')}</span>}
          </label>
        ))}
      </fieldset>
      {state !== 'signed' && (
        <p className="export-warning" role="note">
          {t('export.draftWarning')}
        </p>
      )}
      <ul className="export-formats">
        {FORMATS.map(({ kind, label, hint, icon: Icon }) => {
          const needsLock = kind === 'bundle' && state === 'draft';
          return (
            <li key={kind}>
              <button type="button" onClick={() => void start(kind)} disabled={busy || needsLock} data-format={kind}>
                <Icon size={16} aria-hidden /> {t(label)}
              </button>
              <span className="file-name">{exportFileName(meeting.code, kind, party, meeting.version, state)}</span>
              <span className="hint">{needsLock ? t('export.bundleNeedsLock') : t(hint)}</span>
            </li>
          );
        })}
      </ul>
      <ExportStatus status={status} onCancel={() => abort.current?.abort()} />
    </section>
  );
}

function ExportStatus({ status, onCancel }: { status: Status; onCancel(): void }) {
  const { t } = useT();
  if (!status) return null;
  if ('error' in status)
    return (
      <p className="error" role="alert">
        {t(status.error)}
      </p>
    );
  if ('saved' in status)
    return (
      <p className="export-saved" role="status">
        <Download size={15} aria-hidden /> {t('export.saved', { file: status.saved })}
      </p>
    );
  const { progress, file } = status;
  const percent = progress.phase === 'downloading' && progress.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <div className="export-progress" role="status" aria-live="polite">
      {/* No value while the server typesets: the bar shows work without pretending to know how much. */}
      <progress max={100} value={percent ?? undefined} />
      <span>{percent === null ? t('export.preparing', { file }) : t('export.downloading', { file, percent })}</span>
      <button type="button" onClick={onCancel}>
        <X size={14} aria-hidden /> {t('export.cancel')}
      </button>
    </div>
  );
}

function failure(err: unknown): MessageKey {
  if (err instanceof ExportFailure) {
    if (err.status === 0) return 'export.error.offline';
    if (err.status === 403) return 'export.error.forbidden';
    if (err.code === 'not_locked') return 'export.error.notLocked';
  }
  return 'export.error.other';
}
