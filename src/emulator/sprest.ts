/**
 * SharePoint REST under /sites/<name>/_api/…: lists by title, items with $select, $filter,
 * $orderby, $top, $expand and skiptoken paging, contextinfo and the form digest, ETags and 412,
 * effective permissions, users, the three metadata levels, and error bodies as SharePoint writes
 * them. $batch lives in batch.ts and calls back into {@link handleSharePointRest}.
 */
import { empty, json, type IEmuRequest, type IEmuResponse } from './http';
import { FilterSyntaxError, parseFilter, parseOrderBy, type FieldResolver, type IOrderKey } from './odata';
import { restNextLink, restPagePosition, restSkipToken, restTop } from './paging';
import { effectiveListPermissions, effectiveWebPermissions, toRest } from './permissions';
import type { IFieldDefinition } from './schema';
import { Site, SiteError } from './site';
import { addFieldLink, createFieldAsXml, createList, storageEntity, updateField, updateList } from './provisioning';
import type { IStoredItem, IStoredList, IUser } from './store';
import { spResolver } from './rest/columns';
import { contextInfo, isValidDigest } from './rest/digest';
import { itemEntity, projection, type IProjection } from './rest/projection';
import {
  apiRoot,
  collection,
  contentType,
  fieldEntity,
  fromSiteError,
  groupEntity,
  headerETag,
  itemsMetadataName,
  listEntity,
  metadataLevel,
  single,
  spError,
  userEntity,
  versionEntity,
  withMetadata,
  type ISpContext,
  type MetadataLevel
} from './rest/shapes';
import { createItem, deleteItem, parseBody, updateItem } from './rest/writes';

/** Who is asking, and how they proved it. */
export interface ICaller {
  user: IUser;
  /** True when the caller named themselves with a bearer token (no form digest needed). */
  bearer: boolean;
}

// ---- paths ----

interface IPathSegment {
  name: string;
  /** The text inside parentheses, if any: "'Status Reports'", "5", "guid'…'". */
  arg?: string;
}

function splitPath(rest: string): IPathSegment[] {
  const segments: IPathSegment[] = [];
  // Split on "/" outside quotes: a title may contain an encoded slash.
  let depth: number = 0;
  let inQuote: boolean = false;
  let current: string = '';
  for (const c of rest) {
    if (c === "'") {
      inQuote = !inQuote;
    } else if (!inQuote && c === '(') {
      depth++;
    } else if (!inQuote && c === ')') {
      depth--;
    }
    if (c === '/' && !inQuote && depth === 0) {
      segments.push(parseSegment(current));
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') {
    segments.push(parseSegment(current));
  }
  return segments;
}

function parseSegment(raw: string): IPathSegment {
  const decoded: string = safeDecode(raw);
  const open: number = decoded.indexOf('(');
  if (open > 0 && decoded.endsWith(')')) {
    return { name: decoded.slice(0, open), arg: decoded.slice(open + 1, -1) };
  }
  return { name: decoded };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function unquote(arg: string | undefined): string | undefined {
  if (arg === undefined) {
    return undefined;
  }
  const t: string = arg.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) {
    return t.slice(1, -1).replace(/''/g, "'");
  }
  return undefined;
}

// ---- the handler ----

/** Handles one SharePoint REST request (not $batch) for the caller. */
export function handleSharePointRest(req: IEmuRequest, site: Site, caller: ICaller, origin: string, apiPath: string): IEmuResponse {
  const level: MetadataLevel = metadataLevel(req);
  const ctx: ISpContext = { site, origin, level };
  try {
    return route(req, ctx, caller, apiPath);
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

function method(req: IEmuRequest): string {
  const override: string | undefined = req.headers['x-http-method'];
  return (req.method === 'POST' && override ? override : req.method).toUpperCase();
}

function route(req: IEmuRequest, ctx: ISpContext, caller: ICaller, apiPath: string): IEmuResponse {
  const verb: string = method(req);
  const { site } = ctx;
  const user: IUser = caller.user;
  const segments: IPathSegment[] = splitPath(apiPath);
  const lower = (i: number): string => (segments[i] ? segments[i].name.toLowerCase() : '');

  if (segments.length === 1 && lower(0) === 'contextinfo') {
    if (verb !== 'POST') {
      return spError(ctx.level, 405, '-1, System.InvalidOperationException', 'The HTTP method is not allowed for contextinfo; use POST.');
    }
    const info = contextInfo(site, ctx.origin);
    return json(200, ctx.level === 'verbose' ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } } : info, {}, contentType(ctx.level));
  }

  // A write without a bearer token must carry a valid form digest, as in a browser session.
  if (verb !== 'GET' && !caller.bearer && !isValidDigest(req.headers['x-requestdigest'])) {
    return spError(
      ctx.level,
      403,
      '-2130575251, Microsoft.SharePoint.SPException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    );
  }

  if (lower(0) !== 'web') {
    if (lower(0) === 'site' && segments.length === 1 && verb === 'GET') {
      const uri: string = `${apiRoot(ctx)}/Site`;
      return json(200, single(ctx, withMetadata(ctx, { Id: site.store.siteGuid, ServerRelativeUrl: site.serverRelativeUrl, Url: site.absoluteUrl(ctx.origin) }, { type: 'SP.Site', id: uri, uri }), 'SP.ApiData.Sites/@Element'), {}, contentType(ctx.level));
    }
    return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${segments.map((s) => s.name).join('/')}.`);
  }

  if (segments.length === 1) {
    const uri: string = `${apiRoot(ctx)}/Web`;
    return json(
      200,
      single(ctx, withMetadata(ctx, { Id: site.store.webGuid, Title: site.title, ServerRelativeUrl: site.serverRelativeUrl, Url: site.absoluteUrl(ctx.origin), Language: 2057 }, { type: 'SP.Web', id: uri, uri }), 'SP.ApiData.Webs/@Element'),
      {},
      contentType(ctx.level)
    );
  }

  const second: string = lower(1);
  if (verb === 'GET' && second === 'getstorageentity' && segments.length === 2) {
    const uri: string = `${apiRoot(ctx)}/Web/GetStorageEntity`;
    const entity = storageEntity(site, unquote(segments[1].arg) || '');
    return json(200, single(ctx, withMetadata(ctx, entity, { type: 'Microsoft.SharePoint.ClientSideComponent.StorageEntity', id: uri, uri }), 'SP.ApiData.StorageEntitys/@Element'), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && second === 'currentuser' && segments.length === 2) {
    return json(200, single(ctx, userEntity(ctx, user, selectList(req)), 'SP.ApiData.Users/@Element'), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && second === 'currentuser' && lower(2) === 'groups') {
    const groups = site.store.groups.filter((g) => g.memberIds.indexOf(user.id) >= 0).map((g) => groupEntity(ctx, g.id, g.title));
    return json(200, collection(ctx, 'SP.ApiData.Groups', groups), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && second === 'sitegroups' && segments.length === 2) {
    return json(200, collection(ctx, 'SP.ApiData.Groups', site.store.groups.map((g) => groupEntity(ctx, g.id, g.title))), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && second === 'siteusers' && segments.length === 2) {
    return json(200, collection(ctx, 'SP.ApiData.Users', site.store.users.map((u) => userEntity(ctx, u, selectList(req)))), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && ((second === 'getuserbyid' && segments.length === 2) || (second === 'siteusers' && lower(2) === 'getbyid'))) {
    const id: number = Number(second === 'getuserbyid' ? segments[1].arg : segments[2].arg);
    const found: IUser | undefined = site.userById(id);
    if (!found) {
      return spError(ctx.level, 404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
    }
    return json(200, single(ctx, userEntity(ctx, found, selectList(req)), 'SP.ApiData.Users/@Element'), {}, contentType(ctx.level));
  }
  if (verb === 'GET' && second === 'regionalsettings' && lower(2) === 'timezone' && segments.length === 3) {
    const tz = site.timeZone;
    const uri: string = `${apiRoot(ctx)}/Web/RegionalSettings/TimeZone`;
    return json(
      200,
      single(ctx, withMetadata(ctx, { Description: tz.description, Id: tz.id, Information: { Bias: tz.bias, DaylightBias: tz.daylightBias, StandardBias: 0 } }, { type: 'SP.TimeZone', id: uri, uri }), 'SP.ApiData.TimeZones/@Element'),
      {},
      contentType(ctx.level)
    );
  }
  if (verb === 'GET' && second === 'effectivebasepermissions' && segments.length === 2) {
    return json(200, single(ctx, withMetadata(ctx, toRest(effectiveWebPermissions(site.store, user)), { type: 'SP.BasePermissions', id: '', uri: '' }), 'Edm.Null'), {}, contentType(ctx.level));
  }

  // Lists
  let list: IStoredList | undefined;
  let next: number;
  if (second === 'lists' && segments.length === 2 && segments[1].arg === undefined) {
    if (verb === 'POST') {
      const created: IStoredList = createList(site, user, parseBody(req, ctx.level));
      return json(201, single(ctx, listEntity(ctx, user, created), 'SP.ApiData.Lists/@Element'), {}, contentType(ctx.level));
    }
    if (verb !== 'GET') {
      return spError(ctx.level, 403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.');
    }
    const visible: IStoredList[] = site.store.lists;
    return json(200, collection(ctx, 'SP.ApiData.Lists', visible.map((l) => listEntity(ctx, user, l))), {}, contentType(ctx.level));
  }
  if (second === 'lists' && lower(2) === 'getbytitle') {
    const title: string | undefined = unquote(segments[2].arg);
    list = site.list(title === undefined ? '' : title, ctx.origin);
    next = 3;
  } else if (second === 'lists' && segments[1].arg !== undefined) {
    // Lists(guid'…') and, as PnPjs's getById writes it, Lists('…'): SharePoint takes both.
    const m: RegExpExecArray | null = /^(?:guid)?'([0-9a-f-]+)'$/i.exec(segments[1].arg);
    list = m ? site.store.listByGuid(m[1]) : undefined;
    if (!list) {
      throw new SiteError('listNotFound', `List does not exist. The page you selected contains a list that does not exist.`);
    }
    next = 2;
  } else if (second === 'getlist') {
    const url: string = unquote(segments[1].arg) || '';
    list = site.store.listByUrl(url.replace(site.serverRelativeUrl, '').replace(/^\/+/, ''));
    if (!list) {
      throw new SiteError('listNotFound', `List '${url}' does not exist at site with URL '${site.absoluteUrl(ctx.origin)}'.`);
    }
    next = 2;
  } else {
    return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${segments.map((s) => s.name).join('/')}.`);
  }
  return listRoute(req, ctx, caller, list, segments.slice(next), verb);
}

function selectList(req: IEmuRequest): string[] {
  return (req.url.searchParams.get('$select') || '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function listRoute(req: IEmuRequest, ctx: ISpContext, caller: ICaller, list: IStoredList, rest: IPathSegment[], verb: string): IEmuResponse {
  const { site } = ctx;
  const user: IUser = caller.user;
  const q: URLSearchParams = req.url.searchParams;
  const lower = (i: number): string => (rest[i] ? rest[i].name.toLowerCase() : '');

  if (rest.length === 0) {
    if (verb === 'MERGE' || verb === 'PATCH') {
      updateList(site, user, list, parseBody(req, ctx.level));
      return empty(204);
    }
    if (verb !== 'GET') {
      return spError(ctx.level, 403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.');
    }
    const entity: { [key: string]: unknown } = listEntity(ctx, user, list);
    const fields: string[] = selectList(req);
    if (fields.length > 0) {
      for (const k of Object.keys(entity)) {
        if (!k.startsWith('odata.') && k !== '__metadata' && fields.every((f) => f.toLowerCase() !== k.toLowerCase())) {
          delete entity[k];
        }
      }
    }
    return json(200, single(ctx, entity, 'SP.ApiData.Lists/@Element'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'effectivebasepermissions' && verb === 'GET') {
    return json(200, single(ctx, withMetadata(ctx, toRest(effectiveListPermissions(site.store, user, list)), { type: 'SP.BasePermissions', id: '', uri: '' }), 'Edm.Null'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'getusereffectivepermissions' && verb === 'GET') {
    const arg: string = rest[0].arg || '';
    const raw: string | undefined = arg.startsWith('@') ? q.get(arg) || undefined : arg;
    const login: string | undefined = unquote(raw);
    const who: IUser | undefined = login ? site.userByLogin(login) : undefined;
    if (!who) {
      return spError(ctx.level, 404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
    }
    return json(200, single(ctx, withMetadata(ctx, toRest(effectiveListPermissions(site.store, who, list)), { type: 'SP.BasePermissions', id: '', uri: '' }), 'Edm.Null'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'fields' && verb === 'GET' && rest.length === 1) {
    return json(200, collection(ctx, 'SP.ApiData.Fields', list.definition.fields.map((f) => fieldEntity(ctx, list, f))), {}, contentType(ctx.level));
  }
  if (lower(0) === 'fields' && lower(1) === 'createfieldasxml' && rest.length === 2 && verb === 'POST') {
    const field: IFieldDefinition = createFieldAsXml(site, user, list, parseBody(req, ctx.level));
    return json(201, single(ctx, fieldEntity(ctx, list, field), 'SP.ApiData.Fields/@Element'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'fields' && lower(1) === 'getbyinternalnameortitle' && rest.length === 2) {
    const name: string = unquote(rest[1].arg) || '';
    if (verb === 'MERGE' || verb === 'PATCH') {
      updateField(site, user, list, name, parseBody(req, ctx.level));
      return empty(204);
    }
    const field: IFieldDefinition | undefined = list.definition.fields.filter((f) => f.internalName.toLowerCase() === name.toLowerCase() || f.displayName.toLowerCase() === name.toLowerCase())[0];
    if (!field || verb !== 'GET') {
      return spError(ctx.level, field ? 405 : 404, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`);
    }
    return json(200, single(ctx, fieldEntity(ctx, list, field), 'SP.ApiData.Fields/@Element'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'contenttypes' && rest.length === 3 && lower(1) === 'fieldlinks' && lower(2) === 'add' && verb === 'POST') {
    const name: string = addFieldLink(site, user, list, unquote(rest[0].arg) || rest[0].arg || '', parseBody(req, ctx.level));
    const f: IFieldDefinition | undefined = list.definition.fields.filter((x) => x.internalName === name)[0];
    return json(201, single(ctx, withMetadata(ctx, { Id: f ? f.id : '', Name: name }, { type: 'SP.FieldLink', id: '', uri: '' }), 'SP.ApiData.FieldLinks/@Element'), {}, contentType(ctx.level));
  }
  if (lower(0) === 'contenttypes' && verb === 'GET' && ((rest.length === 1 && rest[0].arg === undefined) || (rest.length === 2 && lower(1) === 'fieldlinks'))) {
    // The list's own content type, and the columns it carries: what SharePoint's forms show.
    const ct = list.definition.contentType;
    if (rest.length === 1) {
      const types = ct ? [withMetadata(ctx, { Name: ct.name, StringId: ct.id, Id: { StringValue: ct.id } }, { type: 'SP.ContentType', id: '', uri: '' })] : [];
      return json(200, collection(ctx, 'SP.ApiData.ContentTypes', types), {}, contentType(ctx.level));
    }
    if (!ct || (unquote(rest[0].arg) || rest[0].arg || '').toUpperCase() !== ct.id.toUpperCase()) {
      return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', 'The content type does not exist in this list.');
    }
    const links = ct.fieldNames.map((name) => {
      const f: IFieldDefinition | undefined = list.definition.fields.filter((x) => x.internalName === name)[0];
      return withMetadata(ctx, { Id: f ? f.id : '', Name: name }, { type: 'SP.FieldLink', id: '', uri: '' });
    });
    return json(200, collection(ctx, 'SP.ApiData.FieldLinks', links), {}, contentType(ctx.level));
  }
  if (lower(0) !== 'items') {
    return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${rest.map((s) => s.name).join('/')}.`);
  }

  const idArg: string | undefined = rest[0].arg !== undefined ? rest[0].arg : lower(1) === 'getbyid' ? rest[1].arg : undefined;
  if (idArg === undefined) {
    if (rest.length > 1) {
      return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${rest.map((s) => s.name).join('/')}.`);
    }
    if (verb === 'GET') {
      return queryItems(req, ctx, user, list);
    }
    if (verb === 'POST') {
      return createItem(req, ctx, user, list);
    }
    return spError(ctx.level, 405, '-1, System.InvalidOperationException', `The HTTP method '${verb}' cannot be used on a collection of items.`);
  }
  // An Edm.Int32 literal: digits. Number() would also read "1e1", "0x10" or " 5 " and address item 10, 16 or 5.
  const id: number = /^-?\d+$/.test(idArg) ? Number(idArg) : NaN;
  if (!Number.isInteger(id)) {
    return spError(ctx.level, 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The item id '${idArg}' is not valid.`);
  }
  const tail: IPathSegment[] = rest.slice(rest[0].arg !== undefined ? 1 : 2);
  if (tail.length > 0) {
    if (tail[0].name.toLowerCase() === 'effectivebasepermissions' && verb === 'GET') {
      site.getItem(user, list, id);
      return json(200, single(ctx, withMetadata(ctx, toRest(effectiveListPermissions(site.store, user, list)), { type: 'SP.BasePermissions', id: '', uri: '' }), 'Edm.Null'), {}, contentType(ctx.level));
    }
    if (tail[0].name.toLowerCase() === 'versions' && tail.length === 1 && verb === 'GET') {
      const versions = site.itemVersions(user, list, id).map((v) => versionEntity(ctx, list, id, v));
      return json(200, collection(ctx, 'SP.ListItemVersion', versions), {}, contentType(ctx.level));
    }
    return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${tail.map((s) => s.name).join('/')}.`);
  }
  switch (verb) {
    case 'GET': {
      const item: IStoredItem = site.getItem(user, list, id);
      const entity = itemEntity(ctx, list, item, projection(site, list, q.get('$select'), q.get('$expand')));
      return json(200, single(ctx, entity, `${itemsMetadataName(list)}/@Element`), { etag: headerETag(item) }, contentType(ctx.level));
    }
    case 'MERGE':
    case 'PATCH':
    case 'PUT':
      return updateItem(req, ctx, user, list, id);
    case 'DELETE':
      return deleteItem(req, ctx, user, list, id);
    default:
      return spError(ctx.level, 405, '-1, System.InvalidOperationException', `The HTTP method '${verb}' cannot be used on a list item.`);
  }
}

function queryItems(req: IEmuRequest, ctx: ISpContext, user: IUser, list: IStoredList): IEmuResponse {
  const { site } = ctx;
  const q: URLSearchParams = req.url.searchParams;
  const proj: IProjection = projection(site, list, q.get('$select'), q.get('$expand'));
  const top: number = restTop(q.get('$top'));
  const keys: IOrderKey[] = q.get('$orderby') ? parseOrderBy(q.get('$orderby') as string) : [];
  const skip: string | null = q.get('$skiptoken');
  const resolve: FieldResolver = spResolver(site, list);
  // $skip is ignored for list items, as SharePoint does.
  const page = site.query(user, list, {
    filter: q.get('$filter') ? parseFilter(q.get('$filter') as string) : undefined,
    orderBy: keys,
    top,
    after: skip ? restPagePosition(skip, keys) : undefined,
    resolve
  });
  const values = page.items.map((item) => itemEntity(ctx, list, item, proj));
  const link: string | undefined = page.next ? restNextLink(req, ctx.origin, restSkipToken(page.next, keys)) : undefined;
  return json(200, collection(ctx, itemsMetadataName(list), values, link), {}, contentType(ctx.level));
}
