/**
 * The one boundary between the transports' protocol-neutral rows (transport.ts' Row: values by
 * column, lookups as ids) and the records the rest of the data layer still reads (SharePoint
 * REST's JSON-light shape: "WorkstreamId", "AuthorId", "__etag"). Every transport — PnPjs,
 * Graph, memory — decodes its own wire format into rows and encodes writes from column values;
 * none converts to another protocol's shape. Only here are rows turned into records and records'
 * writes into column values, for the readers and writers (mapping.ts, fields.ts, the writes and
 * the exchange) until they read rows themselves.
 */
import { columnNamed, COLUMNS, restName, type IColumn } from './lists';
import type { ListRecord, PeopleLookup } from './mapping';
import { ETAG } from './picture';
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

/** A row as a REST record: Id, the ETag (none when the row has none), AuthorId, Created, Modified and each value under its REST name. */
export function rowToRecord(list: ListKey, row: Row): ListRecord {
  const record: ListRecord = { Id: row.id };
  if (row.etag !== '') {
    record[ETAG] = row.etag;
  }
  if (row.author && row.author.id !== undefined) {
    record.AuthorId = row.author.id;
  }
  if (row.created !== undefined) {
    record.Created = row.created;
  }
  if (row.modified !== undefined) {
    record.Modified = row.modified;
  }
  for (const column of Object.keys(row.values)) {
    const c: IColumn | undefined = columnNamed(list, column);
    record[c ? restName(c) : column] = row.values[column];
  }
  return record;
}

/**
 * A record's properties to write as column values. A property that names no column of the list
 * is passed on as it is, for the transport (and the site) to refuse as SharePoint refuses it.
 */
export function recordToValues(list: ListKey, record: ListRecord): RowValues {
  const columns: Map<string, IColumn> = byRestName(list);
  const values: RowValues = {};
  for (const key of Object.keys(record)) {
    const c: IColumn | undefined = columns.get(key);
    values[c ? c.name : key] = record[key];
  }
  return values;
}

/** A refusal whose `current` (the item as it now is, on a conflict) is a row, with that row as a record. */
function currentAsRecord(e: unknown, list: ListKey): unknown {
  const error = e as { current?: unknown };
  if (error && typeof error === 'object' && isRow(error.current)) {
    try {
      (error as { current: unknown }).current = rowToRecord(list, error.current);
    } catch {
      // A read-only `current` stays as it came.
    }
  }
  return e;
}

function isRow(x: unknown): x is Row {
  return !!x && typeof x === 'object' && typeof (x as Row).id === 'number' && typeof (x as Row).values === 'object' && (x as Row).values !== null;
}

/** The data layer's records over a transport's rows: the one adapter between the two shapes. */
export class RecordsOverRows implements IListTransport {
  private readonly _rows: IRowTransport;
  /** The transport's list stamps, where it has them. */
  public listStamps?: (lists: ListKey[], action: string) => Promise<{ [list: string]: string }>;

  constructor(rows: IRowTransport) {
    this._rows = rows;
    const stamps: IRowTransport['listStamps'] = rows.listStamps;
    if (stamps) {
      this.listStamps = (lists: ListKey[], action: string) => stamps.call(rows, lists, action);
    }
  }

  public async read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    const result = await this._rows.read(queries, options);
    const records: { [name: string]: ListRecord[] } = {};
    for (const name of Object.keys(result.records)) {
      records[name] = result.records[name].map((r) => rowToRecord(queries[name].list, r));
    }
    return { ...result, records };
  }

  public async create(list: ListKey, record: ListRecord, action: string): Promise<ListRecord> {
    return rowToRecord(list, await this._rows.create(list, recordToValues(list, record), action));
  }

  public async createMany(list: ListKey, records: ListRecord[], action: string): Promise<ListRecord[]> {
    const rows: Row[] = await this._rows.createMany(list, records.map((r) => recordToValues(list, r)), action);
    return rows.map((r) => rowToRecord(list, r));
  }

  public async update(list: ListKey, id: number, record: ListRecord, etag: string, action: string): Promise<ListRecord> {
    try {
      return rowToRecord(list, await this._rows.update(list, id, recordToValues(list, record), etag, action));
    } catch (e) {
      throw currentAsRecord(e, list);
    }
  }

  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    const out: Array<WriteOf<RowValues>> = writes.map((w) => (w.op === 'remove' ? w : { ...w, record: recordToValues(w.list, w.record) }));
    const outcomes = await this._rows.writeMany(out, action);
    return outcomes.map((o, i): WriteOutcome => (o.done ? (o.record ? { done: true, record: rowToRecord(writes[i].list, o.record) } : { done: true }) : { done: false, error: currentAsRecord(o.error, writes[i].list) }));
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    try {
      await this._rows.remove(list, id, etag, action);
    } catch (e) {
      throw currentAsRecord(e, list);
    }
  }

  public async versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    return (await this._rows.versions(list, id, action)).map((v) => ({ ...v, record: rowToRecord(list, v.record) }));
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
