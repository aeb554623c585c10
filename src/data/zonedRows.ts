/**
 * The one place between the transports and the data layer: where a date-only column's value
 * becomes the calendar date it stands for in the site's time zone on the way in, and the instant
 * that day starts on the site on the way out (siteDates.ts), and where the repository hears of a
 * write before it is sent. Every transport — PnPjs, Graph, memory — decodes its own wire format
 * into rows (transport.ts' Row: values by column, lookups as ids) and encodes writes from column
 * values; the readers and writers above (fields.ts' tables, mapping.ts, the writes, the exchange)
 * read and write those rows, whatever protocol carried them.
 */
import { columnNamed, type IColumn } from './lists';
import type { PeopleLookup } from './mapping';
import { calendarDate, LONDON, siteInstant, type ISiteTimeZone, type ITimeZoneSource } from './siteDates';
import type { ICurrentUser, ListKey, UserRights } from './repository';
import type { IReadResult, IRowTransport, IVersionRecord, ListWrite, QuerySet, Row, RowValues, WriteOutcome } from './transport';

const PLAIN_DATE: RegExp = /^\d{4}-\d{2}-\d{2}$/;

function isDate(c: IColumn | undefined): boolean {
  return !!c && c.kind === 'date';
}

/** A row with each date-only column's instant as the calendar date it stands for on the site. */
export function zonedRow(list: ListKey, row: Row, zone: ISiteTimeZone): Row {
  let values: RowValues | undefined;
  for (const column of Object.keys(row.values)) {
    const v: unknown = row.values[column];
    if (typeof v === 'string' && v !== '' && isDate(columnNamed(list, column))) {
      values = values || { ...row.values };
      const day: string | undefined = calendarDate(v, zone);
      values[column] = day === undefined ? null : day;
    }
  }
  return values ? { ...row, values } : row;
}

/**
 * Column values to write with a calendar date for a date-only column as the instant the day starts
 * on the site. A name that is no column of the list is passed on as it is, for the transport (and
 * the site) to refuse as SharePoint refuses it.
 */
export function siteValues(list: ListKey, values: RowValues, zone: ISiteTimeZone): RowValues {
  const out: RowValues = {};
  for (const column of Object.keys(values)) {
    const v: unknown = values[column];
    out[column] = typeof v === 'string' && PLAIN_DATE.test(v.slice(0, 10)) && isDate(columnNamed(list, column)) ? siteInstant(v, zone) : v;
  }
  return out;
}

/** A refusal whose `current` (the item as it now is, on a conflict) is a row, with that row's dates zoned. */
function currentZoned(e: unknown, list: ListKey, zone: ISiteTimeZone): unknown {
  const error = e as { current?: unknown };
  if (error && typeof error === 'object' && isRow(error.current)) {
    try {
      (error as { current: unknown }).current = zonedRow(list, error.current, zone);
    } catch {
      // A read-only `current` stays as it came.
    }
  }
  return e;
}

function isRow(x: unknown): x is Row {
  return !!x && typeof x === 'object' && !!(x as Row).values;
}

/**
 * A transport's rows with date-only columns read and written in the site's time zone (read from
 * the transport once; a transport that cannot say is taken to be on a London site, as the product
 * assumed before sites elsewhere were considered). It tells `onWrite` of each write's lists before
 * the write is sent (the repository drops what a write makes out of date).
 */
export class ZonedRows implements IRowTransport {
  private readonly _rows: IRowTransport & ITimeZoneSource;
  private readonly _onWrite: (lists: ListKey[]) => void;
  private _zone?: Promise<ISiteTimeZone>;
  /** The transport's list stamps, where it has them (dates are not in them). */
  public listStamps?: (lists: ListKey[], action: string) => Promise<{ [list: string]: string }>;

  constructor(rows: IRowTransport & ITimeZoneSource, onWrite: (lists: ListKey[]) => void = () => undefined) {
    this._rows = rows;
    this._onWrite = onWrite;
    const stamps: IRowTransport['listStamps'] = rows.listStamps;
    if (stamps) {
      this.listStamps = (lists: ListKey[], action: string) => stamps.call(rows, lists, action);
    }
  }

  /** The site's time zone, read once. A failure is not kept, so the next call asks again. */
  public zone(): Promise<ISiteTimeZone> {
    if (!this._zone) {
      const asked: Promise<ISiteTimeZone> = this._rows.timeZone ? this._rows.timeZone() : Promise.resolve(LONDON);
      this._zone = asked;
      asked.catch(() => {
        this._zone = undefined;
      });
    }
    return this._zone;
  }

  public async read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    // The zone is asked for with the rows (in the same $batch where the transport batches the
    // reads of a turn), but awaited after them: a read that fails (signed out, no access) fails
    // as itself.
    const reading = this._rows.read(queries, options);
    const zoning: Promise<ISiteTimeZone> = this.zone();
    zoning.catch(() => undefined);
    const result = await reading;
    const zone: ISiteTimeZone = await zoning;
    const records: { [name: string]: Row[] } = {};
    for (const name of Object.keys(result.records)) {
      records[name] = result.records[name].map((r) => zonedRow(queries[name].list, r, zone));
    }
    return { ...result, records };
  }

  public async create(list: ListKey, values: RowValues, action: string): Promise<Row> {
    return (await this._createMany(list, [values], action, true))[0];
  }

  public createMany(list: ListKey, values: RowValues[], action: string): Promise<Row[]> {
    return this._createMany(list, values, action, false);
  }

  /** Several new items; `one` for a single create (the transport's own create). */
  private async _createMany(list: ListKey, values: RowValues[], action: string, one: boolean): Promise<Row[]> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    const out: RowValues[] = values.map((v) => siteValues(list, v, zone));
    const rows: Row[] = one ? [await this._rows.create(list, out[0], action)] : await this._rows.createMany(list, out, action);
    return rows.map((r) => zonedRow(list, r, zone));
  }

  public async update(list: ListKey, id: number, values: RowValues, etag: string, action: string): Promise<Row> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    try {
      return zonedRow(list, await this._rows.update(list, id, siteValues(list, values, zone), etag, action), zone);
    } catch (e) {
      throw currentZoned(e, list, zone);
    }
  }

  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    this._onWrite(writes.map((w) => w.list));
    const zone: ISiteTimeZone = await this.zone();
    const out: ListWrite[] = writes.map((w) => (w.op === 'remove' ? w : { ...w, record: siteValues(w.list, w.record, zone) }));
    const outcomes: WriteOutcome[] = await this._rows.writeMany(out, action);
    return outcomes.map((o, i): WriteOutcome => (o.done ? { done: true, record: o.record && zonedRow(writes[i].list, o.record, zone) } : { done: false, error: currentZoned(o.error, writes[i].list, zone) }));
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    try {
      await this._rows.remove(list, id, etag, action);
    } catch (e) {
      throw currentZoned(e, list, zone);
    }
  }

  public async versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    const versions: IVersionRecord[] = await this._rows.versions(list, id, action);
    const zone: ISiteTimeZone = await this.zone();
    return versions.map((v) => ({ ...v, record: zonedRow(list, v.record, zone) }));
  }

  public currentUser(): Promise<ICurrentUser> {
    return this._rows.currentUser();
  }

  public rights(): Promise<UserRights> {
    return this._rows.rights();
  }

  public people(): Promise<PeopleLookup> {
    return this._rows.people();
  }
}
