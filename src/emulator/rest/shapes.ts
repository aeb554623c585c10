/**
 * SharePoint REST's response shapes: the three metadata levels (verbose, minimal, nometadata)
 * from the Accept header and their content types, error bodies as SharePoint writes them,
 * metadata on entities, single values and collections, and the entities themselves — the web's
 * users and groups, lists, fields and item versions. Items, shaped by $select/$expand, are in
 * projection.ts.
 */
import { json, type IEmuResponse, type IEmuRequest } from '../http';
import { effectiveListPermissions, toRest } from '../permissions';
import { entityTypeName, FIELD_TYPE_KIND, type IFieldDefinition } from '../schema';
import type { Site, SiteError } from '../site';
import { SITE_ERROR_ANSWERS } from '../siteErrors';
import type { IStoredItem, IStoredList, IUser } from '../store';

/** How much OData metadata a response carries, from the Accept header. */
export type MetadataLevel = 'verbose' | 'minimal' | 'none';

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

/** The content type of a JSON response at a metadata level. */
export function contentType(level: MetadataLevel): string {
  return `application/json;odata=${level === 'verbose' ? 'verbose' : level === 'none' ? 'nometadata' : 'minimalmetadata'};streaming=true;charset=utf-8`;
}

/** An error body as SharePoint writes it. */
export function spError(level: MetadataLevel, status: number, code: string, message: string, headers: { [name: string]: string } = {}): IEmuResponse {
  const error = { code, message: { lang: 'en-US', value: message } };
  return json(status, level === 'verbose' ? { error } : { 'odata.error': error }, headers, contentType(level));
}

/** A site's refusal as SharePoint REST's error body and status. */
export function fromSiteError(level: MetadataLevel, e: SiteError): IEmuResponse {
  const mapped = SITE_ERROR_ANSWERS[e.kind].rest;
  return spError(level, mapped.status, mapped.code, e.message);
}

/** The protocol context every shape needs. */
export interface ISpContext {
  site: Site;
  origin: string;
  level: MetadataLevel;
}

/** The site's REST root: "https://…/sites/improvement/_api". */
export function apiRoot(ctx: ISpContext): string {
  return `${ctx.site.absoluteUrl(ctx.origin)}/_api`;
}

/** The entity type of a list's items: "SP.Data.MilestonesListItem". */
export function listEntityType(list: IStoredList): string {
  return `SP.Data.${entityTypeName(list.definition.url)}`;
}

/** An item's address, as its metadata gives it. */
export function itemUri(ctx: ISpContext, list: IStoredList, id: number): string {
  return `${apiRoot(ctx)}/Web/Lists(guid'${list.guid}')/Items(${id})`;
}

/** The ETag SharePoint puts in the response header: "GUID,version". */
export function headerETag(item: IStoredItem): string {
  return `"${item.guid},${item.version}"`;
}

/** An entity's body with the metadata its level carries: `__metadata` (verbose), `odata.*` (minimal) or none. */
export function withMetadata(ctx: ISpContext, body: { [key: string]: unknown }, meta: { type: string; id: string; uri: string; etag?: string; editLink?: string }): { [key: string]: unknown } {
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

/** A site user as SP.User, only the properties asked for when $select names some. */
export function userEntity(ctx: ISpContext, user: IUser, fields?: string[]): { [key: string]: unknown } {
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

/**
 * One entry of `items(id)/versions`, as SharePoint Online gives an SP.ListItemVersion: VersionId
 * (512 a major version), VersionLabel, IsCurrentVersion, Created (when the version was saved),
 * and the item's values in that version by internal name — lookups and people as
 * `{ LookupId, LookupValue }` (people with Email), `Editor` among them. UNCONFIRMED: the per-field
 * value shapes come from reports of the JSON, not from Microsoft's documentation.
 */
export function versionEntity(ctx: ISpContext, list: IStoredList, id: number, v: { version: number; modified: string; editorId: number; values: { [name: string]: unknown }; current: boolean }): { [key: string]: unknown } {
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

/** A list as SP.List, with the caller's effective permissions on it. */
export function listEntity(ctx: ISpContext, user: IUser, list: IStoredList): { [key: string]: unknown } {
  const uri: string = `${apiRoot(ctx)}/Web/Lists(guid'${list.guid}')`;
  const dates = ctx.site.store.listDates(list);
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
      LastItemDeletedDate: dates.lastItemDeleted,
      LastItemModifiedDate: dates.lastItemModified,
      ListItemEntityTypeFullName: listEntityType(list),
      ParentWebUrl: ctx.site.serverRelativeUrl,
      Title: list.definition.title,
      EffectiveBasePermissions: toRest(effectiveListPermissions(ctx.site.store, user, list))
    },
    { type: 'SP.List', id: uri, uri, etag: `"${list.items.size}"` }
  );
}

/** A list's column as SP.Field. */
export function fieldEntity(ctx: ISpContext, list: IStoredList, field: IFieldDefinition): { [key: string]: unknown } {
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

/** A collection of entities at the context's level: `d.results` (verbose) or `value`, with the next page's link. */
export function collection(ctx: ISpContext, metadataName: string, values: unknown[], nextLink?: string): { [key: string]: unknown } {
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

/** One entity at the context's level: under `d` (verbose), with `odata.metadata` (minimal), or bare. */
export function single(ctx: ISpContext, value: { [key: string]: unknown }, metadataName: string): { [key: string]: unknown } {
  if (ctx.level === 'verbose') {
    return { d: value };
  }
  if (ctx.level === 'minimal') {
    return { 'odata.metadata': `${apiRoot(ctx)}/$metadata#${metadataName}`, ...value };
  }
  return value;
}

/** A site group as SP.Group. */
export function groupEntity(ctx: ISpContext, id: number, title: string): { [key: string]: unknown } {
  const uri: string = `${apiRoot(ctx)}/Web/SiteGroups/GetById(${id})`;
  return withMetadata(ctx, { Id: id, Title: title, PrincipalType: 8, LoginName: title }, { type: 'SP.Group', id: uri, uri });
}

/** A JSON response at the context's metadata level. */
export function reply(ctx: ISpContext, status: number, body: { [key: string]: unknown }, headers: { [name: string]: string } = {}): IEmuResponse {
  return json(status, body, headers, contentType(ctx.level));
}

/** The metadata name of a list's items, as an item's and a page's metadata give it: "SP.ListData.MilestonesListItems". */
export function itemsMetadataName(list: IStoredList): string {
  return `SP.ListData.${entityTypeName(list.definition.url)}s`;
}
