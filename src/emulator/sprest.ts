/**
 * SharePoint REST under /sites/<name>/_api/…: lists by title, items with $select, $filter,
 * $orderby, $top, $expand and skiptoken paging, contextinfo and the form digest, ETags and 412,
 * effective permissions, users, the three metadata levels, and error bodies as SharePoint writes
 * them. $batch lives in batch.ts and calls back into {@link handleSharePointRest}.
 *
 * This module is the entry and its route tables — the web's, a list's, its items' and an item's —
 * with the handlers that only read. The concerns live in rest/: paths and route matching
 * (router.ts), response shapes and metadata levels (shapes.ts), column names and values
 * (columns.ts), $select/$expand (projection.ts), writes (writes.ts) and the form digest
 * (digest.ts); paging, shared with Graph, is paging.ts.
 */
import { empty, type IEmuRequest, type IEmuResponse } from './http';
import { FilterSyntaxError, parseFilter, parseOrderBy, type FieldResolver, type IOrderKey } from './odata';
import { restNextLink, restPagePosition, restSkipToken, restTop } from './paging';
import { effectiveListPermissions, effectiveWebPermissions, toRest, type IBasePermissions } from './permissions';
import { addFieldLink, createFieldAsXml, createList, storageEntity, updateField, updateList } from './provisioning';
import type { IFieldDefinition } from './schema';
import { Site, SiteError } from './site';
import type { IStoredItem, IStoredList, IUser } from './store';
import { spResolver } from './rest/columns';
import { contextInfo, isValidDigest } from './rest/digest';
import { assertWithinLookupThreshold, itemEntity, projection, type IProjection } from './rest/projection';
import { findRoute, method, pathNames, splitPath, unquote, type IPathSegment, type IRoute } from './rest/router';
import {
  apiRoot,
  collection,
  fieldEntity,
  fromSiteError,
  groupEntity,
  headerETag,
  itemsMetadataName,
  listEntity,
  metadataLevel,
  reply,
  single,
  spError,
  userEntity,
  versionEntity,
  withMetadata,
  type ISpContext
} from './rest/shapes';
import { createItem, deleteItem, parseBody, updateItem } from './rest/writes';

/** Who is asking, and how they proved it. */
export interface ICaller {
  user: IUser;
  /** True when the caller named themselves with a bearer token (no form digest needed). */
  bearer: boolean;
}

/** What every handler is given: the request, its verb, the protocol context and the caller. */
interface IRestRequest {
  req: IEmuRequest;
  verb: string;
  ctx: ISpContext;
  caller: ICaller;
}

/** A request to a list the path named. */
interface IListRequest extends IRestRequest {
  list: IStoredList;
}

/** A request to one item of a list. */
interface IItemRequest extends IListRequest {
  id: number;
}

// ---- the handler ----

/** Handles one SharePoint REST request (not $batch) for the caller. */
export function handleSharePointRest(req: IEmuRequest, site: Site, caller: ICaller, origin: string, apiPath: string): IEmuResponse {
  const level = metadataLevel(req);
  const ctx: ISpContext = { site, origin, level };
  try {
    return route({ req, verb: method(req), ctx, caller }, apiPath);
  } catch (e) {
    if (e instanceof SiteError) {
      return fromSiteError(level, e);
    }
    if (e instanceof FilterSyntaxError) {
      return spError(level, 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The expression is not valid: ${e.message}.`);
    }
    throw e;
  }
}

function route(r: IRestRequest, apiPath: string): IEmuResponse {
  const segments: IPathSegment[] = splitPath(apiPath);
  const digestRoute: IRoute<IRestRequest> | undefined = findRoute(CONTEXT_INFO_ROUTES, r.verb, segments);
  if (digestRoute) {
    return digestRoute.handle(r, segments);
  }
  // A write without a bearer token must carry a valid form digest, as in a browser session.
  if (r.verb !== 'GET' && !r.caller.bearer && !isValidDigest(r.req.headers['x-requestdigest'])) {
    return spError(
      r.ctx.level,
      403,
      '-2130575251, Microsoft.SharePoint.SPException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    );
  }
  return dispatch(ROUTES, r, segments);
}

/** The first route of a table that answers the request, else SharePoint's "Cannot find resource". */
function dispatch<T extends IRestRequest>(table: Array<IRoute<T>>, r: T, segments: IPathSegment[]): IEmuResponse {
  const found: IRoute<T> | undefined = findRoute(table, r.verb, segments);
  return found ? found.handle(r, segments) : spError(r.ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${pathNames(segments)}.`);
}

/** True when the i-th segment has no parentheses: "Lists", not "Lists(guid'…')". */
const noArg = (i: number): ((segments: IPathSegment[]) => boolean) => (segments: IPathSegment[]): boolean => segments[i].arg === undefined;

function accessDenied(r: IRestRequest): IEmuResponse {
  return spError(r.ctx.level, 403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.');
}

function permissions(r: IRestRequest, mask: IBasePermissions): IEmuResponse {
  return reply(r.ctx, 200, single(r.ctx, withMetadata(r.ctx, toRest(mask), { type: 'SP.BasePermissions', id: '', uri: '' }), 'Edm.Null'));
}

function selectList(req: IEmuRequest): string[] {
  return (req.url.searchParams.get('$select') || '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---- the form digest ----

const CONTEXT_INFO_ROUTES: Array<IRoute<IRestRequest>> = [
  {
    verb: 'POST',
    path: 'contextinfo',
    handle: ({ ctx }) => {
      const info = contextInfo(ctx.site, ctx.origin);
      return reply(ctx, 200, ctx.level === 'verbose' ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } } : info);
    }
  },
  { verb: '*', path: 'contextinfo', handle: ({ ctx }) => spError(ctx.level, 405, '-1, System.InvalidOperationException', 'The HTTP method is not allowed for contextinfo; use POST.') }
];

// ---- the site and the web ----

const ROUTES: Array<IRoute<IRestRequest>> = [
  {
    verb: 'GET',
    path: 'site',
    handle: ({ ctx }) => {
      const uri: string = `${apiRoot(ctx)}/Site`;
      return reply(ctx, 200, single(ctx, withMetadata(ctx, { Id: ctx.site.store.siteGuid, ServerRelativeUrl: ctx.site.serverRelativeUrl, Url: ctx.site.absoluteUrl(ctx.origin) }, { type: 'SP.Site', id: uri, uri }), 'SP.ApiData.Sites/@Element'));
    }
  },
  {
    verb: '*',
    path: 'web',
    handle: ({ ctx }) => {
      const { site } = ctx;
      const uri: string = `${apiRoot(ctx)}/Web`;
      return reply(ctx, 200, single(ctx, withMetadata(ctx, { Id: site.store.webGuid, Title: site.title, ServerRelativeUrl: site.serverRelativeUrl, Url: site.absoluteUrl(ctx.origin), Language: 2057 }, { type: 'SP.Web', id: uri, uri }), 'SP.ApiData.Webs/@Element'));
    }
  },
  {
    verb: 'GET',
    path: 'web/getstorageentity',
    handle: ({ ctx }, segments) => {
      const uri: string = `${apiRoot(ctx)}/Web/GetStorageEntity`;
      const entity = storageEntity(ctx.site, unquote(segments[1].arg) || '');
      return reply(ctx, 200, single(ctx, withMetadata(ctx, entity, { type: 'Microsoft.SharePoint.ClientSideComponent.StorageEntity', id: uri, uri }), 'SP.ApiData.StorageEntitys/@Element'));
    }
  },
  { verb: 'GET', path: 'web/currentuser', handle: ({ req, ctx, caller }) => reply(ctx, 200, single(ctx, userEntity(ctx, caller.user, selectList(req)), 'SP.ApiData.Users/@Element')) },
  {
    verb: 'GET',
    path: 'web/currentuser/groups/**',
    handle: ({ ctx, caller }) => {
      const groups = ctx.site.store.groups.filter((g) => g.memberIds.indexOf(caller.user.id) >= 0).map((g) => groupEntity(ctx, g.id, g.title));
      return reply(ctx, 200, collection(ctx, 'SP.ApiData.Groups', groups));
    }
  },
  { verb: 'GET', path: 'web/sitegroups', handle: ({ ctx }) => reply(ctx, 200, collection(ctx, 'SP.ApiData.Groups', ctx.site.store.groups.map((g) => groupEntity(ctx, g.id, g.title)))) },
  { verb: 'GET', path: 'web/siteusers', handle: ({ req, ctx }) => reply(ctx, 200, collection(ctx, 'SP.ApiData.Users', ctx.site.store.users.map((u) => userEntity(ctx, u, selectList(req))))) },
  { verb: 'GET', path: 'web/getuserbyid', handle: (r, segments) => userById(r, segments[1].arg) },
  { verb: 'GET', path: 'web/siteusers/getbyid/**', handle: (r, segments) => userById(r, segments[2].arg) },
  {
    verb: 'GET',
    path: 'web/regionalsettings/timezone',
    handle: ({ ctx }) => {
      const tz = ctx.site.timeZone;
      const uri: string = `${apiRoot(ctx)}/Web/RegionalSettings/TimeZone`;
      return reply(ctx, 200, single(ctx, withMetadata(ctx, { Description: tz.description, Id: tz.id, Information: { Bias: tz.bias, DaylightBias: tz.daylightBias, StandardBias: 0 } }, { type: 'SP.TimeZone', id: uri, uri }), 'SP.ApiData.TimeZones/@Element'));
    }
  },
  { verb: 'GET', path: 'web/effectivebasepermissions', handle: (r) => permissions(r, effectiveWebPermissions(r.ctx.site.store, r.caller.user)) },
  {
    verb: 'POST',
    path: 'web/lists',
    when: noArg(1),
    handle: ({ req, ctx, caller }) => {
      const created: IStoredList = createList(ctx.site, caller.user, parseBody(req, ctx.level));
      return reply(ctx, 201, single(ctx, listEntity(ctx, caller.user, created), 'SP.ApiData.Lists/@Element'));
    }
  },
  { verb: 'GET', path: 'web/lists', when: noArg(1), handle: ({ ctx, caller }) => reply(ctx, 200, collection(ctx, 'SP.ApiData.Lists', ctx.site.store.lists.map((l) => listEntity(ctx, caller.user, l)))) },
  { verb: '*', path: 'web/lists', when: noArg(1), handle: accessDenied },
  // Lists: by title, by id or by URL; what follows the list is LIST_ROUTES'.
  {
    verb: '*',
    path: 'web/lists/getbytitle/**',
    handle: (r, segments) => {
      const title: string | undefined = unquote(segments[2].arg);
      return listRoute({ ...r, list: r.ctx.site.list(title === undefined ? '' : title, r.ctx.origin) }, segments.slice(3));
    }
  },
  {
    verb: '*',
    path: 'web/lists/**',
    when: (segments) => !noArg(1)(segments),
    handle: (r, segments) => {
      // Lists(guid'…') and, as PnPjs's getById writes it, Lists('…'): SharePoint takes both.
      const m: RegExpExecArray | null = /^(?:guid)?'([0-9a-f-]+)'$/i.exec(segments[1].arg as string);
      const list: IStoredList | undefined = m ? r.ctx.site.store.listByGuid(m[1]) : undefined;
      if (!list) {
        throw new SiteError('listNotFound', `List does not exist. The page you selected contains a list that does not exist.`);
      }
      return listRoute({ ...r, list }, segments.slice(2));
    }
  },
  {
    verb: '*',
    path: 'web/getlist/**',
    handle: (r, segments) => {
      const url: string = unquote(segments[1].arg) || '';
      const list: IStoredList | undefined = r.ctx.site.store.listByUrl(url.replace(r.ctx.site.serverRelativeUrl, '').replace(/^\/+/, ''));
      if (!list) {
        throw new SiteError('listNotFound', `List '${url}' does not exist at site with URL '${r.ctx.site.absoluteUrl(r.ctx.origin)}'.`);
      }
      return listRoute({ ...r, list }, segments.slice(2));
    }
  }
];

function userById({ req, ctx }: IRestRequest, arg: string | undefined): IEmuResponse {
  const found: IUser | undefined = ctx.site.userById(Number(arg));
  if (!found) {
    return spError(ctx.level, 404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  }
  return reply(ctx, 200, single(ctx, userEntity(ctx, found, selectList(req)), 'SP.ApiData.Users/@Element'));
}

// ---- a list ----

function listRoute(r: IListRequest, rest: IPathSegment[]): IEmuResponse {
  return dispatch(LIST_ROUTES, r, rest);
}

const LIST_ROUTES: Array<IRoute<IListRequest>> = [
  {
    verb: 'MERGE PATCH',
    path: '',
    handle: ({ req, ctx, caller, list }) => {
      updateList(ctx.site, caller.user, list, parseBody(req, ctx.level));
      return empty(204);
    }
  },
  {
    verb: 'GET',
    path: '',
    handle: ({ req, ctx, caller, list }) => {
      const entity: { [key: string]: unknown } = listEntity(ctx, caller.user, list);
      const fields: string[] = selectList(req);
      if (fields.length > 0) {
        for (const k of Object.keys(entity)) {
          if (!k.startsWith('odata.') && k !== '__metadata' && fields.every((f) => f.toLowerCase() !== k.toLowerCase())) {
            delete entity[k];
          }
        }
      }
      return reply(ctx, 200, single(ctx, entity, 'SP.ApiData.Lists/@Element'));
    }
  },
  { verb: '*', path: '', handle: accessDenied },
  { verb: 'GET', path: 'effectivebasepermissions/**', handle: (r) => permissions(r, effectiveListPermissions(r.ctx.site.store, r.caller.user, r.list)) },
  {
    verb: 'GET',
    path: 'getusereffectivepermissions/**',
    handle: (r, rest) => {
      const arg: string = rest[0].arg || '';
      const raw: string | undefined = arg.startsWith('@') ? r.req.url.searchParams.get(arg) || undefined : arg;
      const login: string | undefined = unquote(raw);
      const who: IUser | undefined = login ? r.ctx.site.userByLogin(login) : undefined;
      if (!who) {
        return spError(r.ctx.level, 404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
      }
      return permissions(r, effectiveListPermissions(r.ctx.site.store, who, r.list));
    }
  },
  { verb: 'GET', path: 'fields', handle: ({ ctx, list }) => reply(ctx, 200, collection(ctx, 'SP.ApiData.Fields', list.definition.fields.map((f) => fieldEntity(ctx, list, f)))) },
  {
    verb: 'POST',
    path: 'fields/createfieldasxml',
    handle: ({ req, ctx, caller, list }) => {
      const field: IFieldDefinition = createFieldAsXml(ctx.site, caller.user, list, parseBody(req, ctx.level));
      return reply(ctx, 201, single(ctx, fieldEntity(ctx, list, field), 'SP.ApiData.Fields/@Element'));
    }
  },
  {
    verb: 'MERGE PATCH',
    path: 'fields/getbyinternalnameortitle',
    handle: ({ req, ctx, caller, list }, rest) => {
      updateField(ctx.site, caller.user, list, unquote(rest[1].arg) || '', parseBody(req, ctx.level));
      return empty(204);
    }
  },
  {
    verb: '*',
    path: 'fields/getbyinternalnameortitle',
    handle: ({ verb, ctx, list }, rest) => {
      const name: string = unquote(rest[1].arg) || '';
      const field: IFieldDefinition | undefined = list.definition.fields.filter((f) => f.internalName.toLowerCase() === name.toLowerCase() || f.displayName.toLowerCase() === name.toLowerCase())[0];
      if (!field || verb !== 'GET') {
        return spError(ctx.level, field ? 405 : 404, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`);
      }
      return reply(ctx, 200, single(ctx, fieldEntity(ctx, list, field), 'SP.ApiData.Fields/@Element'));
    }
  },
  {
    verb: 'POST',
    path: 'contenttypes/fieldlinks/add',
    handle: ({ req, ctx, caller, list }, rest) => {
      const name: string = addFieldLink(ctx.site, caller.user, list, unquote(rest[0].arg) || rest[0].arg || '', parseBody(req, ctx.level));
      return reply(ctx, 201, single(ctx, fieldLink(ctx, list, name), 'SP.ApiData.FieldLinks/@Element'));
    }
  },
  // The list's own content type, and the columns it carries: what SharePoint's forms show.
  {
    verb: 'GET',
    path: 'contenttypes',
    when: noArg(0),
    handle: ({ ctx, list }) => {
      const ct = list.definition.contentType;
      const types = ct ? [withMetadata(ctx, { Name: ct.name, StringId: ct.id, Id: { StringValue: ct.id } }, { type: 'SP.ContentType', id: '', uri: '' })] : [];
      return reply(ctx, 200, collection(ctx, 'SP.ApiData.ContentTypes', types));
    }
  },
  {
    verb: 'GET',
    path: 'contenttypes/fieldlinks',
    handle: ({ ctx, list }, rest) => {
      const ct = list.definition.contentType;
      if (!ct || (unquote(rest[0].arg) || rest[0].arg || '').toUpperCase() !== ct.id.toUpperCase()) {
        return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', 'The content type does not exist in this list.');
      }
      return reply(ctx, 200, collection(ctx, 'SP.ApiData.FieldLinks', ct.fieldNames.map((name) => fieldLink(ctx, list, name))));
    }
  },
  { verb: '*', path: 'items/**', handle: itemsRoute }
];

function fieldLink(ctx: ISpContext, list: IStoredList, name: string): { [key: string]: unknown } {
  const f: IFieldDefinition | undefined = list.definition.fields.filter((x) => x.internalName === name)[0];
  return withMetadata(ctx, { Id: f ? f.id : '', Name: name }, { type: 'SP.FieldLink', id: '', uri: '' });
}

// ---- a list's items ----

/** …/items, …/items(id) and …/items/getbyid(id), and what follows an item. */
function itemsRoute(r: IListRequest, rest: IPathSegment[]): IEmuResponse {
  const idArg: string | undefined = rest[0].arg !== undefined ? rest[0].arg : rest[1] && rest[1].name.toLowerCase() === 'getbyid' ? rest[1].arg : undefined;
  if (idArg === undefined) {
    return dispatch(ITEMS_ROUTES, r, rest);
  }
  // An Edm.Int32 literal: digits. Number() would also read "1e1", "0x10" or " 5 " and address item 10, 16 or 5.
  const id: number = /^-?\d+$/.test(idArg) ? Number(idArg) : NaN;
  if (!Number.isInteger(id)) {
    return spError(r.ctx.level, 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The item id '${idArg}' is not valid.`);
  }
  return dispatch(ITEM_ROUTES, { ...r, id }, rest.slice(rest[0].arg !== undefined ? 1 : 2));
}

const ITEMS_ROUTES: Array<IRoute<IListRequest>> = [
  { verb: 'GET', path: 'items', handle: queryItems },
  { verb: 'POST', path: 'items', handle: ({ req, ctx, caller, list }) => createItem(req, ctx, caller.user, list) },
  { verb: '*', path: 'items', handle: ({ verb, ctx }) => spError(ctx.level, 405, '-1, System.InvalidOperationException', `The HTTP method '${verb}' cannot be used on a collection of items.`) }
];

const ITEM_ROUTES: Array<IRoute<IItemRequest>> = [
  {
    verb: 'GET',
    path: '',
    handle: ({ req, ctx, caller, list, id }) => {
      const q: URLSearchParams = req.url.searchParams;
      const item: IStoredItem = ctx.site.getItem(caller.user, list, id);
      const proj: IProjection = projection(ctx.site, list, q.get('$select'), q.get('$expand'));
      assertWithinLookupThreshold(proj);
      const entity = itemEntity(ctx, list, item, proj);
      return reply(ctx, 200, single(ctx, entity, `${itemsMetadataName(list)}/@Element`), { etag: headerETag(item) });
    }
  },
  { verb: 'MERGE PATCH PUT', path: '', handle: ({ req, ctx, caller, list, id }) => updateItem(req, ctx, caller.user, list, id) },
  { verb: 'DELETE', path: '', handle: ({ req, ctx, caller, list, id }) => deleteItem(req, ctx, caller.user, list, id) },
  { verb: '*', path: '', handle: ({ verb, ctx }) => spError(ctx.level, 405, '-1, System.InvalidOperationException', `The HTTP method '${verb}' cannot be used on a list item.`) },
  {
    verb: 'GET',
    path: 'effectivebasepermissions/**',
    handle: (r) => {
      r.ctx.site.getItem(r.caller.user, r.list, r.id);
      return permissions(r, effectiveListPermissions(r.ctx.site.store, r.caller.user, r.list));
    }
  },
  { verb: 'GET', path: 'versions', handle: ({ ctx, caller, list, id }) => reply(ctx, 200, collection(ctx, 'SP.ListItemVersion', ctx.site.itemVersions(caller.user, list, id).map((v) => versionEntity(ctx, list, id, v)))) }
];

/** GET …/items: a page of items, filtered, ordered and projected, with the next page's link. */
function queryItems({ req, ctx, caller, list }: IListRequest): IEmuResponse {
  const { site } = ctx;
  const q: URLSearchParams = req.url.searchParams;
  const proj: IProjection = projection(site, list, q.get('$select'), q.get('$expand'));
  assertWithinLookupThreshold(proj);
  const top: number = restTop(q.get('$top'));
  const keys: IOrderKey[] = q.get('$orderby') ? parseOrderBy(q.get('$orderby') as string) : [];
  const skip: string | null = q.get('$skiptoken');
  const resolve: FieldResolver = spResolver(site, list);
  // $skip is ignored for list items, as SharePoint does.
  const page = site.query(caller.user, list, {
    filter: q.get('$filter') ? parseFilter(q.get('$filter') as string) : undefined,
    orderBy: keys,
    top,
    after: skip ? restPagePosition(skip, keys) : undefined,
    resolve
  });
  const values = page.items.map((item) => itemEntity(ctx, list, item, proj));
  const link: string | undefined = page.next ? restNextLink(req, ctx.origin, restSkipToken(page.next, keys)) : undefined;
  return reply(ctx, 200, collection(ctx, itemsMetadataName(list), values, link));
}
