/**
 * Checks an entity before it is written, with the domain's own field checks, so that bad input
 * is refused with words naming the field and nothing reaches SharePoint. The refusal names the
 * field by its key (DataError.field: `title`, `likelihood`), which is also the key of the form's
 * field; every entity is checked by its field table's rules (fields.ts).
 */
import type { IFieldError } from '../domain/validation';
import { DataError } from './errors';
import { checkFields, FEEDBACK_FIELDS, MILESTONE_FIELDS, RISK_FIELDS, SPONSOR_COMMENT_FIELDS, STATUS_REPORT_FIELDS, type IField } from './fields';
import type { EntityKind, NewEntity } from './repository';

/** Each entity's field table, whose rules check it. */
const TABLES: { readonly [K in EntityKind]: ReadonlyArray<IField> } = {
  statusReport: STATUS_REPORT_FIELDS,
  sponsorComment: SPONSOR_COMMENT_FIELDS,
  milestone: MILESTONE_FIELDS,
  risk: RISK_FIELDS,
  feedback: FEEDBACK_FIELDS
};

/**
 * Refuses an entity (or changes to one, when `partial`) that SharePoint must not receive.
 * @throws DataError of kind 'validation' naming the first field at fault.
 */
export function validateEntity<K extends EntityKind>(kind: K, value: Partial<NewEntity<K>>, partial: boolean = false): void {
  const errors: IFieldError[] = checkFields(TABLES[kind], value as { [key: string]: unknown }, partial);
  if (errors.length > 0) {
    throw new DataError('validation', errors[0].message, { field: errors[0].key || errors[0].field });
  }
}
