import * as React from 'react';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';

/** Props of {@link Loading}. */
export interface ILoadingProps {
  label: string;
}

/** The dashboard's loading state: a spinner with a label screen readers announce. */
export function Loading(props: ILoadingProps): JSX.Element {
  return (
    <div role="status" aria-live="polite" style={{ padding: 16 }}>
      <Spinner size={SpinnerSize.large} label={props.label} />
    </div>
  );
}
