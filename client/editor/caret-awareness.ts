// Everyone's carets, as one cell's editor needs to see them. The caret plugin redraws its
// editor whenever anything in the awareness changes: with a hundred cells on screen and a
// room of 120, every caret moving anywhere redrew every cell. Here one listener on the
// awareness works out which cell a changed caret is in now, and was in before, and tells
// those cells' editors only.
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { afterPaint } from '../app/after-paint';

type Listener = (...args: unknown[]) => void;

interface Hub {
  listeners: Map<Y.XmlFragment, Set<Listener>>;
  /** The cell each client's caret was last seen in. */
  where: Map<number, Y.XmlFragment | null>;
  /** This browser's caret moves not yet said, in the order the cells' editors made them. */
  caretMoves: { cell: Y.XmlFragment; cursor: unknown }[];
  sayCaretMoves: () => void;
}

const hubs = new WeakMap<Awareness, Hub>();

/** The cell (a Y.XmlFragment that is not an element) holding a caret, if the doc knows it yet. */
function cellOf(doc: Y.Doc, cursor: unknown): Y.XmlFragment | null {
  const anchor = (cursor as { anchor?: unknown } | null | undefined)?.anchor;
  if (!anchor) return null;
  try {
    let type: Y.AbstractType<unknown> | null = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor), doc)?.type ?? null;
    while (type && (type instanceof Y.XmlElement || type instanceof Y.XmlText)) type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
    return type instanceof Y.XmlFragment ? type : null;
  } catch {
    return null;
  }
}

function hubOf(awareness: Awareness): Hub {
  const hub = hubs.get(awareness);
  if (hub) return hub;
  const made: Hub = {
    listeners: new Map(),
    where: new Map(),
    caretMoves: [],
    sayCaretMoves: () => {
      for (const { cell, cursor } of made.caretMoves.splice(0)) moveCaret(awareness, cell, cursor);
    },
  };
  awareness.on('change', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const touched = new Set<Y.XmlFragment>();
    for (const client of [...added, ...updated, ...removed]) {
      // The plugin never draws this reader's own caret.
      if (client === awareness.clientID) continue;
      const before = made.where.get(client) ?? null;
      const now = removed.includes(client) ? null : cellOf(awareness.doc, awareness.getStates().get(client)?.cursor);
      if (now) made.where.set(client, now);
      else made.where.delete(client);
      if (before) touched.add(before);
      if (now) touched.add(now);
    }
    for (const cell of touched) for (const listener of made.listeners.get(cell) ?? []) listener();
  });
  hubs.set(awareness, made);
  return made;
}

/**
 * Says where this browser's caret is. The caret plugin clears the caret when its editor goes,
 * wherever the caret is: a cell leaving the screen must not take away the caret of the cell
 * being typed in.
 */
function moveCaret(awareness: Awareness, cell: Y.XmlFragment, cursor: unknown): void {
  const current = awareness.getLocalState()?.cursor;
  if (cursor === null && current != null) {
    const owner = cellOf(awareness.doc, current);
    if (owner && owner !== cell) return;
  }
  awareness.setLocalStateField('cursor', cursor);
}

/**
 * The awareness as one cell's caret plugin sees it: the same states, but `change` only when
 * a caret enters, moves in or leaves this cell. (`update`, which the caret extension uses
 * to list users in its storage, is not passed on: nothing here reads that list.) Setting
 * the `user` field to what it already holds sends nothing: every cell's editor sets it
 * when it mounts. Clearing the caret clears it only if it is in this cell.
 */
export function caretAwareness(awareness: Awareness, cell: Y.XmlFragment) {
  const hub = hubOf(awareness);
  const wrapped = new Map<Listener, Listener>();
  return {
    get doc() {
      return awareness.doc;
    },
    get clientID() {
      return awareness.clientID;
    },
    get states() {
      return awareness.getStates();
    },
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    setLocalState: (state: Record<string, unknown> | null) => awareness.setLocalState(state),
    setLocalStateField(field: string, value: unknown) {
      if (field === 'cursor') {
        // Said just after the frame that shows the keystroke: telling everyone (the socket,
        // the list of those present) took its time inside the keystroke's task. The plugin
        // asks again while its last word is unsaid: the cell's last word stands.
        const last = hub.caretMoves.at(-1);
        if (last?.cell === cell) last.cursor = value;
        else hub.caretMoves.push({ cell, cursor: value });
        afterPaint(hub.sayCaretMoves);
        return;
      }
      const current = awareness.getLocalState()?.[field];
      if (field === 'user' && JSON.stringify(current) === JSON.stringify(value)) return;
      awareness.setLocalStateField(field, value);
    },
    on(event: string, listener: Listener) {
      if (event !== 'change') return;
      const once: Listener = () => listener();
      wrapped.set(listener, once);
      let set = hub.listeners.get(cell);
      if (!set) hub.listeners.set(cell, (set = new Set()));
      set.add(once);
    },
    off(event: string, listener: Listener) {
      if (event !== 'change') return;
      const once = wrapped.get(listener);
      if (!once) return;
      wrapped.delete(listener);
      const set = hub.listeners.get(cell);
      set?.delete(once);
      if (set?.size === 0) hub.listeners.delete(cell);
    },
  } as unknown as Awareness;
}
