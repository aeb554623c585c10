/**
 * Date-only columns in the site's regional time zone. SharePoint keeps a date-only value as the
 * instant the day starts in the site's time zone (a London site's 1 June 2023 is
 * 2023-05-31T23:00:00Z in summer time; a Pacific site's is 2023-06-01T07:00:00Z), and both REST
 * and Graph give that instant in UTC. Rows in the data layer carry plain calendar dates
 * ("2023-06-01"); the repository's one boundary with the transports (zonedRows.ts) turns them
 * into the site's instants on the way out and back into calendar dates on the way in with these
 * functions, reading the time zone from /_api/web/RegionalSettings/TimeZone once.
 */
import { describeValue } from '../domain/errors';
import { message, wordOf } from '../domain/messages';

/** A site's regional time zone, as SharePoint's SP.TimeZone describes it. */
export interface ISiteTimeZone {
  /** SP.TimeZone Id, when known. */
  id?: number;
  description?: string;
  /** Minutes to add to the site's standard local time to get UTC (SP.TimeZoneInformation.Bias): 480 for Pacific, -540 for Tokyo. */
  bias: number;
}

/**
 * What a transport that cannot say assumes: the UK, where the product began.
 * @wire SharePoint's own description of its time zone 2 (SP.TimeZone.Description, as
 * /_api/web/RegionalSettings/TimeZone gives it), not the product's words.
 */
export const LONDON: ISiteTimeZone = { id: 2, description: '(UTC) Dublin, Edinburgh, Lisbon, London', bias: 0 };

const DAY: number = 24 * 60 * 60 * 1000;
const PLAIN_DATE: RegExp = /^\d{4}-\d{2}-\d{2}$/;

/** The instant (UTC, no milliseconds) a calendar date starts in the site's standard time. */
export function siteInstant(date: string, zone: ISiteTimeZone): string {
  const day: number = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (isNaN(day)) {
    throw new RangeError(`${describeValue(date)} ${wordOf(message('notACalendarDate', {}))}`);
  }
  return new Date(day + zone.bias * 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The calendar date an instant SharePoint gave for a date-only column stands for in the site's
 * time zone: the nearest midnight in its standard time. Nearest, because in summer time the day
 * starts an hour earlier than in standard time, and because items written by older versions of
 * the product hold UTC midnight, hours from the site's; both still give the date people entered.
 * A plain calendar date is returned as it is.
 */
export function calendarDate(value: string, zone: ISiteTimeZone): string | undefined {
  if (PLAIN_DATE.test(value)) {
    return value;
  }
  const t: number = Date.parse(value);
  if (isNaN(t)) {
    return undefined;
  }
  const local: number = t - zone.bias * 60000;
  return new Date(Math.round(local / DAY) * DAY).toISOString().slice(0, 10);
}

/** The time zone source a transport may offer. */
export interface ITimeZoneSource {
  /** The site's regional time zone (RegionalSettings/TimeZone). */
  timeZone?(): Promise<ISiteTimeZone>;
}
