/**
 * Small helpers for putting data into localised strings. Kept here, not in the domain,
 * because they serve only the dashboard's words.
 */

export { format, plural } from '../../../ui/format';

/** Items as a phrase: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[], and: string = ' and '): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/**
 * Lower-cases the first letter, so that a sentence-case phrase from the domain
 * ("Unchanged since last period") can follow a comma in a spoken sentence.
 */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleLowerCase('en-GB') + text.slice(1);
}

const UK_DAY: Intl.DateTimeFormat | undefined = ((): Intl.DateTimeFormat | undefined => {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' });
  } catch {
    return undefined;
  }
})();

/**
 * The day of an ISO date-time as dd/mm/yyyy, in UK time (a lock at 23:30 on a summer evening
 * is that day's, not the next day's as UTC would have it). A bare date is shown as it is.
 */
export function formatUkDay(iso: string): string {
  const bare: RegExpExecArray | null = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (bare) {
    return `${bare[3]}/${bare[2]}/${bare[1]}`;
  }
  const when: Date = new Date(iso);
  if (isNaN(when.getTime())) {
    return iso;
  }
  if (UK_DAY) {
    return UK_DAY.format(when);
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(when.getUTCDate())}/${pad(when.getUTCMonth() + 1)}/${when.getUTCFullYear()}`;
}
