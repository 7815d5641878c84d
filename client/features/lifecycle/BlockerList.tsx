// Why the server refused to lock: each segment and action point still lacking a party's
// agreement, holding open brackets or open proposals (each named), or empty in an authentic language; an agenda title left
// empty; a party without a head of delegation; a working language Accord has no words for.
// The case annex not yet agreed; personal data not cleared or dismissed (both shown in the
// cases view, where the secretariat dismisses findings). Each named as the secretariat
// finds it, with a link there.
import type { LockBlocker } from '../../../shared/record/agreement';
import { setQuery } from '../../app/router';
import { languageName, pick, useT, type MessageKey } from '../../i18n/i18n';
import { selectorOf } from '../cases/PersonalDataWarning';
import { useWorkspace } from '../workspace/workspace-context';
import { openingWords, placeBlockers, type PlacedBlocker } from './blockers';

export function BlockerList({ blockers }: { blockers: readonly LockBlocker[] }) {
  const { t, language } = useT();
  const { connection, meeting, columns } = useWorkspace();
  const placed = placeBlockers(connection.doc, blockers);
  const partyNames = (codes: string[]) => codes.map((code) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code).join(', ');

  const where = (b: PlacedBlocker): string => {
    if (b.kind === 'caseAnnex') return t('cases.title');
    if (b.kind === 'personalData')
      return `${t(`privacy.where.${b.finding.place.target}` as MessageKey)}: ${t('privacy.warning', { kind: selectorOf(b.finding.kind), text: b.finding.text })}`;
    if (b.kind === 'party') return t('blocker.noHead', { party: partyNames([b.id]) });
    if (b.kind === 'language') return t('blocker.noWording', { language: languageName(b.id, language) });
    if (b.kind === 'agendaItem') return t('blocker.agendaItem', { item: b.itemNumber ?? '?', title: pick(b.itemTitle, language, columns) });
    if (b.kind === 'actionPoint') {
      const words = openingWords(pick(b.pointText, language, columns));
      return t('blocker.actionPoint', { number: b.pointNumber ?? '?', text: words });
    }
    return t('blocker.segment', { item: b.itemNumber ?? '?', title: pick(b.itemTitle, language, columns), segment: b.segmentNumber ?? '?' });
  };
  const open = (b: PlacedBlocker) =>
    b.kind === 'caseAnnex' || b.kind === 'personalData'
      ? setQuery({ view: 'cases', item: null })
      : b.kind === 'segment'
        ? setQuery({ view: 'minutes', item: b.agendaItemId })
        : b.kind === 'actionPoint'
          ? setQuery({ view: 'actions', item: null })
          : b.kind === 'agendaItem'
            ? setQuery({ view: 'minutes', item: b.id })
            : setQuery({ view: 'participants', item: null });

  return (
    <ul className="blockers" aria-label={t('blocker.title')}>
      {placed.map((b) => (
        <li key={b.id} data-kind={b.kind} data-target-id={b.id}>
          <button type="button" className="link" onClick={() => open(b)}>
            {where(b)}
          </button>
          {b.missingParties.length > 0 && <span>{t('blocker.missing', { parties: partyNames(b.missingParties) })}</span>}
          {b.openBrackets > 0 && <span>{t('blocker.brackets', { count: b.openBrackets })}</span>}
          {b.kind === 'segment' &&
            b.openProposals.map((p) => (
              <span key={p.id} className="open-proposal" data-proposal-id={p.id}>
                {t('blocker.proposal', { name: p.byName, party: partyNames([p.party]), language: languageName(p.language, language) })}
              </span>
            ))}
          {b.emptyLanguages.length > 0 && <span>{t('blocker.empty', { languages: b.emptyLanguages.map((l) => languageName(l, language)).join(', ') })}</span>}
        </li>
      ))}
    </ul>
  );
}
