// Lapse notices: when an edit makes a party's agreement mark stop matching its text, the
// server notes once, for that mark, who changed what, so that the party's head is told in
// the workspace. The notes sit in a root only the server writes, keyed like the marks.
import * as Y from 'yjs';
import { agreementOf, findTarget } from './agreement';
import { agreement, agreementKey, parties, Root } from './schema';

export interface Lapse {
  targetId: string;
  kind: 'segment' | 'actionPoint';
  agendaItemId?: string;
  /** The party whose mark lapsed, and when that mark was given (a later mark lapses anew). */
  party: string;
  markAt: string;
  changedBy: string;
  changedByName: string;
  changedByParty: string;
  /** The working languages whose text changed; empty for an action point's terms. */
  languages: string[];
  at: string;
}

export const lapses = (doc: Y.Doc) => doc.getMap<Lapse>(Root.lapses);

/** A change to the record: which segments or action points it touched, and in which languages. */
export type TouchedTargets = Map<string, Set<string>>;

/**
 * The segments and action points a transaction changed, found by walking up from each
 * changed type to the map that carries an id inside an array (a segment, an action point).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its parents loosely
export function touchedTargets(transaction: Y.Transaction): TouchedTargets {
  const touched: TouchedTargets = new Map();
  const types = new Set<Y.AbstractType<any>>([...transaction.changed.keys(), ...transaction.changedParentTypes.keys()]);
  for (const type of types) {
    const path: Y.AbstractType<any>[] = [];
    let at: Y.AbstractType<any> | null = type;
    while (at) {
      path.push(at);
      if (at instanceof Y.Map && at._item?.parent instanceof Y.Array && typeof at.get('id') === 'string') {
        const id = at.get('id') as string;
        const languages = touched.get(id) ?? new Set<string>();
        // target → 'cells' or 'text' map → the language's cell
        const cell = path[path.length - 3];
        const language = cell?._item?.parentSub;
        if (language) languages.add(language);
        touched.set(id, languages);
        break;
      }
      at = (at._item?.parent as Y.AbstractType<any> | undefined) ?? null;
    }
  }
  return touched;
}

/** The marks among `touched` targets that no longer match their text and have not been noted yet. */
export function newLapses(doc: Y.Doc, touched: TouchedTargets, by: { participantId: string; name: string; party: string }, at: Date): Lapse[] {
  const out: Lapse[] = [];
  const marks = agreement(doc);
  const codes = parties(doc)
    .toArray()
    .map((p) => p.code);
  for (const [targetId, languages] of touched) {
    // Marks not yet noted as lapsed: typing on in text whose mark lapsed already costs nothing more.
    const marked = codes.filter((code) => {
      const key = agreementKey(targetId, code);
      const mark = marks.get(key);
      return mark !== undefined && lapses(doc).get(key)?.markAt !== mark.at;
    });
    if (marked.length === 0) continue;
    const target = findTarget(doc, targetId);
    if (!target) continue;
    const holds = agreementOf(doc, target);
    for (const party of marked) {
      const mark = marks.get(agreementKey(targetId, party))!;
      if (holds[party]) continue;
      out.push({
        targetId,
        kind: target.kind,
        ...(target.kind === 'segment' ? { agendaItemId: target.agendaItemId } : {}),
        party,
        markAt: mark.at,
        changedBy: by.participantId,
        changedByName: by.name,
        changedByParty: by.party,
        languages: [...languages].sort(),
        at: at.toISOString(),
      });
    }
  }
  return out;
}
