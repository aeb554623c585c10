import type { IFieldError } from '../../../domain/validation';
import { fieldOf, type FieldTable } from '../../../data/fields';
import type { EntityKind } from '../../../data/repository';
import { strings } from '../loc/formStrings';
import type { ISaver, SaveOutcome } from '../hooks/useSave';

/** What a form edits: an item of a list, a reporting period, or a row of a phase's close-down. */
export type FormKind = EntityKind | 'period' | 'closeDownItem';

/** What a form holds: every field as the text the user sees and types. */
export type FormValues = { readonly [key: string]: string };

/** One choice of a drop-down field. */
export interface IFieldOption {
  key: string;
  text: string;
}

/** One field of an editing form. */
export interface IFieldSpec {
  key: string;
  label: string;
  kind: 'text' | 'multiline' | 'date' | 'choice';
  /** The choices of a `choice` field. */
  options?: IFieldOption[];
  /**
   * The field's name in the domain's validation messages, to put each message beside its field:
   * only for forms not yet made from a field table (src/data/fields.ts). A field made from one
   * has none, and a message goes beside it by its key (IFieldError.key, DataError.field).
   */
  validationName?: string;
  required?: boolean;
  /** Help shown under the field. */
  description?: string;
}

/**
 * Everything an editing panel needs for one item: its fields, the values it opens with, how
 * to check them as typed and how to store them. Built by the functions in `formSpecs.ts`.
 */
export interface IFormRequest {
  /** What is edited: an item of one of the lists, or a period (its overview). */
  kind: FormKind;
  /** The panel's heading. */
  title: string;
  /** The workstream and period the item belongs to, under the heading. */
  context: string;
  /** The period's title, for messages such as "… is locked". */
  periodTitle: string;
  fields: IFieldSpec[];
  initial: FormValues;
  /** The stored item's ETag; absent for a new item. */
  etag?: string;
  /** Checks the values as typed, with the domain's validation. */
  validate(values: FormValues): IFieldError[];
  /** Stores the values: creates the item, or updates it guarded by `etag`. */
  save(saver: ISaver, values: FormValues, etag: string | undefined): Promise<SaveOutcome<unknown>>;
  /** The form's values for the item as stored (the current version, in a conflict). */
  valuesOf(stored: unknown): FormValues;
  /** What to confirm once stored. */
  savedMessage: string;
}

/** The functions that make the dashboard's forms (formSpecs.ts), fetched with the editing panels. */
export type FormSpecs = typeof import('./formSpecs');

/**
 * A form asked for by a button: made from formSpecs.ts once that is in, so that a view showing
 * edit buttons does not carry every form's specification in its first load.
 */
export type FormMaker = (specs: FormSpecs) => IFormRequest;

/** The text a choice field shows for a key; other fields show their value. */
export function displayValue(field: IFieldSpec, value: string | undefined): string {
  if (field.kind === 'choice' && field.options) {
    const option: IFieldOption | undefined = field.options.filter((o) => o.key === (value || ''))[0];
    return option ? option.text : value || '';
  }
  return value || '';
}

/** True when two sets of values differ in any of the fields. */
export function valuesDiffer(fields: readonly IFieldSpec[], a: FormValues, b: FormValues): boolean {
  return fields.some((f) => (a[f.key] || '') !== (b[f.key] || ''));
}

/** The dashboard's words for a string key. */
export function labelText(labelKey: string): string {
  const label: unknown = (strings as { [key: string]: unknown })[labelKey];
  if (typeof label !== 'string') {
    throw new Error(`The dashboard has no label ${labelKey}.`);
  }
  return label;
}

/**
 * A form field made from its entity's field table (src/data/fields.ts): the field's key, its
 * label, the kind of input its column takes and whether it is required. Messages about it, the
 * domain's as typed and the data layer's on save, go beside it by its key.
 */
export function tableField<T>(table: FieldTable<T>, key: Extract<keyof T, string>, extra: Partial<IFieldSpec> = {}): IFieldSpec {
  const f = fieldOf(table, key);
  if (!f.labelKey) {
    throw new Error(`The field ${key} has no label for a form.`);
  }
  const kind: IFieldSpec['kind'] = f.kind === 'note' ? 'multiline' : f.kind === 'date' || f.asDate ? 'date' : f.kind === 'choice' ? 'choice' : 'text';
  return {
    key: f.key,
    label: labelText(f.labelKey),
    kind,
    ...(f.rules && f.rules.required ? { required: true } : {}),
    ...(kind === 'date' ? { description: strings.DateFormatHint } : {}),
    ...extra
  };
}

/** A save the repository refused: the words, and the key of the field they are about when they name one. */
export interface IRefusal {
  key?: string;
  text: string;
}

/**
 * The message each field shows beside it (the first domain message about it; else the refusal
 * that names it, so a refused save says why where the user looks) and the messages about no field
 * of the form, shown above it.
 */
export function messagesByField(fields: readonly IFieldSpec[], errors: readonly IFieldError[], refused?: IRefusal): { byKey: { [key: string]: string }; other: string[] } {
  const byKey: { [key: string]: string } = {};
  const other: string[] = [];
  for (const e of errors) {
    const field: IFieldSpec | undefined = fieldOfError(fields, e);
    if (field && byKey[field.key] === undefined) {
      byKey[field.key] = e.message;
    } else if (!field) {
      other.push(e.message);
    }
  }
  if (refused && refused.key && byKey[refused.key] === undefined) {
    byKey[refused.key] = refused.text;
  }
  return { byKey, other };
}

/**
 * The field a message is about: by its key (IFieldError.key, or a refusal's DataError.field) for a
 * field made from a field table; by the name the message uses for one of a form not made from one.
 */
export function fieldOfError(fields: readonly IFieldSpec[], e: { key?: string; field?: string }): IFieldSpec | undefined {
  return fields.filter((f) => (f.validationName === undefined ? e.key !== undefined && f.key === e.key : f.validationName === e.field))[0];
}
