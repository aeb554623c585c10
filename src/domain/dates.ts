/**
 * UK dates as the reports write them: dd/mm/yyyy (or dd/mm/yy) and long forms such as
 * "30th September 2023". Impossible dates (31/06/23) are errors, never rolled over.
 */
import { DomainValidationError } from './errors';
import { message } from './messages';
import type { IsoDate } from './model';

const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december'
];

const MONTH_NAMES: readonly string[] = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number, width: number): string {
  let s: string = String(n);
  while (s.length < width) {
    s = `0${s}`;
  }
  return s;
}

function monthFromName(name: string): number {
  const lower: string = name.toLowerCase();
  if (lower.length < 3) {
    return 0;
  }
  for (let i: number = 0; i < MONTHS.length; i++) {
    if (MONTHS[i] === lower || (lower.length >= 3 && MONTHS[i].slice(0, lower.length) === lower) || (lower === 'sept' && i === 8)) {
      return i + 1;
    }
  }
  return 0;
}

function build(field: string, text: string, day: number, month: number, year: number): IsoDate {
  if (month < 1 || month > 12) {
    throw new DomainValidationError(field, text, message('noSuchMonth', { month }));
  }
  if (year < 1900 || year > 2199) {
    throw new DomainValidationError(field, text, message('yearOutOfRange', { year }));
  }
  const max: number = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw new DomainValidationError(field, text, message('noSuchDay', { month: MONTH_NAMES[month - 1], year, days: max }));
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function fullYear(yearText: string): number {
  const year: number = parseInt(yearText, 10);
  return yearText.length === 2 ? 2000 + year : year;
}

const NUMERIC: RegExp = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const LONG: RegExp = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;
const ISO: RegExp = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a UK date: `dd/mm/yyyy`, `d/m/yy`, `dd-mm-yyyy`, `dd.mm.yyyy`, "30th September 2023",
 * "1 June 2023", "Friday 1st December 2023", or an ISO `yyyy-mm-dd`.
 * @param field - the field's name, used in the error message.
 * @returns the ISO date.
 * @throws DomainValidationError naming the field and the text when it is not a real date.
 */
export function parseUkDate(text: string, field: string = 'Date'): IsoDate {
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) {
    throw new DomainValidationError(field, text, message('dateMissing', {}));
  }
  if (typeof text !== 'string') {
    throw new DomainValidationError(field, text, message('notADate', {}));
  }
  const t: string = text.trim();
  let m: RegExpExecArray | null = NUMERIC.exec(t);
  if (m) {
    return build(field, text, parseInt(m[1], 10), parseInt(m[2], 10), fullYear(m[3]));
  }
  m = ISO.exec(t);
  if (m) {
    return build(field, text, parseInt(m[3], 10), parseInt(m[2], 10), parseInt(m[1], 10));
  }
  m = LONG.exec(t);
  if (m) {
    const month: number = monthFromName(m[2]);
    if (month === 0) {
      throw new DomainValidationError(field, text, message('notAMonth', { word: m[2] }));
    }
    return build(field, text, parseInt(m[1], 10), month, parseInt(m[3], 10));
  }
  throw new DomainValidationError(field, text, message('notADate', {}));
}

/**
 * Like {@link parseUkDate}, but an empty or missing value (SharePoint gives `null` for an empty
 * column) gives `undefined`. Anything that is not text is refused like parseUkDate refuses it.
 */
export function parseOptionalUkDate(text: string | undefined | null, field: string = 'Date'): IsoDate | undefined {
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) {
    return undefined;
  }
  return parseUkDate(text as string, field);
}

/** True when the text is a real date in a form {@link parseUkDate} reads. */
export function isValidUkDate(text: string): boolean {
  try {
    parseUkDate(text);
    return true;
  } catch {
    return false;
  }
}

/** Checks an ISO date string is a real date and returns it. */
export function assertIsoDate(iso: string, field: string = 'Date'): IsoDate {
  const m: RegExpExecArray | null = ISO.exec(iso || '');
  if (!m) {
    throw new DomainValidationError(field, iso, message('notAnIsoDate', {}));
  }
  return build(field, iso, parseInt(m[3], 10), parseInt(m[2], 10), parseInt(m[1], 10));
}

/** Formats an ISO date (or date-time) as the papers do: dd/mm/yyyy. */
export function formatUkDate(iso: IsoDate): string {
  const d: IsoDate = assertIsoDate(iso.slice(0, 10));
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Formats an ISO date in words: "30 September 2023". */
export function formatLongDate(iso: IsoDate): string {
  const d: IsoDate = assertIsoDate(iso.slice(0, 10));
  return `${parseInt(d.slice(8, 10), 10)} ${MONTH_NAMES[parseInt(d.slice(5, 7), 10) - 1]} ${d.slice(0, 4)}`;
}

/** Formats a period's dates: "01/11/2023 – 22/12/2023". */
export function formatDateRange(start: IsoDate, end: IsoDate): string {
  return `${formatUkDate(start)} – ${formatUkDate(end)}`;
}

/** Compares two ISO dates: negative when a is earlier. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ISO date of the day after the given one. */
export function nextDay(iso: IsoDate): IsoDate {
  const d: IsoDate = assertIsoDate(iso);
  let year: number = parseInt(d.slice(0, 4), 10);
  let month: number = parseInt(d.slice(5, 7), 10);
  let day: number = parseInt(d.slice(8, 10), 10) + 1;
  if (day > daysInMonth(year, month)) {
    day = 1;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
