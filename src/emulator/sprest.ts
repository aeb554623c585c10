/**
 * SharePoint REST under /sites/<name>/_api/…: lists by title, items with $select, $filter,
 * $orderby, $top, $expand and skiptoken paging, contextinfo and the form digest, ETags and 412,
 * effective permissions, users, the three metadata levels, and error bodies as SharePoint writes
 * them. $batch lives in batch.ts and calls back into {@link handleSharePointRest}.
 */
import { createHmac, randomBytes } from 'crypto';
import { empty, json, jsonObjectBody, type IEmuRequest, type IEmuResponse } from './http';
import { FilterSyntaxError, parseFilter, parseOrderBy, type Comparable, type FieldResolver, type IFieldAccessor, type IOrderKey } from './odata';
import { restNextLink, restPagePosition, restSkipToken, restTop } from './paging';
import { effectiveListPermissions, effectiveWebPermissions, toRest } from './permissions';
import { entityTypeName, FIELD_TYPE_KIND, type IFieldDefinition } from './schema';
import { showValue, Site, SiteError, type FieldValues } from './site';
import { addFieldLink, createFieldAsXml, createList, storageEntity, updateField, updateList } from './provisioning';
import type { IStoredItem, IStoredList, IUser } from './store';

/** How much OData metadata a response carries, from the Accept header. */
export type MetadataLevel = 'verbose' | 'minimal' | 'none';

/** Who is asking, and how they proved it. */
export interface ICaller {
  user: IUser;
  /** True when the caller named themselves with a bearer token (no form digest needed). */
  bearer: boolean;
}

const DIGEST_LIFETIME_SECONDS: number = 1800;
const DIGEST_SECRET: Buffer = randomBytes(32);

/** Reads the metadata level a client asked for. */
export function metadataLevel(req: IEmuRequest): MetadataLevel {
  const accept: string = (req.headers.accept || '').toLowerCase();
  if (accept.indexOf('odata=verbose') >= 0) {
    return 'verbose';
  }
  if (accept.indexOf('odata=nometadata') >= 0) {
    return 'none';
  }
  return 'minimal';
}

function contentType(level: MetadataLevel): string {
  return `application/json;odata=${level === 'verbose' ? 'verbose' : level === 'none' ? 'nometadata' : 'minimalmetadata'};streaming=true;charset=utf-8`;
}

/** An error body as SharePoint writes it. */
export function spError(level: MetadataLevel, status: number, code: string, message: string, headers: { [name: string]: string } = {}): IEmuResponse {
  const error = { code, message: { lang: 'en-US', value: message } };
  return json(status, level === 'verbose' ? { error } : { 'odata.error': error }, headers, contentType(level));
}

const SITE_ERRORS: { [kind: string]: { status: number; code: string } } = {
  listNotFound: { status: 404, code: '-1, System.ArgumentException' },
  itemNotFound: { status: 404, code: '-2130575338, Microsoft.SharePoint.SPException' },
  forbidden: { status: 403, code: '-2147024891, System.UnauthorizedAccessException' },
  preconditionFailed: { status: 412, code: '-1, Microsoft.SharePoint.Client.ClientServiceException' },
  unknownProperty: { status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' },
  unknownField: { status: 400, code: '-1, Microsoft.SharePoint.SPException' },
  badQuery: { status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' },
  // SharePoint answers the list view threshold with 500, not 4xx.
  threshold: { status: 500, code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException' },
  // UNCONFIRMED: the exact code SharePoint gives a value its column refuses.
  invalidValue: { status: 400, code: '-2146232832, Microsoft.SharePoint.SPFieldValidationException' },
  duplicate: { status: 400, code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException' }
};

function fromSiteError(level: MetadataLevel, e: SiteError): IEmuResponse {
  const mapped = SITE_ERRORS[e.kind];
  return spError(level, mapped.status, mapped.code, e.message);
}

// ---- form digest ----

/** Issues a form digest, as POST /_api/contextinfo does. */
export function issueDigest(): string {
  const stamp: string = new Date().toUTCString();
  const mac: string = createHmac('sha256', DIGEST_SECRET).update(stamp).digest('hex').toUpperCase();
  return `0x${mac},${stamp}`;
}

/** True when a digest was issued here and has not expired. */
export function isValidDigest(digest: string | undefined): boolean {
  if (!digest) {
    return false;
  }
  const comma: number = digest.indexOf(',');
  if (comma < 0) {
    return false;
  }
  const stamp: string = digest.slice(comma + 1);
  const expected: string = `0x${createHmac('sha256', DIGEST_SECRET).update(stamp).digest('hex').toUpperCase()}`;
  const age: number = (Date.now() - Date.parse(stamp)) / 1000;
  return digest.slice(0, comma) === expected && age >= 0 && age < DIGEST_LIFETIME_SECONDS;
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

// ---- shapes ----

/** The protocol context every shape needs. */
export interface ISpContext {
  site: Site;
  origin: string;
  level: MetadataLevel;
}

function apiRoot(ctx: ISpContext): string {
  return `${ctx.site.absoluteUrl(ctx.origin)}/_api`;
}

function listEntityType(list: IStoredList): string {
  return `SP.Data.${entityTypeName(list.definition.url)}`;
}

function itemUri(ctx: ISpContext, list: IStoredList, id: number): string {
  return `${apiRoot(ctx)}/Web/Lists(guid'${list.guid}')/Items(${id})`;
}

/** The ETag SharePoint puts in the response header: "GUID,version". */
export function headerETag(item: IStoredItem): string {
  return `"${item.guid},${item.version}"`;
}

function withMetadata(ctx: ISpContext, body: { [key: string]: unknown }, meta: { type: string; id: string; uri: string; etag?: string; editLink?: string }): { [key: string]: unknown } {
  if (ctx.level === 'none') {
    return body;
  }
  if (ctx.level === 'verbose') {
    const m: { [key: string]: string } = { id: meta.uri, uri: meta.uri, type: meta.type };
    if (meta.etag) {
      m.etag = meta.etag;
    }
    return { __metadata: m, ...body };
  }
  const out: { [key: string]: unknown } = { 'odata.type': meta.type, 'odata.id': meta.id };
  if (meta.etag) {
    out['odata.etag'] = meta.etag;
  }
  if (meta.editLink) {
    out['odata.editLink'] = meta.editLink;
  }
  return { ...out, ...body };
}

function userEntity(ctx: ISpContext, user: IUser, fields?: string[]): { [key: string]: unknown } {
  const all: { [key: string]: unknown } = {
    Id: user.id,
    IsHiddenInUI: false,
    LoginName: `i:0#.f|membership|${user.login}`,
    Title: user.name,
    PrincipalType: 1,
    Email: user.email,
    EMail: user.email,
    Name: `i:0#.f|membership|${user.login}`,
    UserName: user.login,
    IsSiteAdmin: user.isSiteAdmin,
    UserPrincipalName: user.login
  };
  const body: { [key: string]: unknown } = {};
  for (const k of fields && fields.length > 0 ? fields : Object.keys(all)) {
    if (k in all) {
      body[k] = all[k];
    }
  }
  const uri: string = `${apiRoot(ctx)}/Web/GetUserById(${user.id})`;
  return withMetadata(ctx, body, { type: 'SP.User', id: uri, uri });
}

/** Which columns a $select/$expand asks for, checked against the list. */
interface IProjection {
  /** Plain columns and `XId` columns, by output name. */
  plain: Set<string>;
  /** Expanded lookups/people and the sub-fields asked for. */
  expanded: Map<string, Set<string>>;
  all: boolean;
}

function projection(site: Site, list: IStoredList, select: string | null, expand: string | null): IProjection {
  const expandNames: string[] = (expand || '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const expandSet: Set<string> = new Set<string>(expandNames.map((s) => s.toLowerCase()));
  for (const e of expandNames) {
    const field: IFieldDefinition | undefined = fieldIgnoringCase(list, e);
    if (!field || (field.type !== 'Lookup' && field.type !== 'User' && field.type !== 'UserMulti')) {
      // The name as the client wrote it, not lower-cased.
      throw new SiteError('unknownField', `The field or property '${e}' does not exist.`);
    }
  }
  const result: IProjection = { plain: new Set<string>(), expanded: new Map<string, Set<string>>(), all: !select || select.trim() === '' };
  for (const raw of (select || '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (raw === '*') {
      result.all = true;
      continue;
    }
    const slash: number = raw.indexOf('/');
    if (slash > 0) {
      const name: string = raw.slice(0, slash);
      const sub: string = raw.slice(slash + 1);
      const field: IFieldDefinition | undefined = fieldIgnoringCase(list, name);
      if (!field) {
        throw new SiteError('unknownField', `The field or property '${name}' does not exist.`);
      }
      if (!expandSet.has(field.internalName.toLowerCase())) {
        throw new SiteError('badQuery', `The query to field '${field.internalName}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${field.internalName}.`);
      }
      const subs: Set<string> = result.expanded.get(field.internalName) || new Set<string>();
      subs.add(sub);
      result.expanded.set(field.internalName, subs);
      continue;
    }
    const field: IFieldDefinition | undefined = outputField(list, raw);
    if (!field) {
      throw new SiteError('unknownField', `The field or property '${raw}' does not exist.`);
    }
    const isReference: boolean = field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti';
    if (isReference && raw.toLowerCase() === field.internalName.toLowerCase()) {
      if (!expandSet.has(field.internalName.toLowerCase())) {
        throw new SiteError('badQuery', `The query to field '${field.internalName}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${field.internalName}.`);
      }
      result.expanded.set(field.internalName, new Set<string>(['Id', 'Title']));
      continue;
    }
    result.plain.add(raw.toLowerCase());
  }
  return result;
}

function fieldIgnoringCase(list: IStoredList, name: string): IFieldDefinition | undefined {
  const lower: string = name.toLowerCase();
  return list.definition.fields.filter((f) => f.internalName.toLowerCase() === lower)[0];
}

/** The column an output property name belongs to: "WorkstreamId" → Workstream, "Id" → ID. */
function outputField(list: IStoredList, name: string): IFieldDefinition | undefined {
  const lower: string = name.toLowerCase();
  if (lower === 'id') {
    return fieldIgnoringCase(list, 'ID');
  }
  if (lower === 'odata__uiversionstring' || lower === 'filesystemobjecttype' || lower === 'contenttypeid' || lower === 'attachments') {
    return { id: '', internalName: name, displayName: name, type: 'Text', required: false, indexed: false, unique: false, readOnly: true };
  }
  const direct: IFieldDefinition | undefined = fieldIgnoringCase(list, name);
  if (direct) {
    return direct;
  }
  const m: RegExpExecArray | null = /^(.*?)(String)?Id$/i.exec(name);
  if (m) {
    const f: IFieldDefinition | undefined = fieldIgnoringCase(list, m[1]);
    if (f && (f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti')) {
      return f;
    }
  }
  return undefined;
}

function expandedValue(ctx: ISpContext, field: IFieldDefinition, id: number | null, subs: Set<string>): unknown {
  if (id === null || id === undefined) {
    return null;
  }
  if (field.type === 'User' || field.type === 'UserMulti') {
    const user: IUser | undefined = ctx.site.userById(id);
    if (!user) {
      return null;
    }
    const values: { [key: string]: unknown } = { Id: user.id, ID: user.id, Title: user.name, EMail: user.email, Name: `i:0#.f|membership|${user.login}`, UserName: user.login, JobTitle: null, Department: null };
    const body: { [key: string]: unknown } = {};
    for (const s of Array.from(subs)) {
      const key: string | undefined = Object.keys(values).filter((k) => k.toLowerCase() === s.toLowerCase())[0];
      if (!key) {
        throw new SiteError('unknownField', `The field or property '${s}' does not exist.`);
      }
      body[key] = values[key];
    }
    return withMetadata(ctx, body, { type: 'SP.Data.UserInfoItem', id: `${apiRoot(ctx)}/Web/SiteUserInfoList/Items(${id})`, uri: `${apiRoot(ctx)}/Web/SiteUserInfoList/Items(${id})` });
  }
  const target: IStoredList | undefined = ctx.site.store.listByUrl(field.lookupList || '');
  const item: IStoredItem | undefined = target ? target.items.get(id) : undefined;
  if (!target || !item) {
    return null;
  }
  const body: { [key: string]: unknown } = {};
  for (const s of Array.from(subs)) {
    if (s.toLowerCase() === 'id') {
      body.Id = item.id;
      continue;
    }
    const f: IFieldDefinition | undefined = fieldIgnoringCase(target, s);
    if (!f) {
      throw new SiteError('unknownField', `The field or property '${s}' does not exist.`);
    }
    body[f.internalName] = plainValue(item, f);
  }
  return withMetadata(ctx, body, { type: listEntityType(target), id: item.guid, uri: itemUri(ctx, target, item.id) });
}

function plainValue(item: IStoredItem, field: IFieldDefinition): unknown {
  switch (field.internalName) {
    case 'ID':
      return item.id;
    case 'Created':
      return item.created;
    case 'Modified':
      return item.modified;
    case 'Author':
      return item.authorId;
    case 'Editor':
      return item.editorId;
    case 'GUID':
      return item.guid;
    default: {
      const v: unknown = item.values[field.internalName];
      return v === undefined ? null : v;
    }
  }
}

/** An item in SharePoint REST's shape, projected by $select/$expand. */
export function itemEntity(ctx: ISpContext, list: IStoredList, item: IStoredItem, proj: IProjection): { [key: string]: unknown } {
  const body: { [key: string]: unknown } = {};
  const want = (name: string): boolean => proj.all || proj.plain.has(name.toLowerCase());
  if (proj.all) {
    body.FileSystemObjectType = 0;
    body.Id = item.id;
    body.ServerRedirectedEmbedUri = null;
    body.ServerRedirectedEmbedUrl = '';
    body.ContentTypeId = '0x0100';
  } else if (want('Id')) {
    body.Id = item.id;
  }
  for (const field of list.definition.fields) {
    const name: string = field.internalName;
    const value: unknown = plainValue(item, field);
    if (proj.expanded.has(name)) {
      const subs: Set<string> = proj.expanded.get(name) as Set<string>;
      body[name] = field.type === 'UserMulti' ? ((value as number[]) || []).map((id) => expandedValue(ctx, field, id, subs)) : expandedValue(ctx, field, value as number | null, subs);
    }
    if (field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti') {
      if (want(`${name}Id`)) {
        body[`${name}Id`] = value;
      }
      if (field.type !== 'Lookup' && want(`${name}StringId`)) {
        body[`${name}StringId`] = Array.isArray(value) ? value.map(String) : value === null ? null : String(value);
      }
    } else if (name !== 'ID' && want(name)) {
      body[name] = value;
    }
  }
  if (want('ID')) {
    body.ID = item.id;
  }
  if (want('OData__UIVersionString')) {
    body.OData__UIVersionString = `${item.version}.0`;
  }
  if (proj.all) {
    body.Attachments = false;
  }
  return withMetadata(ctx, body, {
    type: listEntityType(list),
    id: item.guid,
    uri: itemUri(ctx, list, item.id),
    etag: `"${item.version}"`,
    editLink: `Web/Lists(guid'${list.guid}')/Items(${item.id})`
  });
}

/**
 * One entry of `items(id)/versions`, as SharePoint Online gives an SP.ListItemVersion: VersionId
 * (512 a major version), VersionLabel, IsCurrentVersion, Created (when the version was saved),
 * and the item's values in that version by internal name — lookups and people as
 * `{ LookupId, LookupValue }` (people with Email), `Editor` among them. UNCONFIRMED: the per-field
 * value shapes come from reports of the JSON, not from Microsoft's documentation.
 */
function versionEntity(ctx: ISpContext, list: IStoredList, id: number, v: { version: number; modified: string; editorId: number; values: { [name: string]: unknown }; current: boolean }): { [key: string]: unknown } {
  const users = ctx.site.store.users;
  const person = (userId: unknown): unknown => {
    const u = users.filter((x) => x.id === userId)[0];
    return typeof userId === 'number' ? { LookupId: userId, LookupValue: u ? u.name : '', Email: u ? u.email : '' } : null;
  };
  const lookup = (field: IFieldDefinition, value: unknown): unknown => {
    if (typeof value !== 'number') {
      return null;
    }
    const target: IStoredList | undefined = ctx.site.store.listByUrl(field.lookupList || '');
    const item: IStoredItem | undefined = target ? target.items.get(value) : undefined;
    return { LookupId: value, LookupValue: item ? String(item.values.Title === undefined || item.values.Title === null ? '' : item.values.Title) : '' };
  };
  const body: { [key: string]: unknown } = {};
  for (const field of list.definition.fields.filter((f) => !f.readOnly)) {
    const value: unknown = v.values[field.internalName];
    body[field.internalName] =
      field.type === 'Lookup' ? lookup(field, value) : field.type === 'User' ? person(value) : field.type === 'UserMulti' ? ((value as number[]) || []).map(person) : value === undefined ? null : value;
  }
  const author: IStoredItem | undefined = list.items.get(id);
  return withMetadata(
    ctx,
    {
      ...body,
      ID: id,
      Modified: v.modified,
      Author: person(author ? author.authorId : undefined),
      Editor: person(v.editorId),
      Created: v.modified,
      IsCurrentVersion: v.current,
      VersionId: v.version * 512,
      VersionLabel: `${v.version}.0`
    },
    { type: 'SP.ListItemVersion', id: `${itemUri(ctx, list, id)}/versions(${v.version * 512})`, uri: `${itemUri(ctx, list, id)}/versions(${v.version * 512})` }
  );
}

function listEntity(ctx: ISpContext, user: IUser, list: IStoredList): { [key: string]: unknown } {
  const uri: string = `${apiRoot(ctx)}/Web/Lists(guid'${list.guid}')`;
  return withMetadata(
    ctx,
    {
      BaseTemplate: list.definition.templateType,
      BaseType: 0,
      Description: list.definition.description,
      EnableVersioning: list.definition.versioning,
      EntityTypeName: entityTypeName(list.definition.url).replace(/Item$/, ''),
      Hidden: false,
      Id: list.guid,
      ItemCount: list.items.size,
      ListItemEntityTypeFullName: listEntityType(list),
      ParentWebUrl: ctx.site.serverRelativeUrl,
      Title: list.definition.title,
      EffectiveBasePermissions: toRest(effectiveListPermissions(ctx.site.store, user, list))
    },
    { type: 'SP.List', id: uri, uri, etag: `"${list.items.size}"` }
  );
}

function fieldEntity(ctx: ISpContext, list: IStoredList, field: IFieldDefinition): { [key: string]: unknown } {
  const uri: string = `${apiRoot(ctx)}/Web/Lists(guid'${list.guid}')/Fields(guid'${field.id}')`;
  return withMetadata(
    ctx,
    {
      Id: field.id,
      InternalName: field.internalName,
      StaticName: field.internalName,
      Title: field.displayName,
      TypeAsString: field.type,
      FieldTypeKind: FIELD_TYPE_KIND[field.type],
      Indexed: field.indexed,
      Required: field.required,
      ReadOnlyField: field.readOnly,
      EnforceUniqueValues: field.unique,
      MaxLength: field.maxLength,
      Choices: field.choices,
      LookupList: field.lookupList,
      AllowMultipleValues: field.type === 'UserMulti'
    },
    { type: 'SP.Field', id: uri, uri }
  );
}

function collection(ctx: ISpContext, metadataName: string, values: unknown[], nextLink?: string): { [key: string]: unknown } {
  if (ctx.level === 'verbose') {
    const d: { [key: string]: unknown } = { results: values };
    if (nextLink) {
      d.__next = nextLink;
    }
    return { d };
  }
  const out: { [key: string]: unknown } = {};
  if (ctx.level === 'minimal') {
    out['odata.metadata'] = `${apiRoot(ctx)}/$metadata#${metadataName}`;
  }
  out.value = values;
  if (nextLink) {
    out['odata.nextLink'] = nextLink;
  }
  return out;
}

function single(ctx: ISpContext, value: { [key: string]: unknown }, metadataName: string): { [key: string]: unknown } {
  if (ctx.level === 'verbose') {
    return { d: value };
  }
  if (ctx.level === 'minimal') {
    return { 'odata.metadata': `${apiRoot(ctx)}/$metadata#${metadataName}`, ...value };
  }
  return value;
}

// ---- query fields ----

/** Resolves $filter/$orderby paths as SharePoint REST writes them. */
export function spResolver(site: Site, list: IStoredList): FieldResolver {
  return (path: string): IFieldAccessor => {
    const parts: string[] = path.split('/');
    const head: IFieldDefinition | undefined = outputField(list, parts[0]);
    if (!head) {
      throw new SiteError('unknownField', `The field or property '${parts[0]}' does not exist.`);
    }
    return accessorFor(site, head, parts.length > 1 ? parts[1] : undefined, /Id$/i.test(parts[0]) && head.internalName.toLowerCase() !== parts[0].toLowerCase());
  };
}

/** How to read a column for a comparison, shared with Graph. */
export function accessorFor(site: Site, field: IFieldDefinition, sub: string | undefined, idForm: boolean): IFieldAccessor {
  const isRef: boolean = field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti';
  const coerce = (literal: Comparable): Comparable => {
    if (literal === null) {
      return null;
    }
    if (field.type === 'DateTime' && typeof literal === 'string') {
      const d: Date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(literal) ? `${literal}T00:00:00Z` : literal);
      if (isNaN(d.getTime())) {
        throw new SiteError('badQuery', `The expression is not valid: '${literal}' is not a date.`);
      }
      return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    if ((field.type === 'Number' || field.type === 'Counter' || (isRef && (idForm || !sub || /^id$/i.test(sub)))) && typeof literal === 'string' && literal.trim() !== '' && !isNaN(Number(literal))) {
      return Number(literal);
    }
    return literal;
  };
  if (isRef && sub && !/^id$/i.test(sub)) {
    // A projected value of the looked-up item or user: "Workstream/Title", "Sponsor/EMail".
    const readSub = (id: number | null): Comparable => {
      if (id === null || id === undefined) {
        return null;
      }
      if (field.type !== 'Lookup') {
        const u: IUser | undefined = site.userById(id);
        const key: string = sub.toLowerCase();
        return u ? (key === 'title' ? u.name : key === 'email' ? u.email : key === 'name' || key === 'username' ? u.login : null) : null;
      }
      const target: IStoredList | undefined = site.store.listByUrl(field.lookupList || '');
      const item: IStoredItem | undefined = target ? target.items.get(id) : undefined;
      return item ? (item.values[sub] as Comparable) || null : null;
    };
    return {
      indexed: false,
      coerce,
      read: (item: unknown): Comparable | Comparable[] => {
        const v: unknown = plainValue(item as IStoredItem, field);
        return Array.isArray(v) ? v.map((x) => readSub(x as number)) : readSub(v as number | null);
      }
    };
  }
  return {
    indexed: field.indexed,
    coerce,
    read: (item: unknown): Comparable | Comparable[] => plainValue(item as IStoredItem, field) as Comparable | Comparable[]
  };
}

// ---- writes ----

/** Converts a REST body's properties to column values: "WorkstreamId" → Workstream. */
function writeValues(list: IStoredList, body: { [key: string]: unknown }, verbose: boolean): FieldValues {
  const entityType: string = listEntityType(list);
  const values: FieldValues = {};
  for (const key of Object.keys(body)) {
    if (key === '__metadata') {
      if (!verbose) {
        throw new SiteError('unknownProperty', `The property '__metadata' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`, key);
      }
      const metadata: unknown = body.__metadata;
      if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
        throw new SiteError('badQuery', 'Invalid JSON. The __metadata property must be an object, such as {"type":"SP.Data.MilestonesListItem"}.', key);
      }
      const type: unknown = (metadata as { type?: unknown }).type;
      if (type !== undefined && type !== entityType) {
        throw new SiteError('unknownProperty', `A type named '${showValue(type)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`, key);
      }
      continue;
    }
    const field: IFieldDefinition | undefined = fieldIgnoringCase(list, key);
    if (field && !field.readOnly && field.type !== 'Lookup' && field.type !== 'User' && field.type !== 'UserMulti' && field.internalName === key) {
      values[field.internalName] = body[key];
      continue;
    }
    const m: RegExpExecArray | null = /^(.*)Id$/.exec(key);
    const ref: IFieldDefinition | undefined = m ? list.definition.fields.filter((f) => f.internalName === m[1])[0] : undefined;
    if (ref && !ref.readOnly && (ref.type === 'Lookup' || ref.type === 'User' || ref.type === 'UserMulti')) {
      values[ref.internalName] = body[key];
      continue;
    }
    throw new SiteError('unknownProperty', `The property '${key}' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`, key);
  }
  return values;
}

function parseBody(req: IEmuRequest, level: MetadataLevel): { [key: string]: unknown } {
  const body: { [key: string]: unknown } = jsonObjectBody(req, {
    notJson: 'Invalid JSON. The request body is not valid JSON.',
    notObject: 'Invalid JSON. An object was expected in the request body.'
  });
  // Verbose bodies may be wrapped in {"d": …} by some clients; unwrap for leniency with odata=verbose.
  return level === 'verbose' && body.d && typeof body.d === 'object' ? (body.d as { [key: string]: unknown }) : body;
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
    const info = {
      FormDigestTimeoutSeconds: DIGEST_LIFETIME_SECONDS,
      FormDigestValue: issueDigest(),
      LibraryVersion: '16.0.25000.12000',
      SiteFullUrl: site.absoluteUrl(ctx.origin),
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: site.absoluteUrl(ctx.origin)
    };
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

function groupEntity(ctx: ISpContext, id: number, title: string): { [key: string]: unknown } {
  const uri: string = `${apiRoot(ctx)}/Web/SiteGroups/GetById(${id})`;
  return withMetadata(ctx, { Id: id, Title: title, PrincipalType: 8, LoginName: title }, { type: 'SP.Group', id: uri, uri });
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

  const entityType: string = listEntityType(list);
  const idArg: string | undefined = rest[0].arg !== undefined ? rest[0].arg : lower(1) === 'getbyid' ? rest[1].arg : undefined;
  if (idArg === undefined) {
    if (rest.length > 1) {
      return spError(ctx.level, 404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${rest.map((s) => s.name).join('/')}.`);
    }
    if (verb === 'GET') {
      return queryItems(req, ctx, user, list);
    }
    if (verb === 'POST') {
      const values: FieldValues = writeValues(list, parseBody(req, ctx.level), (req.headers['content-type'] || '').indexOf('odata=verbose') >= 0);
      const item = site.createItem(user, list, values, entityType);
      const entity = itemEntity(ctx, list, item, projection(site, list, null, null));
      return json(201, single(ctx, entity, `SP.ListData.${entityTypeName(list.definition.url)}s/@Element`), { etag: headerETag(item), location: itemUri(ctx, list, item.id) }, contentType(ctx.level));
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
      return json(200, single(ctx, entity, `SP.ListData.${entityTypeName(list.definition.url)}s/@Element`), { etag: headerETag(item) }, contentType(ctx.level));
    }
    case 'MERGE':
    case 'PATCH':
    case 'PUT': {
      const values: FieldValues = writeValues(list, parseBody(req, ctx.level), (req.headers['content-type'] || '').indexOf('odata=verbose') >= 0);
      const item: IStoredItem = site.updateItem(user, list, id, values, entityType, req.headers['if-match']);
      return empty(204, { etag: headerETag(item) });
    }
    case 'DELETE':
      site.deleteItem(user, list, id, req.headers['if-match']);
      return empty(200);
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
  return json(200, collection(ctx, `SP.ListData.${entityTypeName(list.definition.url)}s`, values, link), {}, contentType(ctx.level));
}
