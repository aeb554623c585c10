/**
 * The repository over Microsoft Graph with @microsoft/microsoft-graph-client: the Word add-in's
 * and the command line's way in. A period's picture is one JSON $batch; pages are followed with
 * the client's own PageIterator; updates PATCH /fields with If-Match. Graph has no effective
 * permissions for lists, nor SharePoint's user ids, so rights and the current user come from
 * SharePoint REST on the same site through `sharePointFetch`.
 */
import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import { sortPeriods, type IPeriod } from '../../domain';
import { DataError, isDataError } from '../errors';
import { errorFromResponse, networkError } from '../httpErrors';
import { graphFieldsToRecord, graphSelectFor, recordToGraphFields, toEntity, toPeriod, toProgramme, toRecord, toWorkstream, type ListRecord, type PeopleLookup } from '../mapping';
import { ETAG, assemblePicture, historyFrom, peopleFrom, pictureQueries, type IPictureRecords } from '../picture';
import { graphFilter, recordPredicate, type IListQuery } from '../query';
import {
  ENTITY_LISTS,
  LIST_TITLES,
  type EntityChanges,
  type EntityKind,
  type ICurrentUser,
  type IEditablePeriodPicture,
  type IEntities,
  type IListRights,
  type IPictureOptions,
  type IProgrammeRepository,
  type IProgrammeSummary,
  type IRagHistoryEntry,
  type ListKey,
  type NewEntity,
  type Saved,
  type UserRights
} from '../repository';
import { validateEntity } from '../validation';

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

interface IGraphPage {
  value: Array<{ id: string; fields?: { [name: string]: unknown } }>;
  '@odata.nextLink'?: string;
}

interface IBatchResponse {
  id: string;
  status: number;
  headers?: { [name: string]: string };
  body?: unknown;
}

const ACTIONS: { [K in EntityKind]: string } = {
  statusReport: 'status report',
  sponsorComment: 'sponsor comments',
  milestone: 'milestone',
  risk: 'risk',
  feedback: 'feedback'
};

/** The permission bits (SP.PermissionKind - 1) the product needs. */
const BITS: { [k in keyof IListRights]: number } = { view: 0, add: 1, edit: 2, delete: 3 };

function uuid(): string {
  const c: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c && c.randomUUID ? c.randomUUID() : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/** Turns what graph-client throws into a DataError. */
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
  if (e instanceof Error && e.name === 'GraphClientError') {
    return /token/i.test(e.message)
      ? new DataError('unauthenticated', `Could not ${action}: you are signed out. Sign in again and retry.`, { serverMessage: e.message })
      : new DataError('unknown', `Could not ${action}: the connection to Microsoft Graph is not set up correctly.`, { serverMessage: e.message });
  }
  return networkError(action, e);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function record(list: ListKey, item: { id: string; fields?: { [name: string]: unknown } }): ListRecord {
  const fields: { [name: string]: unknown } = item.fields || {};
  return { ...graphFieldsToRecord(list, { ...fields, id: fields.id || item.id }), [ETAG]: fields['@odata.etag'] };
}

/** The repository over Microsoft Graph. */
export class GraphRepository implements IProgrammeRepository {
  private readonly _options: IGraphRepositoryOptions;
  private _siteId?: string;
  private _periods?: IPeriod[];

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

  private _itemsUrl(siteId: string, query: IListQuery): string {
    const parts: string[] = [`expand=fields(select=${graphSelectFor(query.list).join(',')})`, `$top=${PAGE}`];
    if (query.filter) {
      parts.push(`$filter=${encodeURIComponent(graphFilter(query.list, query.filter))}`);
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
  private async _all(first: IGraphPage): Promise<Array<{ id: string; fields?: { [name: string]: unknown } }>> {
    const items: Array<{ id: string; fields?: { [name: string]: unknown } }> = [];
    const iterator: PageIterator = new PageIterator(this._client, first as PageCollection, (item: { id: string; fields?: { [name: string]: unknown } }) => {
      items.push(item);
      return true;
    });
    await iterator.iterate();
    return items;
  }

  /** Runs up to 20 GETs as one JSON $batch. */
  private async _batch(urls: { [id: string]: string }): Promise<{ [id: string]: IBatchResponse }> {
    const ids: string[] = Object.keys(urls);
    const out: { [id: string]: IBatchResponse } = {};
    for (let i: number = 0; i < ids.length; i += 20) {
      const chunk: string[] = ids.slice(i, i + 20);
      const result: { responses: IBatchResponse[] } = await this._client.api('/$batch').post({ requests: chunk.map((id) => ({ id, method: 'GET', url: urls[id] })) });
      for (const r of result.responses) {
        out[r.id] = r;
      }
    }
    return out;
  }

  /** The records of one batched query, following pages, falling back at the threshold. */
  private async _settle(query: IListQuery, response: IBatchResponse, action: string): Promise<ListRecord[]> {
    if (response.status >= 400) {
      const error: DataError = errorFromResponse({ status: response.status, body: JSON.stringify(response.body || {}), retryAfter: response.headers && response.headers['retry-after'], action });
      if (error.kind !== 'threshold' || !query.filter) {
        throw error;
      }
      const siteId: string = await this._site();
      const all = await this._all(await this._client.api(this._itemsUrl(siteId, { list: query.list })).get());
      return all.map((i) => record(query.list, i)).filter(recordPredicate(query.list, query.filter));
    }
    return (await this._all(response.body as IGraphPage)).map((i) => record(query.list, i));
  }

  private async _people(siteId: string, response?: IBatchResponse): Promise<PeopleLookup> {
    const first: IGraphPage = response && response.status < 400 ? (response.body as IGraphPage) : await this._client.api(this._usersUrl(siteId)).get();
    const users = await this._all(first);
    return peopleFrom(users.map((u) => ({ id: Number(u.id), name: String((u.fields || {}).Title || ''), email: (u.fields || {}).EMail as string | undefined })));
  }

  private async _run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw graphClientError(e, action);
    }
  }

  private async _sharePoint<T>(apiPath: string, action: string): Promise<T> {
    let res: Response;
    try {
      res = await this._options.sharePointFetch(apiPath);
    } catch (e) {
      throw networkError(action, e);
    }
    const body: string = await res.text();
    if (!res.ok) {
      throw errorFromResponse({ status: res.status, body, retryAfter: res.headers.get('Retry-After'), action });
    }
    const json = JSON.parse(body);
    return (json.d || json) as T;
  }

  public async getCurrentUser(): Promise<ICurrentUser> {
    const u = await this._sharePoint<{ Id: number; Title: string; Email: string; LoginName: string }>('web/currentuser', 'find out who you are');
    return { id: u.Id, name: u.Title, login: u.LoginName.replace(/^i:0#\.f\|membership\|/i, ''), email: u.Email };
  }

  public async getRights(): Promise<UserRights> {
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
      const low: number = Number(masks[i].Low);
      const has = (bit: number): boolean => ((low >>> bit) & 1) === 1;
      result[k] = { view: has(BITS.view), add: has(BITS.add), edit: has(BITS.edit), delete: has(BITS.delete) };
    });
    return result as UserRights;
  }

  public async getPeriods(): Promise<IPeriod[]> {
    return this._run('read the reporting periods', async () => {
      const siteId: string = await this._site();
      const items = await this._all(await this._client.api(this._itemsUrl(siteId, { list: 'periods' })).get());
      this._periods = sortPeriods(items.map((i) => toPeriod(record('periods', i))));
      return this._periods;
    });
  }

  public async getProgrammeSummary(): Promise<IProgrammeSummary> {
    return this._run('read the programme', async () => {
      const siteId: string = await this._site();
      const openRisks: IListQuery = { list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] } };
      const queries: { [k: string]: IListQuery } = {
        programme: { list: 'programme' },
        ragDefinitions: { list: 'ragDefinitions' },
        periods: { list: 'periods' },
        workstreams: { list: 'workstreams' },
        history: { list: 'statusReports' },
        openRisks
      };
      const urls: { [k: string]: string } = { users: this._usersUrl(siteId) };
      for (const k of Object.keys(queries)) {
        urls[k] = this._itemsUrl(siteId, queries[k]);
      }
      const responses = await this._batch(urls);
      const people: PeopleLookup = await this._people(siteId, responses.users);
      const get = (k: string): Promise<ListRecord[]> => this._settle(queries[k], responses[k], 'read the programme');
      const periods: IPeriod[] = sortPeriods((await get('periods')).map(toPeriod));
      this._periods = periods;
      const risksByWorkstream: { [id: number]: number } = {};
      for (const r of await get('openRisks')) {
        risksByWorkstream[Number(r.WorkstreamId)] = (risksByWorkstream[Number(r.WorkstreamId)] || 0) + 1;
      }
      const milestonesDue: { [id: number]: number } = {};
      const latest: IPeriod | undefined = periods[periods.length - 1];
      if (latest) {
        const query: IListQuery = { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: latest.id }] } };
        const due = await this._batch({ due: this._itemsUrl(siteId, query) });
        for (const m of await this._settle(query, due.due, 'read the milestones')) {
          if (m.StatusCategory !== 'Complete') {
            milestonesDue[Number(m.WorkstreamId)] = (milestonesDue[Number(m.WorkstreamId)] || 0) + 1;
          }
        }
      }
      return {
        programme: toProgramme((await get('programme'))[0], await get('ragDefinitions')),
        periods,
        workstreams: (await get('workstreams')).map((r) => toWorkstream(r, people)).sort((a, b) => a.order - b.order || a.id - b.id),
        history: historyFrom(await get('history')),
        openRisks: risksByWorkstream,
        milestonesDue
      };
    });
  }

  public async getPeriodPicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    if (!this._periods || !this._periods.some((p) => p.id === periodId)) {
      await this.getPeriods();
    }
    return this._run('read the period', async () => {
      const siteId: string = await this._site();
      const queries: { [k: string]: IListQuery } = {
        programme: { list: 'programme' },
        ragDefinitions: { list: 'ragDefinitions' },
        periods: { list: 'periods' },
        workstreams: { list: 'workstreams' },
        ...pictureQueries(this._periods as IPeriod[], periodId, options)
      };
      const urls: { [k: string]: string } = { users: this._usersUrl(siteId) };
      for (const k of Object.keys(queries)) {
        urls[k] = this._itemsUrl(siteId, queries[k]);
      }
      const responses = await this._batch(urls);
      const records: { [k: string]: ListRecord[] } = {};
      for (const k of Object.keys(queries)) {
        records[k] = await this._settle(queries[k], responses[k], 'read the period');
      }
      const picture: IEditablePeriodPicture = assemblePicture(records as unknown as IPictureRecords, periodId, await this._people(siteId, responses.users), options);
      this._periods = picture.periods;
      return picture;
    });
  }

  public async getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]> {
    return this._run('read the RAG history', async () => {
      const siteId: string = await this._site();
      const query: IListQuery = { list: 'statusReports', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] } };
      const r = await this._batch({ history: this._itemsUrl(siteId, query) });
      return historyFrom(await this._settle(query, r.history, 'read the RAG history'));
    });
  }

  private _saved<K extends EntityKind>(kind: K, item: { id: string; fields?: { [name: string]: unknown } }, people: PeopleLookup): Saved<IEntities[K]> {
    const r: ListRecord = record(ENTITY_LISTS[kind], item);
    return { ...toEntity(kind, r, people), etag: String(r[ETAG]) } as Saved<IEntities[K]>;
  }

  public async get<K extends EntityKind>(kind: K, id: number): Promise<Saved<IEntities[K]>> {
    return this._run(`read the ${ACTIONS[kind]}`, async () => {
      const siteId: string = await this._site();
      const item = await this._client.api(`${this._listPath(siteId, ENTITY_LISTS[kind])}/items/${id}?expand=fields(select=${graphSelectFor(ENTITY_LISTS[kind]).join(',')})`).get();
      return this._saved(kind, item, await this._people(siteId));
    });
  }

  public async create<K extends EntityKind>(kind: K, value: NewEntity<K>): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, value);
    return this._run(`save the ${ACTIONS[kind]}`, async () => {
      const siteId: string = await this._site();
      const list: ListKey = ENTITY_LISTS[kind];
      // graph-client retries POSTs too; the key keeps a retried create from adding a duplicate.
      const item = await this._client
        .api(`${this._listPath(siteId, list)}/items`)
        .header('X-Client-Request-Key', uuid())
        .post({ fields: recordToGraphFields(list, toRecord(kind, value)) });
      return this._saved(kind, item, await this._people(siteId));
    });
  }

  public async update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, changes, true);
    const action: string = `save the ${ACTIONS[kind]}`;
    const list: ListKey = ENTITY_LISTS[kind];
    const siteId: string = await this._run(action, () => this._site());
    let fields: { [name: string]: unknown };
    try {
      fields = await this._client
        .api(`${this._listPath(siteId, list)}/items/${id}/fields`)
        .header('If-Match', etag)
        .patch(recordToGraphFields(list, toRecord(kind, changes)));
    } catch (e) {
      const error: DataError = graphClientError(e, action);
      if (error.kind === 'conflict') {
        const current = await this.get(kind, id).catch(() => undefined);
        throw new DataError('conflict', error.message, { status: 412, current, serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
    }
    return this._run(action, async () => this._saved(kind, { id: String(id), fields }, await this._people(siteId)));
  }

  public async remove(kind: EntityKind, id: number, etag: string): Promise<void> {
    const action: string = `delete the ${ACTIONS[kind]}`;
    const siteId: string = await this._run(action, () => this._site());
    try {
      await this._client.api(`${this._listPath(siteId, ENTITY_LISTS[kind])}/items/${id}`).header('If-Match', etag).delete();
    } catch (e) {
      const error: DataError = graphClientError(e, action);
      if (error.kind === 'conflict') {
        const current = await this.get(kind, id).catch(() => undefined);
        throw new DataError('conflict', error.message, { status: 412, current, serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
    }
  }
}
