import * as React from 'react';
import { useLatestCall } from './useLatestCall';
import type { SaveOutcome } from './useSave';

/** Runs one repository action at a time (submit, approve, lock…) with explicit progress. */
export interface IActionRunner {
  /** True while an action is under way. */
  busy: boolean;
  /** Runs the action; resolves to its outcome (never rejects), so callers branch without try/catch. */
  run<T>(work: () => Promise<T>): Promise<SaveOutcome<T>>;
}

/**
 * Progress for the reporting cycle's actions. Like {@link useSave}, the state follows only the
 * latest call and is left alone once the component has gone.
 */
export function useAction(): IActionRunner {
  const [busy, setBusy] = React.useState<boolean>(false);
  const begin: () => () => boolean = useLatestCall();

  const run = React.useCallback(async <T,>(work: () => Promise<T>): Promise<SaveOutcome<T>> => {
    const current: () => boolean = begin();
    setBusy(true);
    const settle = (): void => {
      if (current()) {
        setBusy(false);
      }
    };
    try {
      const value: T = await work();
      settle();
      return { ok: true, value };
    } catch (error) {
      settle();
      return { ok: false, error };
    }
  }, [begin]);

  return { busy, run };
}
