import * as React from 'react';
import { useClassNames } from './useClassNames';

/** Props of {@link Notice}. */
export interface INoticeProps {
  /** An error is announced at once (role "alert"); a warning politely (role "status"). */
  kind: 'error' | 'warning';
  children: React.ReactNode;
  /** A way forward, such as "Try again". */
  action?: { text: string; onClick: () => void };
}

/**
 * A message in the dashboard's first view (a failed load, an unknown workstream): what Fluent's
 * MessageBar shows, without the weight it brings to the first load.
 */
export function Notice(props: INoticeProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <div className={`${classNames.notice} ${props.kind === 'error' ? classNames.noticeError : classNames.noticeWarning}`}>
      <div className={classNames.noticeText} role={props.kind === 'error' ? 'alert' : 'status'}>
        {props.children}
      </div>
      {props.action ? (
        <button type="button" className={classNames.plainButton} onClick={props.action.onClick}>
          {props.action.text}
        </button>
      ) : undefined}
    </div>
  );
}
