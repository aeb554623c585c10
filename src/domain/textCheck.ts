/**
 * One text field's check (required, length, no control characters) and the shape of a field's
 * problem: all that the first load's data layer needs of validation.ts (reading a list's fields,
 * a period's sections), apart from the forms' checks, which come with the panels that use them.
 * validation.ts re-exports everything here.
 */
import { DomainValidationError } from './errors';
import { codePointName, findControlCharacter, isBlank } from './text';
import { message, type IMessage } from './messages';

/** SharePoint's limits: single line of text 255 characters, multiple lines 63,999. */
export const MAX_SINGLE_LINE: number = 255;
export const MAX_MULTI_LINE: number = 63999;

/** One field's problem. */
export interface IFieldError {
  /** The field, in the form's words. */
  field: string;
  /**
   * The field's key in the entity (as src/data/fields.ts names it: `title`, `dueDate`), where the
   * check knows it: forms put the message beside the field with this key.
   */
  key?: string;
  /** What was typed. */
  value: unknown;
  /** Why it cannot be accepted. */
  reason: string;
  /** The whole message, naming field and value. */
  message: string;
  /** Why, as a code and values (src/domain/messages.ts), when the check gives one. */
  detail?: IMessage;
}

/** Options for {@link checkText}. */
export interface ITextRules {
  required?: boolean;
  maxLength?: number;
}

/** A field's problem, with its whole message. */
export function fieldError(field: string, value: unknown, why: IMessage): IFieldError {
  const e: DomainValidationError = new DomainValidationError(field, value, why);
  return { field, value, reason: e.reason, message: e.message, detail: why };
}

/** Checks one text field: required, length, and no control characters. */
export function checkText(field: string, value: string | undefined, rules: ITextRules = {}): IFieldError | undefined {
  if (value !== undefined && typeof value !== 'string') {
    return fieldError(field, value, message('mustBeText', {}));
  }
  if (isBlank(value)) {
    return rules.required ? fieldError(field, value, message('mustNotBeEmpty', {})) : undefined;
  }
  const text: string = value as string;
  const bad: string | undefined = findControlCharacter(text);
  if (bad !== undefined) {
    return fieldError(field, text, message('unsavableCharacter', { character: codePointName(bad) }));
  }
  const max: number = rules.maxLength || MAX_MULTI_LINE;
  if (text.length > max) {
    return fieldError(field, text, message('tooLong', { length: text.length, max }));
  }
  return undefined;
}
