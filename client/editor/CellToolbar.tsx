// Formatting for one cell, and the split of its segment at the caret. Buttons keep the
// editor's focus (mousedown is not allowed to take it), so the selection they act on stays.
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Brackets, Heading2, Italic, List, ListOrdered, Scissors } from 'lucide-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { BoldIcon } from './BoldIcon';

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
  const chain = () => editor.chain().focus();
  return (
    <div className="cell-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <ToolButton label={t('editor.bold')} pressed={active.bold} onPress={() => chain().toggleBold().run()}>
        <BoldIcon />
      </ToolButton>
      <ToolButton label={t('editor.italic')} pressed={active.italic} onPress={() => chain().toggleItalic().run()}>
        <Italic size={15} />
      </ToolButton>
      <ToolButton label={t('editor.heading')} pressed={active.heading} onPress={() => chain().toggleHeading({ level: 2 }).run()}>
        <Heading2 size={15} />
      </ToolButton>
      <ToolButton label={t('editor.bulletList')} pressed={active.bulletList} onPress={() => chain().toggleBulletList().run()}>
        <List size={15} />
      </ToolButton>
      <ToolButton label={t('editor.orderedList')} pressed={active.orderedList} onPress={() => chain().toggleOrderedList().run()}>
        <ListOrdered size={15} />
      </ToolButton>
      <ToolButton label={t('editor.bracket')} pressed={active.bracket} onPress={() => chain().toggleBracket().run()}>
        <Brackets size={15} />
      </ToolButton>
      {onSplit && (
        <ToolButton label={t('segment.splitHere')} onPress={onSplit}>
          <Scissors size={15} />
        </ToolButton>
      )}
    </div>
  );
}

function ToolButton({ label, pressed, onPress, children }: { label: string; pressed?: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tool"
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}
