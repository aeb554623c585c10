import * as React from 'react';

/**
 * Below this width (CSS pixels) of their own container, tables reflow into stacked cards: a Teams
 * tab on a phone is about 400 px wide, and a web part in a narrow column of a SharePoint page can
 * be as narrow whatever the window's width.
 */
export const STACK_BELOW_PX: number = 600;

/**
 * True while the element's own width is below `threshold` — the container's width, not the
 * window's, so a web part in a one-third column stacks on a wide screen too. Uses ResizeObserver
 * (every browser SharePoint and Teams support); where there is none (old hosts, jsdom) the
 * element counts as wide and tables keep their columns inside their scroll region.
 */
export function useNarrow(ref: React.RefObject<HTMLElement>, threshold: number = STACK_BELOW_PX): boolean {
  const [narrow, setNarrow] = React.useState<boolean>(false);
  React.useLayoutEffect(() => {
    const element: HTMLElement | null = ref.current;
    const Observer: typeof ResizeObserver | undefined = typeof ResizeObserver === 'undefined' ? undefined : ResizeObserver;
    if (!element || !Observer) {
      return undefined;
    }
    const measure = (width: number): void => {
      // A width of 0 is an element not laid out (hidden behind a panel, not yet attached): keep what we had.
      if (width > 0) {
        setNarrow(width < threshold);
      }
    };
    measure(element.getBoundingClientRect().width);
    const observer: ResizeObserver = new Observer((entries) => {
      const entry: ResizeObserverEntry | undefined = entries[entries.length - 1];
      if (entry) {
        measure(entry.contentRect.width);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, threshold]);
  return narrow;
}
