import * as React from 'react';
import { DataError } from '../../data/errors';
import { describeFailure, type IFailure } from '../flows/failures';

/** The parts of the pane an operation can start from; its progress and result show there. */
export type OperationPlace = 'source' | 'insert' | 'refresh' | 'preview';

/** What an operation ended with, in words. */
export interface IOperationResult {
  kind: 'success' | 'warning';
  lines: string[];
}

/** The one operation the pane is running or last ran. */
export interface IOperationState {
  place?: OperationPlace;
  /** What is under way, in words; set while it runs. */
  busy?: string;
  result?: IOperationResult;
  failure?: IFailure;
}

/** Runs an operation: its work reports progress and returns the result to show (or nothing). */
export type OperationWork = (progress: (message: string) => void) => Promise<IOperationResult | void>;

/** The pane's operations: one at a time, each with explicit progress, result and failure. */
export interface IOperations {
  state: IOperationState;
  /** Runs work unless another operation is under way; never rejects. */
  run(place: OperationPlace, label: string, work: OperationWork): Promise<void>;
  /** Forgets the last result or failure. */
  clear(): void;
}

/** One operation at a time, with its progress, result and failure. */
export function useOperations(): IOperations {
  const [state, setState] = React.useState<IOperationState>({});
  const running: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  const mounted: React.MutableRefObject<boolean> = React.useRef<boolean>(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  const run = React.useCallback(async (place: OperationPlace, label: string, work: OperationWork): Promise<void> => {
    if (running.current) {
      return;
    }
    running.current = true;
    setState({ place, busy: label });
    const progress = (message: string): void => {
      if (mounted.current) {
        setState({ place, busy: message });
      }
    };
    try {
      const result: IOperationResult | void = await work(progress);
      if (mounted.current) {
        setState(result ? { place, result } : {});
      }
    } catch (e) {
      if (!(e instanceof DataError)) {
        // Word's and unexpected errors keep their details (Word's debugInfo) for whoever supports the officer.
        console.error(e);
      }
      if (mounted.current) {
        setState({ place, failure: describeFailure(e) });
      }
    } finally {
      running.current = false;
    }
  }, []);

  const clear = React.useCallback((): void => setState({}), []);
  return { state, run, clear };
}
