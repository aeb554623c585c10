import * as React from 'react';
import { strings } from '../loc/strings';
import { useClassNames } from './useClassNames';

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
 * Drawn as the dashboard's notices (see Notice: a coloured edge, and a border where the operating
 * system forces its colours), with a "×" to dismiss it, instead of Fluent's MessageBar, whose
 * dismiss button brings Fluent's Button and its menus to the first load.
 */
export function OutcomeMessage({ outcome, onDismiss }: IOutcomeMessageProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <div>
      {outcome ? (
        <div className={`${classNames.notice} ${outcome.kind === 'success' ? classNames.noticeSuccess : classNames.noticeError}`}>
          <div className={classNames.noticeText} role={outcome.kind === 'success' ? 'status' : 'alert'}>
            {outcome.text}
          </div>
          <button type="button" className={classNames.noticeDismiss} aria-label={strings.Dismiss} title={strings.Dismiss} onClick={onDismiss}>
            <span aria-hidden={true}>×</span>
          </button>
        </div>
      ) : undefined}
    </div>
  );
}
