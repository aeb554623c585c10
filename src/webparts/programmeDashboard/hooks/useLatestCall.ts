import * as React from 'react';

/**
 * Numbers a component's calls so that only the latest one may set its state, and only while the
 * component is still there: `begin()` starts a call (any call before it stops being the latest)
 * and returns a check of whether that call may still set state.
 */
export function useLatestCall(): () => () => boolean {
  const mounted: React.MutableRefObject<boolean> = React.useRef(true);
  const latest: React.MutableRefObject<number> = React.useRef(0);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return React.useCallback((): (() => boolean) => {
    const mine: number = ++latest.current;
    return () => mounted.current && mine === latest.current;
  }, []);
}
