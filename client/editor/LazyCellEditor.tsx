// A minutes cell that is an editor only while it is on or near the screen, or has the focus.
// A record of 50 segments in two languages would otherwise hold 100 ProseMirror views, each
// redrawing at every remote keystroke and caret move. Elsewhere the cell shows the same text,
// drawn from its Y.XmlFragment and redrawn when the fragment changes (a remote edit is there
// when one scrolls to it), with the same toolbar buttons and the same Tab stops: reaching it by
// Tab, a click or the arrival of the screen makes it an editor, and the focus lands where the
// person was going. Nothing typed depends on the editor staying: every keystroke is in the
// Y.Doc when its transaction ends, and an editor goes only once it has neither the focus nor
// a composition under way, some time after it left the neighbourhood of the screen.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../features/workspace/workspace-context';
import { CellEditor, type CellProps, type Entry } from './CellEditor';
import { StaticToolbar } from './CellToolbar';
import { useNearViewport } from './near-viewport';
import { drawCell } from './static-cell';

/** How long an editor stays after its cell left the neighbourhood of the screen (scrolling back costs nothing). */
const LINGER_MS = 2000;

export function LazyCellEditor(props: CellProps) {
  const { readOnly } = useWorkspace();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  // The focus is inside the cell (or on its way to the editor).
  const [held, setHeld] = useState(false);
  const [mounted, setMounted] = useState(false);
  if ((near || held) && !mounted) setMounted(true);
  const entry = useRef<Entry | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const editor = useRef<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => (editor.current = e), []);

  useEffect(() => {
    if (near || held || !mounted) return;
    let timer = setTimeout(function leave() {
      const e = editor.current;
      // Still in use: a composition (an input method) not yet committed, or the focus.
      if (e && !e.isDestroyed && (e.view.composing || e.view.hasFocus())) timer = setTimeout(leave, LINGER_MS);
      else setMounted(false);
    }, LINGER_MS);
    return () => clearTimeout(timer);
  }, [near, held, mounted]);

  const enter = (wanted: Entry) => {
    if (mounted) return;
    entry.current = wanted;
    setHeld(true);
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    setHeld(true);
    if (mounted) return;
    const target = e.target as HTMLElement;
    const tools = [...(box.current?.querySelectorAll('.cell-toolbar button') ?? [])];
    const tool = tools.indexOf(target);
    enter(tool >= 0 ? { kind: 'tool', index: tool } : { kind: 'text', at: pointer.current });
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // The focus moving from the drawn cell to its editor is no leaving.
    if (entry.current) return;
    if (!box.current?.contains(e.relatedTarget as Node | null)) setHeld(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the pointer is only noted to place the caret where the cell was clicked; keyboard entry is the focus handler's
    <div
      ref={box}
      className="cell-box"
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerDown={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onPointerUp={() => (pointer.current = null)}
    >
      {mounted ? (
        <CellEditor {...props} entry={entry} onEditor={onEditor} />
      ) : (
        <div className="cell" lang={props.language}>
          {!readOnly && <StaticToolbar withSplit={!!props.onSplit} onPress={() => enter({ kind: 'text', at: null })} />}
          <div>
            <DrawnCell fragment={props.fragment} language={props.language} label={props.label} readOnly={readOnly} />
          </div>
        </div>
      )}
    </div>
  );
}

const REDRAW_WITHIN_MS = 500;

/** Runs `work` when the main thread is idle (at most REDRAW_WITHIN_MS from now); returns its cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: REDRAW_WITHIN_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}

/** The cell's text without an editor, kept in step with its fragment. */
function DrawnCell({ fragment, language, label, readOnly }: { fragment: Y.XmlFragment; language: string; label: string; readOnly: boolean }) {
  const text = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = text.current;
    if (!el) return;
    drawCell(fragment, el);
    // A drawn cell is away from the screen (near it, it is an editor): it is redrawn when the
    // page has time, within REDRAW_WITHIN_MS, however fast others type into it, and never in
    // the frame that shows the person's own keystroke.
    let pending: (() => void) | null = null;
    const redraw = () => {
      pending ??= whenIdle(() => {
        pending = null;
        drawCell(fragment, el);
      });
    };
    fragment.observeDeep(redraw);
    return () => {
      fragment.unobserveDeep(redraw);
      pending?.();
    };
  }, [fragment]);
  // As the editor's own element: a text box named for the cell, in Tab order for writers.
  return (
    <div
      ref={text}
      className="cell-text cell-drawn"
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      lang={language}
      data-language={language}
      translate="no"
      tabIndex={readOnly ? undefined : 0}
      contentEditable={readOnly ? false : undefined}
    />
  );
}
