import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { useClassNames } from './useClassNames';

/**
 * Panels of the cycle leave focus to the view that opened them: Fluent's own restoring (a moment
 * later, to the button that opened the panel) would land on a button the step has just removed.
 */
export function noRestore(): void {
  // The view focuses the trigger, or its heading when the trigger is gone.
}

/** Props of {@link SidePanel}. */
export interface ISidePanelProps {
  title: string;
  /** A form or a list to work through (`medium`), or one step to confirm (`narrow`, the default). */
  width?: 'narrow' | 'medium';
  /** Its close button, Esc or a click outside (see closeUnlessBusy). */
  onDismiss: (ev?: { preventDefault(): void }) => void;
  /** Where focus goes as the panel opens: a selector within it, or a function finding it; else its first focusable element. */
  firstFocus?: string | ((root: HTMLElement) => HTMLElement | null);
  /**
   * The view that opened the panel puts focus back as it closes (on the trigger, or the view's
   * heading when the step removed the trigger), not Fluent.
   */
  viewRestoresFocus?: boolean;
  /** The buttons at the panel's foot, kept in sight however long the panel is. */
  footer?: () => JSX.Element;
  children: React.ReactNode;
}

/** A panel of the dashboard: Fluent's Panel from the right, with the dashboard's close words and focus rules. */
export function SidePanel(props: ISidePanelProps): JSX.Element {
  const trap: { firstFocusableTarget?: string | ((root: HTMLElement) => HTMLElement | null); disableRestoreFocus?: boolean } = {};
  if (props.firstFocus !== undefined) {
    trap.firstFocusableTarget = props.firstFocus;
  }
  if (props.viewRestoresFocus) {
    trap.disableRestoreFocus = true;
  }
  return (
    <Panel
      isOpen={true}
      type={props.width === 'medium' ? PanelType.medium : PanelType.smallFixedFar}
      headerText={props.title}
      closeButtonAriaLabel={strings.ClosePanel}
      onDismiss={props.onDismiss}
      isFooterAtBottom={props.footer !== undefined}
      onRenderFooterContent={props.footer}
      focusTrapZoneProps={Object.keys(trap).length ? trap : undefined}
      popupProps={props.viewRestoresFocus ? { onRestoreFocus: noRestore } : undefined}
    >
      {props.children}
    </Panel>
  );
}

/** Props of {@link PanelFooter}. */
export interface IPanelFooterProps {
  /** Cancel is disabled and the spinner shows while this is true. */
  busy: boolean;
  /** What the spinner says while busy: "Saving…". */
  busyText: string;
  onCancel: () => void;
  /** Focus starts on Cancel (when the panel's action cannot be taken). */
  cancelFirst?: boolean;
  /** The panel's own buttons, before Cancel. */
  children?: React.ReactNode;
}

/** A panel's foot: its own buttons, Cancel, and while the work runs a spinner that says what it is doing. */
export function PanelFooter(props: IPanelFooterProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <div className={classNames.footer}>
      {props.children}
      <DefaultButton text={strings.Cancel} onClick={() => props.onCancel()} disabled={props.busy} data-autofocus={props.cancelFirst ? 'true' : undefined} />
      {props.busy ? <Spinner size={SpinnerSize.small} label={props.busyText} ariaLive="polite" labelPosition="right" /> : undefined}
    </div>
  );
}
