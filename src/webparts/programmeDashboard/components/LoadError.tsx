import * as React from 'react';
import { strings } from '../loc/strings';
import { describeLoadError } from './loadErrorText';
import { Notice } from './Notice';

/** Props of {@link LoadError}. */
export interface ILoadErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** A failed load, in words the user can act on, with a way to try again. */
export function LoadError(props: ILoadErrorProps): JSX.Element {
  return (
    <Notice kind="error" action={{ text: strings.Retry, onClick: props.onRetry }}>
      {describeLoadError(props.error)}
    </Notice>
  );
}
