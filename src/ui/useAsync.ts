import * as React from 'react';

/** The state of one asynchronous load: every path ends with `loading` false. */
export interface IAsyncState<T> {
  /** True while a load is under way. */
  loading: boolean;
  /** Why the last load failed, when it did. */
  error?: unknown;
  /** What the last successful load returned. Kept during a reload so the screen does not flash. */
  data?: T;
}

/** An asynchronous load and a way to run it again. */
export interface IAsyncResult<T> extends IAsyncState<T> {
  /** Loads again with the same inputs, keeping the current data on screen meanwhile. */
  reload: () => void;
}

/**
 * Runs `load` whenever `deps` change and tracks loading, error and data explicitly: the one way
 * the dashboard and the task pane load what they show.
 *
 * Cancellation-safe: a result that arrives after the component unmounted, or after the inputs
 * changed (another period was chosen), is ignored, so a slow answer can never overwrite a newer one.
 * When the inputs change the old data is dropped; a {@link IAsyncResult.reload} keeps it.
 * No `load` (undefined) means there is nothing to load yet (the pane before a site is chosen): the
 * state is not loading and holds no data, from the first render on, so no spinner flashes.
 */
export function useAsync<T>(load: (() => Promise<T>) | undefined, deps: React.DependencyList): IAsyncResult<T> {
  const [state, setState] = React.useState<IAsyncState<T>>({ loading: load !== undefined });
  const [reloads, setReloads] = React.useState<number>(0);
  // The latest `load` closure, so that only `deps` (not a new function each render) trigger a load.
  const loadRef: React.MutableRefObject<(() => Promise<T>) | undefined> = React.useRef(load);
  loadRef.current = load;
  const lastReloads: React.MutableRefObject<number> = React.useRef(reloads);

  React.useEffect(
    () => {
      let current: boolean = true;
      const isReload: boolean = lastReloads.current !== reloads;
      lastReloads.current = reloads;
      const start: (() => Promise<T>) | undefined = loadRef.current;
      if (!start) {
        setState({ loading: false });
        return undefined;
      }
      setState((previous) => ({ loading: true, data: isReload ? previous.data : undefined }));
      let started: Promise<T>;
      try {
        started = start();
      } catch (e) {
        started = Promise.reject(e);
      }
      started.then(
        (data: T) => {
          if (current) {
            setState({ loading: false, data });
          }
        },
        (error: unknown) => {
          if (current) {
            setState((previous) => ({ loading: false, error, data: isReload ? previous.data : undefined }));
          }
        }
      );
      return () => {
        current = false;
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, reloads]
  );

  const reload = React.useCallback((): void => setReloads((n) => n + 1), []);
  return { ...state, reload };
}
