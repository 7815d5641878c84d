// Mentions in a comment: picked from the roster, written as @name in the text, and sent as
// the participants' ids; a name taken out of the text is no longer mentioned.
import type { Participant } from '../../../shared/record/schema';

export function mentionedIds(body: string, picked: readonly Participant[]): string[] {
  return [...new Set(picked.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id))];
}
