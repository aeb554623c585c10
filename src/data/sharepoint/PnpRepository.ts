/**
 * The repository over SharePoint REST with @pnp/sp. The host gives it a configured SPFI: in
 * SharePoint `spfi().using(SPFx(context))`; elsewhere `spfi(siteUrl).using(SPBrowser(), …)`.
 * A period's picture is one $batch; a save is one $batch holding the change and a read of the
 * item, so a stale ETag's 412 and the server's current version arrive in the same round trip.
 */
import { SPCollection, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security/list';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import type { IList } from '@pnp/sp/lists';
import type { IItems } from '@pnp/sp/items';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import { InjectHeaders, parseBinderWithErrorCheck, type Queryable } from '@pnp/queryable';
import { sortPeriods, type IPeriod } from '../../domain';
import { DataError, isDataError } from '../errors';
import { errorFromResponse, networkError } from '../httpErrors';
import { selectFor, toEntity, toPeriod, toProgramme, toRecord, toWorkstream, type ListRecord, type PeopleLookup } from '../mapping';
import { ETAG, assemblePicture, historyFrom, peopleFrom, pictureQueries, type IPictureRecords } from '../picture';
import { recordPredicate, sharePointFilter, type IListQuery } from '../query';
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

/** Items a single request asks for: SharePoint's largest page. */
const PAGE: number = 5000;

interface IPage {
  value: ListRecord[];
  next?: string;
}

const ACTIONS: { [K in EntityKind]: string } = {
  statusReport: 'status report',
  sponsorComment: 'sponsor comments',
  milestone: 'milestone',
  risk: 'risk',
  feedback: 'feedback'
};

/** Reads a collection's JSON whole, keeping odata.nextLink. */
const rawPage = parseBinderWithErrorCheck(async (r: Response): Promise<IPage> => {
  const json = await r.json();
  const value: ListRecord[] = json.d ? json.d.results || json.d : json.value;
  return { value: value.map((v: ListRecord) => ({ ...v, [ETAG]: v['odata.etag'] || (v.__metadata && (v.__metadata as { etag?: string }).etag) })), next: json['odata.nextLink'] || (json.d && json.d.__next) };
});

function uuid(): string {
  const c: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c && c.randomUUID ? c.randomUUID() : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
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

function rights(perms: IBasePermissions): IListRights {
  const has = (kind: PermissionKind): boolean => {
    const bit: number = kind - 1;
    const half: number = Number(bit < 32 ? perms.Low : perms.High);
    return ((half >>> (bit % 32)) & 1) === 1;
  };
  return {
    view: has(PermissionKind.ViewListItems),
    add: has(PermissionKind.AddListItems),
    edit: has(PermissionKind.EditListItems),
    delete: has(PermissionKind.DeleteListItems)
  };
}

/** The repository over @pnp/sp. */
export class PnpRepository implements IProgrammeRepository {
  private readonly _sp: SPFI;
  private _periods?: IPeriod[];

  constructor(sp: SPFI) {
    this._sp = sp;
  }

  private _list(key: ListKey, sp: SPFI = this._sp): IList {
    return sp.web.lists.getByTitle(LIST_TITLES[key]);
  }

  private _items(query: IListQuery, sp: SPFI = this._sp): IItems {
    let items: IItems = this._list(query.list, sp).items.select(...selectFor(query.list)).top(PAGE);
    if (query.filter) {
      items = items.filter(sharePointFilter(query.list, query.filter));
    }
    if (query.orderBy) {
      items = items.orderBy(query.orderBy, true);
    }
    return items;
  }

  /** Reads the pages after the first, following absolute nextLinks. */
  private async _rest(first: IPage): Promise<ListRecord[]> {
    const all: ListRecord[] = [...first.value];
    let next: string | undefined = first.next;
    while (next) {
      const page: IPage = await SPCollection([this._sp.web, next]).using(rawPage)<IPage>();
      all.push(...page.value);
      next = page.next;
    }
    return all;
  }

  /**
   * Every record a query matches. If SharePoint refuses the query at the list view threshold,
   * reads the whole list by ID (always allowed) and filters here.
   */
  private async _settle(query: IListQuery, first: Promise<IPage>, action: string): Promise<ListRecord[]> {
    try {
      return await this._rest(await first);
    } catch (e) {
      const error: DataError = await pnpError(e, action);
      if (error.kind !== 'threshold' || !query.filter) {
        throw error;
      }
      const predicate = recordPredicate(query.list, query.filter);
      const all: ListRecord[] = await this._rest(await this._list(query.list).items.select(...selectFor(query.list)).top(PAGE).using(rawPage)<IPage>());
      return all.filter(predicate);
    }
  }

  private async _run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async getCurrentUser(): Promise<ICurrentUser> {
    return this._run('find out who you are', async () => {
      const u = await this._sp.web.currentUser.select('Id', 'Title', 'Email', 'LoginName')();
      return { id: u.Id, name: u.Title, login: u.LoginName.replace(/^i:0#\.f\|membership\|/i, ''), email: u.Email };
    });
  }

  public async getRights(): Promise<UserRights> {
    return this._run('read your permissions', async () => {
      const [batched, execute] = this._sp.batched();
      const keys: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];
      const pending = keys.map((k) => this._list(k, batched).getCurrentUserEffectivePermissions());
      await execute();
      const result: { [k: string]: IListRights } = {};
      const settled = await Promise.allSettled(pending);
      keys.forEach((k, i) => {
        const s = settled[i];
        result[k] = s.status === 'fulfilled' ? rights(s.value) : { view: false, add: false, edit: false, delete: false };
      });
      return result as UserRights;
    });
  }

  public async getPeriods(): Promise<IPeriod[]> {
    return this._run('read the reporting periods', async () => {
      const page: IPage = await this._items({ list: 'periods' }).using(rawPage)<IPage>();
      this._periods = sortPeriods((await this._rest(page)).map(toPeriod));
      return this._periods;
    });
  }

  public async getProgrammeSummary(): Promise<IProgrammeSummary> {
    return this._run('read the programme', async () => {
      const [batched, execute] = this._sp.batched();
      const q = (query: IListQuery): Promise<IPage> => this._items(query, batched).using(rawPage)<IPage>();
      const pending = {
        programme: q({ list: 'programme' }),
        ragDefinitions: q({ list: 'ragDefinitions' }),
        periods: q({ list: 'periods' }),
        workstreams: q({ list: 'workstreams' }),
        users: batched.web.siteUsers.select('Id', 'Title', 'Email')<Array<{ Id: number; Title: string; Email: string }>>(),
        history: this._list('statusReports', batched).items.select('Id', 'WorkstreamId', 'ReportingPeriodId', 'Rag', 'PreviousRag').top(PAGE).using(rawPage)<IPage>(),
        openRisks: q({ list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] } })
      };
      // Failures are read below, one by one; none may go unhandled meanwhile.
      for (const p of Object.values(pending) as Array<Promise<unknown>>) {
        p.catch(() => undefined);
      }
      await execute();
      const periods: IPeriod[] = sortPeriods((await this._rest(await pending.periods)).map(toPeriod));
      this._periods = periods;
      const people: PeopleLookup = peopleFrom((await pending.users).map((u) => ({ id: u.Id, name: u.Title, email: u.Email })));
      const openRisks: { [id: number]: number } = {};
      for (const r of await this._settle({ list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] } }, pending.openRisks, 'read the risks')) {
        openRisks[Number(r.WorkstreamId)] = (openRisks[Number(r.WorkstreamId)] || 0) + 1;
      }
      const latest: IPeriod | undefined = periods[periods.length - 1];
      const milestonesDue: { [id: number]: number } = {};
      if (latest) {
        const query: IListQuery = { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: latest.id }] } };
        for (const m of await this._settle(query, this._items(query).using(rawPage)<IPage>(), 'read the milestones')) {
          if (m.StatusCategory !== 'Complete') {
            milestonesDue[Number(m.WorkstreamId)] = (milestonesDue[Number(m.WorkstreamId)] || 0) + 1;
          }
        }
      }
      return {
        programme: toProgramme((await pending.programme).value[0], await this._rest(await pending.ragDefinitions)),
        periods,
        workstreams: (await this._rest(await pending.workstreams)).map((r) => toWorkstream(r, people)).sort((a, b) => a.order - b.order || a.id - b.id),
        history: historyFrom(await this._rest(await pending.history)),
        openRisks,
        milestonesDue
      };
    });
  }

  public async getPeriodPicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    if (!this._periods || !this._periods.some((p) => p.id === periodId)) {
      await this.getPeriods();
    }
    return this._run('read the period', async () => {
      const periods: IPeriod[] = this._periods as IPeriod[];
      const queries = pictureQueries(periods, periodId, options);
      const [batched, execute] = this._sp.batched();
      const page = (query: IListQuery): Promise<IPage> => this._items(query, batched).using(rawPage)<IPage>();
      const fixed: { [k in 'programme' | 'ragDefinitions' | 'periods' | 'workstreams']: IListQuery } = {
        programme: { list: 'programme' },
        ragDefinitions: { list: 'ragDefinitions' },
        periods: { list: 'periods' },
        workstreams: { list: 'workstreams' }
      };
      const all: { [k: string]: IListQuery } = { ...fixed, ...queries };
      const pending: { [k: string]: Promise<IPage> } = {};
      for (const k of Object.keys(all)) {
        pending[k] = page(all[k]);
        pending[k].catch(() => undefined);
      }
      const users = batched.web.siteUsers.select('Id', 'Title', 'Email')<Array<{ Id: number; Title: string; Email: string }>>();
      users.catch(() => undefined);
      await execute();
      const records: { [k: string]: ListRecord[] } = {};
      for (const k of Object.keys(all)) {
        records[k] = await this._settle(all[k], pending[k], 'read the period');
      }
      const people: PeopleLookup = peopleFrom((await users).map((u) => ({ id: u.Id, name: u.Title, email: u.Email })));
      const picture: IEditablePeriodPicture = assemblePicture(records as unknown as IPictureRecords, periodId, people, options);
      this._periods = picture.periods;
      return picture;
    });
  }

  public async getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]> {
    return this._run('read the RAG history', async () => {
      const query: IListQuery = { list: 'statusReports', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] } };
      return historyFrom(await this._settle(query, this._items(query).using(rawPage)<IPage>(), 'read the RAG history'));
    });
  }

  private async _people(): Promise<PeopleLookup> {
    const users = await this._sp.web.siteUsers.select('Id', 'Title', 'Email')<Array<{ Id: number; Title: string; Email: string }>>();
    return peopleFrom(users.map((u) => ({ id: u.Id, name: u.Title, email: u.Email })));
  }

  private _saved<K extends EntityKind>(kind: K, record: ListRecord, people: PeopleLookup): Saved<IEntities[K]> {
    return { ...toEntity(kind, record, people), etag: String(record['odata.etag'] || record[ETAG]) } as Saved<IEntities[K]>;
  }

  public async get<K extends EntityKind>(kind: K, id: number): Promise<Saved<IEntities[K]>> {
    return this._run(`read the ${ACTIONS[kind]}`, async () => {
      const [record, people] = await Promise.all([this._list(ENTITY_LISTS[kind]).items.getById(id).select(...selectFor(ENTITY_LISTS[kind]))<ListRecord>(), this._people()]);
      return this._saved(kind, record, people);
    });
  }

  public async create<K extends EntityKind>(kind: K, value: NewEntity<K>): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, value);
    return this._run(`save the ${ACTIONS[kind]}`, async () => {
      // A retry of this create (after a lost response) carries the same key, so it cannot add a duplicate.
      const record: ListRecord = await this._list(ENTITY_LISTS[kind]).items.using(InjectHeaders({ 'X-Client-Request-Key': uuid() })).add(toRecord(kind, value));
      return this._saved(kind, record, await this._people());
    });
  }

  public async update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, changes, true);
    const action: string = `save the ${ACTIONS[kind]}`;
    const list: ListKey = ENTITY_LISTS[kind];
    let people: PeopleLookup | undefined;
    try {
      const [batched, execute] = this._sp.batched();
      const write = this._list(list, batched).items.getById(id).update(toRecord(kind, changes), etag);
      const read = this._list(list, batched).items.getById(id).select(...selectFor(list))<ListRecord>();
      const users = batched.web.siteUsers.select('Id', 'Title', 'Email')<Array<{ Id: number; Title: string; Email: string }>>();
      const settled = Promise.allSettled([write, read, users]);
      await execute();
      const [written, current, siteUsers] = await settled;
      people = siteUsers.status === 'fulfilled' ? peopleFrom(siteUsers.value.map((u) => ({ id: u.Id, name: u.Title, email: u.Email }))) : await this._people();
      if (written.status === 'rejected') {
        const theirs: Saved<IEntities[K]> | undefined = current.status === 'fulfilled' ? this._saved(kind, current.value, people) : undefined;
        throw await pnpError(written.reason, action, theirs);
      }
      if (current.status === 'rejected') {
        throw current.reason;
      }
      return this._saved(kind, current.value, people);
    } catch (e) {
      throw await pnpError(e, action);
    }
  }

  public async remove(kind: EntityKind, id: number, etag: string): Promise<void> {
    const action: string = `delete the ${ACTIONS[kind]}`;
    try {
      await this._list(ENTITY_LISTS[kind]).items.getById(id).delete(etag);
    } catch (e) {
      const error: DataError = await pnpError(e, action);
      if (error.kind === 'conflict') {
        const current = await this.get(kind, id).catch(() => undefined);
        throw new DataError('conflict', error.message, { status: 412, current, serverCode: error.serverCode, serverMessage: error.serverMessage });
      }
      throw error;
    }
  }
}

/** A behaviour that names the caller with a bearer token (the local stack's users). */
export function BearerLogin(login: string): (instance: Queryable) => Queryable {
  return InjectHeaders({ Authorization: `Bearer ${login}` });
}
