import * as React from 'react';
import { isDataError } from '../../../data/errors';
import { fieldOfError, type FormValues, type IFieldSpec, type IRefusal } from '../components/forms';

/** A form being typed into, and what the last save was refused for. */
export interface IFormEdits {
  values: FormValues;
  setValues: (values: FormValues) => void;
  /** The fields typed in: a field's message shows once it is touched (or a save was tried). */
  touched: { readonly [key: string]: boolean };
  refused?: IRefusal;
  /** A field typed in: its value is kept, it counts as touched, and the last refusal goes. */
  change: (key: string, value: string) => void;
  /** Forgets the last refusal, as a new save starts. */
  clearRefusal: () => void;
  /** A save refused, in `text`: beside the field the error names (DataError.field) when the form has it, else above the form. */
  refuse: (error: unknown, text: string) => void;
}

/**
 * The state every editing form of the programme office keeps the same way: the values as typed,
 * which fields were touched, and the repository's refusal of the last save, which typing clears.
 */
export function useFormEdits(fields: readonly IFieldSpec[], initial: () => FormValues): IFormEdits {
  const [values, setValues] = React.useState<FormValues>(initial);
  const [touched, setTouched] = React.useState<{ readonly [key: string]: boolean }>({});
  const [refused, setRefused] = React.useState<IRefusal | undefined>();
  return {
    values,
    setValues,
    touched,
    refused,
    change: (key: string, value: string): void => {
      setValues((v) => ({ ...v, [key]: value }));
      setTouched((t) => (t[key] ? t : { ...t, [key]: true }));
      setRefused(undefined);
    },
    clearRefusal: (): void => setRefused(undefined),
    refuse: (error: unknown, text: string): void => {
      const named: IFieldSpec | undefined = isDataError(error) && error.field ? fieldOfError(fields, { key: error.field }) : undefined;
      setRefused({ key: named ? named.key : undefined, text });
    }
  };
}
