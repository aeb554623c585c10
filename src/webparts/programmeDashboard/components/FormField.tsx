import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { displayValue, type IFieldSpec } from './forms';
import { useClassNames } from './useClassNames';

/** Props of {@link FormField}. */
export interface IFormFieldProps {
  field: IFieldSpec;
  value: string;
  /** The domain's message for what is typed, shown beside the field. */
  errorMessage?: string;
  onChange: (key: string, value: string) => void;
  /** The user's own version of the field, shown under it after "Edit from the current version". */
  yourVersion?: string;
  /** Marks the field focus moves to when the form opens. */
  autoFocus?: boolean;
}

/** One labelled field of an editing form: a text box, a dd/mm/yyyy date or a drop-down. */
export function FormField(props: IFormFieldProps): JSX.Element {
  const classNames = useClassNames();
  const { field } = props;
  let control: JSX.Element;
  if (field.kind === 'choice') {
    const options: IDropdownOption[] = (field.options || []).map((o) => ({ key: o.key, text: o.text }));
    control = (
      <Dropdown
        label={field.label}
        options={options}
        selectedKey={options.some((o) => o.key === props.value) ? props.value : null}
        onChange={(_e, option) => props.onChange(field.key, option ? String(option.key) : '')}
        errorMessage={props.errorMessage}
        required={field.required}
        placeholder={strings.ChoosePlaceholder}
      />
    );
  } else {
    control = (
      <TextField
        label={field.label}
        value={props.value}
        onChange={(_e, value) => props.onChange(field.key, value || '')}
        errorMessage={props.errorMessage}
        required={field.required}
        multiline={field.kind === 'multiline'}
        autoAdjustHeight={field.kind === 'multiline'}
        rows={field.kind === 'multiline' ? 4 : undefined}
        placeholder={field.kind === 'date' ? strings.DateFormatHint : undefined}
        description={field.description}
        // Dates are typed, not picked: the papers write dd/mm/yyyy and the domain checks each one.
        inputMode={field.kind === 'date' ? 'numeric' : undefined}
        autoComplete="off"
      />
    );
  }
  return (
    <div data-autofocus={props.autoFocus ? 'true' : undefined}>
      {control}
      {props.yourVersion !== undefined ? (
        <div className={classNames.yourVersion}>
          <strong>{strings.YourVersionLabel}</strong> {displayValue(field, props.yourVersion) || strings.EmptyValue}
        </div>
      ) : undefined}
    </div>
  );
}
