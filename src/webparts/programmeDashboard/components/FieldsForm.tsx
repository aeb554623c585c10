import * as React from 'react';
import { FormField } from './FormField';
import type { FormValues, IFieldSpec } from './forms';
import { useClassNames } from './useClassNames';

/** Props of {@link FieldsForm}. */
export interface IFieldsFormProps {
  fields: readonly IFieldSpec[];
  values: FormValues;
  onChange: (key: string, value: string) => void;
  /** The message shown beside a field, when it has one to show. */
  errorOf: (key: string) => string | undefined;
  /** The user's own version of a field, shown beside the saved one after a conflict. */
  yourVersionOf?: (key: string) => string | undefined;
  /** What stands above the fields: messages about none of them. */
  children?: React.ReactNode;
}

/**
 * An editing panel's fields, in order, the first focused: a form only for the browser's sake, as
 * saving is the panel's button's job, so Enter in a single-line field does not post the page.
 */
export function FieldsForm(props: IFieldsFormProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <form className={classNames.form} noValidate={true} onSubmit={(e) => e.preventDefault()}>
      {props.children}
      {props.fields.map((field, i) => (
        <FormField
          key={field.key}
          field={field}
          value={props.values[field.key] || ''}
          onChange={props.onChange}
          autoFocus={i === 0}
          errorMessage={props.errorOf(field.key)}
          yourVersion={props.yourVersionOf ? props.yourVersionOf(field.key) : undefined}
        />
      ))}
    </form>
  );
}
