/**
 * A value the domain cannot accept. It names the field and the value so that a form can
 * show the message beside the field and a log can say exactly what was refused.
 */
export class DomainValidationError extends Error {
  public readonly field: string;
  public readonly value: unknown;
  /** Why the value was refused, without the field and value. */
  public readonly reason: string;

  constructor(field: string, value: unknown, reason: string) {
    super(`${field}: ${describeValue(value)} ${reason}`);
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
    return String(value);
  }
  if (value.trim() === '') {
    return '(empty)';
  }
  const shown: string = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  // eslint-disable-next-line no-control-regex
  return `"${shown.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
