// Which lapse notices a reader is told: those of their own party's marks that still do not
// hold, for the mark that lapsed (a mark given again and holding says nothing more).
import type * as Y from 'yjs';
import { agreementOf, findTarget } from '../../../shared/record/agreement';
import { lapses, type Lapse } from '../../../shared/record/lapses';
import { agreement, agreementKey } from '../../../shared/record/schema';

export function lapsesToTell(doc: Y.Doc, party: string): Lapse[] {
  const out: Lapse[] = [];
  lapses(doc).forEach((lapse) => {
    if (lapse.party !== party) return;
    if (agreement(doc).get(agreementKey(lapse.targetId, party))?.at !== lapse.markAt) return;
    const target = findTarget(doc, lapse.targetId);
    if (target && !agreementOf(doc, target)[party]) out.push(lapse);
  });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
