// Whether an element is on the screen or near it: one IntersectionObserver for every cell,
// with a margin of most of a screen above and below, so that cells become editors before
// they are scrolled into view.
import { useEffect, useState, type RefObject } from 'react';

/** How far beyond the window a cell still counts as near. */
const NEAR_MARGIN = '75% 0px';

type Callback = (near: boolean) => void;
const watched = new Map<Element, Callback>();
let observer: IntersectionObserver | null = null;

function observe(el: Element, callback: Callback): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watched.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: NEAR_MARGIN },
  );
  watched.set(el, callback);
  observer.observe(el);
  return () => {
    watched.delete(el);
    observer?.unobserve(el);
  };
}

/** True while `ref`'s element is within NEAR_MARGIN of the window; false until first seen. */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Without IntersectionObserver (an old browser), every cell is an editor, as before.
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    return observe(el, setNear);
  }, [ref]);
  return near;
}
