// One segment cell: a Tiptap editor on the cell's Y.XmlFragment. Read-only when the reader
// may not write (observer, locked or signed record); the toolbar is then not there at all.
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { SplitPoint } from '../../shared/record/segment-ops';
import { useWorkspace } from '../features/workspace/workspace-context';
import { CellToolbar } from './CellToolbar';
import { cellExtensions } from './extensions';
import { lastEdit } from './last-edit';

interface Props {
  fragment: Y.XmlFragment;
  language: string;
  /** Names the cell for screen readers and for the copy of refused text. */
  label: string;
  onSplit?: (point: SplitPoint, atBlockBoundary: boolean) => void;
}

export function CellEditor({ fragment, language, label, onSplit }: Props) {
  const { connection, presenceUser, readOnly } = useWorkspace();
  const editor = useEditor(
    {
      extensions: cellExtensions(fragment, connection.provider.awareness, presenceUser),
      editable: !readOnly,
      editorProps: { attributes: { lang: language, 'aria-label': label, class: 'cell-text', 'data-language': language } },
      // Only the person's own typing counts; Tiptap also reports peers' changes and
      // changes of editability as updates.
      onUpdate: ({ editor: e, transaction }) => {
        if (transaction.docChanged && !isChangeOrigin(transaction)) lastEdit.set({ where: label, text: e.getText({ blockSeparator: '\n' }) });
      },
    },
    [fragment],
  );

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  if (!editor) return null;
  return (
    <div className="cell" lang={language}>
      {!readOnly && <CellToolbar editor={editor} onSplit={onSplit ? () => onSplit(...splitPointOf(editor)) : undefined} />}
      <EditorContent editor={editor} />
    </div>
  );
}

/** The caret as a split point: top-level block and offset in it; and whether it sits between blocks. */
function splitPointOf(editor: Editor): [SplitPoint, boolean] {
  const { $from } = editor.state.selection;
  const block = $from.index(0);
  if ($from.depth === 0) return [{ block, offset: 0 }, true];
  if ($from.depth === 1) {
    const atEnd = $from.parentOffset === $from.parent.content.size;
    if (atEnd) return [{ block: block + 1, offset: 0 }, true];
    return [{ block, offset: $from.parentOffset }, $from.parentOffset === 0];
  }
  // Inside a list: the cut falls before or after the whole list.
  const atStart = $from.pos <= $from.start(1) + 1;
  return [{ block: atStart ? block : block + 1, offset: 0 }, true];
}
