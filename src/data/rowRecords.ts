/**
 * The one boundary between the transports' protocol-neutral rows (transport.ts' Row: values by
 * column, lookups as ids) and the records the rest of the data layer still reads (SharePoint
 * REST's JSON-light shape: "WorkstreamId", "AuthorId", "__etag"). Every transport — PnPjs,
 * Graph, memory — decodes its own wire format into rows and encodes writes from column values;
 * none converts to another protocol's shape. Only here are rows turned into records and records'
 * writes into column values, for the readers and writers (mapping.ts, fields.ts, the writes and
 * the exchange) until they read rows themselves. Here too date-only values become calendar dates
 * in the site's time zone on the way in and the site's instants on the way out (siteDates.ts).
 */
import { columnNamed, COLUMNS, restName, type IColumn } from './lists';
import type { ListRecord, PeopleLookup } from './mapping';
import { ETAG } from './picture';
import { calendarDate, LONDON, siteInstant, type ISiteTimeZone, type ITimeZoneSource } from './siteDates';
import type { ICurrentUser, ListKey, UserRights } from './repository';
import type { IListTransport, IReadResult, IRowTransport, IVersionRecord, ListWrite, QuerySet, Row, RowValues, WriteOf, WriteOutcome } from './transport';

/** A list's columns by the name they go by in REST's records ("WorkstreamId" → the Workstream lookup). */
const BY_REST_NAME: Map<ListKey, Map<string, IColumn>> = new Map<ListKey, Map<string, IColumn>>();

function byRestName(list: ListKey): Map<string, IColumn> {
  let found: Map<string, IColumn> | undefined = BY_REST_NAME.get(list);
  if (!found) {
    found = new Map<string, IColumn>(COLUMNS[list].map((c) => [restName(c), c] as [string, IColumn]));
    BY_REST_NAME.set(list, found);
  }
  return found;
}

const PLAIN_DATE: RegExp = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A row as a REST record: Id, the ETag (none when the row has none), AuthorId, Created, Modified
 * and each value under its REST name; with a zone, a date-only column's instant as the calendar
 * date it stands for on the site.
 */
export function rowToRecord(list: ListKey, row: Row, zone?: ISiteTimeZone): ListRecord {
  // What the row does not have is undefined, as a record without it reads.
  const record: ListRecord = { Id: row.id, [ETAG]: row.etag || undefined, AuthorId: row.author && row.author.id, Created: row.created, Modified: row.modified };
  for (const column of Object.keys(row.values)) {
    const c: IColumn | undefined = columnNamed(list, column);
    let v: unknown = row.values[column];
    if (zone && c && c.kind === 'date' && typeof v === 'string' && v !== '') {
      v = calendarDate(v, zone);
      v = v === undefined ? null : v;
    }
    record[c ? restName(c) : column] = v;
  }
  return record;
}

/**
 * A record's properties to write as column values; with a zone, a calendar date for a date-only
 * column as the instant the day starts on the site. A property that names no column of the list
 * is passed on as it is, for the transport (and the site) to refuse as SharePoint refuses it.
 */
export function recordToValues(list: ListKey, record: ListRecord, zone?: ISiteTimeZone): RowValues {
  const columns: Map<string, IColumn> = byRestName(list);
  const values: RowValues = {};
  for (const key of Object.keys(record)) {
    const c: IColumn | undefined = columns.get(key);
    const v: unknown = record[key];
    values[c ? c.name : key] = zone && c && c.kind === 'date' && typeof v === 'string' && PLAIN_DATE.test(v.slice(0, 10)) ? siteInstant(v, zone) : v;
  }
  return values;
}

/** A refusal whose `current` (the item as it now is, on a conflict) is a row, with that row as a record. */
function currentAsRecord(e: unknown, list: ListKey, zone: ISiteTimeZone): unknown {
  const error = e as { current?: unknown };
  if (error && typeof error === 'object' && isRow(error.current)) {
    try {
      (error as { current: unknown }).current = rowToRecord(list, error.current, zone);
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
 * The data layer's records over a transport's rows: the one adapter between the two shapes, and
 * where date-only columns are read and written in the site's time zone (read from the transport
 * once; a transport that cannot say is taken to be on a London site, as the product assumed
 * before sites elsewhere were considered). It tells `onWrite` of each write's lists before the
 * write is sent (the repository drops what a write makes out of date).
 */
export class RecordsOverRows implements IListTransport {
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
    const records: { [name: string]: ListRecord[] } = {};
    for (const name of Object.keys(result.records)) {
      records[name] = result.records[name].map((r) => rowToRecord(queries[name].list, r, zone));
    }
    return { ...result, records };
  }

  public async create(list: ListKey, record: ListRecord, action: string): Promise<ListRecord> {
    return (await this.createMany(list, [record], action, true))[0];
  }

  /** Several new items; `one` for a single create (the transport's own create). */
  public async createMany(list: ListKey, records: ListRecord[], action: string, one?: boolean): Promise<ListRecord[]> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    const values: RowValues[] = records.map((r) => recordToValues(list, r, zone));
    const rows: Row[] = one ? [await this._rows.create(list, values[0], action)] : await this._rows.createMany(list, values, action);
    return rows.map((r) => rowToRecord(list, r, zone));
  }

  public async update(list: ListKey, id: number, record: ListRecord, etag: string, action: string): Promise<ListRecord> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    try {
      return rowToRecord(list, await this._rows.update(list, id, recordToValues(list, record, zone), etag, action), zone);
    } catch (e) {
      throw currentAsRecord(e, list, zone);
    }
  }

  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    this._onWrite(writes.map((w) => w.list));
    const zone: ISiteTimeZone = await this.zone();
    const out: Array<WriteOf<RowValues>> = writes.map((w) => (w.op === 'remove' ? w : { ...w, record: recordToValues(w.list, w.record, zone) }));
    const outcomes = await this._rows.writeMany(out, action);
    return outcomes.map((o, i): WriteOutcome => (o.done ? { done: true, record: o.record && rowToRecord(writes[i].list, o.record, zone) } : { done: false, error: currentAsRecord(o.error, writes[i].list, zone) }));
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    this._onWrite([list]);
    const zone: ISiteTimeZone = await this.zone();
    try {
      await this._rows.remove(list, id, etag, action);
    } catch (e) {
      throw currentAsRecord(e, list, zone);
    }
  }

  public async versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    const versions = await this._rows.versions(list, id, action);
    const zone: ISiteTimeZone = await this.zone();
    return versions.map((v) => ({ ...v, record: rowToRecord(list, v.record, zone) }));
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
