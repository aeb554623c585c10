import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Loading } from './Loading';
import { OutcomeMessage } from './OutcomeMessage';
import { SidePanel } from './SidePanel';
import { useClassNames } from './useClassNames';

/** Props of {@link SetUpPanel}. */
export interface ISetUpPanelProps {
  title: string;
  /** What the panel is for, above its content; none while a form inside takes the panel. */
  text?: string;
  /** The control focused on opening (SidePanel's firstFocus). */
  firstFocus: string;
  onDismiss: (ev?: { preventDefault(): void }) => void;
  /** Why what the panel sets up could not be read, in words; with a way to dismiss it and to read again. */
  failure?: string;
  onDismissFailure: () => void;
  onRetry: () => void;
  /** What is being read while it is (the spinner's words); none once it is read. */
  loading?: string;
  /** The panel's content once read: called only then, so it may use what was read. */
  children: () => JSX.Element;
}

/**
 * The frame of the programme office's set-up panels (workstreams, the paper's sections): the
 * panel, what it is for, and what it has read — the failure with a retry, the spinner while it
 * reads, then the content. The panels differ in what they set up, not in how they read it.
 */
export function SetUpPanel(props: ISetUpPanelProps): JSX.Element {
  const classNames = useClassNames();
  let body: JSX.Element;
  if (props.failure) {
    body = (
      <div>
        <OutcomeMessage outcome={{ kind: 'error', text: props.failure }} onDismiss={props.onDismissFailure} />
        <DefaultButton text={strings.Retry} onClick={props.onRetry} />
      </div>
    );
  } else if (props.loading !== undefined) {
    body = <Loading label={props.loading} />;
  } else {
    body = props.children();
  }
  return (
    <SidePanel title={props.title} width="medium" onDismiss={props.onDismiss} firstFocus={props.firstFocus} viewRestoresFocus={true}>
      {props.text !== undefined ? <p className={classNames.muted}>{props.text}</p> : undefined}
      {body}
    </SidePanel>
  );
}
