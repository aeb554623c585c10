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
 * Runs `load` whenever `deps` change and tracks loading, error and data explicitly.
 *
 * Cancellation-safe: a result that arrives after the component unmounted, or after the inputs
 * changed (another period was chosen), is ignored, so a slow answer can never overwrite a newer one.
 * When the inputs change the old data is dropped; a {@link IAsyncResult.reload} keeps it.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): IAsyncResult<T> {
  const [state, setState] = React.useState<IAsyncState<T>>({ loading: true });
  const [reloads, setReloads] = React.useState<number>(0);
  // The latest `load` closure, so that only `deps` (not a new function each render) trigger a load.
  const loadRef: React.MutableRefObject<() => Promise<T>> = React.useRef(load);
  loadRef.current = load;
  const lastReloads: React.MutableRefObject<number> = React.useRef(reloads);

  React.useEffect(
    () => {
      let current: boolean = true;
      const isReload: boolean = lastReloads.current !== reloads;
      lastReloads.current = reloads;
      setState((previous) => ({ loading: true, data: isReload ? previous.data : undefined }));
      let started: Promise<T>;
      try {
        started = loadRef.current();
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
