/**
 * The repository over SharePoint REST with @pnp/sp. The host gives it a configured SPFI: in
 * SharePoint `spfi().using(SPFx(context))`; elsewhere `spfi(siteUrl).using(SPBrowser(), …)`.
 * Reads run as one $batch; a save is one $batch holding the change and a read of the item, so a
 * stale ETag's 412 and the server's current version arrive in the same round trip. Its requests
 * are built by restPaths.ts with PnPjs's core factories, not its fluent modules, which the web
 * part's first load would otherwise carry.
 */
import { SPCollection, SPInstance, type ISPCollection, type ISPInstance, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { InjectHeaders, parseBinderWithErrorCheck, type Queryable } from '@pnp/queryable';
import { DataError, isDataError, readAction } from '../errors';
import { message } from '../../domain/messages';
import { errorFromResponse, networkError } from '../httpErrors';
import { selectFor, type PeopleLookup } from '../mapping';
import { peopleFrom } from '../picture';
import { currentUserFrom, rightsByList, type ISharePointUser } from '../principal';
import { ProgrammeRepository, type IRepositoryOptions, type ISessionHints } from '../ProgrammeRepository';
import { columnsRead, fixedColumns, isView, rowPredicate, sharePointFilter, withFixed, type ICondition, type IListQuery } from '../query';
import { LIST_TITLES, type ICurrentUser, type ListKey, type UserRights } from '../repository';
import { createManyByWrites, type IReadResult, type IRowTransport, type IVersionRecord, type ListWrite, type QuerySet, type Row, type RowValues, type WriteOutcome } from '../transport';
import { restToRow, restVersionToRow, valuesToRest, type RestItem } from './restRows';
import { addItem, canManageListsOn, currentUserOf, deleteItem, effectivePermissions, itemById, itemsOf, listByTitle, siteUsersOf, updateItem, versionsOf, webOf } from './restPaths';
import type { ISiteTimeZone, ITimeZoneSource } from '../siteDates';

/**
 * Items a single request asks for: SharePoint's largest page ($top cannot go past the list view
 * threshold of 5,000: PnP-JS-Core #203).
 */
const PAGE: number = 5000;

/** The session hint naming where a whole list's first page ended (see PnpTransport._twoPages). */
const PAGE_END_HINT: string = 'firstPageEnd:';

/**
 * Requests one $batch carries. PnPjs sends 20 a batch unless told (Graph's limit); SharePoint's
 * REST $batch takes up to 100 (pnp/pnpcore #284 — UNCONFIRMED in Microsoft's own docs), and
 * every 20 more would be another round trip, one after the other.
 */
export const MAX_BATCH: number = 100;

/**
 * How many $batches a {@link PnpTransport.writeMany} of more than {@link MAX_BATCH} requests sends
 * at once (the turn's among them); the next as many once those are answered. Microsoft's
 * throttling guidance asks for few concurrent requests and names no number ("Avoid getting
 * throttled or blocked in SharePoint Online"); 4 is this product's choice (UNCONFIRMED as safe).
 */
export const BATCHES_AT_ONCE: number = 4;

/** A page of items as SharePoint REST gives them (decoded into rows by restRows.ts). */
interface IPage {
  value: RestItem[];
  next?: string;
}

/** What SP.List says of when its items last changed. */
interface IListStamp {
  LastItemModifiedDate?: string;
  LastItemDeletedDate?: string;
  ItemCount?: number;
}

/** The $batch of a turn's reads (and writes): see PnpTransport._readBatch. */
interface ITurn {
  sp: SPFI;
  sent: Promise<void>;
  users?: Promise<ISiteUser[]>;
  /** Sends, at the moment the turn's batch is sent, batches of their own that go with it. */
  alongside: Array<() => void>;
}

interface ISiteUser {
  Id: number;
  Title: string;
  Email: string;
}

/**
 * Item reads ask for JSON without OData metadata (`odata=nometadata`): no type, id or edit link
 * on each item, about half of a small row's bytes. A read of items to edit selects the hidden
 * `owshiddenversion` column instead, the number SharePoint's item ETag is made of (restRows.ts's
 * restEtag). The next page's link still comes (OData's JSON format keeps `odata.nextLink` at
 * every metadata level). PnPjs copies a request's Accept into its part of a $batch. Not SPFx's
 * SPHttpClient, whose `odata-version: 4.0` wants another spelling (sp-dev-docs #644): PnPjs's
 * SPFx behaviour sends no odata-version.
 */
const NO_METADATA = InjectHeaders({ Accept: 'application/json;odata=nometadata' });

/** Reads a collection's JSON whole, keeping odata.nextLink. */
const rawPage = parseBinderWithErrorCheck(async (r: Response): Promise<IPage> => {
  const json = await r.json();
  const value: RestItem[] = json.d ? json.d.results || json.d : json.value;
  return { value, next: json['odata.nextLink'] || (json.d && json.d.__next) };
});

/** Reads one item as a page of one. */
const rawItem = parseBinderWithErrorCheck(async (r: Response): Promise<IPage> => {
  const json = await r.json();
  return { value: [json.d || json] };
});

/**
 * The conditions a query's read leaves to its filter (query.ts's fixedColumns): SharePoint REST
 * applies an items read's whole filter on the server, so each column it fixes to one value is not
 * asked for, and _settle gives the rows its value. A read by id has no filter.
 */
function fixedBy(query: IListQuery): ICondition[] {
  return query.id === undefined ? fixedColumns(query.list, query.filter) : [];
}

/** Turns anything PnPjs throws into a DataError (exported for tests of the mapping). */
export async function pnpError(e: unknown, action: string, current?: unknown): Promise<DataError> {
  if (isDataError(e)) {
    return e;
  }
  const httpError = e as { isHttpRequestError?: boolean; status?: number; response?: Response };
  if (httpError && httpError.isHttpRequestError && httpError.response) {
    let body: string = '';
    try {
      body = await httpError.response.clone().text();
    } catch {
      body = '';
    }
    return errorFromResponse({ status: httpError.status || httpError.response.status, body, retryAfter: httpError.response.headers.get('Retry-After'), action, current });
  }
  return networkError(action, e);
}

/**
 * True for a $batch part SharePoint did not run because an earlier part failed: it answers
 * `500 -1, System.IndexOutOfRangeException` (pnp/pnpjs #486, #1275). UNCONFIRMED that SharePoint
 * Online still does this; such a part is sent again on its own, so the answer is the same either way.
 */
export function isPoisonedBatchPart(error: DataError): boolean {
  return error.status === 500 && /IndexOutOfRangeException/i.test(error.serverCode || '');
}

/**
 * A check that the site is the one meant, asked at the head of the first $batch (before the
 * reads, so no failing read there can keep SharePoint from running it): it puts its requests on
 * the batch it is given at once and settles once they are answered, rejecting when the site will
 * not do. `executed` settles when the batch has been answered, and rejects when the batch itself
 * failed (no site there answers a $batch), in which case its parts may never settle. Used when the
 * site's address was remembered or guessed rather than found (the web part's connect.ts): the
 * reads in that batch are given to no one until it has passed.
 */
export type SiteProof = (batched: SPFI, executed: Promise<void>) => Promise<void>;

/** A site's check as the reads and writes waiting on it see it: passed, or refused as a DataError. */
async function provenOrRefused(proving: Promise<void>): Promise<void> {
  try {
    await proving;
  } catch (e) {
    throw isDataError(e) ? e : new DataError('notFound', message('siteMoved', {}));
  }
}

/** SharePoint REST through PnPjs. */
export class PnpTransport implements IRowTransport, ITimeZoneSource {
  private readonly _sp: SPFI;
  /** The $batch the reads asked for in this turn of the event loop go in, until it is sent (and its read of the site's people, once asked). */
  private _turn?: ITurn;
  /** Where whole lists' first pages ended, as this browser session last read them. */
  private readonly _hints?: ISessionHints;
  /** The check of the site still to go at the head of the first $batch. */
  private _proof?: SiteProof;
  /** Settles when the site has passed its check (at once when there is none); writes wait for it. */
  private _proven: Promise<void> = Promise.resolve();
  /** Reads on their way, and when one last settled (for {@link PnpTransport.quiet}). */
  private _reading: number = 0;
  private _lastRead: number = 0;
  /** Told of every read SharePoint refused, as the DataError its caller gets. */
  private readonly _onRefused?: (error: DataError) => void;

  constructor(sp: SPFI, hints?: ISessionHints, proof?: SiteProof, onRefused?: (error: DataError) => void) {
    this._sp = sp;
    this._hints = hints;
    this._proof = proof;
    this._onRefused = onRefused;
  }

  /**
   * Settles once no read has been on its way for `forMs` milliseconds (looked at every 100 ms):
   * what can wait until a screen's reads are done (the site's set-up check) waits for this, so as
   * not to compete with them.
   */
  public async quiet(forMs: number): Promise<void> {
    while (this._reading > 0 || Date.now() - this._lastRead < forMs) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * For a whole-list read of a few columns (the programme's ratings over time), the ID its first
   * page of 5,000 ended at when this session last read it past one page; undefined otherwise.
   */
  private _pageEnd(q: IListQuery): number | undefined {
    if (!this._hints || q.id !== undefined || q.filter || q.orderBy || !isView(q)) {
      return undefined;
    }
    const end: number = Number(this._hints.get(`${PAGE_END_HINT}${q.list}`));
    return Number.isInteger(end) && end > 0 ? end : undefined;
  }

  /**
   * A whole-list read's records from its first page and, when the session knew where that page
   * ended, the page after it asked for in the same $batch. SharePoint answers a list's items in ID
   * order, and its next page starts after the last ID (`$skiptoken=Paged=TRUE&p_ID=<id>`, the
   * token its own `odata.nextLink` carries; "Paged=TRUE&p_ID=9", the ID of the last item on the
   * page, is SharePoint's paging information per learn.microsoft.com's
   * SPListItemCollectionPosition.PagingInfo — that REST's $skiptoken takes one made by the client
   * is UNCONFIRMED in Microsoft's REST docs, though widely used); the two are used together only when the first page
   * still ends at or after that ID (items deleted since move the end back: the first page's own
   * next link is followed then, as without the hint). Records both hold are kept once.
   */
  private async _twoPages(query: IListQuery, first: Promise<IPage>, after: Promise<IPage> | undefined, end: number | undefined, action: string): Promise<Row[]> {
    const page: IPage = await this._unpoisoned(first, () => this._request(query), action);
    const lastId: number = page.value.length > 0 ? Number(page.value[page.value.length - 1].Id) : 0;
    const key: string = `${PAGE_END_HINT}${query.list}`;
    if (this._hints && (page.next || end !== undefined)) {
      // Where this first page ended, for the next read in the session; none when it was the only page.
      this._hints.set(key, page.next ? String(lastId) : '');
    }
    if (!page.next || !after || end === undefined || lastId < end) {
      return this._rest(page, query);
    }
    const rest: Row[] = await this._rest(await this._unpoisoned(after, () => this._afterId(query, end), action), query);
    return [...page.value.map((i) => restToRow(query.list, i)), ...rest.filter((r) => r.id > lastId)];
  }

  /** A whole-list read's items after an ID, as SharePoint's own next link asks for them. */
  private _afterId(query: IListQuery, id: number, sp: SPFI = this._sp): Promise<IPage> {
    const items: ISPCollection = this._items(query, sp);
    items.query.set('$skiptoken', `Paged=TRUE&p_ID=${id}`);
    return items.using(rawPage)<IPage>();
  }

  /**
   * Asks each list the same thing in the turn's $batch (each part asked again alone should the
   * batch be poisoned) and gives every answer, settled, in the lists' order, once the batch is sent.
   */
  private async _askEachList<T>(lists: readonly ListKey[], ask: (sp: SPFI, list: ListKey) => Promise<T>, action: string): Promise<Array<PromiseSettledResult<T>>> {
    const { sp: batched, sent } = this._readBatch();
    const settled: Promise<Array<PromiseSettledResult<T>>> = Promise.allSettled(lists.map((k) => this._unpoisoned(ask(batched, k), () => ask(this._sp, k), action)));
    await sent;
    return settled;
  }

  /**
   * The batch for reads asked for now: every read the screen asks for in the same turn of the
   * event loop (the hooks' effects of one render: who the user is, their rights, the view's data,
   * the site's time zone) goes in one $batch, sent once the turn is over. A read must put its
   * requests on the batch at once (before any await), and wait for `sent` before reading them.
   */
  private _readBatch(): ITurn {
    if (!this._turn) {
      const [batched, execute] = this._sp.batched({ maxRequests: MAX_BATCH });
      // The site's check, if one is still to go, heads this batch; nothing read in it is given
      // out (nor anything written after it) until the check has passed.
      const proof: SiteProof | undefined = this._proof;
      this._proof = undefined;
      let answered: { resolve: () => void; reject: (e: unknown) => void } | undefined;
      const executed: Promise<void> = new Promise<void>((resolve, reject) => (answered = { resolve, reject }));
      executed.catch(() => undefined);
      const proving: Promise<void> | undefined = proof ? provenOrRefused(proof(batched, executed)) : undefined;
      if (proving) {
        proving.catch(() => undefined);
        this._proven = proving;
      }
      const alongside: Array<() => void> = [];
      const turn: ITurn = {
        sp: batched,
        alongside,
        sent: new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => {
            // Reads asked for from now on go in the next batch.
            this._turn = undefined;
            const executing: Promise<void> = execute();
            // Sent in the same moment, so that they travel with it (one wait on the network).
            for (const send of alongside) {
              send();
            }
            return executing;
          })
          .then(
            () => answered!.resolve(),
            (e: unknown) => {
              answered!.reject(e);
              throw e;
            }
          )
          // A batch the site's check went in is given out only once the check has passed.
          .then(() => proving)
      };
      // Each request's own failure is what its caller sees; the batch's is theirs too.
      turn.sent.catch(() => undefined);
      this._turn = turn;
    }
    return this._turn;
  }

  /** A list by its title (restPaths.ts builds its requests, as PnPjs's fluent lists and items would). */
  private _list(key: ListKey, sp: SPFI = this._sp): ISPInstance {
    return listByTitle(sp, LIST_TITLES[key]);
  }

  private _items(query: IListQuery, sp: SPFI = this._sp): ISPCollection {
    // The columns the filter fixes are not asked for (_settle gives each row them).
    let items: ISPCollection = itemsOf(this._list(query.list, sp)).select(...selectFor(query.list, columnsRead(query, fixedBy(query)))).top(PAGE);
    if (query.filter) {
      items = items.filter(sharePointFilter(query.list, query.filter));
    }
    if (query.orderBy) {
      items = items.orderBy(query.orderBy, true);
    }
    return items.using(NO_METADATA);
  }

  /** The request for one query: one item by id, or the items a filter matches. */
  private _request(q: IListQuery, sp: SPFI = this._sp): Promise<IPage> {
    return q.id !== undefined
      ? itemById(this._list(q.list, sp), q.id).select(...selectFor(q.list, columnsRead(q, fixedBy(q)))).using(NO_METADATA, rawItem)<IPage>()
      : this._items(q, sp).using(rawPage)<IPage>();
  }

  /**
   * What a batched call answered, or — if SharePoint did not run it because an earlier part of
   * the batch failed — what the same call answers on its own.
   */
  private async _unpoisoned<T>(batched: Promise<T>, alone: () => Promise<T>, action: string): Promise<T> {
    try {
      return await batched;
    } catch (e) {
      if (isPoisonedBatchPart(await pnpError(e, action))) {
        return alone();
      }
      throw e;
    }
  }

  /** The items of a page and the pages after it (following absolute nextLinks), as rows. */
  private async _rest(first: IPage, query: IListQuery): Promise<Row[]> {
    const all: RestItem[] = [...first.value];
    let next: string | undefined = first.next;
    while (next) {
      const page: IPage = await SPCollection([webOf(this._sp), next]).using(NO_METADATA, rawPage)<IPage>();
      all.push(...page.value);
      next = page.next;
    }
    return all.map((i) => restToRow(query.list, i));
  }

  /**
   * Every record a query matches. If SharePoint refuses the query at the list view threshold,
   * reads the whole list by ID (always allowed) and filters here.
   */
  private async _settle(query: IListQuery, first: Promise<IPage>, action: string): Promise<Row[]> {
    try {
      // The columns the filter fixed were not asked for (_items): each row has them from it.
      const rows: Row[] = await this._rest(await this._unpoisoned(first, () => this._request(query), action), query);
      return withFixed(rows, fixedBy(query));
    } catch (e) {
      const error: DataError = await pnpError(e, action);
      if (query.id !== undefined && error.kind === 'notFound') {
        return [];
      }
      if (error.kind !== 'threshold' || !query.filter) {
        throw error;
      }
      const predicate = rowPredicate(query.list, query.filter);
      // The whole list, with the filter's columns to filter it by here: no server filter fixes any.
      const whole: ISPCollection = itemsOf(this._list(query.list)).select(...selectFor(query.list, columnsRead(query, []))).top(PAGE);
      const all: Row[] = await this._rest(await whole.using(NO_METADATA, rawPage)<IPage>(), query);
      return all.filter(predicate);
    }
  }

  public read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    this._reading++;
    const reading: Promise<IReadResult> = this._read(queries, options);
    const settled = (): void => {
      this._reading--;
      this._lastRead = Date.now();
    };
    reading.then(settled, settled);
    return reading;
  }

  private async _read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    try {
      const turn = this._readBatch();
      const { sp: batched, sent } = turn;
      const pending: { [name: string]: Promise<IPage> } = {};
      const after: { [name: string]: { end: number; page: Promise<IPage> } } = {};
      for (const name of Object.keys(queries)) {
        const q: IListQuery = queries[name];
        pending[name] = this._request(q, batched);
        // Each failure is read below; none may go unhandled meanwhile.
        pending[name].catch(() => undefined);
        const end: number | undefined = this._pageEnd(q);
        if (end !== undefined) {
          after[name] = { end, page: this._afterId(q, end, batched) };
          after[name].page.catch(() => undefined);
        }
      }
      // The site's people once a $batch, however many of its reads want them.
      if (options.people && !turn.users) {
        turn.users = siteUsersOf(batched).select('Id', 'Title', 'Email')<ISiteUser[]>();
        turn.users.catch(() => undefined);
      }
      const users: Promise<ISiteUser[]> | undefined = options.people ? turn.users : undefined;
      await sent;
      const records: { [name: string]: Row[] } = {};
      for (const name of Object.keys(queries)) {
        const q: IListQuery = queries[name];
        records[name] = this._hints && q.id === undefined && !q.filter && !q.orderBy && isView(q)
          ? await this._twoPages(q, pending[name], after[name] ? after[name].page : undefined, after[name] ? after[name].end : undefined, options.action)
          : await this._settle(q, pending[name], options.action);
      }
      const siteUsers: ISiteUser[] | undefined = users ? await this._unpoisoned(users, () => siteUsersOf(this._sp).select('Id', 'Title', 'Email')<ISiteUser[]>(), options.action) : undefined;
      return { records, people: siteUsers ? peopleFrom(siteUsers.map((u) => ({ id: u.Id, name: u.Title, email: u.Email }))) : undefined };
    } catch (e) {
      const error: DataError = await pnpError(e, options.action);
      this._onRefused?.(error);
      throw error;
    }
  }

  public async create(list: ListKey, values: RowValues, action: string): Promise<Row> {
    const record: RestItem = valuesToRest(list, values);
    try {
      await this._proven;
      // With the turn's reads: a create and the reads that do not wait for it share a round trip.
      const { sp: batched, sent } = this._readBatch();
      // A part SharePoint did not run (a poisoned batch) added nothing: it is sent again alone.
      const adding = this._unpoisoned(addItem(this._list(list, batched), record), () => addItem(this._list(list), record), action);
      adding.catch(() => undefined);
      await sent;
      return restToRow(list, await adding);
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  /** Several new items: a {@link writeMany} of creates, its $batches sent together (the first with the turn's reads). */
  public createMany(list: ListKey, records: RowValues[], action: string): Promise<Row[]> {
    return createManyByWrites(this, list, records, action);
  }

  public async update(list: ListKey, id: number, values: RowValues, etag: string, action: string): Promise<Row> {
    try {
      await this._proven;
      const [batched, execute] = this._sp.batched({ maxRequests: MAX_BATCH });
      const write = updateItem(this._list(list, batched), id, valuesToRest(list, values), etag);
      // After a refused write, SharePoint may not run the read (a poisoned batch): read it alone then.
      const read = this._unpoisoned(itemById(this._list(list, batched), id).select(...selectFor(list)).using(NO_METADATA, rawItem)<IPage>(), () => this._request({ list, id }), action);
      const settled = Promise.allSettled([write, read]);
      await execute();
      const [written, current] = await settled;
      if (written.status === 'rejected') {
        throw await pnpError(written.reason, action, current.status === 'fulfilled' ? restToRow(list, current.value.value[0]) : undefined);
      }
      if (current.status === 'rejected') {
        throw current.reason;
      }
      return restToRow(list, current.value.value[0]);
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  /**
   * The writes as parts of $batches of up to {@link MAX_BATCH} requests (an update is two: the
   * write and a read of the item, for its new ETag; PnPjs puts consecutive writes in a change
   * set). The first batch is the turn's, with the reads asked for in the same turn; the others are
   * batches of their own sent at the same moment, {@link BATCHES_AT_ONCE} at a time in all, the
   * next ones once those are answered — so 300 writes take one wait on the network, not three.
   * Within a batch SharePoint runs the parts in order, and a part it did not run because an
   * earlier one failed (pnp/pnpjs #486, #1275) is reported refused and not sent again; batches sent
   * together run in no known order. A batch that failed as a whole (no answer to any of its parts)
   * makes its writes refused with that failure, beside the others' outcomes — whether SharePoint
   * ran any of them is then not known — and writeMany rejects only when every batch failed so.
   */
  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    await this._proven;
    if (writes.length === 0) {
      return [];
    }
    const put = (sp: SPFI, w: ListWrite): Promise<Row | undefined> => {
      const list: ISPInstance = this._list(w.list, sp);
      if (w.op === 'create') {
        return addItem(list, valuesToRest(w.list, w.record)).then((r) => restToRow(w.list, r));
      }
      if (w.op === 'remove') {
        return deleteItem(list, w.id, w.etag).then(() => undefined);
      }
      const written = updateItem(list, w.id, valuesToRest(w.list, w.record), w.etag);
      const read = itemById(list, w.id).select(...selectFor(w.list)).using(NO_METADATA, rawItem)<IPage>();
      read.catch(() => undefined);
      // The write done and its read-back lost: done, its ETag unknown.
      return written.then(() => read.then((page) => restToRow(w.list, page.value[0]), () => undefined));
    };
    // The writes in batches of at most MAX_BATCH requests, in their order.
    const chunks: ListWrite[][] = [];
    let size: number = MAX_BATCH;
    for (const w of writes) {
      const requests: number = w.op === 'update' ? 2 : 1;
      if (size + requests > MAX_BATCH) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1].push(w);
      size += requests;
    }
    type Answer = { parts: Array<PromiseSettledResult<Row | undefined>> } | { failed: unknown };
    const turn: ITurn = this._readBatch();
    const first: Promise<Array<PromiseSettledResult<Row | undefined>>> = Promise.allSettled(chunks[0].map((w) => put(turn.sp, w)));
    const answers: Array<Promise<Answer>> = [turn.sent.then(() => first).then((parts): Answer => ({ parts }), (failed: unknown): Answer => ({ failed }))];
    // The parts of every other batch are put on it now (PnPjs takes them in as it is asked); each
    // batch is sent with its wave.
    const own: Array<() => Promise<Answer>> = chunks.slice(1).map((chunk) => {
      const [batched, execute] = this._sp.batched({ maxRequests: MAX_BATCH });
      const parts: Promise<Array<PromiseSettledResult<Row | undefined>>> = Promise.allSettled(chunk.map((w) => put(batched, w)));
      // A batch that failed as a whole never answers its parts: they are not waited for then.
      return () => execute().then(() => parts).then((done): Answer => ({ parts: done }), (failed: unknown): Answer => ({ failed }));
    });
    const wave: Array<() => Promise<Answer>> = own.slice(0, BATCHES_AT_ONCE - 1);
    const firstWave: Array<Promise<Answer>> = wave.map(
      (send) =>
        new Promise<Answer>((resolve) => {
          turn.alongside.push(() => resolve(send()));
        })
    );
    answers.push(...firstWave);
    let before: Promise<unknown> = Promise.all([answers[0], ...firstWave]);
    for (let i: number = BATCHES_AT_ONCE - 1; i < own.length; i += BATCHES_AT_ONCE) {
      const sending: Array<() => Promise<Answer>> = own.slice(i, i + BATCHES_AT_ONCE);
      const sent: Promise<Answer[]> = before.then(() => Promise.all(sending.map((send) => send())));
      answers.push(...sending.map((_s, k) => sent.then((all) => all[k])));
      before = sent;
    }
    const answered: Answer[] = await Promise.all(answers);
    if (answered.every((a) => 'failed' in a)) {
      throw await pnpError((answered[0] as { failed: unknown }).failed, action);
    }
    const outcomes: WriteOutcome[] = [];
    for (let c: number = 0; c < chunks.length; c++) {
      const answer: Answer = answered[c];
      if ('failed' in answer) {
        const error: DataError = await pnpError(answer.failed, action);
        outcomes.push(...chunks[c].map((): WriteOutcome => ({ done: false, error })));
        continue;
      }
      for (const r of answer.parts) {
        outcomes.push(r.status === 'fulfilled' ? { done: true, record: r.value } : { done: false, error: await pnpError(r.reason, action) });
      }
    }
    return outcomes;
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    try {
      await this._proven;
      await deleteItem(this._list(list), id, etag);
    } catch (e) {
      const error: DataError = await pnpError(e, action);
      if (error.kind === 'conflict') {
        const current = await this.read({ item: { list, id } }, { action }).catch(() => undefined);
        throw new DataError('conflict', error.message, { status: 412, current: current ? current.records.item[0] : undefined, serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
    }
  }

  /**
   * An item's versions: `GET …/items(id)/versions` (SP.ListItemVersion: VersionLabel, Created,
   * IsCurrentVersion, Editor, and the item's values in that version), newest first.
   * UNCONFIRMED: the order SharePoint Online returns them in; they are sorted here.
   */
  public async versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    try {
      const raw: RestItem[] = await versionsOf(itemById(this._list(list), id))<RestItem[]>();
      const versions: IVersionRecord[] = raw.map((v) => {
        const editor = v.Editor as { LookupId?: number; LookupValue?: string } | undefined;
        return {
          label: String(v.VersionLabel),
          at: String(v.Created),
          editorId: editor && typeof editor.LookupId === 'number' ? editor.LookupId : undefined,
          editorName: editor && editor.LookupValue ? editor.LookupValue : undefined,
          current: v.IsCurrentVersion === true,
          record: restVersionToRow(list, id, v)
        };
      });
      return versions.sort((a, b) => parseFloat(b.label) - parseFloat(a.label));
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  /**
   * Each list's change stamp — SP.List's LastItemModifiedDate, LastItemDeletedDate and ItemCount
   * (documented on learn.microsoft.com's SP.List REST reference), a few dozen bytes — in the turn's
   * $batch. Put on the batch before the reads asked for after it in the same turn, so SharePoint
   * (which runs a $batch's parts in order) stamps the lists no later than it reads their items.
   */
  public async listStamps(lists: ListKey[], action: string): Promise<{ [list: string]: string }> {
    try {
      const results = await this._askEachList(lists, (sp, k) => this._list(k, sp).select('LastItemModifiedDate', 'LastItemDeletedDate', 'ItemCount').using(NO_METADATA)<IListStamp>(), action);
      const stamps: { [list: string]: string } = {};
      lists.forEach((k, i) => {
        const r = results[i];
        if (r.status === 'fulfilled' && r.value && r.value.LastItemModifiedDate) {
          stamps[k] = `${r.value.LastItemModifiedDate}|${r.value.LastItemDeletedDate}|${r.value.ItemCount}`;
        }
      });
      return stamps;
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async currentUser(): Promise<ICurrentUser> {
    const action: string = readAction('whoYouAre');
    try {
      const { sp: batched, sent } = this._readBatch();
      const me = (sp: SPFI): Promise<ISharePointUser> => currentUserOf(sp).select('Id', 'Title', 'Email', 'LoginName')();
      const asked = this._unpoisoned(me(batched), () => me(this._sp), action);
      asked.catch(() => undefined);
      await sent;
      return currentUserFrom(await asked);
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async rights(): Promise<UserRights> {
    const action: string = readAction('permissions');
    try {
      const keys: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];
      // One list missing (404) must not cost the others their rights in a poisoned batch.
      const results = await this._askEachList(keys, (sp, k) => effectivePermissions(this._list(k, sp)), action);
      return rightsByList(
        keys,
        results.map((s) => (s.status === 'fulfilled' ? s.value : undefined))
      );
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async timeZone(): Promise<ISiteTimeZone> {
    const action: string = readAction('timeZone');
    try {
      const { sp: batched, sent } = this._readBatch();
      type Zone = { Id: number; Description: string; Information: { Bias: number } };
      const zone = (sp: SPFI): Promise<Zone> => SPInstance(webOf(sp), 'RegionalSettings/TimeZone')<Zone>();
      const asked = this._unpoisoned(zone(batched), () => zone(this._sp), action);
      asked.catch(() => undefined);
      await sent;
      const tz: Zone = await asked;
      return { id: tz.Id, description: tz.Description, bias: Number(tz.Information.Bias) };
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  /**
   * Whether the user has Manage Lists on the site (SharePoint's EffectiveBasePermissions on the
   * web): whether "Set up this site" is theirs to offer. Read with the turn's other reads.
   */
  public async canManageLists(): Promise<boolean> {
    const action: string = readAction('sitePermissions');
    try {
      const { sp: batched, sent } = this._readBatch();
      const asked = this._unpoisoned(canManageListsOn(batched), () => canManageListsOn(this._sp), action);
      asked.catch(() => undefined);
      await sent;
      return await asked;
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async people(): Promise<PeopleLookup> {
    try {
      const users = await siteUsersOf(this._sp).select('Id', 'Title', 'Email')<ISiteUser[]>();
      return peopleFrom(users.map((u) => ({ id: u.Id, name: u.Title, email: u.Email })));
    } catch (e) {
      throw await pnpError(e, readAction('people'));
    }
  }
}

/** Options of a {@link PnpRepository}. */
export interface IPnpRepositoryOptions extends IRepositoryOptions {
  /** A check that the site is the one meant, at the head of the first $batch (see {@link SiteProof}). */
  proof?: SiteProof;
  /** Told of every read SharePoint refused (the web part hears of lists or columns the site lacks). */
  onReadRefused?: (error: DataError) => void;
}

/** The repository over @pnp/sp. */
export class PnpRepository extends ProgrammeRepository {
  private readonly _pnp: PnpTransport;

  constructor(sp: SPFI, options: IPnpRepositoryOptions = {}) {
    const transport: PnpTransport = new PnpTransport(sp, options.hints, options.proof, options.onReadRefused);
    super(transport, options);
    this._pnp = transport;
  }

  /** Settles once no read has been on its way for `forMs` milliseconds (see PnpTransport's quiet). */
  public readsQuiet(forMs: number): Promise<void> {
    return this._pnp.quiet(forMs);
  }

  /** Whether the user manages the site's lists (Manage Lists on the site), read with the screen's other reads. */
  public canManageLists(): Promise<boolean> {
    return this._pnp.canManageLists();
  }
}

/** A behaviour that names the caller with a bearer token (the local stack's users). */
export function BearerLogin(login: string): (instance: Queryable) => Queryable {
  return InjectHeaders({ Authorization: `Bearer ${login}` });
}
