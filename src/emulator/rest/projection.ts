/**
 * $select and $expand on list items: which columns a request asks for, checked against the list
 * as SharePoint checks them, and an item in SharePoint REST's shape projected by them — expanded
 * lookups and people included.
 */
import type { IFieldDefinition } from '../schema';
import { SiteError, type Site } from '../site';
import type { IStoredItem, IStoredList, IUser } from '../store';
import { fieldIgnoringCase, outputField, plainValue } from './columns';
import { apiRoot, itemUri, listEntityType, withMetadata, type ISpContext } from './shapes';

/**
 * SharePoint Online's list view lookup threshold: the lookup and person columns one query may name
 * (sp-dev-docs #4660; pnp/pnpjs #2721), `XxxId` as much as an expanded `Xxx`, the list's own
 * Created By and Modified By among them, and all of them for a read naming no columns or `*`.
 */
export const LOOKUP_THRESHOLD: number = 12;

function isLookup(field: IFieldDefinition): boolean {
  return field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti';
}

/** Which columns a $select/$expand asks for, checked against the list. */
export interface IProjection {
  /** Plain columns and `XId` columns, by output name. */
  plain: Set<string>;
  /** Expanded lookups/people and the sub-fields asked for. */
  expanded: Map<string, Set<string>>;
  all: boolean;
  /** The lookup and person columns it names (every one of the list's when `all`). */
  lookups: number;
}

export function projection(site: Site, list: IStoredList, select: string | null, expand: string | null): IProjection {
  const expandNames: string[] = (expand || '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const expandSet: Set<string> = new Set<string>(expandNames.map((s) => s.toLowerCase()));
  for (const e of expandNames) {
    const field: IFieldDefinition | undefined = fieldIgnoringCase(list, e);
    if (!field || !isLookup(field)) {
      // The name as the client wrote it, not lower-cased.
      throw new SiteError('unknownField', `The field or property '${e}' does not exist.`);
    }
  }
  const result: IProjection = { plain: new Set<string>(), expanded: new Map<string, Set<string>>(), all: !select || select.trim() === '', lookups: 0 };
  // The lookup and person columns named, by internal name (LOOKUP_THRESHOLD).
  const lookups: Set<string> = new Set<string>();
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
    const isReference: boolean = isLookup(field);
    if (isReference && raw.toLowerCase() === field.internalName.toLowerCase()) {
      if (!expandSet.has(field.internalName.toLowerCase())) {
        throw new SiteError('badQuery', `The query to field '${field.internalName}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${field.internalName}.`);
      }
      result.expanded.set(field.internalName, new Set<string>(['Id', 'Title']));
      continue;
    }
    result.plain.add(raw.toLowerCase());
    if (isReference) {
      lookups.add(field.internalName);
    }
  }
  for (const name of Array.from(result.expanded.keys())) {
    lookups.add(name);
  }
  result.lookups = result.all ? list.definition.fields.filter(isLookup).length : lookups.size;
  return result;
}

/**
 * Refuses a read of items whose projection names more lookup and person columns than
 * {@link LOOKUP_THRESHOLD}. A query's limit: the answer to a write is not refused (UNCONFIRMED
 * what SharePoint answers a write to such a list with; the emulator gives the item).
 */
export function assertWithinLookupThreshold(proj: IProjection): void {
  if (proj.lookups > LOOKUP_THRESHOLD) {
    throw new SiteError('lookupThreshold', 'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.');
  }
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
    if (isLookup(field)) {
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
  // Hidden: only when named, as SharePoint gives it (a `$select=*` read leaves it out).
  if (proj.plain.has('owshiddenversion')) {
    body.owshiddenversion = item.version;
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
