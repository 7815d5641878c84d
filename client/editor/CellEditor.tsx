// One segment cell: a Tiptap editor on the cell's Y.XmlFragment. Read-only when the reader
// may not write (observer, locked or signed record); the toolbar is then not there at all.
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { useEffect, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import type { SplitPoint } from '../../shared/record/segment-ops';
import { useWorkspace } from '../features/workspace/workspace-context';
import { CellToolbar } from './CellToolbar';
import { cellExtensions } from './extensions';
import { lastEdit } from './last-edit';

export interface CellProps {
  fragment: Y.XmlFragment;
  language: string;
  /** Names the cell for screen readers and for the copy of refused text. */
  label: string;
  onSplit?: (point: SplitPoint, atBlockBoundary: boolean) => void;
}

/** Where the focus goes once the editor is there: the text (at a point clicked, else its start) or a toolbar button. */
export type Entry = { kind: 'text'; at: { x: number; y: number } | null } | { kind: 'tool'; index: number };

interface Props extends CellProps {
  /** Set by a cell that was shown without an editor and was entered: taken once the editor is up. */
  entry?: RefObject<Entry | null>;
  /** The editor, while there is one (null once it goes). */
  onEditor?: (editor: Editor | null) => void;
}

export function CellEditor({ fragment, language, label, onSplit, entry, onEditor }: Props) {
  const { connection, presenceUser, readOnly } = useWorkspace();
  const box = useRef<HTMLDivElement>(null);
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

  useEffect(() => {
    if (!editor) return;
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  // Entered while shown without an editor: the focus goes where the person was going.
  useEffect(() => {
    const wanted = entry?.current;
    if (!editor || !wanted || editor.isDestroyed) return;
    entry.current = null;
    if (wanted.kind === 'tool') {
      box.current?.querySelectorAll<HTMLButtonElement>('.cell-toolbar button')[wanted.index]?.focus();
      return;
    }
    const at = wanted.at ? editor.view.posAtCoords({ left: wanted.at.x, top: wanted.at.y }) : null;
    editor.commands.focus(at ? at.pos : 'start', { scrollIntoView: false });
  }, [editor, entry]);

  if (!editor) return null;
  return (
    <div className="cell" lang={language} ref={box}>
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
