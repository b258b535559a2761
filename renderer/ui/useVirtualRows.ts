// Virtualised rows for long lists (@tanstack/react-virtual): only the rows near the viewport
// are in the DOM, with padding standing in for the rest, so 10k conversations or a 20k-message
// history cost what a screenful does. Rows stay in normal flow (padding, not absolute
// positions), so the list keeps its own layout, gaps and semantics (ul/ol > li). Short lists —
// almost every chat — render whole: nothing to gain there, and find-in-page keeps working.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { CSSProperties, RefObject } from 'react';

/** Lists up to this many rows render every row. */
export const RENDER_ALL_UP_TO = 200;
const OVERSCAN = 10;

export interface VirtualRowsInput {
  count: number;
  scroller: RefObject<HTMLElement | null>;
  /** A typical row height in px (rows are measured once rendered). */
  estimateSize: number;
  /** The list's CSS gap between rows, in px. */
  gap?: number;
  /** A stable key per row, so measurements survive rows being added above. */
  getKey: (index: number) => string | number;
  /** Called when rows are measured or the range changes; `scrolling` while the user scrolls. */
  onChange?: (scrolling: boolean) => void;
}

export interface VirtualRows {
  virtualizer: Virtualizer<HTMLElement, Element>;
  /** Indexes of the rows to render, in order. */
  indexes: number[];
  /** Style for the list element: the space of the rows not rendered. */
  listStyle: CSSProperties;
  /** Ref callback for each rendered row (with `data-index` set to its index). */
  measureRow: (element: Element | null) => void;
}

export function useVirtualRows({ count, scroller, estimateSize, gap = 0, getKey, onChange }: VirtualRowsInput): VirtualRows {
  // The virtualizer re-renders the list itself on scroll and measurement; nothing here memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize,
    gap,
    overscan: count <= RENDER_ALL_UP_TO ? count : OVERSCAN,
    getItemKey: getKey,
    onChange: onChange ? (_instance, scrolling) => onChange(scrolling) : undefined,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const listStyle: CSSProperties =
    first && last ? { paddingTop: first.start, paddingBottom: Math.max(0, virtualizer.getTotalSize() - last.end) } : {};
  return { virtualizer, indexes: items.map((item) => item.index), listStyle, measureRow: virtualizer.measureElement };
}
