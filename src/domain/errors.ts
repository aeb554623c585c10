import { wordOf, type IMessage } from './messages';
import { replaceUnsafeCharacters } from './text';

/**
 * A value the domain cannot accept. It names the field and the value so that a form can
 * show the message beside the field and a log can say exactly what was refused.
 */
export class DomainValidationError extends Error {
  public readonly field: string;
  public readonly value: unknown;
  /** Why the value was refused, without the field and value (the {@link detail} in words). */
  public readonly reason: string;
  /** Why, as a code and values (src/domain/messages.ts), when the refusal gives one. */
  public readonly detail?: IMessage;

  constructor(field: string, value: unknown, why: string | IMessage) {
    const reason: string = typeof why === 'string' ? why : wordOf(why);
    super(`${field}: ${describeValue(value)} ${reason}`);
    this.detail = typeof why === 'string' ? undefined : why;
    this.name = 'DomainValidationError';
    this.field = field;
    this.value = value;
    this.reason = reason;
    Object.setPrototypeOf(this, DomainValidationError.prototype);
  }
}

/** Quotes a value for an error message, making invisible characters visible. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return '(missing)';
  }
  if (value === null) {
    return '(empty)';
  }
  if (typeof value !== 'string') {
    return visible(textOf(value));
  }
  if (value.trim() === '') {
    return '(empty)';
  }
  let shown: string = value;
  if (value.length > 80) {
    shown = value.slice(0, 77);
    // Never cut a surrogate pair in half.
    const last: number = shown.charCodeAt(shown.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      shown = shown.slice(0, -1);
    }
    shown = `${shown}...`;
  }
  return `"${visible(shown)}"`;
}

/** A value as text, even one that String() cannot convert (an object whose toString is not a function). */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Writes control characters, the non-characters U+FFFE/U+FFFF and lone surrogates as \uXXXX,
 * so that a message shows them and can itself be shown and saved.
 */
function visible(text: string): string {
  return replaceUnsafeCharacters(text, (c) => `\\u${c.toString(16).padStart(4, '0')}`);
}
