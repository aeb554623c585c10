/**
 * An in-memory SharePoint site and a list transport over it: the site keeps its lists as records
 * in SharePoint REST's shape (as the local stack's SharePoint does); the transport gives them as
 * rows and writes rows' values (restRows.ts), under the real ProgrammeRepository. It keeps what SharePoint itself enforces —
 * per-list rights (403), ETags bumped on every write and refused when stale (412, with the
 * current item), unique request keys (a second create with the same key is refused), items that
 * no longer exist (404), columns the list does not have — and nothing of what the product
 * decides: that is the repository's, as over PnPjs or Graph. Its failures are the same
 * DataErrors, made by the same {@link errorFromResponse} from SharePoint-shaped answers.
 *
 * Browser-safe (no Node modules): the dashboard's and the pane's tests run over it, and so could
 * a demo without a server. Small hooks inject what tests of the UI need from a network — a
 * failure of the next matching call, a lost answer, a held (slow) call — without re-implementing
 * any rule.
 */
import { message, wordOf } from '../../domain/messages';
import { readAction } from '../errors';
import { errorFromResponse, networkError } from '../httpErrors';
import { COLUMNS, readColumns, readsStamps, REQUEST_KEY, restName, type IColumnsRead } from '../lists';
import type { PeopleLookup } from '../mapping';
import { peopleFrom } from '../picture';
import { NO_RIGHTS } from '../principal';
import { queryColumns, rowPredicate } from '../query';
import { LIST_TITLES, type ICurrentUser, type IListRights, type ListKey, type UserRights } from '../repository';
import { restToRow, valuesToRest, type RestItem } from '../sharepoint/restRows';
import type { IReadResult, IRowTransport, IVersionRecord, ListWrite, QuerySet, Row, RowValues, WriteOutcome } from '../transport';

/** The property the in-memory site keeps each item's ETag in, beside the item's REST properties. */
const ETAG: string = '__etag';

/** A user of the in-memory site. */
export interface IMemoryUser {
  id: number;
  name: string;
  /** Login, e-mail style. */
  login: string;
  email?: string;
}

/** What the transport is asked to do, for hooks to match. */
export interface IMemoryCall {
  op: 'read' | 'create' | 'update' | 'remove' | 'versions' | 'currentUser' | 'rights' | 'people';
  /** The lists the call touches. */
  lists: ListKey[];
  /** What the user is doing, as the repository words it. */
  action: string;
}

/** Picks calls for a hook. */
export type MemoryCallMatcher = (call: IMemoryCall) => boolean;

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Orders values as SharePoint orders a column: numbers as numbers, text as text. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return a === b ? 0 : String(a) < String(b) ? -1 : 1;
}

/** SharePoint's error body, as errorFromResponse reads it. */
function body(code: string, message: string): string {
  return JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

/**
 * The site: lists of records, people and what each may do. Tests (and seeders) change it
 * directly, as another user or a site owner would outside the product.
 */
export class MemorySite {
  private readonly _lists: { [list in ListKey]: RestItem[] };
  private readonly _nextId: { [list in ListKey]: number };
  /** Earlier versions of each item, oldest first, by list and id: SharePoint's version history. */
  private readonly _history: { [key: string]: RestItem[] } = {};
  private readonly _users: IMemoryUser[];
  private readonly _rights: Map<string, UserRights> = new Map<string, UserRights>();
  private _clock: () => string;
  /** Every call any transport made to the site, in order: its "round trips". */
  public readonly calls: IMemoryCall[] = [];

  /**
   * @param users - the site's people.
   * @param rightsOf - what each user may do on each list (as their SharePoint groups give it).
   */
  constructor(users: IMemoryUser[], rightsOf: (user: IMemoryUser) => UserRights, clock: () => string = () => new Date().toISOString()) {
    this._users = copy(users);
    for (const u of this._users) {
      this._rights.set(u.login.toLowerCase(), copy(rightsOf(u)));
    }
    const keys: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];
    this._lists = {} as { [list in ListKey]: RestItem[] };
    this._nextId = {} as { [list in ListKey]: number };
    for (const k of keys) {
      this._lists[k] = [];
      this._nextId[k] = 1;
    }
    this._clock = clock;
  }

  /** A copy of the site as it is now: its lists, people, rights and clock; nothing shared. */
  public clone(): MemorySite {
    const twin: MemorySite = new MemorySite(this._users, (u) => this.rightsOf(u.login), this._clock);
    for (const k of Object.keys(this._lists) as ListKey[]) {
      twin._lists[k] = copy(this._lists[k]);
      twin._nextId[k] = this._nextId[k];
    }
    for (const key of Object.keys(this._history)) {
      twin._history[key] = copy(this._history[key]);
    }
    return twin;
  }

  /** Sets what time it is for the items' Created and Modified from now on (ISO date-time). */
  public setClock(clock: () => string): void {
    this._clock = clock;
  }

  /** What time it is on the site (ISO date-time), as its items' Created and Modified say. */
  public now(): string {
    return this._clock();
  }

  /** The site's people. */
  public get users(): IMemoryUser[] {
    return copy(this._users);
  }

  /** A user by login (any case). */
  public user(login: string): IMemoryUser | undefined {
    return this._users.filter((u) => u.login.toLowerCase() === login.toLowerCase())[0];
  }

  /** What a user may do on each list. */
  public rightsOf(login: string): UserRights {
    const rights: UserRights | undefined = this._rights.get(login.toLowerCase());
    if (rights) {
      return copy(rights);
    }
    const none: { [list: string]: IListRights } = {};
    for (const k of Object.keys(LIST_TITLES)) {
      none[k] = { ...NO_RIGHTS };
    }
    return none as UserRights;
  }

  /** Gives a user other rights, as a site owner changing their groups would. */
  public setRights(login: string, rights: UserRights): void {
    this._rights.set(login.toLowerCase(), copy(rights));
  }

  /** Every record of a list as stored (copies), with the request key and the ETag. */
  public records(list: ListKey): RestItem[] {
    return copy(this._lists[list]);
  }

  /** One record as stored (a copy), or undefined. */
  public record(list: ListKey, id: number): RestItem | undefined {
    return copy(this._find(list, id));
  }

  private _find(list: ListKey, id: number): RestItem | undefined {
    return this._lists[list].filter((r) => r.Id === id)[0];
  }

  /** Refuses a column the list does not have, as SharePoint refuses a property it does not know. */
  private _checkColumns(list: ListKey, record: RestItem, action: string): void {
    const known: string[] = COLUMNS[list].map(restName);
    for (const key of Object.keys(record)) {
      if (known.indexOf(key) < 0) {
        throw errorFromResponse({
          status: 400,
          body: body('-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${key}' does not exist on type 'SP.Data.ListItem'.`),
          action
        });
      }
    }
  }

  /**
   * Adds an item as a user, with no check of their rights (a seeder or a site owner); the
   * columns and unique request keys are checked as SharePoint checks them.
   */
  public add(list: ListKey, record: RestItem, authorId: number, action: string = wordOf(message('addToList', { list: LIST_TITLES[list] }))): RestItem {
    this._checkColumns(list, record, action);
    const key: unknown = record[REQUEST_KEY];
    if (key !== undefined && key !== null && this._lists[list].some((r) => r[REQUEST_KEY] === key)) {
      // As SharePoint REST answers a unique column's duplicate (and the emulator, src/emulator/sprest.ts).
      throw errorFromResponse({
        status: 400,
        body: body('-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'),
        action
      });
    }
    const now: string = this._clock();
    const stored: RestItem = { ...copy(record), Id: this._nextId[list]++, AuthorId: authorId, EditorId: authorId, Created: now, Modified: now, [ETAG]: '"1"' };
    this._lists[list].push(stored);
    return copy(stored);
  }

  /** Changes an item outside the product (another user, a site owner): its ETag moves on. */
  public change(list: ListKey, id: number, changes: RestItem, editorId?: number, action: string = `change ${LIST_TITLES[list]}`): RestItem {
    this._checkColumns(list, changes, action);
    const item: RestItem | undefined = this._find(list, id);
    if (!item) {
      throw errorFromResponse({ status: 404, body: body('-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'), action });
    }
    // Every list keeps versions: the item as it was becomes an earlier version.
    const key: string = `${list}/${id}`;
    this._history[key] = [...(this._history[key] || []), copy(item)];
    Object.assign(item, copy(changes), {
      Modified: this._clock(),
      EditorId: editorId === undefined ? item.EditorId : editorId,
      [ETAG]: `"${parseInt(String(item[ETAG]).replace(/"/g, ''), 10) + 1}"`
    });
    return copy(item);
  }

  /** Deletes an item outside the product. */
  public delete(list: ListKey, id: number): void {
    this._lists[list] = this._lists[list].filter((r) => r.Id !== id);
    delete this._history[`${list}/${id}`];
  }

  /**
   * An item's versions, newest first, as SharePoint's version history gives them: the current
   * one, then each earlier one with who saved it and when. Undefined when the item does not exist.
   */
  public versions(list: ListKey, id: number): Array<{ label: string; record: RestItem; current: boolean }> | undefined {
    const item: RestItem | undefined = this._find(list, id);
    if (!item) {
      return undefined;
    }
    const all: RestItem[] = [...(this._history[`${list}/${id}`] || []), item];
    return all.map((r, i) => ({ label: `${i + 1}.0`, record: copy(r), current: i === all.length - 1 })).reverse();
  }
}

/**
 * A stored record as the transports give it: a row of the columns read (all the product reads, or
 * only those named, a column empty as null) with the ETag. Who made it and when as they say it:
 * none to a read naming its columns; to a read of the list's items (a query, an update's read-back)
 * only for the lists whose authors the product shows (lists.ts's readsStamps), and never the time
 * it was changed; all of them with a new item or a version.
 */
function asRead(list: ListKey, record: RestItem, options: { read?: IColumnsRead; as?: 'read' | 'made' } = {}): Row {
  const stored: Row = restToRow(list, copy(record), String(record[ETAG]));
  const values: RowValues = {};
  const columns: readonly string[] | undefined = options.read && options.read.only;
  const as: 'read' | 'made' = options.as || 'made';
  for (const c of readColumns(list, options.read)) {
    values[c.name] = stored.values[c.name] === undefined ? (c.kind === 'userMulti' ? [] : null) : stored.values[c.name];
  }
  const { author, created, modified } = stored;
  if (columns || (as === 'read' && !readsStamps(list))) {
    return { id: stored.id, etag: stored.etag, values };
  }
  return as === 'read' ? { id: stored.id, etag: stored.etag, author, created, values } : { id: stored.id, etag: stored.etag, author, created, modified, values };
}

interface IFailure {
  matches: MemoryCallMatcher;
  error: unknown;
}

/** A list transport over a {@link MemorySite}, acting as one of its users. */
export class MemoryTransport implements IRowTransport {
  private readonly _site: MemorySite;
  private readonly _login: string;
  private _failures: IFailure[] = [];
  private _lost: MemoryCallMatcher[] = [];
  private _gate: Promise<void> | undefined;
  /** Every call, in order. */
  public readonly calls: IMemoryCall[] = [];

  private readonly _ready?: Promise<unknown>;

  /**
   * @param ready - what every call waits for first (a site still being seeded asynchronously).
   */
  constructor(site: MemorySite, login: string, ready?: Promise<unknown>) {
    this._site = site;
    this._login = login;
    this._ready = ready;
  }

  /** The user the transport acts as. */
  public get login(): string {
    return this._login;
  }

  /** The site the transport reads and writes. */
  public get site(): MemorySite {
    return this._site;
  }

  // ---- hooks ----

  /** The next call that matches (any call, if no matcher) fails with this error instead of running. */
  public failNext(error: unknown, matches: MemoryCallMatcher = () => true): void {
    this._failures.push({ matches, error });
  }

  /** The next matching call does its work, then its answer is lost on the way back (a network error). */
  public loseNextAnswer(matches: MemoryCallMatcher): void {
    this._lost.push(matches);
  }

  /** Holds every call from now on until the returned function is called (a slow network). */
  public hold(): () => void {
    let release: () => void = () => undefined;
    this._gate = new Promise<void>((resolve) => {
      release = () => {
        this._gate = undefined;
        resolve();
      };
    });
    return release;
  }

  private async _call<T>(call: IMemoryCall, work: () => T): Promise<T> {
    this.calls.push(call);
    this._site.calls.push(call);
    // Answer asynchronously, as a network would.
    await Promise.resolve();
    if (this._ready) {
      await this._ready;
    }
    while (this._gate) {
      await this._gate;
    }
    const i: number = this._failures.findIndex((f) => f.matches(call));
    if (i >= 0) {
      throw this._failures.splice(i, 1)[0].error;
    }
    const result: T = work();
    const lost: number = this._lost.findIndex((m) => m(call));
    if (lost >= 0) {
      this._lost.splice(lost, 1);
      // As Node's fetch (undici) fails when the connection drops; kept as serverMessage, for logs.
      // @wire the platform's own message for a dropped connection (undici's TypeError), not the product's words.
      throw networkError(call.action, new TypeError('fetch failed'));
    }
    return result;
  }

  private _user(): IMemoryUser {
    const user: IMemoryUser | undefined = this._site.user(this._login);
    if (!user) {
      throw errorFromResponse({ status: 401, body: body('-2147024891, System.UnauthorizedAccessException', 'Access denied.'), action: readAction('reachSite') });
    }
    return user;
  }

  private _require(list: ListKey, right: keyof IListRights, action: string): IMemoryUser {
    const user: IMemoryUser = this._user();
    if (!this._site.rightsOf(user.login)[list][right]) {
      throw errorFromResponse({
        status: 403,
        body: body('-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.'),
        action
      });
    }
    return user;
  }

  public read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    const names: string[] = Object.keys(queries);
    return this._call({ op: 'read', lists: names.map((n) => queries[n].list), action: options.action }, () => {
      const records: { [name: string]: Row[] } = {};
      for (const name of names) {
        const q = queries[name];
        this._require(q.list, 'view', options.action);
        // Filtered and ordered on every column the site keeps (the request key too, which no read gives).
        let found: Array<{ stored: RestItem; row: Row }> = this._site.records(q.list).map((stored) => ({ stored, row: restToRow(q.list, stored, String(stored[ETAG])) }));
        if (q.id !== undefined) {
          found = found.filter((f) => f.row.id === q.id);
        } else if (q.filter) {
          const matches: (r: Row) => boolean = rowPredicate(q.list, q.filter);
          found = found.filter((f) => matches(f.row));
        }
        const by = (r: Row): unknown => (q.orderBy ? r.values[q.orderBy] : r.id);
        const columns: readonly string[] | undefined = queryColumns(q);
        records[name] = found.sort((x, y) => compare(by(x.row), by(y.row)) || x.row.id - y.row.id).map((f) => asRead(q.list, f.stored, { read: { only: columns, every: q.every }, as: 'read' }));
      }
      return { records, people: options.people ? this._people() : undefined };
    });
  }

  public create(list: ListKey, values: RowValues, action: string): Promise<Row> {
    return this._call({ op: 'create', lists: [list], action }, () => asRead(list, this._site.add(list, valuesToRest(list, values), this._require(list, 'add', action).id, action)));
  }

  public createMany(list: ListKey, records: RowValues[], action: string): Promise<Row[]> {
    return this._call({ op: 'create', lists: [list], action }, () => {
      const user: IMemoryUser = this._require(list, 'add', action);
      return records.map((r) => asRead(list, this._site.add(list, valuesToRest(list, r), user.id, action)));
    });
  }

  /** The item as stored when its ETag still matches: 404 when it is gone, 412 (with it) when it changed. */
  private _matching(list: ListKey, id: number, etag: string, action: string): RestItem {
    const current: RestItem | undefined = this._site.record(list, id);
    if (!current) {
      throw errorFromResponse({ status: 404, body: body('-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'), action });
    }
    if (etag !== '*' && etag !== current[ETAG]) {
      throw errorFromResponse({
        status: 412,
        body: body('-1, Microsoft.SharePoint.Client.ClientServiceException', 'The request ETag value does not match the object\'s ETag value.'),
        action,
        current: asRead(list, current, { as: 'read' })
      });
    }
    return current;
  }

  public update(list: ListKey, id: number, values: RowValues, etag: string, action: string): Promise<Row> {
    return this._call({ op: 'update', lists: [list], action }, () => {
      const user: IMemoryUser = this._require(list, 'edit', action);
      this._matching(list, id, etag, action);
      return asRead(list, this._site.change(list, id, valuesToRest(list, values), user.id, action), { as: 'read' });
    });
  }

  /**
   * The writes in order, each done or refused alone as in a SharePoint $batch, each matched by
   * the hooks as its own call (op create, update or remove on its list): a test can refuse one.
   */
  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    for (const w of writes) {
      try {
        const record: Row | undefined =
          w.op === 'create'
            ? await this.create(w.list, w.record, action)
            : w.op === 'update'
              ? await this.update(w.list, w.id, w.record, w.etag, action)
              : await this.remove(w.list, w.id, w.etag, action).then(() => undefined);
        outcomes.push({ done: true, record });
      } catch (error) {
        outcomes.push({ done: false, error });
      }
    }
    return outcomes;
  }

  public remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    return this._call({ op: 'remove', lists: [list], action }, () => {
      this._require(list, 'delete', action);
      this._matching(list, id, etag, action);
      this._site.delete(list, id);
    });
  }

  public versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    return this._call({ op: 'versions', lists: [list], action }, () => {
      this._require(list, 'view', action);
      const versions = this._site.versions(list, id);
      if (!versions) {
        throw errorFromResponse({ status: 404, body: body('-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'), action });
      }
      return versions.map((v) => {
        const editor: IMemoryUser | undefined = this._site.users.filter((u) => u.id === v.record.EditorId)[0];
        return {
          label: v.label,
          at: String(v.record.Modified),
          editorId: typeof v.record.EditorId === 'number' ? v.record.EditorId : undefined,
          editorName: editor ? editor.name : undefined,
          current: v.current,
          record: asRead(list, v.record)
        };
      });
    });
  }

  public currentUser(): Promise<ICurrentUser> {
    return this._call({ op: 'currentUser', lists: [], action: readAction('whoYouAre') }, () => {
      const u: IMemoryUser = this._user();
      return { id: u.id, name: u.name, login: u.login, email: u.email };
    });
  }

  public rights(): Promise<UserRights> {
    return this._call({ op: 'rights', lists: [], action: readAction('permissions') }, () => this._site.rightsOf(this._user().login));
  }

  public people(): Promise<PeopleLookup> {
    return this._call({ op: 'people', lists: [], action: readAction('people') }, () => this._people());
  }

  private _people(): PeopleLookup {
    return peopleFrom(this._site.users.map((u) => ({ id: u.id, name: u.name, email: u.email || u.login })));
  }
}

