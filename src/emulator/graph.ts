/**
 * Microsoft Graph's SharePoint lists under /v1.0/…: site by path, lists by id or title, items
 * with expand=fields(select=…), $filter on fields with the indexed-field rule and the Prefer
 * header, POST, PATCH /fields with If-Match, DELETE, paging with absolute nextLinks, JSON $batch,
 * and Graph error bodies. Item rules are the site's (site.ts), shared with SharePoint REST.
 */
import { randomUUID } from 'crypto';
import { empty, json, jsonObjectBody, type IEmuRequest, type IEmuResponse } from './http';
import { FilterSyntaxError, parseFilter, parseOrderBy, type FieldResolver, type IFieldAccessor, type IOrderKey } from './odata';
import { GRAPH_DEFAULT_PAGE, graphNextLink, graphPagePosition, graphSkipToken, graphTop } from './paging';
import type { IFieldDefinition } from './schema';
import { Site, SiteError, type FieldValues } from './site';
import { SITE_ERROR_ANSWERS } from './siteErrors';
import { accessorFor } from './rest/columns';
import type { IStoredItem, IStoredList, IUser } from './store';

const MAX_BATCH: number = 20;

/** A Graph error body. */
export function graphError(status: number, code: string, message: string, req?: IEmuRequest, headers: { [name: string]: string } = {}): IEmuResponse {
  return json(
    status,
    {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': randomUUID(), 'client-request-id': (req && req.headers['client-request-id']) || randomUUID() }
      }
    },
    headers
  );
}

/** How Graph answers where reports disagree (see IFaults in server.ts). */
export interface IGraphBehaviour {
  /** A query over the list view threshold gets a plain 429 "The request has been throttled", with no Retry-After. */
  plainThreshold?: boolean;
}

function fromSiteError(e: SiteError, req: IEmuRequest, behaviour: IGraphBehaviour): IEmuResponse {
  if (e.kind === 'threshold' && behaviour.plainThreshold) {
    // microsoft-graph-docs #8450: "The request has been throttled" for an $orderby on a large list.
    return graphError(429, 'activityLimitReached', 'The request has been throttled', req);
  }
  const mapped = SITE_ERROR_ANSWERS[e.kind].graph;
  const message: string = e.kind === 'forbidden' ? 'Access denied' : e.kind === 'itemNotFound' || e.kind === 'listNotFound' ? 'The resource could not be found.' : e.message;
  return graphError(mapped.status, mapped.code, message, req, mapped.status === 429 ? { 'retry-after': '1' } : {});
}

/** The Graph context every shape needs. */
interface IGraphContext {
  site: Site;
  /** "https://localhost:4321" — Graph links are always https. */
  origin: string;
  siteId: string;
  req: IEmuRequest;
}

/** The id Graph gives the site: "hostname,siteGuid,webGuid". */
export function graphSiteId(site: Site, hostname: string): string {
  return `${hostname},${site.store.siteGuid},${site.store.webGuid}`;
}

function isoNoMillis(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

function identity(user: IUser | undefined): { user: { email?: string; id?: string; displayName: string } } {
  return user ? { user: { email: user.email, id: `00000000-0000-0000-0000-${String(user.id).padStart(12, '0')}`, displayName: user.name } } : { user: { displayName: 'System Account' } };
}

function etag(item: IStoredItem): string {
  return `"${item.guid},${item.version}"`;
}

/** A column's Graph field name(s) and value for an item. */
function fieldEntries(site: Site, field: IFieldDefinition, item: IStoredItem): Array<[string, unknown]> {
  const v: unknown = item.values[field.internalName];
  switch (field.type) {
    case 'Lookup':
    case 'User':
      return v === null || v === undefined ? [] : [[`${field.internalName}LookupId`, String(v)]];
    case 'UserMulti': {
      const ids: number[] = (v as number[]) || [];
      return ids.length === 0
        ? []
        : [
            [
              field.internalName,
              ids.map((id) => {
                const u: IUser | undefined = site.userById(id);
                return { LookupId: id, LookupValue: u ? u.name : '', Email: u ? u.email : '' };
              })
            ]
          ];
    }
    default:
      // Graph leaves empty columns out of fields.
      return v === null || v === undefined || v === '' ? [] : [[field.internalName, v]];
  }
}

function allFields(site: Site, list: IStoredList, item: IStoredItem): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = { '@odata.etag': etag(item), id: String(item.id), ContentType: 'Item' };
  for (const f of list.definition.fields.filter((x) => !x.readOnly)) {
    for (const [k, v] of fieldEntries(site, f, item)) {
      out[k] = v;
    }
  }
  out.Created = item.created;
  out.Modified = item.modified;
  out.AuthorLookupId = String(item.authorId);
  out.EditorLookupId = String(item.editorId);
  out._UIVersionString = `${item.version}.0`;
  out.Attachments = false;
  return out;
}

function selectedFields(site: Site, list: IStoredList, item: IStoredItem, select: string[] | undefined): { [name: string]: unknown } {
  const all: { [name: string]: unknown } = allFields(site, list, item);
  if (!select) {
    return all;
  }
  const out: { [name: string]: unknown } = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    const field: IFieldDefinition | undefined = graphField(list, name);
    if (!field && !(name in all) && name !== 'id') {
      throw new SiteError('badQuery', `Field '${name}' is not recognized.`);
    }
    const key: string | undefined = Object.keys(all).filter((k) => k.toLowerCase() === name.toLowerCase() || (field && (k === `${field.internalName}LookupId` || k === field.internalName)))[0];
    if (key) {
      out[key] = all[key];
    }
  }
  if (select.some((s) => s.toLowerCase() === 'id')) {
    out.id = all.id;
  }
  return out;
}

/** The column a Graph field name refers to: "WorkstreamLookupId" → Workstream. */
function graphField(list: IStoredList, name: string): IFieldDefinition | undefined {
  const lower: string = name.toLowerCase();
  const direct: IFieldDefinition | undefined = list.definition.fields.filter((f) => f.internalName.toLowerCase() === lower)[0];
  if (direct) {
    return direct;
  }
  const m: RegExpExecArray | null = /^(.*)LookupId$/i.exec(name);
  if (m) {
    return list.definition.fields.filter((f) => f.internalName.toLowerCase() === m[1].toLowerCase() && (f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti'))[0];
  }
  return undefined;
}

/** A listItem's own properties, which `$select` may name (Graph's listItem resource). */
const LIST_ITEM_PROPERTIES: readonly string[] = ['id', 'name', 'description', 'eTag', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType', 'sharepointIds', 'fields'];

/**
 * An item's properties as `$select` leaves them: the named ones only, with the ETag annotation
 * (OData's minimal metadata carries it whatever is selected) and the fields when expanded.
 */
function itemEntity(ctx: IGraphContext, list: IStoredList, item: IStoredItem, expandFields: boolean, select: string[] | undefined, itemSelect?: string[]): { [name: string]: unknown } {
  const whole: { [name: string]: unknown } = itemProperties(ctx, list, item);
  const out: { [name: string]: unknown } = itemSelect
    ? Object.keys(whole)
        .filter((k) => k === '@odata.etag' || itemSelect.some((s) => s.toLowerCase() === k.toLowerCase()))
        .reduce((o: { [name: string]: unknown }, k) => ({ ...o, [k]: whole[k] }), {})
    : whole;
  if (expandFields) {
    out['fields@odata.context'] = `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items('${item.id}')/fields/$entity`;
    out.fields = selectedFields(ctx.site, list, item, select);
  }
  return out;
}

function itemProperties(ctx: IGraphContext, list: IStoredList, item: IStoredItem): { [name: string]: unknown } {
  return {
    '@odata.etag': etag(item),
    createdDateTime: isoNoMillis(item.created),
    eTag: etag(item),
    id: String(item.id),
    lastModifiedDateTime: isoNoMillis(item.modified),
    webUrl: `${ctx.site.absoluteUrl(ctx.origin.replace(/^https:/, 'http:'))}/${list.definition.url}/DispForm.aspx?ID=${item.id}`,
    createdBy: identity(ctx.site.userById(item.authorId)),
    lastModifiedBy: identity(ctx.site.userById(item.editorId)),
    parentReference: { id: list.guid, siteId: ctx.siteId },
    contentType: { id: '0x0100', name: 'Item' }
  };
}

function listEntity(ctx: IGraphContext, list: IStoredList): { [name: string]: unknown } {
  return {
    '@odata.etag': `"${list.guid},${list.items.size}"`,
    createdDateTime: '2023-06-01T00:00:00Z',
    description: list.definition.description,
    eTag: `"${list.guid},${list.items.size}"`,
    id: list.guid,
    lastModifiedDateTime: isoNoMillis(new Date().toISOString()),
    name: list.definition.url.replace(/^Lists\//, ''),
    webUrl: `${ctx.site.absoluteUrl(ctx.origin.replace(/^https:/, 'http:'))}/${list.definition.url}`,
    displayName: list.definition.title,
    parentReference: { siteId: ctx.siteId },
    list: { contentTypesEnabled: false, hidden: false, template: 'genericList' }
  };
}

/** Resolves $filter/$orderby paths as Graph writes them: "fields/Rag", "fields/WorkstreamLookupId". */
function graphResolver(site: Site, list: IStoredList): FieldResolver {
  return (path: string): IFieldAccessor => {
    const parts: string[] = path.split('/');
    if (parts.length === 1 && (parts[0] === 'id' || parts[0] === 'createdDateTime' || parts[0] === 'lastModifiedDateTime')) {
      const builtIn: IFieldDefinition = list.definition.fields.filter((f) => f.internalName === (parts[0] === 'id' ? 'ID' : parts[0] === 'createdDateTime' ? 'Created' : 'Modified'))[0];
      return accessorFor(site, builtIn, undefined, false);
    }
    if (parts.length !== 2 || parts[0] !== 'fields') {
      throw new SiteError('badQuery', `Invalid filter clause: '${path}' is not a field; use fields/<name>.`);
    }
    const name: string = parts[1];
    const lookupForm: RegExpExecArray | null = /^(.*)LookupId$/i.exec(name);
    const field: IFieldDefinition | undefined =
      name === 'id' ? list.definition.fields.filter((f) => f.internalName === 'ID')[0] : graphField(list, name) || (name === 'AuthorLookupId' || name === 'EditorLookupId' ? list.definition.fields.filter((f) => f.internalName === name.replace('LookupId', ''))[0] : undefined);
    if (!field) {
      throw new SiteError('badQuery', `Field '${name}' is not recognized.`);
    }
    return accessorFor(site, field, undefined, !!lookupForm);
  };
}

/** Graph's query options, read as graph-client sends them: "$" optional, parentheses unencoded. */
interface IGraphQuery {
  expandFields: boolean;
  fieldSelect?: string[];
  /** `$select` on the items themselves: their own properties, not their fields. */
  itemSelect?: string[];
  filter?: string;
  orderBy?: string;
  top?: number;
  skipToken?: string;
}

function readQuery(url: URL): IGraphQuery {
  const get = (name: string): string | null => url.searchParams.get(`$${name}`) || url.searchParams.get(name);
  const expand: string = get('expand') || '';
  const q: IGraphQuery = { expandFields: false };
  const m: RegExpExecArray | null = /(^|,)\s*fields\s*(\(([^)]*)\))?/i.exec(expand);
  if (m) {
    q.expandFields = true;
    const inner: string | undefined = m[3];
    const sel: RegExpExecArray | null = inner ? /\$?select\s*=\s*([^;]*)/i.exec(inner) : null;
    if (sel) {
      q.fieldSelect = sel[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    }
  } else if (expand.trim() !== '') {
    throw new SiteError('badQuery', `Parsing OData Select and Expand failed: Could not find a property named '${expand}'.`);
  }
  const itemSelect: string | null = get('select');
  if (itemSelect !== null) {
    q.itemSelect = itemSelect.split(',').map((x) => x.trim()).filter((x) => x !== '');
    const unknown: string | undefined = q.itemSelect.filter((x) => !LIST_ITEM_PROPERTIES.some((p) => p.toLowerCase() === x.toLowerCase()))[0];
    if (unknown !== undefined) {
      throw new SiteError('badQuery', `Parsing OData Select and Expand failed: Could not find a property named '${unknown}' on type 'microsoft.graph.listItem'.`);
    }
  }
  q.filter = get('filter') || undefined;
  q.orderBy = get('orderby') || undefined;
  q.top = graphTop(get('top'));
  q.skipToken = get('skiptoken') || undefined;
  return q;
}

// ---- writes ----

function writeValues(list: IStoredList, fields: unknown): FieldValues {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new SiteError('badQuery', 'Invalid request: the fields of the item must be an object.');
  }
  const values: FieldValues = {};
  const body = fields as { [name: string]: unknown };
  for (const key of Object.keys(body)) {
    if (key.indexOf('@odata.') >= 0) {
      continue;
    }
    const field: IFieldDefinition | undefined = graphField(list, key);
    if (!field || field.readOnly) {
      throw new SiteError('unknownProperty', `Field '${key}' is not recognized.`, key);
    }
    const isLookupForm: boolean = /LookupId$/i.test(key) && key.toLowerCase() !== field.internalName.toLowerCase();
    if ((field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti') && !isLookupForm) {
      throw new SiteError('unknownProperty', `Field '${key}' is read only; write ${field.internalName}LookupId instead.`, key);
    }
    if ((field.type === 'Lookup' || field.type === 'User') && body[key] !== null && typeof body[key] !== 'string') {
      // Graph wants lookup ids as strings; a number fails with this unhelpful message.
      throw new SiteError('invalidValue', 'General exception while processing', key);
    }
    values[field.internalName] = body[key];
  }
  return values;
}

/** A write's JSON body, which must be an object (`null`, `5` or `[]` are refused, not read as "no fields"). */
function parseJson(req: IEmuRequest): { [name: string]: unknown } {
  return jsonObjectBody(req, {
    notJson: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    notObject: 'Invalid request: the request payload must be a JSON object.'
  });
}

// ---- routing ----

/** A path segment decoded; a malformed %-escape ("%E0%A4%A") is the client's error, not the server's. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SiteError('badQuery', `The request URL is not valid: '${segment}' is not a correctly encoded segment.`);
  }
}

/** True when the request asks for JSON without OData control information (`Accept: application/json;odata.metadata=none`). */
function wantsNoMetadata(req: IEmuRequest): boolean {
  return /(^|[;,\s])odata\.metadata\s*=\s*none\b/i.test(req.headers.accept || '');
}

/** The control information OData's JSON format keeps at `odata.metadata=none`: the links to more and the count. */
const KEPT_WITHOUT_METADATA: readonly string[] = ['@odata.nextLink', '@odata.deltaLink', '@odata.count'];

/**
 * A JSON answer as `odata.metadata=none` has it: OData's JSON format says a payload then carries
 * no control information but the next (and delta) link and the count, so every `@odata.context`,
 * `@odata.etag` and `fields@odata.context` goes, at any depth. Graph lists the parameter among
 * the OData format parameters it takes (minimal, full, none: martin-machacek.com, "Graph API –
 * Accept header format parameters"). UNCONFIRMED for the list items endpoint and inside a JSON
 * $batch: were it ignored there, the answer would be minimal metadata, which the product reads too.
 */
function withoutControlInformation(res: IEmuResponse): IEmuResponse {
  if (res.status >= 400 || !/json/i.test(res.headers['content-type'] || '') || res.body.length === 0) {
    return res;
  }
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(strip);
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    const out: { [name: string]: unknown } = {};
    for (const [k, v] of Object.entries(value as { [name: string]: unknown })) {
      if (k.indexOf('@odata.') < 0 || KEPT_WITHOUT_METADATA.indexOf(k) >= 0) {
        out[k] = strip(v);
      }
    }
    return out;
  };
  return { ...res, body: JSON.stringify(strip(JSON.parse(res.body.toString()))) };
}

/** Handles one Graph request (not $batch) under /v1.0/. */
export function handleGraph(req: IEmuRequest, site: Site, user: IUser, hostname: string, origin: string, path: string, behaviour: IGraphBehaviour = {}): IEmuResponse {
  const ctx: IGraphContext = { site, origin, siteId: graphSiteId(site, hostname), req };
  try {
    const res: IEmuResponse = route(req, ctx, user, hostname, path);
    return wantsNoMetadata(req) ? withoutControlInformation(res) : res;
  } catch (e) {
    if (e instanceof SiteError) {
      return fromSiteError(e, req, behaviour);
    }
    if (e instanceof FilterSyntaxError) {
      return graphError(400, 'invalidRequest', `Invalid filter clause: ${e.message}.`, req);
    }
    throw e;
  }
}

function route(req: IEmuRequest, ctx: IGraphContext, user: IUser, hostname: string, path: string): IEmuResponse {
  const { site } = ctx;
  // /sites/{hostname}:/sites/{name}[:/rest] or /sites/{siteId}/rest
  const byPath: RegExpExecArray | null = /^sites\/([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(path);
  let rest: string;
  if (byPath) {
    const [, host, serverPath, tail] = byPath;
    const normal = (p: string): string => p.replace(/\/+$/, '').toLowerCase() || '/';
    if (host.toLowerCase() !== hostname.toLowerCase() || normal(serverPath) !== normal(site.serverRelativeUrl)) {
      return graphError(404, 'itemNotFound', 'Requested site could not be found', req);
    }
    rest = tail || '';
  } else {
    const m: RegExpExecArray | null = /^sites\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[0]}'.`, req);
    }
    const id: string = decodeSegment(m[1]);
    const matches: boolean = id === ctx.siteId || id === 'root' || id.split(',')[1] === site.store.siteGuid;
    if (!matches) {
      return graphError(404, 'itemNotFound', 'Requested site could not be found', req);
    }
    rest = m[2] || '';
  }
  const segments: string[] = rest.split('/').filter((s) => s !== '').map(decodeSegment);
  const verb: string = req.method.toUpperCase();
  if (segments.length === 0) {
    if (verb !== 'GET') {
      return graphError(405, 'methodNotAllowed', 'The method is not allowed on a site.', req);
    }
    return json(200, {
      '@odata.context': `${ctx.origin}/v1.0/$metadata#sites/$entity`,
      createdDateTime: '2023-06-01T00:00:00Z',
      description: site.title,
      id: ctx.siteId,
      lastModifiedDateTime: isoNoMillis(new Date().toISOString()),
      name: site.name,
      webUrl: site.absoluteUrl(ctx.origin.replace(/^https:/, 'http:')),
      displayName: site.title,
      siteCollection: { hostname }
    });
  }
  if (segments[0] !== 'lists') {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[0]}'.`, req);
  }
  if (segments.length === 1) {
    if (verb !== 'GET') {
      return graphError(403, 'accessDenied', 'Access denied', req);
    }
    return json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists`, value: site.store.lists.map((l) => listEntity(ctx, l)) });
  }
  if (/^user information list$/i.test(segments[1])) {
    return userInformationList(ctx, segments.slice(2), verb);
  }
  const list: IStoredList | undefined = site.store.listByGuid(segments[1]) || site.store.listByTitle(segments[1]) || site.store.listByUrl(`Lists/${segments[1]}`);
  if (!list) {
    return graphError(404, 'itemNotFound', 'The requested resource could not be found.', req);
  }
  if (segments.length === 2) {
    return verb === 'GET' ? json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists/$entity`, ...listEntity(ctx, list) }) : graphError(405, 'methodNotAllowed', 'Method not allowed.', req);
  }
  if (segments[2] === 'columns' && segments.length === 3 && verb === 'GET') {
    return json(200, {
      value: list.definition.fields.map((f) => ({ id: f.id, name: f.internalName, displayName: f.displayName, indexed: f.indexed, required: f.required, readOnly: f.readOnly, enforceUniqueValues: f.unique }))
    });
  }
  if (segments[2] !== 'items') {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[2]}'.`, req);
  }
  const entityType: string = `microsoft.graph.listItem`;
  if (segments.length === 3) {
    if (verb === 'GET') {
      return queryItems(ctx, user, list);
    }
    if (verb === 'POST') {
      const body = parseJson(req) as { fields?: unknown };
      // No "fields" is an empty item; "fields": null (or any other non-object) is refused by writeValues.
      const item = site.createItem(user, list, writeValues(list, body.fields === undefined ? {} : body.fields), entityType);
      return json(201, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items/$entity`, ...itemEntity(ctx, list, item, true, undefined) }, { etag: etag(item), location: `${ctx.origin}/v1.0/sites/${ctx.siteId}/lists/${list.guid}/items/${item.id}` });
    }
    return graphError(405, 'methodNotAllowed', 'Method not allowed.', req);
  }
  // Digits only: Number() would also read "1e1", "0x10" or " 5" and address another item.
  const id: number = /^-?\d+$/.test(segments[3]) ? Number(segments[3]) : NaN;
  if (!Number.isInteger(id)) {
    return graphError(400, 'invalidRequest', `Invalid item id '${segments[3]}'.`, req);
  }
  if (segments.length === 4) {
    if (verb === 'GET') {
      const q: IGraphQuery = readQuery(req.url);
      const item: IStoredItem = site.getItem(user, list, id);
      return json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items/$entity`, ...itemEntity(ctx, list, item, q.expandFields, q.fieldSelect, q.itemSelect) }, { etag: etag(item) });
    }
    if (verb === 'DELETE') {
      site.deleteItem(user, list, id, req.headers['if-match']);
      return empty(204);
    }
    if (verb === 'PATCH') {
      const body = parseJson(req) as { fields?: unknown };
      const item: IStoredItem = site.updateItem(user, list, id, writeValues(list, body.fields === undefined ? {} : body.fields), entityType, req.headers['if-match']);
      return json(200, itemEntity(ctx, list, item, true, undefined), { etag: etag(item) });
    }
    return graphError(405, 'methodNotAllowed', 'Method not allowed.', req);
  }
  if (segments.length === 5 && segments[4] === 'versions') {
    if (verb !== 'GET') {
      return graphError(405, 'methodNotAllowed', 'Method not allowed.', req);
    }
    // listItemVersion: id ("2.0"), lastModifiedBy, lastModifiedDateTime, and with expand=fields the
    // item's fields in that version. Newest first. UNCONFIRMED: that Graph honours expand=fields on
    // the collection (Microsoft's page shows it on a single version) and the order of the list.
    const q: IGraphQuery = readQuery(req.url);
    const item: IStoredItem = site.getItem(user, list, id);
    const value = site.itemVersions(user, list, id).map((v) => {
      const then: IStoredItem = { ...item, values: v.values, version: v.version, modified: v.modified, editorId: v.editorId };
      const out: { [name: string]: unknown } = {
        id: `${v.version}.0`,
        lastModifiedDateTime: isoNoMillis(v.modified),
        lastModifiedBy: identity(site.userById(v.editorId)),
        published: { level: 'published', versionId: `${v.version}.0` }
      };
      if (q.expandFields) {
        out.fields = selectedFields(site, list, then, q.fieldSelect);
      }
      return out;
    });
    return json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items('${id}')/versions`, value });
  }
  if (segments.length === 5 && segments[4] === 'fields') {
    if (verb === 'GET') {
      const item: IStoredItem = site.getItem(user, list, id);
      return json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items('${id}')/fields/$entity`, ...allFields(site, list, item) }, { etag: etag(item) });
    }
    if (verb === 'PATCH') {
      const item: IStoredItem = site.updateItem(user, list, id, writeValues(list, parseJson(req)), entityType, req.headers['if-match']);
      return json(200, { '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items('${id}')/fields/$entity`, ...allFields(site, list, item) }, { etag: etag(item) });
    }
    return graphError(405, 'methodNotAllowed', 'Method not allowed.', req);
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[4]}'.`, req);
}

/**
 * The site's hidden "User Information List": the one way Graph gives the names behind person
 * columns' LookupIds.
 */
function userInformationList(ctx: IGraphContext, rest: string[], verb: string): IEmuResponse {
  if (verb !== 'GET') {
    return graphError(403, 'accessDenied', 'Access denied', ctx.req);
  }
  const entity = (u: IUser): { [name: string]: unknown } => ({
    '@odata.etag': `"${u.id},1"`,
    id: String(u.id),
    fields: { '@odata.etag': `"${u.id},1"`, id: String(u.id), Title: u.name, EMail: u.email, UserName: u.login, Name: `i:0#.f|membership|${u.login}`, ContentType: 'Person' }
  });
  if (rest.length === 1 && rest[0] === 'items') {
    return json(200, { value: ctx.site.store.users.map(entity) });
  }
  if (rest.length === 2 && rest[0] === 'items') {
    const u: IUser | undefined = ctx.site.userById(Number(rest[1]));
    return u ? json(200, entity(u)) : graphError(404, 'itemNotFound', 'The resource could not be found.', ctx.req);
  }
  return graphError(400, 'BadRequest', 'Only items of the User Information List can be read.', ctx.req);
}

function queryItems(ctx: IGraphContext, user: IUser, list: IStoredList): IEmuResponse {
  const { site, req } = ctx;
  const q: IGraphQuery = readQuery(req.url);
  const keys: IOrderKey[] = q.orderBy ? parseOrderBy(q.orderBy) : [];
  const resolve: FieldResolver = graphResolver(site, list);
  const prefer: string = (req.headers.prefer || '').toLowerCase();
  const page = site.query(user, list, {
    filter: q.filter ? parseFilter(q.filter) : undefined,
    orderBy: keys,
    top: q.top || GRAPH_DEFAULT_PAGE,
    after: q.skipToken ? graphPagePosition(q.skipToken, keys) : undefined,
    resolve,
    requireIndexedFilter: true,
    allowNonIndexed: prefer.indexOf('honornonindexedquerieswarningmayfailrandomly') >= 0
  });
  // Graph applies the indexed-field rule to $orderby too.
  if (prefer.indexOf('honornonindexedquerieswarningmayfailrandomly') < 0) {
    for (const k of keys) {
      if (!resolve(k.path).indexed) {
        throw new SiteError('badQuery', `Field '${k.path.replace(/^fields\//, '')}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
      }
    }
  }
  const body: { [name: string]: unknown } = {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#sites('${encodeURIComponent(ctx.siteId)}')/lists('${list.guid}')/items(fields())`,
    value: page.items.map((item) => itemEntity(ctx, list, item, q.expandFields, q.fieldSelect, q.itemSelect))
  };
  if (page.next) {
    body['@odata.nextLink'] = graphNextLink(ctx.req, ctx.origin, graphSkipToken(page.next, keys));
  }
  return json(200, body);
}

/** One request of a Graph JSON batch. */
interface IGraphBatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: { [name: string]: string };
  body?: unknown;
  dependsOn?: string[];
}

/** Handles POST /v1.0/$batch: up to 20 requests, answered in one JSON body. */
export function handleGraphBatch(req: IEmuRequest, run: (inner: IEmuRequest) => IEmuResponse): IEmuResponse {
  let parsed: { requests?: IGraphBatchRequest[] } | null;
  try {
    parsed = JSON.parse(req.body || '{}');
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.', req);
  }
  const requests: IGraphBatchRequest[] = parsed && typeof parsed === 'object' && Array.isArray(parsed.requests) ? parsed.requests : [];
  if (requests.length === 0) {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.', req);
  }
  if (requests.length > MAX_BATCH) {
    return graphError(400, 'BadRequest', `The number of batch requests exceeds ${MAX_BATCH}.`, req);
  }
  const ids: Set<string> = new Set<string>();
  for (const r of requests) {
    if (!r || typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string' || ids.has(r.id)) {
      return graphError(400, 'BadRequest', 'Each batch request needs a unique id, a method and a url.', req);
    }
    const headers: unknown = r.headers;
    if (headers !== undefined && headers !== null && (typeof headers !== 'object' || Array.isArray(headers) || Object.keys(headers).some((k) => typeof (headers as { [name: string]: unknown })[k] !== 'string'))) {
      return graphError(400, 'BadRequest', `The headers of batch request '${r.id}' must be an object of strings.`, req);
    }
    ids.add(r.id);
  }
  const responses = requests.map((r) => {
    const headers: { [name: string]: string } = {};
    for (const k of Object.keys(r.headers || {})) {
      headers[k.toLowerCase()] = String((r.headers as { [name: string]: string })[k]);
    }
    for (const k of ['authorization', 'prefer']) {
      if (req.headers[k] && !headers[k]) {
        headers[k] = req.headers[k];
      }
    }
    const url: URL = new URL(`${req.url.origin}/v1.0${r.url.startsWith('/') ? '' : '/'}${r.url}`);
    const body: string = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const res: IEmuResponse = run({ method: r.method.toUpperCase(), url, headers, body });
    let value: unknown = undefined;
    if (res.body) {
      try {
        value = JSON.parse(res.body.toString());
      } catch {
        value = res.body;
      }
    }
    const out: { [name: string]: unknown } = { id: r.id, status: res.status, headers: res.headers };
    if (value !== undefined) {
      out.body = value;
    }
    return out;
  });
  return json(200, { responses });
}
