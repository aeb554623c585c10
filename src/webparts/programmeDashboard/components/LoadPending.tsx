import * as React from 'react';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

/** Props of {@link LoadPending}. */
export interface ILoadPendingProps {
  /** The load: why it failed, when it did, and how to run it again. */
  load: { error?: unknown; reload: () => void };
  /** What the spinner says while the load is under way. */
  label: string;
}

/**
 * What a view shows while its load has no data: the failure in words the user can act on, with a
 * way to try again, or the spinner while it is under way. One place, so that every view fails and
 * waits alike.
 */
export function LoadPending(props: ILoadPendingProps): JSX.Element {
  return props.load.error !== undefined ? <LoadError error={props.load.error} onRetry={props.load.reload} /> : <Loading label={props.label} />;
}
