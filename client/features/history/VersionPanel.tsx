// One version, read-only. What it holds that the record no longer does carries a restore
// button for the secretariat: restoring writes it back as the secretariat's own edit.
import { useState } from 'react';
import { can } from '../../../shared/roles';
import { actionPoints, agenda, minutes } from '../../../shared/record/schema';
import { historyApi, type ItemKind, type VersionContent, type VersionSummary } from '../../connection/history-api';
import { useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';

interface Props {
  version: VersionSummary;
  content: VersionContent;
  onClose(): void;
  onRestored(): void;
}

export function VersionPanel({ version, content, onClose, onRestored }: Props) {
  const { t } = useT();
  const { meeting, you, recordState, columns, connection } = useWorkspace();
  const { doc } = connection;
  useYVersion(agenda(doc), { deep: false });
  useYVersion(actionPoints(doc), { deep: false });
  const [message, setMessage] = useState<string | null>(null);
  const mayRestore = you !== null && can(you, 'restore', { state: recordState });
  const inRecord = {
    'agenda-item': new Set(
      agenda(doc)
        .toArray()
        .map((m) => m.get('id') as string),
    ),
    segment: new Set([...minutes(doc).values()].flatMap((list) => list.toArray().map((m) => m.get('id') as string))),
    'action-point': new Set(
      actionPoints(doc)
        .toArray()
        .map((m) => m.get('id') as string),
    ),
  };
  const restore = async (kind: ItemKind, id: string) => {
    try {
      await historyApi.restore(meeting.id, version.id, kind, id);
      setMessage(t('history.restored'));
      onRestored();
    } catch (err) {
      setMessage(t('history.error', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const restoreButton = (kind: ItemKind, id: string) =>
    mayRestore && !inRecord[kind].has(id) ? (
      <button type="button" data-restore={id} onClick={() => void restore(kind, id)}>
        {t('history.restore')}
      </button>
    ) : null;
  const cells = (texts: Record<string, string>) =>
    columns.map((code) => (
      <td key={code} lang={code}>
        {texts[code] ?? ''}
      </td>
    ));

  return (
    <section className="history-version" data-version-id={version.id} aria-label={version.name ?? version.at}>
      <header>
        <p>{t('history.readOnly')}</p>
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {message && <p role="status">{message}</p>}
      <table>
        {content.agenda.map((item, i) => (
          <tbody key={item.id} data-item-id={item.id}>
            <tr className="item-title">
              <th scope="row">
                {t('agenda.item', { number: i + 1 })} {restoreButton('agenda-item', item.id)}
              </th>
              {cells(item.title)}
            </tr>
            {item.segments.map((segment) => (
              <tr key={segment.id} data-segment-id={segment.id}>
                <td>{inRecord['agenda-item'].has(item.id) && restoreButton('segment', segment.id)}</td>
                {cells(segment.cells)}
              </tr>
            ))}
          </tbody>
        ))}
        <tbody>
          {content.actionPoints.map((point, i) => (
            <tr key={point.id} data-action-point-id={point.id}>
              <th scope="row">
                {i + 1} {restoreButton('action-point', point.id)}
              </th>
              {cells(point.text)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
