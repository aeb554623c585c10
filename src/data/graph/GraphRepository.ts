/**
 * The repository over Microsoft Graph with @microsoft/microsoft-graph-client: the Word add-in's
 * and the command line's way in. Reads run as one JSON $batch; pages are followed with the
 * client's own PageIterator; updates PATCH /fields with If-Match. Graph has no effective
 * permissions for lists, nor SharePoint's user ids, so rights and the current user come from
 * SharePoint REST on the same site through the `sharePoint` client. Both clients send every
 * request through one pipeline (pipeline.ts: the token first, retries, one error type).
 */
import { PageIterator, ResponseType, type Client, type GraphRequest, type PageCollection } from '@microsoft/microsoft-graph-client';
import { DataError, isDataError, readAction } from '../errors';
import { message } from '../../domain/messages';
import { errorFromResponse } from '../httpErrors';
import { graphSelectFor, type PeopleLookup } from '../mapping';
import { peopleFrom } from '../picture';
import { currentUserFrom, rightsByList, type IPermissionMask, type ISharePointUser } from '../principal';
import { ProgrammeRepository } from '../ProgrammeRepository';
import { columnsRead, fixedColumns, graphFilter, isView, rowPredicate, withFixed, type ICondition, type IFilterSpec, type IListQuery } from '../query';
import { LIST_TITLES, type ICurrentUser, type ListKey, type UserRights } from '../repository';
import { createManyByWrites, type IReadResult, type IRowTransport, type IVersionRecord, type ListWrite, type QuerySet, type Row, type RowValues, type WriteOutcome } from '../transport';
import { graphToRow, valuesToGraph, type GraphFields } from './graphRows';
import type { IColumnsRead } from '../lists';
import type { ISiteTimeZone, ITimeZoneSource } from '../siteDates';
import { through, type PipelineCall } from './pipeline';

/** Items per page; Graph's documented ceiling for most collections. */
const PAGE: number = 999;

/** How to reach the site (connect.ts builds it). */
export interface IGraphRepositoryOptions {
  /** graph-client over Microsoft Graph (or the local stack's Graph). */
  client: Client;
  /** graph-client over the site's SharePoint REST: its paths are those after `/_api/`. */
  sharePoint: Client;
  /** The SharePoint host: "contoso.sharepoint.com", or "localhost" for the local stack. */
  hostname: string;
  /** The site's server-relative path: "/sites/improvement". */
  sitePath: string;
}

interface IGraphItem {
  /** Absent when a read selected only the ETag (the fields carry the id). */
  id?: string;
  /** The item's ETag as a property: what a read without OData metadata still has. */
  eTag?: string;
  fields?: GraphFields;
}

/** A page of a collection (items, users, versions). */
interface IGraphPage<T = IGraphItem> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * Requests one JSON $batch carries: Graph's limit (learn.microsoft.com, "Combine multiple HTTP
 * requests using JSON batching").
 */
const GRAPH_BATCH: number = 20;

/**
 * How many JSON $batches a writeMany sends at once; the next as many once those are answered.
 * Graph's throttling guidance names no number of concurrent requests; 4 is this product's choice,
 * as over SharePoint REST (UNCONFIRMED as safe).
 */
const GRAPH_BATCHES_AT_ONCE: number = 4;

/**
 * The header of a read's requests in a JSON $batch: JSON without OData control information
 * (`odata.metadata=none`), so no item carries its `fields@odata.context` (some 200 bytes, a URL
 * naming the site, list and item) or its ETag twice; the next page's link still comes (OData's JSON
 * format keeps it at every level). Graph lists `none` among the OData format parameters it takes
 * (martin-machacek.com, "Graph API – Accept header format parameters"). UNCONFIRMED for the list
 * items endpoint and inside a $batch: were it ignored, the answer would be minimal metadata, read
 * the same way (the ETag from `eTag`, or from the fields' `@odata.etag`).
 */
const NO_METADATA: { [name: string]: string } = { Accept: 'application/json;odata.metadata=none' };

/** One request of a JSON $batch. */
interface IGraphBatchRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: { [name: string]: string };
}

interface IBatchResponse {
  id: string;
  status: number;
  headers?: { [name: string]: string };
  body?: unknown;
}

/** One listItemVersion as Graph gives it. */
interface IGraphVersion {
  id: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string } };
  fields?: GraphFields;
}

/** A version label as a number to order by: "2.0" → 2, "1.5" → 1.5. */
export function versionNumber(label: string): number {
  const n: number = parseFloat(label);
  return isNaN(n) ? 0 : n;
}

/** A listItem (its fields expanded) as a row, of the columns read (all, or only those named). */
function row(list: ListKey, item: IGraphItem, read: IColumnsRead = {}): Row {
  return graphToRow(list, item.id, item.fields || {}, { read, etag: item.eTag });
}

/** What a Graph read asks of an item: one property of its own, and its fields by graphSelectFor (the list's columns a read asks for). */
function expandFields(item: 'id' | 'eTag', list: ListKey, read: IColumnsRead = {}): string {
  return `$select=${item}&expand=fields(select=${graphSelectFor(list, read).join(',')})`;
}

/**
 * The part of a query's filter Graph applies: the first, selective clause only — "when filtering
 * on indexed fields, the service can only filter one indexed field at a time" (listitem-list,
 * learn.microsoft.com). The rest (a workstream) is applied to the answer in _settle.
 */
function served(query: IListQuery): IFilterSpec | undefined {
  return query.filter && query.id === undefined ? { anyOf: query.filter.anyOf } : undefined;
}

/**
 * The conditions of the served filter that fix a column to one value (query.ts's fixedColumns):
 * those columns are not asked for (_expand) and each row is given their values (_settle).
 */
function fixedBy(query: IListQuery): ICondition[] {
  return fixedColumns(query.list, served(query));
}

/**
 * A header of a $batch part's response, whatever case its name has: HTTP header names are
 * case-insensitive, and Graph's batch responses have been seen with "Retry-After" as well as
 * lower case. UNCONFIRMED which case Graph uses today; both are read.
 */
export function batchHeader(response: { headers?: { [name: string]: string } }, name: string): string | undefined {
  const headers: { [name: string]: string } = response.headers || {};
  const key: string | undefined = Object.keys(headers).filter((k) => k.toLowerCase() === name.toLowerCase())[0];
  return key === undefined ? undefined : headers[key];
}

/** Rows in ascending order of a column, ties by id, as the server orders them. */
function sortRows(rows: Row[], column: string): Row[] {
  const key = (r: Row): unknown => r.values[column];
  return rows.slice().sort((a, b) => {
    const x: unknown = key(a);
    const y: unknown = key(b);
    const order: number = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order || a.id - b.id;
  });
}

/** Microsoft Graph through graph-client. */
export class GraphTransport implements IRowTransport, ITimeZoneSource {
  private readonly _options: IGraphRepositoryOptions;
  private _siteId?: Promise<string>;

  constructor(options: IGraphRepositoryOptions) {
    this._options = options;
  }

  private get _client(): Client {
    return this._options.client;
  }

  /** One request to Graph through the pipeline: its answer, or its one error (pipeline.ts). */
  private _graph<T>(action: string, request: GraphRequest, send: (r: GraphRequest) => Promise<T>): Promise<T> {
    return through(action, (call: PipelineCall) => send(request.middlewareOptions([call])));
  }

  /**
   * The site's Graph id, asked for once: reads that start together share the one request (a
   * task pane's period list and phases did ask twice), and a failed ask is not kept.
   */
  private _site(action: string): Promise<string> {
    if (!this._siteId) {
      const asked: Promise<string> = this._graph(action, this._client.api(`/sites/${this._options.hostname}:${this._options.sitePath}`).select('id'), (r) => r.get()).then(
        (site: { id: string }) => site.id
      );
      this._siteId = asked;
      asked.catch(() => {
        if (this._siteId === asked) {
          this._siteId = undefined;
        }
      });
    }
    return this._siteId;
  }

  private _listPath(siteId: string, list: ListKey | 'User Information List'): string {
    return `/sites/${siteId}/lists/${encodeURIComponent(list === 'User Information List' ? list : LIST_TITLES[list])}`;
  }

  /**
   * The columns read of an item and its ETag. `$select=eTag` leaves out the listItem's own
   * properties (createdBy, lastModifiedBy, parentReference, webUrl, contentType, its dates: more
   * than half of an item's bytes) but the ETag, which a read without OData metadata carries only as
   * this property (see {@link NO_METADATA}); the fields carry the id. Microsoft's listItem-list
   * page names only $filter and $expand; `$select` on an entity's top-level properties is Graph's
   * general OData behaviour (a Microsoft 365 Developer Platform idea, techcommunity 4040665:
   * "$select parameters only work for top-level properties"), and a SharePoint Stack Exchange
   * answer (quoted at volcengine.com/article/1149720) uses `$expand=listItem($select=id;$expand=fields(…))`.
   * UNCONFIRMED on the list items endpoint in Microsoft's docs; were it ignored there, only the
   * bytes would grow.
   */
  private _expand(query: IListQuery): string {
    // A view-only read (one naming its columns) edits nothing: the id, not the ETag. The
    // columns the served filter fixes are not asked for (_settle gives the rows them).
    return expandFields(isView(query) ? 'id' : 'eTag', query.list, columnsRead(query, fixedBy(query)));
  }

  private _queryUrl(siteId: string, query: IListQuery): string {
    if (query.id !== undefined) {
      return `${this._listPath(siteId, query.list)}/items/${query.id}?${this._expand(query)}`;
    }
    const parts: string[] = [this._expand(query), `$top=${PAGE}`];
    const filter: IFilterSpec | undefined = served(query);
    if (filter) {
      parts.push(`$filter=${encodeURIComponent(graphFilter(query.list, filter))}`);
    }
    if (query.orderBy) {
      parts.push(`$orderby=fields/${query.orderBy}`);
    }
    return `${this._listPath(siteId, query.list)}/items?${parts.join('&')}`;
  }

  private _usersUrl(siteId: string): string {
    return `${this._listPath(siteId, 'User Information List')}/items?$select=id&expand=fields(select=Title,EMail)&$top=${PAGE}`;
  }

  /** Every entry of a page and the pages after it, through graph-client's PageIterator. */
  private async _all<T>(first: IGraphPage<T>, action: string): Promise<T[]> {
    const items: T[] = [];
    await through(action, (call: PipelineCall) =>
      new PageIterator(
        this._client,
        first as PageCollection,
        (item: T) => {
          items.push(item);
          return true;
        },
        { middlewareOptions: [call] }
      ).iterate()
    );
    return items;
  }

  /** Runs up to 20 requests as one JSON $batch (more in further batches). */
  private async _batch(requests: { [id: string]: IGraphBatchRequest }, action: string): Promise<{ [id: string]: IBatchResponse }> {
    const ids: string[] = Object.keys(requests);
    const out: { [id: string]: IBatchResponse } = {};
    // Batches of GRAPH_BATCH, GRAPH_BATCHES_AT_ONCE sent together (one wait), the next as many
    // once those are answered, as writeMany sends its own.
    for (let i: number = 0; i < ids.length; i += GRAPH_BATCH * GRAPH_BATCHES_AT_ONCE) {
      const wave: string[][] = [];
      for (let j: number = i; j < Math.min(ids.length, i + GRAPH_BATCH * GRAPH_BATCHES_AT_ONCE); j += GRAPH_BATCH) {
        wave.push(ids.slice(j, j + GRAPH_BATCH));
      }
      for (const answers of await Promise.all(wave.map((chunk) => this._postBatch(chunk, requests, action)))) {
        Object.assign(out, answers);
      }
    }
    return out;
  }

  /** One JSON $batch of the requests named (at most {@link GRAPH_BATCH}), its answers by id. */
  private async _postBatch(chunk: string[], requests: { [id: string]: IGraphBatchRequest }, action: string): Promise<{ [id: string]: IBatchResponse }> {
    const body = {
      requests: chunk.map((id) => ({
        id,
        method: requests[id].method,
        url: requests[id].url,
        ...(requests[id].body !== undefined || requests[id].headers
          ? { headers: { ...(requests[id].body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(requests[id].headers || {}) } }
          : {}),
        ...(requests[id].body !== undefined ? { body: requests[id].body } : {})
      }))
    };
    const result: { responses: IBatchResponse[] } = await this._graph(action, this._client.api('/$batch'), (r) => r.post(body));
    const out: { [id: string]: IBatchResponse } = {};
    for (const r of result.responses) {
      out[r.id] = r;
    }
    return out;
  }

  private _failed(response: IBatchResponse, action: string): DataError {
    return errorFromResponse({ status: response.status, body: JSON.stringify(response.body || {}), retryAfter: batchHeader(response, 'Retry-After'), action });
  }

  /** The rows of one batched query, following pages, falling back at the threshold. */
  private async _settle(query: IListQuery, response: IBatchResponse, action: string): Promise<Row[]> {
    const fixed: ICondition[] = fixedBy(query);
    const read: IColumnsRead = columnsRead(query, fixed);
    if (response.status >= 400) {
      const error: DataError = this._failed(response, action);
      if (query.id !== undefined && error.kind === 'notFound') {
        return [];
      }
      // Graph refuses a query over the list view threshold with a 429 — naming the threshold, or
      // a plain "The request has been throttled" no different from throttling (msgraph-sdk-dotnet
      // #827, microsoft-graph-docs #8450). graph-client does not retry a part of a $batch, so a
      // filtered or ordered query refused with 429 is read the way the threshold always allows:
      // the whole list by id, filtered here. Were it plain throttling, that read's own 429s are
      // retried by graph-client and reported as throttling if they persist, so either way the
      // answer is right and never "busy" for ever.
      const refusedQuery: boolean = (query.filter !== undefined || query.orderBy !== undefined) && (error.kind === 'threshold' || response.status === 429);
      if (!refusedQuery) {
        throw error;
      }
      const siteId: string = await this._site(action);
      const first: IGraphPage = await this._graph(action, this._client.api(this._queryUrl(siteId, { list: query.list, every: query.every })), (r) => r.get());
      const all: Row[] = (await this._all(first, action)).map((i) => row(query.list, i, { every: query.every }));
      const matching: Row[] = query.filter ? all.filter(rowPredicate(query.list, query.filter)) : all;
      return query.orderBy ? sortRows(matching, query.orderBy) : matching;
    }
    if (query.id !== undefined) {
      return [row(query.list, response.body as IGraphItem, read)];
    }
    // The columns Graph's filter fixed were not asked for (_expand): each row has them from it,
    // before the rest of the filter is applied here.
    const rows: Row[] = withFixed(
      (await this._all(response.body as IGraphPage, action)).map((i) => row(query.list, i, read)),
      fixed
    );
    return query.filter && query.filter.allOf && query.filter.allOf.length > 0 ? rows.filter(rowPredicate(query.list, query.filter)) : rows;
  }

  private async _peopleFrom(siteId: string, action: string, response?: IBatchResponse): Promise<PeopleLookup> {
    const first: IGraphPage = response && response.status < 400 ? (response.body as IGraphPage) : await this._graph(action, this._client.api(this._usersUrl(siteId)), (r) => r.get());
    const users: IGraphItem[] = await this._all(first, action);
    return peopleFrom(users.map((u) => ({ id: Number(u.id), name: String((u.fields || {}).Title || ''), email: (u.fields || {}).EMail as string | undefined })));
  }

  public async read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    const siteId: string = await this._site(options.action);
    const requests: { [id: string]: IGraphBatchRequest } = {};
    for (const name of Object.keys(queries)) {
      requests[name] = { method: 'GET', url: this._queryUrl(siteId, queries[name]), headers: NO_METADATA };
    }
    if (options.people) {
      requests['~people'] = { method: 'GET', url: this._usersUrl(siteId), headers: NO_METADATA };
    }
    const responses = await this._batch(requests, options.action);
    const records: { [name: string]: Row[] } = {};
    for (const name of Object.keys(queries)) {
      records[name] = await this._settle(queries[name], responses[name], options.action);
    }
    return { records, people: options.people ? await this._peopleFrom(siteId, options.action, responses['~people']) : undefined };
  }

  public async create(list: ListKey, value: RowValues, action: string): Promise<Row> {
    const siteId: string = await this._site(action);
    const item: IGraphItem = await this._graph(action, this._client.api(`${this._listPath(siteId, list)}/items`), (r) => r.post({ fields: valuesToGraph(list, value) }));
    return row(list, item);
  }

  /** Several new items: a {@link writeMany} of creates, its JSON batches sent together. */
  public createMany(list: ListKey, values: RowValues[], action: string): Promise<Row[]> {
    return createManyByWrites(this, list, values, action);
  }

  /** A refused write's error; a conflict carries the item as it now is. */
  private async _withCurrent(e: unknown, list: ListKey, id: number, action: string): Promise<unknown> {
    if (!isDataError(e, 'conflict')) {
      return e;
    }
    return new DataError('conflict', e.detail || e.message, { status: 412, current: await this._current(list, id, action), serverCode: e.serverCode, serverMessage: e.serverMessage });
  }

  private async _current(list: ListKey, id: number, action: string): Promise<Row | undefined> {
    try {
      return (await this.read({ item: { list, id } }, { action })).records.item[0];
    } catch {
      return undefined;
    }
  }

  public async update(list: ListKey, id: number, value: RowValues, etag: string, action: string): Promise<Row> {
    const siteId: string = await this._site(action);
    let fields: GraphFields;
    try {
      fields = await this._graph(action, this._client.api(`${this._listPath(siteId, list)}/items/${id}/fields`).header('If-Match', etag), (r) => r.patch(valuesToGraph(list, value)));
    } catch (e) {
      throw await this._withCurrent(e, list, id, action);
    }
    return row(list, { id: String(id), fields });
  }

  /**
   * The writes as requests of JSON $batches of {@link GRAPH_BATCH}, {@link GRAPH_BATCHES_AT_ONCE}
   * sent at once and the next as many once those are answered. Graph may run a batch's requests in
   * any order (none depends on another here), and each succeeds or fails alone. A batch that failed
   * as a whole makes its writes refused with that failure (whether Graph ran any of them is then not
   * known), beside the others' outcomes; writeMany rejects only when every batch failed so.
   */
  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    if (writes.length === 0) {
      return [];
    }
    const siteId: string = await this._site(action);
    const requests: { [id: string]: IGraphBatchRequest } = {};
    writes.forEach((w, i) => {
      const items: string = `${this._listPath(siteId, w.list)}/items`;
      requests[String(i)] =
        w.op === 'create'
          ? { method: 'POST', url: items, body: { fields: valuesToGraph(w.list, w.record) } }
          : w.op === 'update'
            ? { method: 'PATCH', url: `${items}/${w.id}/fields`, body: valuesToGraph(w.list, w.record), headers: { 'If-Match': w.etag } }
            : { method: 'DELETE', url: `${items}/${w.id}`, headers: { 'If-Match': w.etag } };
    });
    const ids: string[] = Object.keys(requests);
    const chunks: string[][] = [];
    for (let i: number = 0; i < ids.length; i += GRAPH_BATCH) {
      chunks.push(ids.slice(i, i + GRAPH_BATCH));
    }
    const responses: { [id: string]: IBatchResponse } = {};
    const failures: { [id: string]: unknown } = {};
    for (let i: number = 0; i < chunks.length; i += GRAPH_BATCHES_AT_ONCE) {
      const wave: string[][] = chunks.slice(i, i + GRAPH_BATCHES_AT_ONCE);
      const answered = await Promise.allSettled(wave.map((chunk) => this._postBatch(chunk, requests, action)));
      answered.forEach((a, k) => {
        if (a.status === 'fulfilled') {
          Object.assign(responses, a.value);
        } else {
          for (const id of wave[k]) {
            failures[id] = a.reason;
          }
        }
      });
    }
    if (Object.keys(failures).length === ids.length) {
      throw failures[ids[0]];
    }
    return writes.map((w, i): WriteOutcome => {
      if (failures[String(i)] !== undefined) {
        return { done: false, error: failures[String(i)] };
      }
      const r: IBatchResponse | undefined = responses[String(i)];
      if (!r) {
        return { done: false, error: new DataError('unknown', message('answerMissing', { action })) };
      }
      if (r.status >= 400) {
        return { done: false, error: this._failed(r, action) };
      }
      if (w.op === 'remove') {
        return { done: true };
      }
      return { done: true, record: w.op === 'create' ? row(w.list, r.body as IGraphItem) : row(w.list, { id: String(w.id), fields: r.body as GraphFields }) };
    });
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    const siteId: string = await this._site(action);
    try {
      await this._graph(action, this._client.api(`${this._listPath(siteId, list)}/items/${id}`).header('If-Match', etag), (r) => r.delete());
    } catch (e) {
      throw await this._withCurrent(e, list, id, action);
    }
  }

  /**
   * An item's versions: `GET …/items/{id}/versions` (listItemVersion: id "2.0", lastModifiedBy,
   * lastModifiedDateTime) with each version's fields expanded. Graph names the editor (its
   * identitySet carries a directory id, not the site user id). UNCONFIRMED: that SharePoint Online
   * honours `expand=fields` on the collection (Microsoft's page shows it on one version) and that
   * the collection is newest first; the versions are put newest first here whatever order comes.
   */
  public async versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    const siteId: string = await this._site(action);
    const first: IGraphPage<IGraphVersion> = await this._graph(
      action,
      this._client.api(`${this._listPath(siteId, list)}/items/${id}/versions?${expandFields('id', list)}`),
      (r) => r.get()
    );
    const all: IGraphVersion[] = await this._all(first, action);
    const versions: IVersionRecord[] = all.map((v) => {
      const user: { displayName?: string } | undefined = v.lastModifiedBy && v.lastModifiedBy.user;
      return {
        label: String(v.id),
        at: String(v.lastModifiedDateTime),
        editorName: user && user.displayName ? user.displayName : undefined,
        current: false,
        // A version's fields carry the version's own ETag, if any: the item's row of that version, without one.
        record: { ...graphToRow(list, id, { ...(v.fields || {}), id: String(id) }), etag: '' }
      };
    });
    versions.sort((a, b) => versionNumber(b.label) - versionNumber(a.label));
    if (versions[0]) {
      versions[0].current = true;
    }
    return versions;
  }

  /**
   * A SharePoint REST call on the site (path after /_api/), through the same pipeline as Graph's:
   * the SharePoint token first, 429, 503 and 504 retried after Retry-After, one error type.
   */
  private async _sharePoint<T>(apiPath: string, action: string): Promise<T> {
    const res: Response = await through(action, (call: PipelineCall) =>
      this._options.sharePoint.api(apiPath).header('Accept', 'application/json').responseType(ResponseType.RAW).middlewareOptions([call]).get()
    );
    const json = JSON.parse(await res.text());
    return (json.d || json) as T;
  }

  /** The site's regional time zone: Graph v1.0 has none for a site, so SharePoint REST on the same site. */
  public async timeZone(): Promise<ISiteTimeZone> {
    const tz = await this._sharePoint<{ Id: number; Description: string; Information: { Bias: number } }>('web/RegionalSettings/TimeZone', readAction('timeZone'));
    return { id: tz.Id, description: tz.Description, bias: Number(tz.Information.Bias) };
  }

  public async currentUser(): Promise<ICurrentUser> {
    const u = await this._sharePoint<ISharePointUser>('web/currentuser', readAction('whoYouAre'));
    return currentUserFrom(u);
  }

  public async rights(): Promise<UserRights> {
    const keys: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];
    const masks: Array<IPermissionMask | undefined> = await Promise.all(
      keys.map((k) =>
        this._sharePoint<IPermissionMask>(`web/lists/getByTitle('${encodeURIComponent(LIST_TITLES[k].replace(/'/g, "''"))}')/EffectiveBasePermissions`, readAction('permissions')).catch((e: unknown) => {
          // A list missing, or hidden from the person: no rights there.
          if (isDataError(e, 'notFound') || isDataError(e, 'forbidden')) {
            return undefined;
          }
          throw e;
        })
      )
    );
    return rightsByList(keys, masks);
  }

  public async people(): Promise<PeopleLookup> {
    const action: string = readAction('people');
    return this._peopleFrom(await this._site(action), action);
  }
}

/** The repository over Microsoft Graph. */
export class GraphRepository extends ProgrammeRepository {
  constructor(options: IGraphRepositoryOptions) {
    super(new GraphTransport(options));
  }
}
