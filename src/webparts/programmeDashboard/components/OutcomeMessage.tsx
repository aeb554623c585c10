import * as React from 'react';
import { strings } from '../loc/strings';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';

/** How an action the user took ended, in words for them. */
export interface IOutcome {
  kind: 'success' | 'error';
  text: string;
}

export interface IOutcomeMessageProps {
  outcome: IOutcome | undefined;
  onDismiss: () => void;
}

/**
 * The outcome of the latest action: a success is announced politely (status), a failure at
 * once (alert). The wrapper stays in the page so a screen reader hears the message appear.
 */
export function OutcomeMessage({ outcome, onDismiss }: IOutcomeMessageProps): JSX.Element {
  return (
    <div>
      {outcome ? (
        <MessageBar
          messageBarType={outcome.kind === 'success' ? MessageBarType.success : MessageBarType.error}
          role={outcome.kind === 'success' ? 'status' : 'alert'}
          isMultiline={true}
          onDismiss={onDismiss}
          dismissButtonAriaLabel={strings.Dismiss}
        >
          {outcome.text}
        </MessageBar>
      ) : undefined}
    </div>
  );
}
