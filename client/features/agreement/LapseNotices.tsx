// A head is told, in the workspace, when their party's agreement lapsed because the text
// changed: who changed which segment, in which languages, with a way to the text.
import { useState } from 'react';
import { agenda, agendaItemId, minutes, actionPoints } from '../../../shared/record/schema';
import type { Lapse } from '../../../shared/record/lapses';
import { setQuery } from '../../app/router';
import { languageName, pick, useT } from '../../i18n/i18n';
import { SUMMARY_EVERY_MS, useDocVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';
import { lapsesToTell } from './lapse-notices';

export function LapseNotices() {
  const { you, recordState } = useWorkspace();
  // Only a head is told, and only of a draft: no one else follows every change of the record for it.
  return you?.role === 'head' && recordState === 'draft' ? <HeadsLapseNotices party={you.party} /> : null;
}

function HeadsLapseNotices({ party }: { party: string }) {
  const { t, language } = useT();
  const { connection, meeting, columns } = useWorkspace();
  // Looked at again a few times a second at most, as the lock summary is, however many type.
  useDocVersion(connection.doc, { everyMs: SUMMARY_EVERY_MS });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const doc = connection.doc;
  const notices = lapsesToTell(doc, party).filter((l) => !dismissed.has(keyOf(l)));
  if (notices.length === 0) return null;
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;
  const items = agenda(doc).toArray().map(agendaItemId);

  const message = (lapse: Lapse) => {
    if (lapse.kind === 'actionPoint') {
      const number =
        actionPoints(doc)
          .toArray()
          .findIndex((p) => p.get('id') === lapse.targetId) + 1;
      return t('lapse.actionPoint', { name: lapse.changedByName, party: partyName(lapse.changedByParty), number });
    }
    const item = items.indexOf(lapse.agendaItemId ?? '') + 1;
    const segment =
      (
        minutes(doc)
          .get(lapse.agendaItemId ?? '')
          ?.toArray() ?? []
      ).findIndex((s) => s.get('id') === lapse.targetId) + 1;
    const languages = lapse.languages.map((l) => languageName(l, language)).join(', ');
    return t('lapse.segment', { name: lapse.changedByName, party: partyName(lapse.changedByParty), segment, item, languages });
  };

  return (
    <section className="lapse-notices" role="status" aria-label={t('lapse.title')}>
      {notices.map((lapse) => (
        <div key={keyOf(lapse)} className="lapse-notice" data-target-id={lapse.targetId}>
          <strong>{t('lapse.title')}</strong> <span>{message(lapse)}</span>
          {lapse.kind === 'segment' && (
            <button type="button" onClick={() => setQuery({ view: null, item: lapse.agendaItemId ?? null })}>
              {t('lapse.show')}
            </button>
          )}
          <button type="button" onClick={() => setDismissed((d) => new Set([...d, keyOf(lapse)]))}>
            {t('lapse.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}

const keyOf = (lapse: Lapse) => `${lapse.targetId}/${lapse.party}/${lapse.markAt}`;
