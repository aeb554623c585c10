import * as React from 'react';

/** The state of one load: loading, failed or loaded; every path ends with `loading` false. */
export interface ILoadState<T> {
  loading: boolean;
  error?: unknown;
  data?: T;
}

/**
 * Runs `load` whenever `deps` change. A result that arrives after the inputs changed (another
 * period was chosen) or after the pane closed is ignored, so a slow answer never overwrites a newer one.
 * A `load` that returns undefined means "nothing to load" and ends at once.
 */
export function useLoad<T>(load: () => Promise<T> | undefined, deps: React.DependencyList): ILoadState<T> {
  const [state, setState] = React.useState<ILoadState<T>>({ loading: false });
  const loadRef: React.MutableRefObject<() => Promise<T> | undefined> = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    let current: boolean = true;
    let started: Promise<T> | undefined;
    try {
      started = loadRef.current();
    } catch (e) {
      started = Promise.reject(e);
    }
    if (!started) {
      setState({ loading: false });
      return undefined;
    }
    setState({ loading: true });
    started.then(
      (data: T) => {
        if (current) {
          setState({ loading: false, data });
        }
      },
      (error: unknown) => {
        if (current) {
          setState({ loading: false, error });
        }
      }
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return state;
}
