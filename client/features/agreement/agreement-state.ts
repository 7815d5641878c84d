// What a segment's or action point's agreement looks like to one reader: each party's
// mark as the text stands now, the open brackets, and what the reader's own button does.
import type * as Y from 'yjs';
import { agreementOf, bracketsIn, type AgreementTarget } from '../../../shared/record/agreement';
import { parties } from '../../../shared/record/schema';
import { can, type Actor, type RecordState } from '../../../shared/roles';

export interface AgreementState {
  parties: { code: string; agreed: boolean }[];
  openBrackets: number;
  /** The reader's button: agree or withdraw for their own party; none for anyone else. */
  action: 'agree' | 'withdraw' | null;
}

export function agreementState(doc: Y.Doc, target: AgreementTarget, reader: Actor | null, recordState: RecordState): AgreementState {
  const agreed = agreementOf(doc, target);
  const own = reader ? agreed[reader.party] : undefined;
  const mayMark = reader !== null && own !== undefined && can(reader, 'markAgreement', { state: recordState }, { party: reader.party });
  return {
    parties: parties(doc)
      .toArray()
      .map((p) => ({ code: p.code, agreed: agreed[p.code] === true })),
    openBrackets: bracketsIn(doc, target),
    action: mayMark ? (own ? 'withdraw' : 'agree') : null,
  };
}
