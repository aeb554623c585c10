/**
 * Checks an entity before it is written, with the domain's own field checks, so that bad input
 * is refused with words naming the field and nothing reaches SharePoint. The refusal names the
 * field by its key (DataError.field: `title`, `likelihood`), which is also the key of the form's
 * field; status reports, milestones and risks are checked by their field tables' rules (fields.ts).
 */
import { checkText, message, wordOf, type IFieldError, type IMessage } from '../domain';
import { DataError } from './errors';
import { checkFields, MILESTONE_FIELDS, RISK_FIELDS, STATUS_REPORT_FIELDS } from './fields';
import type { EntityKind, NewEntity } from './repository';

type Check = (value: { [key: string]: unknown }, partial: boolean) => Array<IFieldError | undefined>;

function present(value: { [key: string]: unknown }, key: string, partial: boolean): boolean {
  return !partial || key in value;
}

function text(value: { [key: string]: unknown }, key: string, field: string, partial: boolean, required: boolean = false, maxLength?: number): IFieldError | undefined {
  if (!present(value, key, partial)) {
    return undefined;
  }
  const e: IFieldError | undefined = checkText(field, value[key] as string | undefined, { required, maxLength });
  return e ? { ...e, key } : undefined;
}

function fieldError(field: string, v: unknown, why: IMessage, key: string): IFieldError {
  const reason: string = wordOf(why);
  return { field, key, value: v, reason, message: `${field}: ${String(v)} ${reason}` };
}

function id(value: { [key: string]: unknown }, key: string, field: string, partial: boolean): IFieldError | undefined {
  if (!present(value, key, partial)) {
    return undefined;
  }
  const v: unknown = value[key];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : fieldError(field, v, message('mustBeChosen', {}), key);
}

function oneOf(value: { [key: string]: unknown }, key: string, field: string, allowed: readonly unknown[], partial: boolean, optional: boolean = false): IFieldError | undefined {
  if (!present(value, key, partial) || (optional && (value[key] === undefined || value[key] === null))) {
    return undefined;
  }
  return allowed.indexOf(value[key]) >= 0 ? undefined : fieldError(field, value[key], message('notOneOf', { allowed: allowed.filter((a) => a !== undefined && a !== null).map(String) }), key);
}

const CHECKS: { [K in EntityKind]: Check } = {
  statusReport: (v, p) => checkFields(STATUS_REPORT_FIELDS, v, p),
  sponsorComment: (v, p) => [id(v, 'workstreamId', 'Workstream', p), id(v, 'periodId', 'Reporting period', p), text(v, 'text', 'Sponsor comments', p, true)],
  milestone: (v, p) => checkFields(MILESTONE_FIELDS, v, p),
  risk: (v, p) => checkFields(RISK_FIELDS, v, p),
  feedback: (v, p) => [id(v, 'workstreamId', 'Workstream', p), id(v, 'periodId', 'Reporting period', p), oneOf(v, 'kind', 'Kind', ['Challenge', 'Feedback'], p), text(v, 'text', 'Feedback', p, true)]
};

/**
 * Refuses an entity (or changes to one, when `partial`) that SharePoint must not receive.
 * @throws DataError of kind 'validation' naming the first field at fault.
 */
export function validateEntity<K extends EntityKind>(kind: K, value: Partial<NewEntity<K>>, partial: boolean = false): void {
  const errors: IFieldError[] = CHECKS[kind](value as { [key: string]: unknown }, partial).filter((e): e is IFieldError => e !== undefined);
  if (errors.length > 0) {
    throw new DataError('validation', errors[0].message, { field: errors[0].key || errors[0].field });
  }
}
