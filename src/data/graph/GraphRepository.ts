/**
 * The repository over Microsoft Graph with @microsoft/microsoft-graph-client: the Word add-in's
 * and the command line's way in. Reads run as one JSON $batch; pages are followed with the
 * client's own PageIterator; updates PATCH /fields with If-Match. Graph has no effective
 * permissions for lists, nor SharePoint's user ids, so rights and the current user come from
 * SharePoint REST on the same site through `sharePointFetch`.
 */
import { GraphClientError, PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import { message } from '../../domain/messages';
import { DataError, isDataError } from '../errors';
import { errorFromResponse, networkError } from '../httpErrors';
import { graphFieldsToRecord, graphSelectFor, recordToGraphFields, type ListRecord, type PeopleLookup } from '../mapping';
import { ETAG, peopleFrom } from '../picture';
import { currentUserFrom, listRights } from '../principal';
import { ProgrammeRepository } from '../ProgrammeRepository';
import { graphFilter, queryColumns, recordPredicate, type IListQuery } from '../query';
import { LIST_TITLES, type ICurrentUser, type IListRights, type ListKey, type UserRights } from '../repository';
import type { IListTransport, IReadResult, IVersionRecord, ListWrite, QuerySet, WriteOutcome } from '../transport';
import type { ISiteTimeZone, ITimeZoneSource } from '../siteDates';

/** Items per page; Graph's documented ceiling for most collections. */
const PAGE: number = 999;

/** How to reach the site. */
export interface IGraphRepositoryOptions {
  client: Client;
  /** The SharePoint host: "contoso.sharepoint.com", or "localhost" for the local stack. */
  hostname: string;
  /** The site's server-relative path: "/sites/improvement". */
  sitePath: string;
  /** Calls SharePoint REST on the same site (path after /_api/), authenticated for SharePoint. */
  sharePointFetch: (apiPath: string) => Promise<Response>;
}

interface IGraphItem {
  id: string;
  fields?: { [name: string]: unknown };
}

interface IGraphPage {
  value: IGraphItem[];
  '@odata.nextLink'?: string;
}

interface IBatchResponse {
  id: string;
  status: number;
  headers?: { [name: string]: string };
  body?: unknown;
}

/** Tries at a SharePoint REST call before throttling is reported (graph-client's own retries make 4 for Graph). */
const SHAREPOINT_ATTEMPTS: number = 4;

/** The permission bits (SP.PermissionKind - 1) the product reads. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns what graph-client throws into a DataError (exported for tests of the mapping). */
export function graphClientError(e: unknown, action: string, current?: unknown): DataError {
  if (isDataError(e)) {
    return e;
  }
  const g = e as { statusCode?: number; body?: unknown; headers?: Headers; code?: string };
  if (g && typeof g.statusCode === 'number' && g.statusCode > 0) {
    // graph-client keeps the inner error object (without its "error" wrapper) as a JSON string.
    const inner: unknown = typeof g.body === 'string' ? safeJson(g.body) : g.body;
    const body: string = JSON.stringify({ error: inner && typeof inner === 'object' ? inner : { code: g.code, message: (e as Error).message } });
    return errorFromResponse({ status: g.statusCode, body, retryAfter: g.headers && typeof g.headers.get === 'function' ? g.headers.get('Retry-After') : undefined, action, current });
  }
  // graph-client's own checks (no token, bad configuration) fail before any request is sent.
  if (e instanceof GraphClientError) {
    return /token/i.test(e.message)
      ? new DataError('unauthenticated', message('signedOut', { action }), { serverMessage: e.message })
      : new DataError('unknown', message('graphNotSetUp', { action }), { serverMessage: e.message });
  }
  return networkError(action, e);
}

/** One listItemVersion as Graph gives it. */
interface IGraphVersion {
  id: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string } };
  fields?: { [name: string]: unknown };
}

/** A version label as a number to order by: "2.0" → 2, "1.5" → 1.5. */
export function versionNumber(label: string): number {
  const n: number = parseFloat(label);
  return isNaN(n) ? 0 : n;
}

function record(list: ListKey, item: IGraphItem): ListRecord {
  const fields: { [name: string]: unknown } = item.fields || {};
  return { ...graphFieldsToRecord(list, { ...fields, id: fields.id || item.id }), [ETAG]: fields['@odata.etag'] };
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

/** Records in ascending order of a column, ties by id, as the server orders them. */
function sortRecords(records: ListRecord[], column: string): ListRecord[] {
  const key = (r: ListRecord): unknown => r[column];
  return records.slice().sort((a, b) => {
    const x: unknown = key(a);
    const y: unknown = key(b);
    const order: number = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order || Number(a.Id) - Number(b.Id);
  });
}

/** Microsoft Graph through graph-client. */
export class GraphTransport implements IListTransport, ITimeZoneSource {
  private readonly _options: IGraphRepositoryOptions;
  private _siteId?: string;

  constructor(options: IGraphRepositoryOptions) {
    this._options = options;
  }

  private get _client(): Client {
    return this._options.client;
  }

  private async _site(): Promise<string> {
    if (!this._siteId) {
      const site: { id: string } = await this._client.api(`/sites/${this._options.hostname}:${this._options.sitePath}`).select('id').get();
      this._siteId = site.id;
    }
    return this._siteId;
  }

  private _listPath(siteId: string, list: ListKey | 'User Information List'): string {
    return `/sites/${siteId}/lists/${encodeURIComponent(list === 'User Information List' ? list : LIST_TITLES[list])}`;
  }

  private _expand(query: IListQuery): string {
    return `expand=fields(select=${graphSelectFor(query.list, queryColumns(query)).join(',')})`;
  }

  private _queryUrl(siteId: string, query: IListQuery): string {
    if (query.id !== undefined) {
      return `${this._listPath(siteId, query.list)}/items/${query.id}?${this._expand(query)}`;
    }
    const parts: string[] = [this._expand(query), `$top=${PAGE}`];
    if (query.filter) {
      // Only the first, selective clause goes to Graph: "when filtering on indexed fields, the
      // service can only filter one indexed field at a time" (listitem-list, learn.microsoft.com).
      // The rest (a workstream) is applied to the answer in _settle.
      parts.push(`$filter=${encodeURIComponent(graphFilter(query.list, { anyOf: query.filter.anyOf }))}`);
    }
    if (query.orderBy) {
      parts.push(`$orderby=fields/${query.orderBy}`);
    }
    return `${this._listPath(siteId, query.list)}/items?${parts.join('&')}`;
  }

  private _usersUrl(siteId: string): string {
    return `${this._listPath(siteId, 'User Information List')}/items?expand=fields(select=Title,EMail)&$top=${PAGE}`;
  }

  /** Every item of a page and the pages after it, through graph-client's PageIterator. */
  private async _all(first: IGraphPage): Promise<IGraphItem[]> {
    const items: IGraphItem[] = [];
    const iterator: PageIterator = new PageIterator(this._client, first as PageCollection, (item: IGraphItem) => {
      items.push(item);
      return true;
    });
    await iterator.iterate();
    return items;
  }

  /** Runs up to 20 requests as one JSON $batch (more in further batches). */
  private async _batch(requests: { [id: string]: { method: string; url: string; body?: unknown; headers?: { [name: string]: string } } }): Promise<{ [id: string]: IBatchResponse }> {
    const ids: string[] = Object.keys(requests);
    const out: { [id: string]: IBatchResponse } = {};
    for (let i: number = 0; i < ids.length; i += 20) {
      const chunk: string[] = ids.slice(i, i + 20);
      const result: { responses: IBatchResponse[] } = await this._client.api('/$batch').post({
        requests: chunk.map((id) => ({
          id,
          method: requests[id].method,
          url: requests[id].url,
          ...(requests[id].body !== undefined || requests[id].headers
            ? { headers: { ...(requests[id].body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(requests[id].headers || {}) } }
            : {}),
          ...(requests[id].body !== undefined ? { body: requests[id].body } : {})
        }))
      });
      for (const r of result.responses) {
        out[r.id] = r;
      }
    }
    return out;
  }

  private _failed(response: IBatchResponse, action: string): DataError {
    return errorFromResponse({ status: response.status, body: JSON.stringify(response.body || {}), retryAfter: batchHeader(response, 'Retry-After'), action });
  }

  /** The records of one batched query, following pages, falling back at the threshold. */
  private async _settle(query: IListQuery, response: IBatchResponse, action: string): Promise<ListRecord[]> {
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
      const siteId: string = await this._site();
      const all: ListRecord[] = (await this._all(await this._client.api(this._queryUrl(siteId, { list: query.list })).get())).map((i) => record(query.list, i));
      const matching: ListRecord[] = query.filter ? all.filter(recordPredicate(query.list, query.filter)) : all;
      return query.orderBy ? sortRecords(matching, query.orderBy) : matching;
    }
    if (query.id !== undefined) {
      return [record(query.list, response.body as IGraphItem)];
    }
    const records: ListRecord[] = (await this._all(response.body as IGraphPage)).map((i) => record(query.list, i));
    return query.filter && query.filter.allOf && query.filter.allOf.length > 0 ? records.filter(recordPredicate(query.list, query.filter)) : records;
  }

  private async _peopleFrom(siteId: string, response?: IBatchResponse): Promise<PeopleLookup> {
    const first: IGraphPage = response && response.status < 400 ? (response.body as IGraphPage) : await this._client.api(this._usersUrl(siteId)).get();
    const users: IGraphItem[] = await this._all(first);
    return peopleFrom(users.map((u) => ({ id: Number(u.id), name: String((u.fields || {}).Title || ''), email: (u.fields || {}).EMail as string | undefined })));
  }

  public async read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    try {
      const siteId: string = await this._site();
      const requests: { [id: string]: { method: string; url: string } } = {};
      for (const name of Object.keys(queries)) {
        requests[name] = { method: 'GET', url: this._queryUrl(siteId, queries[name]) };
      }
      if (options.people) {
        requests['~people'] = { method: 'GET', url: this._usersUrl(siteId) };
      }
      const responses = await this._batch(requests);
      const records: { [name: string]: ListRecord[] } = {};
      for (const name of Object.keys(queries)) {
        records[name] = await this._settle(queries[name], responses[name], options.action);
      }
      return { records, people: options.people ? await this._peopleFrom(siteId, responses['~people']) : undefined };
    } catch (e) {
      throw graphClientError(e, options.action);
    }
  }

  public async create(list: ListKey, value: ListRecord, action: string): Promise<ListRecord> {
    try {
      const siteId: string = await this._site();
      const item: IGraphItem = await this._client.api(`${this._listPath(siteId, list)}/items`).post({ fields: recordToGraphFields(list, value) });
      return record(list, item);
    } catch (e) {
      throw graphClientError(e, action);
    }
  }

  public async createMany(list: ListKey, values: ListRecord[], action: string): Promise<ListRecord[]> {
    try {
      const siteId: string = await this._site();
      const requests: { [id: string]: { method: string; url: string; body: unknown } } = {};
      values.forEach((v, i) => (requests[String(i)] = { method: 'POST', url: `${this._listPath(siteId, list)}/items`, body: { fields: recordToGraphFields(list, v) } }));
      const responses = await this._batch(requests);
      return values.map((_v, i) => {
        const r: IBatchResponse = responses[String(i)];
        if (r.status >= 400) {
          throw this._failed(r, action);
        }
        return record(list, r.body as IGraphItem);
      });
    } catch (e) {
      throw graphClientError(e, action);
    }
  }

  private async _current(list: ListKey, id: number, action: string): Promise<ListRecord | undefined> {
    try {
      return (await this.read({ item: { list, id } }, { action })).records.item[0];
    } catch {
      return undefined;
    }
  }

  public async update(list: ListKey, id: number, value: ListRecord, etag: string, action: string): Promise<ListRecord> {
    let fields: { [name: string]: unknown };
    try {
      const siteId: string = await this._site();
      fields = await this._client.api(`${this._listPath(siteId, list)}/items/${id}/fields`).header('If-Match', etag).patch(recordToGraphFields(list, value));
    } catch (e) {
      const error: DataError = graphClientError(e, action);
      if (error.kind === 'conflict') {
        throw new DataError('conflict', error.detail || error.message, { status: 412, current: await this._current(list, id, action), serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
    }
    return record(list, { id: String(id), fields });
  }

  /**
   * The writes as requests of JSON $batches of 20, one after the other. Graph may run a batch's
   * requests in any order (none depends on another here), and each succeeds or fails alone.
   */
  public async writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    let responses: { [id: string]: IBatchResponse };
    try {
      const siteId: string = await this._site();
      const requests: { [id: string]: { method: string; url: string; body?: unknown; headers?: { [name: string]: string } } } = {};
      writes.forEach((w, i) => {
        const items: string = `${this._listPath(siteId, w.list)}/items`;
        requests[String(i)] =
          w.op === 'create'
            ? { method: 'POST', url: items, body: { fields: recordToGraphFields(w.list, w.record) } }
            : w.op === 'update'
              ? { method: 'PATCH', url: `${items}/${w.id}/fields`, body: recordToGraphFields(w.list, w.record), headers: { 'If-Match': w.etag } }
              : { method: 'DELETE', url: `${items}/${w.id}`, headers: { 'If-Match': w.etag } };
      });
      responses = await this._batch(requests);
    } catch (e) {
      throw graphClientError(e, action);
    }
    return writes.map((w, i): WriteOutcome => {
      const r: IBatchResponse | undefined = responses[String(i)];
      if (!r) {
        return { done: false, error: new DataError('unknown', `Could not ${action}: the answer to one of its requests is missing.`) };
      }
      if (r.status >= 400) {
        return { done: false, error: this._failed(r, action) };
      }
      if (w.op === 'remove') {
        return { done: true };
      }
      return { done: true, record: w.op === 'create' ? record(w.list, r.body as IGraphItem) : record(w.list, { id: String(w.id), fields: r.body as { [name: string]: unknown } }) };
    });
  }

  public async remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    try {
      const siteId: string = await this._site();
      await this._client.api(`${this._listPath(siteId, list)}/items/${id}`).header('If-Match', etag).delete();
    } catch (e) {
      const error: DataError = graphClientError(e, action);
      if (error.kind === 'conflict') {
        throw new DataError('conflict', error.detail || error.message, { status: 412, current: await this._current(list, id, action), serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
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
    try {
      const siteId: string = await this._site();
      const first: IGraphPage = await this._client.api(`${this._listPath(siteId, list)}/items/${id}/versions?${this._expand({ list })}`).get();
      const all: IGraphVersion[] = (await this._all(first)) as unknown as IGraphVersion[];
      const versions: IVersionRecord[] = all.map((v) => {
        const user: { displayName?: string } | undefined = v.lastModifiedBy && v.lastModifiedBy.user;
        return {
          label: String(v.id),
          at: String(v.lastModifiedDateTime),
          editorName: user && user.displayName ? user.displayName : undefined,
          current: false,
          record: graphFieldsToRecord(list, { ...(v.fields || {}), id: String(id) })
        };
      });
      versions.sort((a, b) => versionNumber(b.label) - versionNumber(a.label));
      if (versions[0]) {
        versions[0].current = true;
      }
      return versions;
    } catch (e) {
      throw graphClientError(e, action);
    }
  }

  /** A SharePoint REST call, retried as graph-client retries Graph: 429, 503 and 504, after Retry-After. */
  private async _sharePoint<T>(apiPath: string, action: string): Promise<T> {
    let res: Response | undefined;
    let body: string = '';
    for (let attempt: number = 0; attempt < SHAREPOINT_ATTEMPTS; attempt++) {
      try {
        res = await this._options.sharePointFetch(apiPath);
      } catch (e) {
        throw networkError(action, e);
      }
      body = await res.text();
      if (res.ok || [429, 503, 504].indexOf(res.status) < 0 || attempt === SHAREPOINT_ATTEMPTS - 1) {
        break;
      }
      const wait: number = parseInt(res.headers.get('Retry-After') || '', 10);
      await new Promise((resolve) => setTimeout(resolve, (isNaN(wait) ? 2 ** attempt : wait) * 1000));
    }
    if (!res || !res.ok) {
      throw errorFromResponse({ status: res ? res.status : 0, body, retryAfter: res ? res.headers.get('Retry-After') : undefined, action });
    }
    const json = JSON.parse(body);
    return (json.d || json) as T;
  }

  /** The site's regional time zone: Graph v1.0 has none for a site, so SharePoint REST on the same site. */
  public async timeZone(): Promise<ISiteTimeZone> {
    const tz = await this._sharePoint<{ Id: number; Description: string; Information: { Bias: number } }>('web/RegionalSettings/TimeZone', "read the site's time zone");
    return { id: tz.Id, description: tz.Description, bias: Number(tz.Information.Bias) };
  }

  public async currentUser(): Promise<ICurrentUser> {
    const u = await this._sharePoint<{ Id: number; Title: string; Email: string; LoginName: string }>('web/currentuser', 'find out who you are');
    return currentUserFrom(u);
  }

  public async rights(): Promise<UserRights> {
    const keys: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];
    const masks = await Promise.all(
      keys.map((k) =>
        this._sharePoint<{ High: string; Low: string }>(`web/lists/getByTitle('${encodeURIComponent(LIST_TITLES[k].replace(/'/g, "''"))}')/EffectiveBasePermissions`, 'read your permissions').catch(
          (e: unknown) => {
            if (isDataError(e, 'notFound') || isDataError(e, 'forbidden')) {
              return { High: '0', Low: '0' };
            }
            throw e;
          }
        )
      )
    );
    const result: { [k: string]: IListRights } = {};
    keys.forEach((k, i) => {
      result[k] = listRights(masks[i]);
    });
    return result as UserRights;
  }

  public async people(): Promise<PeopleLookup> {
    try {
      return await this._peopleFrom(await this._site());
    } catch (e) {
      throw graphClientError(e, "read the site's people");
    }
  }
}

/** The repository over Microsoft Graph. */
export class GraphRepository extends ProgrammeRepository {
  constructor(options: IGraphRepositoryOptions) {
    super(new GraphTransport(options));
  }
}
