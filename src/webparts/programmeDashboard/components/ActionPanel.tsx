import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { type ITextField, TextField } from '@fluentui/react/lib/TextField';
import { checkText, type IFieldError } from '../../../domain/validation';
import { isDataError } from '../../../data/errors';
import { useAction } from '../hooks/useAction';
import type { SaveOutcome } from '../hooks/useSave';
import { PanelFooter, SidePanel } from './SidePanel';
import { useClassNames } from './useClassNames';

/**
 * A panel's close request (its close button, Esc, a click outside, Cancel) that closes it only
 * when nothing is under way, so work in progress is never cut off: Fluent's own dismissal is
 * always stopped, and the panel's parent closes it.
 */
export function closeUnlessBusy(busy: boolean, onClose: () => void): (ev?: { preventDefault(): void }) => void {
  return (ev?: { preventDefault(): void }): void => {
    if (ev) {
      ev.preventDefault();
    }
    if (!busy) {
      onClose();
    }
  };
}

/** A required reason the action records (sending back, reopening, locking anyway). */
export interface IReasonSpec {
  /**
   * The reason's key, as the repository's refusal of it names it (DataError.field: the step's
   * option, such as `overrideReason`, or the field it is written to, such as `returnReason`): a
   * refusal naming it is shown beside the reason, whatever the label says.
   */
  key: string;
  /** The field's label, which its own check's message names it by too. */
  label: string;
  description?: string;
}

/** Props of {@link ActionPanel}. */
export interface IActionPanelProps {
  title: string;
  /** What the action does, in words, shown first. */
  children?: React.ReactNode;
  /** The repository's refusal that led here, shown above the text (e.g. before "Lock anyway"). */
  refusal?: string;
  confirmText: string;
  /** Progress words while the action runs. */
  busyText: string;
  /** When set, the action needs a reason, typed in a text box and checked as typed. */
  reason?: IReasonSpec;
  /** Why the action cannot be taken yet, each in words; the confirm button is then not offered. */
  blockers?: string[];
  blockersIntro?: string;
  /** Another way forward, offered beside Cancel (e.g. "Edit the status report"). */
  alternative?: { text: string; onClick: () => void };
  /** Runs the action; its failure is an error to describe. */
  run: (reason: string | undefined) => Promise<unknown>;
  describeError: (error: unknown) => string;
  /**
   * Lets the caller take over a failure (e.g. offer "Lock anyway"): return true when handled,
   * and the panel shows no error of its own.
   */
  onFailed?: (error: unknown) => boolean;
  /** Done: the view closes the panel, confirms and refreshes. */
  onDone: () => void;
  /** The page's data turned out to be out of date (someone else changed or deleted the item). */
  onStale?: () => void;
  onClose: () => void;
  /** Moves focus to the reason field when it changes (the panel asks something new). */
  focusKey?: string;
}

/**
 * Asks before a step of the reporting cycle — submitting, sending back, reopening, locking — and
 * takes it: a Fluent panel (a dialog to assistive technology, as every editing panel of the
 * dashboard is), with the reason the step records when it needs one, progress while it runs and
 * the refusal in words when the repository refuses. Esc and Cancel close it unless it is running.
 */
export function ActionPanel(props: IActionPanelProps): JSX.Element {
  const classNames = useClassNames();
  const runner = useAction();
  const [reason, setReason] = React.useState<string>('');
  const [touched, setTouched] = React.useState<boolean>(false);
  const [errorText, setErrorText] = React.useState<string | undefined>();
  const reasonRef: React.RefObject<ITextField> = React.useRef<ITextField>(null);
  const blocked: boolean = !!props.blockers && props.blockers.length > 0;

  // The repository's refusal of the reason as given, by its key, until the reason is changed.
  const [reasonRefused, setReasonRefused] = React.useState<string | undefined>();
  const reasonError: IFieldError | undefined = props.reason ? checkText(props.reason.label, reason, { required: true }) : undefined;
  const reasonMessage: string | undefined = touched && reasonError ? reasonError.message : reasonRefused;

  React.useEffect(() => {
    if (props.focusKey !== undefined) {
      reasonRef.current?.focus();
    }
  }, [props.focusKey]);

  const confirm = async (): Promise<void> => {
    if (props.reason && reasonError) {
      setTouched(true);
      reasonRef.current?.focus();
      return;
    }
    setErrorText(undefined);
    const outcome: SaveOutcome<unknown> = await runner.run(() => props.run(props.reason ? reason.trim() : undefined));
    if (outcome.ok) {
      props.onDone();
      return;
    }
    if (props.onFailed && props.onFailed(outcome.error)) {
      return;
    }
    if (props.reason && isDataError(outcome.error, 'validation') && outcome.error.field === props.reason.key) {
      setReasonRefused(outcome.error.message);
      reasonRef.current?.focus();
      return;
    }
    setErrorText(props.describeError(outcome.error));
    if ((isDataError(outcome.error, 'conflict') || isDataError(outcome.error, 'notFound')) && props.onStale) {
      props.onStale();
    }
  };

  const close: (ev?: { preventDefault(): void }) => void = closeUnlessBusy(runner.busy, () => props.onClose());

  const footer = (): JSX.Element => (
    <PanelFooter busy={runner.busy} busyText={props.busyText} onCancel={() => close()} cancelFirst={blocked && !props.alternative}>
      {!blocked ? (
        <PrimaryButton
          text={props.confirmText}
          onClick={() => void confirm()}
          disabled={runner.busy}
          allowDisabledFocus={true}
          data-autofocus={props.reason ? undefined : 'true'}
        />
      ) : undefined}
      {props.alternative ? <PrimaryButton text={props.alternative.text} onClick={props.alternative.onClick} disabled={runner.busy} data-autofocus="true" /> : undefined}
    </PanelFooter>
  );

  return (
    <SidePanel
      title={props.title}
      onDismiss={close}
      footer={footer}
      // The view that opened the panel puts focus back itself: on the trigger if it is still
      // there, else on its heading (the step usually removes the button that opened it).
      firstFocus={props.reason ? '[data-reason] textarea' : '[data-autofocus="true"]'}
      viewRestoresFocus={true}
    >
      <div className={classNames.panelBody}>
        {errorText ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
            {errorText}
          </MessageBar>
        ) : undefined}
        {props.refusal && !errorText ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
            {props.refusal}
          </MessageBar>
        ) : undefined}
        {props.children}
        {blocked ? (
          <div className={classNames.callout}>
            <p className={classNames.calloutHeading}>{props.blockersIntro}</p>
            <ul className={classNames.calloutList}>
              {(props.blockers as string[]).map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
          </div>
        ) : undefined}
        {props.reason ? (
          <div data-reason="true">
            <TextField
              componentRef={reasonRef}
              label={props.reason.label}
              description={props.reason.description}
              value={reason}
              onChange={(_e, value) => {
                setReason(value || '');
                setTouched(true);
                setReasonRefused(undefined);
              }}
              multiline={true}
              autoAdjustHeight={true}
              rows={4}
              required={true}
              errorMessage={reasonMessage}
              autoComplete="off"
            />
          </div>
        ) : undefined}
      </div>
    </SidePanel>
  );
}
