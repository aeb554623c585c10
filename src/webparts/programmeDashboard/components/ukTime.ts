/**
 * Dates and times as the UK reads them (dd/mm/yyyy, 24-hour), in UK time: kept apart from
 * format.ts, which the first screen loads, because only the views that show when something
 * happened (history, acknowledgements, responses) need them.
 */

/** A formatter of dates in UK time, or none where the runtime knows no time zones (then UTC is written). */
function ukFormatter(time: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', ...time });
  } catch {
    return undefined;
  }
}

const UK_DAY: Intl.DateTimeFormat | undefined = ukFormatter({});
const UK_TIME: Intl.DateTimeFormat | undefined = ukFormatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An ISO date-time as dd/mm/yyyy (and HH:mm with the time) in UK time; anything unreadable as it is. */
function inUkTime(iso: string, formatter: Intl.DateTimeFormat | undefined, withTime: boolean): string {
  const when: Date = new Date(iso);
  if (isNaN(when.getTime())) {
    return iso;
  }
  if (formatter) {
    return formatter.format(when);
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day: string = `${pad(when.getUTCDate())}/${pad(when.getUTCMonth() + 1)}/${when.getUTCFullYear()}`;
  return withTime ? `${day}, ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}` : day;
}

/**
 * The day of an ISO date-time as dd/mm/yyyy, in UK time (a lock at 23:30 on a summer evening
 * is that day's, not the next day's as UTC would have it). A bare date is shown as it is.
 */
export function formatUkDay(iso: string): string {
  const bare: RegExpExecArray | null = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return bare ? `${bare[3]}/${bare[2]}/${bare[1]}` : inUkTime(iso, UK_DAY, false);
}

/** An ISO date-time as "dd/mm/yyyy, HH:mm" in UK time; none as nothing; anything unreadable as it is. */
export function formatUkDateTime(iso: string | undefined): string {
  return iso ? inUkTime(iso, UK_TIME, true) : '';
}
