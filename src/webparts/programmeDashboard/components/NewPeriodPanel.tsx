import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { IPeriod } from '../../../domain/model';
import { type IFieldError, validatePeriodInput } from '../../../domain/validation';
import { PERIOD_FIELDS } from '../../../data/fields';
import type { IProgrammeRepository } from '../../../data/repository';
import { useAction } from '../hooks/useAction';
import { useFormEdits } from '../hooks/useFormEdits';
import type { SaveOutcome } from '../hooks/useSave';
import { describeActionError } from './errorText';
import { FieldsForm } from './FieldsForm';
import { messagesByField, tableField, type IFieldSpec } from './forms';
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
  const form = useFormEdits(fields, () => ({ title: '', start: '', end: '' }));
  const { values, touched, refused } = form;

  const errors: IFieldError[] = validatePeriodInput({ title: values.title, start: values.start, end: values.end });
  const { byKey } = messagesByField(fields, errors, refused);
  const invalid: boolean = errors.length > 0;

  const save = async (): Promise<void> => {
    form.clearRefusal();
    const outcome: SaveOutcome<IPeriod> = await runner.run(() =>
      props.repository.createPeriod({ title: values.title.trim(), start: values.start.trim(), end: values.end.trim() })
    );
    if (outcome.ok) {
      props.onCreated(outcome.value);
      return;
    }
    form.refuse(outcome.error, describeActionError(outcome.error, 'createPeriod', values.title));
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
      <FieldsForm fields={fields} values={values} onChange={form.change} errorOf={(key) => (touched[key] || (refused && refused.key === key) ? byKey[key] : undefined)} />
    </SidePanel>
  );
}
