import * as React from 'react';

/** Where focus goes when a view's panel closes. */
export interface IFocusReturn {
  /** Notes the control that has focus now (the one opening the panel): focus goes back to it once the panel closes. */
  remember: () => void;
  /** The control goes with the step done (the report or row moved on): focus goes to the fallback. */
  forget: () => void;
}

/**
 * Focus back to the control that opened a panel once `open` turns false — or, if that control is
 * gone from the page (the item was deleted, or its button changed), to `fallback` (the view's heading).
 */
export function useFocusReturn(open: boolean, fallback: React.RefObject<HTMLElement>): IFocusReturn {
  const returnFocus: React.MutableRefObject<HTMLElement | null> = React.useRef<HTMLElement | null>(null);
  const wasOpen: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  React.useEffect(() => {
    if (wasOpen.current && !open) {
      const target: HTMLElement | null = returnFocus.current;
      if (target && target.isConnected) {
        target.focus();
      } else {
        fallback.current?.focus();
      }
    }
    wasOpen.current = open;
  }, [open]);
  return React.useMemo(
    () => ({
      remember: () => {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      },
      forget: () => {
        returnFocus.current = null;
      }
    }),
    []
  );
}

/**
 * Focus after a read that a step asked for (a row moved or approved): set the returned ref to the
 * control's `data-focus-key` before the read; once `read` has loaded, focus goes to that control
 * — or, when it is gone, to `fallback` if one is given.
 */
export function useFocusAfterRead(read: { data?: unknown; loading: boolean }, fallback?: React.RefObject<HTMLElement>): React.MutableRefObject<string | undefined> {
  const focusKey: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();
  React.useEffect(() => {
    const key: string | undefined = focusKey.current;
    if (key && !read.loading) {
      focusKey.current = undefined;
      const target: HTMLElement | null = document.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
      (target || (fallback && fallback.current))?.focus();
    }
  }, [read.data, read.loading]);
  return focusKey;
}
