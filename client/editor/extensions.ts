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
import { caretAwareness } from './caret-awareness';

/** What a cell may hold: the same schema for the editor and for a cell shown without one. */
export function cellFormatting() {
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
  ];
}

export function cellExtensions(fragment: Y.XmlFragment, awareness: Awareness, user: PresenceUser) {
  return [
    ...cellFormatting(),
    Collaboration.configure({ fragment }),
    // The carets see the awareness through a view of their own cell: a change elsewhere in
    // the record (someone's caret moving in another cell) does not redraw this one.
    CollaborationCaret.configure({ provider: { awareness: caretAwareness(awareness, fragment) }, user }),
  ];
}
