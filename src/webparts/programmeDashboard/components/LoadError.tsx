import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { describeLoadError } from './errorText';

/** Props of {@link LoadError}. */
export interface ILoadErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** A failed load, in words the user can act on, with a way to try again. */
export function LoadError(props: ILoadErrorProps): JSX.Element {
  return (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline={true}
      actions={
        <div>
          <DefaultButton text={strings.Retry} onClick={props.onRetry} />
        </div>
      }
    >
      {describeLoadError(props.error)}
    </MessageBar>
  );
}
