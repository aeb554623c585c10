import * as React from 'react';
import { DefaultButton, MessageBarButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import type { IFailure } from '../flows/failures';
import { STRINGS } from '../loc/en-gb';
import type { IOperationResult } from './useOperation';

/** Props of {@link OperationStatus}. */
export interface IOperationStatusProps {
  /** What is under way, in words. */
  busy?: string;
  result?: IOperationResult;
  failure?: IFailure;
  onSignIn?: () => void;
  onRetry?: () => void;
  onDismiss?: () => void;
  className?: string;
}

/**
 * Progress, result or failure of what the officer asked for. The progress sits in a polite live
 * region, so screen readers hear each step; failures are alerts, with Sign in or Try again when
 * that is what the officer should do next.
 */
export function OperationStatus(props: IOperationStatusProps): JSX.Element {
  const { busy, result, failure, onSignIn, onRetry, onDismiss } = props;
  let actions: JSX.Element | undefined;
  if (failure && !failure.final && (failure.signIn ? onSignIn : onRetry)) {
    actions = (
      <div>
        {failure.signIn && onSignIn ? <MessageBarButton onClick={onSignIn}>{STRINGS.SignIn}</MessageBarButton> : null}
        {!failure.signIn && onRetry ? <MessageBarButton onClick={onRetry}>{STRINGS.TryAgain}</MessageBarButton> : null}
      </div>
    );
  }
  return (
    <div className={props.className}>
      <div role="status" aria-live="polite">
        {busy ? <ProgressIndicator label={busy} /> : null}
        {result ? (
          <MessageBar
            messageBarType={result.kind === 'success' ? MessageBarType.success : MessageBarType.warning}
            isMultiline={true}
            onDismiss={onDismiss}
            dismissButtonAriaLabel={STRINGS.Dismiss}
          >
            {result.lines.length === 1 ? (
              result.lines[0]
            ) : (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {result.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBar>
        ) : null}
      </div>
      {failure ? (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true} actions={actions} onDismiss={onDismiss} dismissButtonAriaLabel={STRINGS.Dismiss}>
          {failure.text}
        </MessageBar>
      ) : null}
    </div>
  );
}

/** A full-width button for the pane's lists of actions. */
export function ActionButton(props: { text: string; ariaLabel?: string; disabled?: boolean; primary?: boolean; className?: string; onClick: () => void }): JSX.Element {
  return (
    <DefaultButton
      primary={props.primary}
      className={props.className}
      text={props.text}
      ariaLabel={props.ariaLabel}
      disabled={props.disabled}
      onClick={props.onClick}
    />
  );
}
