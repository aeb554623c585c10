/**
 * Date-only columns in the site's regional time zone. SharePoint keeps a date-only value as the
 * instant the day starts in the site's time zone (a London site's 1 June 2023 is
 * 2023-05-31T23:00:00Z in summer time; a Pacific site's is 2023-06-01T07:00:00Z), and both REST
 * and Graph give that instant in UTC. Rows in the data layer carry plain calendar dates
 * ("2023-06-01"); this transport turns them into the site's instants on the way out and back
 * into calendar dates on the way in, reading the time zone from
 * /_api/web/RegionalSettings/TimeZone once.
 */
import { COLUMNS } from './lists';
import type { PeopleLookup } from './mapping';
import type { ICurrentUser, ListKey, UserRights } from './repository';
import type { IReadResultOf, IRowTransport, IVersionOf, QuerySet, Row, RowValues, WriteOf, WriteOutcomeOf } from './transport';

/** A site's regional time zone, as SharePoint's SP.TimeZone describes it. */
export interface ISiteTimeZone {
  /** SP.TimeZone Id, when known. */
  id?: number;
  description?: string;
  /** Minutes to add to the site's standard local time to get UTC (SP.TimeZoneInformation.Bias): 480 for Pacific, -540 for Tokyo. */
  bias: number;
}

/** What a transport that cannot say assumes: the UK, where the product began. */
export const LONDON: ISiteTimeZone = { id: 2, description: '(UTC) Dublin, Edinburgh, Lisbon, London', bias: 0 };

const DAY: number = 24 * 60 * 60 * 1000;
const PLAIN_DATE: RegExp = /^\d{4}-\d{2}-\d{2}$/;

/** The instant (UTC, no milliseconds) a calendar date starts in the site's standard time. */
export function siteInstant(date: string, zone: ISiteTimeZone): string {
  const day: number = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (isNaN(day)) {
    throw new Error(`Not a calendar date: ${date}`);
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

/** The date-only columns of a list. */
function dateColumns(list: ListKey): string[] {
  return COLUMNS[list].filter((c) => c.kind === 'date').map((c) => c.name);
}

/** Column values with their date-only values converted by `convert` (others untouched). */
function convertValues(list: ListKey, values: RowValues, convert: (value: string) => string | undefined): RowValues {
  const columns: string[] = dateColumns(list);
  if (columns.length === 0 || !values) {
    return values;
  }
  const out: RowValues = { ...values };
  for (const name of columns) {
    const v: unknown = out[name];
    if (typeof v === 'string' && v !== '') {
      const converted: string | undefined = convert(v);
      out[name] = converted === undefined ? null : converted;
    }
  }
  return out;
}

/** A transport's row with its date-only values converted by `convert`. */
function convertRow(list: ListKey, row: Row, convert: (value: string) => string | undefined): Row {
  return row ? { ...row, values: convertValues(list, row.values, convert) } : row;
}

/** The time zone source a transport may offer. */
export interface ITimeZoneSource {
  /** The site's regional time zone (RegionalSettings/TimeZone). */
  timeZone?(): Promise<ISiteTimeZone>;
}

/**
 * A transport that reads and writes date-only columns in the site's time zone, around one that
 * carries SharePoint's UTC instants. A transport that cannot read the time zone is taken to be
 * on a London site, as the product assumed before sites elsewhere were considered.
 */
export class SiteDateTransport implements IRowTransport {
  private readonly _inner: IRowTransport & ITimeZoneSource;
  private _zone?: Promise<ISiteTimeZone>;

  /** The inner transport's list stamps, where it has them (dates are not in them). */
  public listStamps?: (lists: ListKey[], action: string) => Promise<{ [list: string]: string }>;

  constructor(inner: IRowTransport & ITimeZoneSource) {
    this._inner = inner;
    const stamps: IRowTransport['listStamps'] = inner.listStamps;
    if (stamps) {
      this.listStamps = (lists: ListKey[], action: string) => stamps.call(inner, lists, action);
    }
  }

  /** The site's time zone, read once. A failure is not kept, so the next call asks again. */
  public zone(): Promise<ISiteTimeZone> {
    if (!this._zone) {
      const asked: Promise<ISiteTimeZone> = this._inner.timeZone ? this._inner.timeZone() : Promise.resolve(LONDON);
      this._zone = asked;
      asked.catch(() => {
        this._zone = undefined;
      });
    }
    return this._zone;
  }

  private async _in(list: ListKey, row: Row): Promise<Row> {
    const zone: ISiteTimeZone = await this.zone();
    return convertRow(list, row, (v) => calendarDate(v, zone));
  }

  private async _out(list: ListKey, values: RowValues): Promise<RowValues> {
    const zone: ISiteTimeZone = await this.zone();
    return convertValues(list, values, (v) => (PLAIN_DATE.test(v.slice(0, 10)) ? siteInstant(v, zone) : v));
  }

  public async read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResultOf<Row>> {
    // The zone is asked for with the records (in the same $batch where the transport batches the
    // reads of a turn), but awaited after them: a read that fails (signed out, no access) fails
    // as itself.
    const reading: Promise<IReadResultOf<Row>> = this._inner.read(queries, options);
    const zoning: Promise<ISiteTimeZone> = this.zone();
    zoning.catch(() => undefined);
    const result: IReadResultOf<Row> = await reading;
    const zone: ISiteTimeZone = await zoning;
    const records: { [name: string]: Row[] } = {};
    for (const name of Object.keys(result.records)) {
      const list: ListKey = queries[name].list;
      records[name] = result.records[name].map((r) => convertRow(list, r, (v) => calendarDate(v, zone)));
    }
    return { ...result, records };
  }

  public async create(list: ListKey, record: RowValues, action: string): Promise<Row> {
    return this._in(list, await this._inner.create(list, await this._out(list, record), action));
  }

  public async createMany(list: ListKey, records: RowValues[], action: string): Promise<Row[]> {
    const out: RowValues[] = await Promise.all(records.map((r) => this._out(list, r)));
    const stored: Row[] = await this._inner.createMany(list, out, action);
    return Promise.all(stored.map((r) => this._in(list, r)));
  }

  public async update(list: ListKey, id: number, record: RowValues, etag: string, action: string): Promise<Row> {
    const zone: ISiteTimeZone = await this.zone();
    try {
      return this._in(list, await this._inner.update(list, id, await this._out(list, record), etag, action));
    } catch (e) {
      throw withCurrentIn(e, list, zone);
    }
  }

  public async writeMany(writes: Array<WriteOf<RowValues>>, action: string): Promise<Array<WriteOutcomeOf<Row>>> {
    const zone: ISiteTimeZone = await this.zone();
    const out: Array<WriteOf<RowValues>> = await Promise.all(writes.map(async (w) => (w.op === 'remove' ? w : { ...w, record: await this._out(w.list, w.record) })));
    const outcomes: Array<WriteOutcomeOf<Row>> = await this._inner.writeMany(out, action);
    return outcomes.map((o, i) => (o.done ? (o.record ? { done: true, record: convertRow(writes[i].list, o.record, (v) => calendarDate(v, zone)) } : o) : { done: false, error: withCurrentIn(o.error, writes[i].list, zone) }));
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    const zone: ISiteTimeZone = await this.zone();
    try {
      await this._inner.remove(list, id, etag, action);
    } catch (e) {
      throw withCurrentIn(e, list, zone);
    }
  }

  public async versions(list: ListKey, id: number, action: string): Promise<Array<IVersionOf<Row>>> {
    const versions: Array<IVersionOf<Row>> = await this._inner.versions(list, id, action);
    const zone: ISiteTimeZone = await this.zone();
    return versions.map((v) => ({ ...v, record: convertRow(list, v.record, (x) => calendarDate(x, zone)) }));
  }

  public currentUser(): Promise<ICurrentUser> {
    return this._inner.currentUser();
  }

  public rights(): Promise<UserRights> {
    return this._inner.rights();
  }

  public people(): Promise<PeopleLookup> {
    return this._inner.people();
  }
}

/** A conflict's `current` row (the server's version) with its dates as calendar dates too. */
function withCurrentIn(e: unknown, list: ListKey, zone: ISiteTimeZone): unknown {
  const error = e as { current?: unknown };
  if (error && typeof error === 'object' && error.current && typeof error.current === 'object' && (error.current as Row).values) {
    try {
      (error as { current: Row }).current = convertRow(list, error.current as Row, (v) => calendarDate(v, zone));
    } catch {
      // A read-only `current` stays as it came.
    }
  }
  return e;
}
