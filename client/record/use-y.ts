// React reads the record through these: a version number that moves whenever the watched
// part of the Y.Doc changes, so components recompute what they show from the doc itself.
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { afterPaint, cancelAfterPaint } from '../app/after-paint';

const versions = new WeakMap<object, number>();
const bump = (key: object) => versions.set(key, (versions.get(key) ?? 0) + 1);

// What others typed is shown at the next frame, all of it in one render: React renders a
// store's change synchronously, and with twenty people typing that was a render for each
// of a hundred updates a second, each one a task the delegate's own keystroke queued behind.
// This browser's own changes are still shown at once: a text field's value must follow
// its keystroke within the event, or the caret jumps.
const atNextFrame = new Set<() => void>();
let frame = 0;

function notifyAtNextFrame(notify: () => void): void {
  atNextFrame.add(notify);
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const due = [...atNextFrame];
    atNextFrame.clear();
    for (const n of due) n();
  });
}

// What is derived from a cell's text (its agreement marks, personal data found in it, the
// proposals compared with it) is redrawn after the frame that shows the text is painted
// (client/app/after-paint.ts): read at every keystroke before the paint, it made each
// keystroke wait for it. It shows one frame later, the person's own changes as well as others'.

/**
 * Changes whenever `type` changes, or with `deep`, anything inside it. With `afterPaint`, for
 * what only follows the text, the change shows once the frame with the text in it is painted.
 */
export function useYVersion(type: Y.AbstractType<any> | null | undefined, { deep = true, afterPaint: later = false } = {}): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!type) return () => {};
      const onChange = (_event: unknown, transaction: Y.Transaction) => {
        bump(type);
        if (later) afterPaint(notify);
        else if (transaction.local) notify();
        else notifyAtNextFrame(notify);
      };
      const stop = () => {
        atNextFrame.delete(notify);
        cancelAfterPaint(notify);
      };
      if (deep) {
        type.observeDeep(onChange);
        return () => {
          type.unobserveDeep(onChange);
          stop();
        };
      }
      type.observe(onChange);
      return () => {
        type.unobserve(onChange);
        stop();
      };
    },
    [type, deep, later],
  );
  return useSyncExternalStore(subscribe, () => (type ? (versions.get(type) ?? 0) : 0));
}

/** How often summaries of the whole record (what blocks the lock) are redrawn at most, ms. */
export const SUMMARY_EVERY_MS = 400;

/**
 * Changes at most once per frame after any change to the record: for what is derived from
 * the whole of it (agreement, what blocks locking), recomputed once however fast people type.
 * With `everyMs`, at most once in that time (the last change always shows): for summaries
 * of the whole record that cost more than a frame can spare while many type.
 */
export function useDocVersion(doc: Y.Doc, { everyMs = 0 } = {}): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      let frame = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let pending = false;
      let last = 0;
      const shown = () => {
        frame = 0;
        pending = false;
        last = performance.now();
        bump(doc);
        notify();
      };
      // A summary is drawn just after a frame is painted (client/app/after-paint.ts), out of
      // the way of the keystroke the next frame shows; what follows every change, before the
      // next paint.
      const show = () => {
        pending = true;
        if (everyMs > 0) afterPaint(shown);
        else frame = requestAnimationFrame(shown);
      };
      const onUpdate = () => {
        if (pending || timer !== undefined) return;
        const wait = last + everyMs - performance.now();
        if (everyMs <= 0 || wait <= 0) return show();
        timer = setTimeout(() => {
          timer = undefined;
          show();
        }, wait);
      };
      doc.on('update', onUpdate);
      return () => {
        doc.off('update', onUpdate);
        if (frame) cancelAnimationFrame(frame);
        if (timer !== undefined) clearTimeout(timer);
        cancelAfterPaint(shown);
      };
    },
    [doc, everyMs],
  );
  return useSyncExternalStore(subscribe, () => versions.get(doc) ?? 0);
}
