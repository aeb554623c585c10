import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, type IButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import { isDataError } from '../../../data/errors';
import { type SaveOutcome, useSave } from '../hooks/useSave';
import { ConflictView } from './ConflictView';
import { describeSaveError, entityNoun } from './errorText';
import { FieldsForm } from './FieldsForm';
import { format } from './format';
import { displayValue, fieldOfError, type FormValues, type IFieldSpec, type IFormRequest, messagesByField, valuesDiffer } from './forms';
import { PanelFooter, SidePanel } from './SidePanel';
import { useClassNames } from './useClassNames';
import { useRepository } from './RepositoryContext';

/** Props of {@link EditPanel}. */
export interface IEditPanelProps {
  request: IFormRequest;
  /** Stored: the view closes the panel, confirms with `message` and refreshes. */
  onSaved: (message: string) => void;
  /** Stored data changed while the panel stays open (a conflict was resolved): refresh the lists. */
  onChanged: () => void;
  /** Closed without saving. */
  onClose: () => void;
}

type Phase = 'editing' | 'conflict' | 'discarded';

/** A conflict on save: what the user typed, and the item as someone else saved it. */
interface IConflict {
  mine: FormValues;
  current: FormValues;
  etag: string;
}

function isStored(value: unknown): value is { etag: string } {
  return value !== null && typeof value === 'object' && typeof (value as { etag?: unknown }).etag === 'string';
}

const firstField = (root: HTMLElement): HTMLElement | null =>
  root.querySelector<HTMLElement>('[data-autofocus] input, [data-autofocus] textarea, [data-autofocus] [role="combobox"]');

/**
 * The panel every item is edited in. It checks input as typed with the domain validation,
 * saves through the repository with progress and a confirmation, and when someone else
 * changed the item meanwhile shows both versions side by side and lets the user choose —
 * what they typed stays on screen until they do. Esc, Cancel and the close button ask before
 * discarding unsaved text; focus moves into the form on open and back to the trigger on close.
 */
export function EditPanel(props: IEditPanelProps): JSX.Element {
  const classNames = useClassNames();
  const { request } = props;
  const saver = useSave(useRepository());
  const [values, setValues] = React.useState<FormValues>(request.initial);
  const [baseline, setBaseline] = React.useState<FormValues>(request.initial);
  const [etag, setEtag] = React.useState<string | undefined>(request.etag);
  const [touched, setTouched] = React.useState<{ [key: string]: boolean }>({});
  const [phase, setPhase] = React.useState<Phase>('editing');
  const [conflict, setConflict] = React.useState<IConflict | undefined>();
  const [alongside, setAlongside] = React.useState<FormValues | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [errorText, setErrorText] = React.useState<string | undefined>();
  // The repository's refusal of one field (a validation DataError naming it), shown beside it until it is changed.
  const [refused, setRefused] = React.useState<{ key: string; message: string } | undefined>();
  const [confirmingClose, setConfirmingClose] = React.useState<boolean>(false);
  const topRef: React.RefObject<HTMLDivElement> = React.useRef<HTMLDivElement>(null);
  const keepEditingRef: React.RefObject<IButton> = React.useRef<IButton>(null);

  const { byKey, other } = messagesByField(request.fields, request.validate(values));
  const invalid: boolean = Object.keys(byKey).length > 0 || other.length > 0;
  const dirty: boolean = phase === 'conflict' || alongside !== undefined || valuesDiffer(request.fields, values, baseline);

  // When the panel changes what it shows (a conflict, the kept text), move focus to the news.
  React.useEffect(() => {
    if (phase !== 'editing' || notice) {
      topRef.current?.focus();
    }
  }, [phase, notice]);
  React.useEffect(() => {
    if (confirmingClose) {
      keepEditingRef.current?.focus();
    }
  }, [confirmingClose]);

  const onChange = (key: string, value: string): void => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => (t[key] ? t : { ...t, [key]: true }));
    setRefused((r) => (r && r.key === key ? undefined : r));
    setConfirmingClose(false);
  };

  const store = async (mine: FormValues, tag: string | undefined): Promise<void> => {
    setErrorText(undefined);
    setRefused(undefined);
    let outcome: SaveOutcome<unknown>;
    try {
      outcome = await request.save(saver, mine, tag);
    } catch (e) {
      // Turning the values into changes failed before anything was sent; the text stays put.
      outcome = { ok: false, error: e };
    }
    if (outcome.ok) {
      props.onSaved(request.savedMessage);
      return;
    }
    const error: unknown = outcome.error;
    if (isDataError(error, 'conflict') && isStored(error.current)) {
      setConflict({ mine, current: request.valuesOf(error.current), etag: error.current.etag });
      setPhase('conflict');
      setNotice(undefined);
      return;
    }
    setErrorText(describeSaveError(error, request.kind, request.periodTitle));
    const refusedField: IFieldSpec | undefined = isDataError(error, 'validation') && error.field ? fieldOfError(request.fields, { key: error.field }) : undefined;
    setRefused(refusedField && isDataError(error) ? { key: refusedField.key, message: error.message } : undefined);
    if (isDataError(error, 'notFound')) {
      // The item is gone: refresh the lists behind the panel, keep the text in front of the user.
      props.onChanged();
    }
  };

  const keepMine = (): void => {
    if (conflict) {
      void store(conflict.mine, conflict.etag);
    }
  };
  const chooseCurrent = (): void => {
    setPhase('discarded');
    setErrorText(undefined);
    props.onChanged();
  };
  const editFromCurrent = (): void => {
    if (!conflict) {
      return;
    }
    const all: { [key: string]: boolean } = {};
    request.fields.forEach((f) => {
      all[f.key] = true;
    });
    setValues(conflict.current);
    setBaseline(conflict.current);
    setEtag(conflict.etag);
    setAlongside(conflict.mine);
    setTouched(all);
    setPhase('editing');
    setErrorText(undefined);
    setNotice(strings.EditFromCurrentIntro);
    props.onChanged();
  };

  const requestClose = (ev?: { preventDefault(): void }): void => {
    // The panel closes only when this says so: unsaved text must never vanish on a stray Esc.
    if (ev) {
      ev.preventDefault();
    }
    if (saver.saving) {
      return;
    }
    if (dirty && phase !== 'discarded') {
      setConfirmingClose(true);
      return;
    }
    props.onClose();
  };

  const preservedText = (): string => {
    if (!conflict) {
      return '';
    }
    const differing: IFieldSpec[] = request.fields.filter((f) => (conflict.mine[f.key] || '') !== (conflict.current[f.key] || ''));
    return (differing.length > 0 ? differing : request.fields)
      .map((f) => format(strings.PreservedField, f.label, displayValue(f, conflict.mine[f.key]) || strings.EmptyValue))
      .join('\n\n');
  };

  const saving: JSX.Element | undefined = saver.saving ? (
    <Spinner size={SpinnerSize.small} label={strings.Saving} ariaLive="polite" labelPosition="right" />
  ) : undefined;

  const footer = (): JSX.Element => {
    if (phase === 'conflict') {
      return (
        <div className={classNames.footer}>
          <PrimaryButton text={strings.ConflictKeepMine} onClick={keepMine} disabled={saver.saving} allowDisabledFocus={true} />
          <DefaultButton text={strings.ConflictUseCurrent} onClick={chooseCurrent} disabled={saver.saving} />
          <DefaultButton text={strings.ConflictEditFromCurrent} onClick={editFromCurrent} disabled={saver.saving} />
          {saving}
        </div>
      );
    }
    if (phase === 'discarded') {
      return (
        <div className={classNames.footer}>
          <PrimaryButton text={strings.Close} onClick={() => props.onClose()} />
        </div>
      );
    }
    return (
      <PanelFooter busy={saver.saving} busyText={strings.Saving} onCancel={() => requestClose()}>
        <PrimaryButton
          text={strings.Save}
          onClick={() => void store(values, etag)}
          disabled={invalid || saver.saving}
          // Stays focusable while disabled, so focus is not lost while saving and screen readers find it.
          allowDisabledFocus={true}
        />
      </PanelFooter>
    );
  };

  return (
    <SidePanel
      title={request.title}
      width="medium"
      onDismiss={requestClose}
      firstFocus={firstField}
      footer={footer}
    >
      <p className={classNames.muted}>{request.context}</p>
      {confirmingClose ? (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline={true}
          actions={
            <div className={classNames.footer}>
              <DefaultButton text={strings.DiscardChanges} onClick={() => props.onClose()} />
              <PrimaryButton componentRef={keepEditingRef} text={strings.KeepEditing} onClick={() => setConfirmingClose(false)} />
            </div>
          }
        >
          {strings.UnsavedChanges}
        </MessageBar>
      ) : undefined}
      <div ref={topRef} tabIndex={-1}>
        {errorText ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
            {errorText}
          </MessageBar>
        ) : undefined}
        {phase === 'conflict' && conflict ? (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
            {format(strings.ConflictIntro, entityNoun(request.kind))}
          </MessageBar>
        ) : undefined}
        {phase === 'discarded' ? (
          <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
            {strings.DiscardedIntro}
          </MessageBar>
        ) : undefined}
        {phase === 'editing' && notice ? (
          <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
            {notice}
          </MessageBar>
        ) : undefined}
      </div>
      {phase === 'conflict' && conflict ? (
        <section aria-label={strings.ConflictRegionLabel}>
          <ConflictView fields={request.fields} mine={conflict.mine} current={conflict.current} />
        </section>
      ) : undefined}
      {phase === 'discarded' ? (
        <TextField label={strings.DiscardedTextLabel} multiline={true} autoAdjustHeight={true} readOnly={true} value={preservedText()} />
      ) : undefined}
      {phase === 'editing' ? (
        <FieldsForm
          fields={request.fields}
          values={values}
          onChange={onChange}
          errorOf={(key) => (touched[key] || (baseline[key] || '') !== '' ? byKey[key] : undefined) || (refused && refused.key === key ? refused.message : undefined)}
          yourVersionOf={(key) => (alongside && (alongside[key] || '') !== (values[key] || '') ? alongside[key] || '' : undefined)}
        >
          {other.length > 0 ? (
            <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
              {other.join(' ')}
            </MessageBar>
          ) : undefined}
        </FieldsForm>
      ) : undefined}
    </SidePanel>
  );
}
