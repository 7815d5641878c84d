// The editor every segment cell uses: the formatting the minutes need (bold, italic, lists,
// headings, brackets), bound to the cell's Y.XmlFragment, with the carets of everyone else
// in the record labelled by name and coloured by party.
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../connection/record-connection';
import { Bracket } from './bracket-mark';

export function cellExtensions(fragment: Y.XmlFragment, awareness: Awareness, user: PresenceUser) {
  return [
    StarterKit.configure({
      // Yjs keeps the history: undo takes back only this writer's own changes.
      undoRedo: false,
      // A trailing paragraph would be written into the record by merely opening a cell,
      // even by a reader who may not write.
      trailingNode: false,
      heading: { levels: [2, 3] },
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
    }),
    Bracket,
    Collaboration.configure({ fragment }),
    CollaborationCaret.configure({ provider: { awareness }, user }),
  ];
}
