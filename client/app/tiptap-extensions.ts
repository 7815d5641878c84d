// @tiptap/extensions as StarterKit uses it in the client build (vite.config.ts resolves the
// package here): the drop and gap cursors from their own entries, the history and the
// trailing node turned off as the editor has them (client/editor/extensions.ts), so that
// prosemirror-history does not come with the first load (./turned-off-extensions.ts).
export { Dropcursor } from '@tiptap/extensions/drop-cursor';
export { Gapcursor } from '@tiptap/extensions/gap-cursor';
export { TrailingNode, UndoRedo } from './turned-off-extensions';
