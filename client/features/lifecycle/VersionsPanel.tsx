// Every version of the record: an amendment makes a new one and the earlier ones stay as
// they were, readable here and verifiable from their bundle.
import { zoneOf } from '../../../shared/record/time-zone';
import { useEffect, useState } from 'react';
import { Download } from 'lucide-react';
import { can } from '../../../shared/roles';
import { useT, type MessageKey } from '../../i18n/i18n';
import { lifecycleApi, type RecordDetails, type VersionSummary } from '../../connection/lifecycle-api';
import { useWorkspace } from '../workspace/workspace-context';
import { explainRefusal, type Explained } from './refusals';
import { RecordDocument } from './RecordDocument';
import { formatInstant } from './instant';

const STATE_KEYS: Record<string, MessageKey> = { draft: 'record.draft', locked: 'record.locked', signed: 'record.signed' };

export function VersionsPanel({ current }: { current: RecordDetails }) {
  const { t, language } = useT();
  const { meeting, you } = useWorkspace();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [problem, setProblem] = useState<Explained | null>(null);
  const [open, setOpen] = useState<{ version: number; details: RecordDetails } | null>(null);
  const mayExport = you !== null && can(you, 'export', { state: current.state });

  useEffect(() => {
    let live = true;
    lifecycleApi.versions(meeting.id).then(
      (answer) => live && setVersions(answer.versions),
      (err: unknown) => live && setProblem(explainRefusal('read', err)),
    );
    return () => {
      live = false;
    };
  }, [meeting.id, current.version, current.state]);

  const read = async (version: number) => {
    if (open?.version === version) return setOpen(null);
    setProblem(null);
    try {
      setOpen({ version, details: await lifecycleApi.record(meeting.id, version) });
    } catch (err) {
      setProblem(explainRefusal('read', err));
    }
  };

  if (!versions || versions.length < 2) return problem ? <p className="error">{t(problem.key, problem.params)}</p> : null;
  return (
    <section className="versions" aria-label={t('versions.title')}>
      <h3>{t('versions.title')}</h3>
      <ul>
        {versions.map((v) => (
          <li key={v.documentId} data-version={v.version} data-current={v.current ? 'true' : 'false'}>
            <strong>{t('header.version', { version: v.version })}</strong> · {t(STATE_KEYS[v.state] ?? 'record.draft')}
            {v.current && ` · ${t('versions.current')}`} · <span className="sub">{formatInstant(v.createdAt, language, zoneOf(meeting.facts))}</span>
            {v.fingerprint && <code className="fingerprint">{v.fingerprint}</code>}
            {!v.current && v.state !== 'draft' && (
              <button type="button" className="link" onClick={() => void read(v.version)}>
                {open?.version === v.version ? t('versions.close') : t('versions.read')}
              </button>
            )}
            {mayExport && v.state !== 'draft' && (
              <a className="bundle-link" href={lifecycleApi.bundleUrl(meeting.id, v.version)} download>
                <Download size={14} /> {t('lifecycle.downloadBundle')}
              </a>
            )}
          </li>
        ))}
      </ul>
      {problem && <p className="error">{t(problem.key, problem.params)}</p>}
      {open?.details.record && (
        <div className="review-frame">
          <RecordDocument record={open.details.record} columns={open.details.record.meeting.languages} fingerprint={open.details.fingerprint} />
        </div>
      )}
    </section>
  );
}
