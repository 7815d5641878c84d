// Formatting for one cell, and the split of its segment at the caret. Buttons keep the
// editor's focus (mousedown is not allowed to take it), so the selection they act on stays.
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Brackets, Heading2, Italic, List, ListOrdered, Scissors } from 'lucide-react';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { BoldIcon } from './BoldIcon';

type Format = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList' | 'bracket';

/** The buttons, in their order: the toolbar of a cell without an editor has the same stops. */
const FORMATS: { format: Format; label: MessageKey; icon: () => ReactNode; run: (editor: Editor) => void }[] = [
  { format: 'bold', label: 'editor.bold', icon: () => <BoldIcon />, run: (e) => e.chain().focus().toggleBold().run() },
  { format: 'italic', label: 'editor.italic', icon: () => <Italic size={15} />, run: (e) => e.chain().focus().toggleItalic().run() },
  { format: 'heading', label: 'editor.heading', icon: () => <Heading2 size={15} />, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { format: 'bulletList', label: 'editor.bulletList', icon: () => <List size={15} />, run: (e) => e.chain().focus().toggleBulletList().run() },
  { format: 'orderedList', label: 'editor.orderedList', icon: () => <ListOrdered size={15} />, run: (e) => e.chain().focus().toggleOrderedList().run() },
  { format: 'bracket', label: 'editor.bracket', icon: () => <Brackets size={15} />, run: (e) => e.chain().focus().toggleBracket().run() },
];

interface Props {
  editor: Editor;
  onSplit?: () => void;
}

export function CellToolbar({ editor, onSplit }: Props) {
  const { t } = useT();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      bracket: e.isActive('bracket'),
    }),
  });
  return (
    <div className="cell-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {FORMATS.map(({ format, label, icon, run }) => (
        <ToolButton key={format} label={t(label)} pressed={active[format]} onPress={() => run(editor)}>
          {icon()}
        </ToolButton>
      ))}
      {onSplit && (
        <ToolButton label={t('segment.splitHere')} onPress={onSplit}>
          <Scissors size={15} />
        </ToolButton>
      )}
    </div>
  );
}

/**
 * The same toolbar for a cell shown without an editor: the same buttons in the same Tab
 * order, nothing pressed. A button reached by Tab turns the cell into an editor and the
 * focus moves to the same button of the real toolbar; a click opens the cell for typing.
 */
export function StaticToolbar({ withSplit, onPress }: { withSplit: boolean; onPress: () => void }) {
  const { t } = useT();
  return (
    <div className="cell-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {FORMATS.map(({ format, label, icon }) => (
        <ToolButton key={format} label={t(label)} pressed={false} onPress={onPress}>
          {icon()}
        </ToolButton>
      ))}
      {withSplit && (
        <ToolButton label={t('segment.splitHere')} onPress={onPress}>
          <Scissors size={15} />
        </ToolButton>
      )}
    </div>
  );
}

function ToolButton({ label, pressed, onPress, children }: { label: string; pressed?: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button type="button" className="tool" title={label} aria-label={label} aria-pressed={pressed} onMouseDown={(e) => e.preventDefault()} onClick={onPress}>
      {children}
    </button>
  );
}
