// Calls `load` when the element scrolls into view: infinite lists that stay operable by
// keyboard, because the element is the "Load more" button itself.
import { useEffect, type RefObject } from 'react';

export function useLoadWhenVisible(ref: RefObject<Element | null>, enabled: boolean, load: () => void): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled, load]);
}
