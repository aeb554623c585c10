import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { IPeriod } from '../../../domain/model';
import { type IFieldError, validatePeriodInput } from '../../../domain/validation';
import { DataError } from '../../../data/errors';
import { PERIOD_FIELDS } from '../../../data/fields';
import type { IProgrammeRepository } from '../../../data/repository';
import { useAction } from '../hooks/useAction';
import type { SaveOutcome } from '../hooks/useSave';
import { describeActionError } from './errorText';
import { FormField } from './FormField';
import { fieldOfError, tableField, type FormValues, type IFieldSpec } from './forms';
import { closeUnlessBusy } from './ActionPanel';
import { PanelFooter, SidePanel } from './SidePanel';
import { useClassNames } from './useClassNames';

/** Props of {@link NewPeriodPanel}. */
export interface INewPeriodPanelProps {
  repository: IProgrammeRepository;
  onCreated: (period: IPeriod) => void;
  onClose: () => void;
}

/** The form's fields, from the Reporting Periods list's field table (src/data/fields.ts): messages name them by key. */
export const newPeriodFields: () => IFieldSpec[] = () => [
  tableField(PERIOD_FIELDS, 'title', { description: strings.NewPeriodTitleHint }),
  tableField(PERIOD_FIELDS, 'start'),
  tableField(PERIOD_FIELDS, 'end')
];

/**
 * Sets up a new reporting period: its title as the report names it and its dates typed
 * dd/mm/yyyy, each checked as typed with the domain's rules and the message beside the field;
 * a refusal by the repository (an overlapping period, a title already used) goes beside the
 * field it names.
 */
export function NewPeriodPanel(props: INewPeriodPanelProps): JSX.Element {
  const classNames = useClassNames();
  const runner = useAction();
  const fields: IFieldSpec[] = React.useMemo(newPeriodFields, []);
  const [values, setValues] = React.useState<FormValues>({ title: '', start: '', end: '' });
  const [touched, setTouched] = React.useState<{ [key: string]: boolean }>({});
  const [refused, setRefused] = React.useState<{ key?: string; text: string } | undefined>();

  const errors: IFieldError[] = validatePeriodInput({ title: values.title, start: values.start, end: values.end });
  const byKey: { [key: string]: string } = {};
  for (const e of errors) {
    const field: IFieldSpec | undefined = fieldOfError(fields, e);
    if (field && byKey[field.key] === undefined) {
      byKey[field.key] = e.message;
    }
  }
  if (refused && refused.key && byKey[refused.key] === undefined) {
    byKey[refused.key] = refused.text;
  }
  const invalid: boolean = errors.length > 0;

  const onChange = (key: string, value: string): void => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => (t[key] ? t : { ...t, [key]: true }));
    setRefused(undefined);
  };

  const save = async (): Promise<void> => {
    setRefused(undefined);
    const outcome: SaveOutcome<IPeriod> = await runner.run(() =>
      props.repository.createPeriod({ title: values.title.trim(), start: values.start.trim(), end: values.end.trim() })
    );
    if (outcome.ok) {
      props.onCreated(outcome.value);
      return;
    }
    const error: unknown = outcome.error;
    const field: IFieldSpec | undefined = error instanceof DataError && error.field ? fieldOfError(fields, { key: error.field }) : undefined;
    setRefused({ key: field ? field.key : undefined, text: describeActionError(error, 'createPeriod', values.title) });
  };

  const close: (ev?: { preventDefault(): void }) => void = closeUnlessBusy(runner.busy, () => props.onClose());

  return (
    <SidePanel
      title={strings.NewPeriodTitle}
      onDismiss={close}
      firstFocus="[data-autofocus] input"
      viewRestoresFocus={true}
      footer={() => (
        <PanelFooter busy={runner.busy} busyText={strings.Creating} onCancel={() => close()}>
          <PrimaryButton text={strings.CreatePeriod} onClick={() => void save()} disabled={invalid || runner.busy} allowDisabledFocus={true} />
        </PanelFooter>
      )}
    >
      <p className={classNames.muted}>{strings.NewPeriodText}</p>
      {refused && !refused.key ? (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {refused.text}
        </MessageBar>
      ) : undefined}
      <form
        className={classNames.form}
        noValidate={true}
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        {fields.map((field, i) => (
          <FormField
            key={field.key}
            field={field}
            value={values[field.key] || ''}
            onChange={onChange}
            autoFocus={i === 0}
            errorMessage={touched[field.key] || (refused && refused.key === field.key) ? byKey[field.key] : undefined}
          />
        ))}
      </form>
    </SidePanel>
  );
}
