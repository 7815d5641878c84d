// A plain text field bound to a Y.Text: agenda titles and the text of action points. Typing
// changes only what differs (shared/record/segment-ops editText), so a peer's concurrent
// typing and the brackets on untouched words are kept; a peer's change moves the caret
// with the text. Bracketed runs are drawn behind the text as [ … ], for everyone.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Brackets } from 'lucide-react';
import type * as Y from 'yjs';
import { BRACKET_MARK } from '../../shared/record/brackets';
import { editText, setBracket } from '../../shared/record/segment-ops';
import { useT } from '../i18n/i18n';
import { useYVersion } from '../record/use-y';
import { useWorkspace } from '../features/workspace/workspace-context';
import { lastEdit } from './last-edit';
import { allBracketed, shiftIndex, type ChangeDelta, type ContentDelta } from './text-delta';

interface Props {
  text: Y.Text;
  language: string;
  label: string;
  multiline?: boolean;
  /** Offer bracketing of the selection (action points). */
  brackets?: boolean;
  placeholder?: string;
}

/** This field's own edits, told apart from a peer's when moving the caret. */
const LOCAL = Symbol('y-text-field');

export function YTextField({ text, language, label, multiline = false, brackets = false, placeholder }: Props) {
  const { readOnly } = useWorkspace();
  const version = useYVersion(text);
  const delta = useMemo(() => text.toDelta() as ContentDelta, [text, version]);
  const view = <TextRuns delta={delta} />;
  if (readOnly) {
    return (
      <div className="ytext ytext-readonly" lang={language} aria-label={label}>
        {view}
      </div>
    );
  }
  return (
    <EditableField text={text} language={language} label={label} multiline={multiline} brackets={brackets} placeholder={placeholder} delta={delta}>
      {view}
    </EditableField>
  );
}

function EditableField({
  text,
  language,
  label,
  multiline,
  brackets,
  placeholder,
  delta,
  children,
}: Required<Omit<Props, 'placeholder'>> & { placeholder?: string; delta: ContentDelta; children: ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());
  const nextSelection = useRef<[number, number] | null>(null);

  useEffect(() => {
    setValue(text.toString());
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const field = ref.current;
      if (field && document.activeElement === field && transaction.origin !== LOCAL) {
        const change = event.delta as ChangeDelta;
        nextSelection.current = [shiftIndex(change, field.selectionStart), shiftIndex(change, field.selectionEnd)];
      }
      setValue(text.toString());
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  useLayoutEffect(() => {
    const selection = nextSelection.current;
    if (selection && ref.current) ref.current.setSelectionRange(selection[0], selection[1]);
    nextSelection.current = null;
  });

  const write = (next: string) => {
    const clean = multiline ? next : next.replace(/[\r\n]+/g, ' ');
    text.doc!.transact(() => editText(text, clean), LOCAL);
    setValue(clean);
    lastEdit.set({ where: label, text: clean });
  };

  const selection = (): [number, number] => {
    const field = ref.current;
    return field ? [field.selectionStart, field.selectionEnd] : [0, 0];
  };
  const toggleBracket = () => {
    const [start, end] = selection();
    if (end <= start) return;
    text.doc!.transact(() => setBracket(text, start, end - start, !allBracketed(delta, start, end)), LOCAL);
  };

  return (
    <div className={`ytext ytext-editable${multiline ? ' multiline' : ''}`} lang={language}>
      <div className="ytext-stack">
        {/* The runs behind the text: the same words, transparent, with brackets drawn. */}
        <div className="ytext-backdrop" aria-hidden="true">
          {children}
          {'\u200b'}
        </div>
        <textarea
          ref={ref}
          className="ytext-input"
          lang={language}
          aria-label={label}
          placeholder={placeholder}
          rows={1}
          spellCheck={false}
          value={value}
          onChange={(e) => write(e.target.value)}
          onKeyDown={(e) => {
            if (!multiline && e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      {brackets && (
        <button
          type="button"
          className="tool"
          title={t('editor.bracket')}
          aria-label={`${t('editor.bracket')}: ${label}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={toggleBracket}
        >
          <Brackets size={15} />
        </button>
      )}
    </div>
  );
}

function TextRuns({ delta }: { delta: ContentDelta }) {
  return (
    <>
      {delta.map((op, i) =>
        typeof op.insert !== 'string' ? null : op.attributes?.[BRACKET_MARK] ? (
          <span key={i} className="bracket">
            {op.insert}
          </span>
        ) : (
          <span key={i}>{op.insert}</span>
        ),
      )}
    </>
  );
}
