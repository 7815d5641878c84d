// The record's history: its versions by time and author, a name for the version now, one
// version opened read-only (with a restore button, for the secretariat, beside whatever it
// holds that the record no longer does), and two versions compared with each party's
// changes in its colour, named by person.
import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../shared/roles';
import { zoneOf } from '../../../shared/record/time-zone';
import { historyApi, type Comparison, type VersionContent, type VersionSummary } from '../../connection/history-api';
import { useT, type MessageKey } from '../../i18n/i18n';
import { formatInstant } from '../lifecycle/instant';
import { useWorkspace } from '../workspace/workspace-context';
import { ComparisonPanel } from './ComparisonPanel';
import { VersionPanel } from './VersionPanel';

const KIND_KEYS: Record<VersionSummary['kind'], MessageKey> = {
  auto: 'history.kind.auto',
  named: 'history.kind.named',
  lock: 'history.kind.lock',
  unlock: 'history.kind.unlock',
  sign: 'history.kind.sign',
  amend: 'history.kind.amend',
  restore: 'history.kind.restore',
  remove: 'history.kind.remove',
};

export function HistoryView() {
  const { t, language } = useT();
  const { meeting, you, recordState, partyColor } = useWorkspace();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [opened, setOpened] = useState<{ version: VersionSummary; content: VersionContent } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const fail = useCallback((err: unknown) => setError(t('history.error', { message: err instanceof Error ? err.message : String(err) })), [t]);
  const load = useCallback(() => {
    historyApi.list(meeting.id).then(({ versions }) => {
      setVersions(versions);
      setFrom((current) => current || versions[0]?.id || '');
    }, fail);
  }, [meeting.id, fail]);
  useEffect(load, [load]);

  const save = async () => {
    try {
      await historyApi.name(meeting.id, name.trim());
      setName('');
      load();
    } catch (err) {
      fail(err);
    }
  };
  const open = async (version: VersionSummary) => {
    try {
      setComparison(null);
      setOpened({ version, content: (await historyApi.read(meeting.id, version.id)).content });
    } catch (err) {
      fail(err);
    }
  };
  const compare = async () => {
    try {
      setOpened(null);
      setComparison(await historyApi.compare(meeting.id, from, to));
    } catch (err) {
      fail(err);
    }
  };
  const label = (v: VersionSummary) => `${formatInstant(v.at, language, zoneOf(meeting.facts))} · ${v.name ?? t(KIND_KEYS[v.kind])}`;

  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {label(v)}
    </option>
  ));

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {you && can(you, 'saveVersion', { state: recordState }) && (
        <form
          className="history-name"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <label>
            <span>{t('history.nameLabel')}</span>
            <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" disabled={!name.trim()}>
            {t('history.save')}
          </button>
        </form>
      )}
      {versions.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <>
          <ol className="history-list">
            {[...versions].reverse().map((v) => (
              <li key={v.id} data-version-id={v.id} data-version-kind={v.kind}>
                <time dateTime={v.at}>{formatInstant(v.at, language, zoneOf(meeting.facts))}</time>
                <strong>{v.name ?? t(KIND_KEYS[v.kind])}</strong>
                {v.by && <span style={{ color: partyColor(v.by.party) }}>{`${v.by.name} (${v.by.party})`}</span>}
                {v.editors.length > 0 && (
                  <span className="editors">
                    {t('history.editedBy')}{' '}
                    {v.editors.map((e) => (
                      <span key={e.participantId} style={{ color: partyColor(e.party) }}>{`${e.name} (${e.party}) `}</span>
                    ))}
                  </span>
                )}
                <button type="button" onClick={() => void open(v)}>
                  {t('history.open')}
                </button>
              </li>
            ))}
          </ol>
          <div className="history-compare">
            <label>
              <span>{t('history.from')}</span>
              <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
                {options}
              </select>
            </label>
            <label>
              <span>{t('history.to')}</span>
              <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="current">{t('history.current')}</option>
                {options}
              </select>
            </label>
            <button type="button" data-action="compare" disabled={!from} onClick={() => void compare()}>
              {t('history.compare')}
            </button>
          </div>
        </>
      )}
      {opened && <VersionPanel version={opened.version} content={opened.content} onClose={() => setOpened(null)} onRestored={load} />}
      {comparison && <ComparisonPanel comparison={comparison} onClose={() => setComparison(null)} />}
    </section>
  );
}
