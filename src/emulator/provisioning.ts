/**
 * What the emulator answers for provisioning lists by code and for tenant properties: creating a
 * list (POST /_api/web/lists), renaming it (MERGE on the list), adding a column from its Field
 * XML (fields/createfieldasxml), indexing a column (MERGE on fields/getbyinternalnameortitle),
 * reading a list's content type and the columns it carries, and reading a tenant property
 * (web/GetStorageEntity). Kept apart from sprest.ts, which routes here.
 */
import { randomUUID } from 'crypto';
import { effectiveListPermissions, effectiveWebPermissions, hasPermission } from './permissions';
import { builtInFields, fieldFromXml, type IFieldDefinition, type IListDefinition } from './schema';
import { SiteError, type Site } from './site';
import type { IStoredList, IUser } from './store';

/** SharePoint's ManageLists permission kind. */
const MANAGE_LISTS: number = 12;

/** SP.AddFieldOptions.AddToAllContentTypes: the new column joins the list's content types. */
const ADD_TO_ALL_CONTENT_TYPES: number = 4;

/** The meta key a tenant property is kept under in each site's store. */
export function storageEntityKey(key: string): string {
  return `storageEntity:${key.toLowerCase()}`;
}

function assertManageWeb(site: Site, user: IUser): void {
  if (!hasPermission(effectiveWebPermissions(site.store, user), MANAGE_LISTS)) {
    throw new SiteError('forbidden', 'Access denied. You do not have permission to perform this action or access this resource.');
  }
}

function assertManageList(site: Site, user: IUser, list: IStoredList): void {
  if (!hasPermission(effectiveListPermissions(site.store, user, list), MANAGE_LISTS)) {
    throw new SiteError('forbidden', 'Access denied. You do not have permission to perform this action or access this resource.');
  }
}

function text(body: { [key: string]: unknown }, name: string): string | undefined {
  const value: unknown = body[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Creates a generic list (BaseTemplate 100) as SharePoint does: its URL from the first title
 * ("Lists/<Title>"), the Item content type with Title only, the columns every list has.
 */
export function createList(site: Site, user: IUser, body: { [key: string]: unknown }): IStoredList {
  assertManageWeb(site, user);
  const title: string = (text(body, 'Title') || '').trim();
  if (title === '' || title.length > 255 || /[\\/:*?"<>|#%{}~&]/.test(title)) {
    throw new SiteError('invalidValue', `The list title '${title}' is not valid.`);
  }
  const template: unknown = body.BaseTemplate === undefined ? 100 : body.BaseTemplate;
  if (template !== 100) {
    // UNCONFIRMED: what SharePoint says; the emulator models generic lists only.
    throw new SiteError('invalidValue', `List template ${String(template)} is not supported by the emulator; use 100 (generic list).`);
  }
  const url: string = `Lists/${title}`;
  if (site.store.listByTitle(title) || site.store.listByUrl(url)) {
    // SharePoint's words for a second list of the same name (SPException, -2130575342).
    throw new SiteError('duplicate', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
  }
  const titleField: IFieldDefinition = {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    internalName: 'Title',
    displayName: 'Title',
    type: 'Text',
    required: true,
    indexed: false,
    unique: false,
    readOnly: false,
    maxLength: 255
  };
  const definition: IListDefinition = {
    title,
    url,
    description: text(body, 'Description') || '',
    templateType: 100,
    versioning: body.EnableVersioning === true,
    fields: [...builtInFields(), titleField],
    contentType: { id: `0x0100${randomUUID().replace(/-/g, '').toUpperCase()}`, name: 'Item', fieldNames: ['Title'] }
  };
  return site.store.transaction(() => site.store.createList(definition));
}

/** Changes a list's title, description or versioning (MERGE on the list); its URL stays. */
export function updateList(site: Site, user: IUser, list: IStoredList, body: { [key: string]: unknown }): void {
  assertManageList(site, user, list);
  const allowed: string[] = ['__metadata', 'Title', 'Description', 'EnableVersioning'];
  for (const key of Object.keys(body)) {
    if (allowed.indexOf(key) < 0) {
      throw new SiteError('unknownProperty', `The property '${key}' does not exist on type 'SP.List' or cannot be changed by the emulator.`, key);
    }
  }
  const title: string | undefined = text(body, 'Title');
  if (title !== undefined) {
    const other: IStoredList | undefined = site.store.listByTitle(title);
    if (title.trim() === '' || (other && other.guid !== list.guid)) {
      throw new SiteError('duplicate', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    list.definition = { ...list.definition, title: title.trim() };
  }
  if (text(body, 'Description') !== undefined) {
    list.definition = { ...list.definition, description: text(body, 'Description') as string };
  }
  if (typeof body.EnableVersioning === 'boolean') {
    list.definition = { ...list.definition, versioning: body.EnableVersioning };
  }
  site.store.transaction(() => site.store.saveDefinition(list));
}

/**
 * Adds a column from its Field XML (FieldCollection.CreateFieldAsXml). A lookup's List is the
 * target list's id ("{guid}"), as SharePoint wants it. AddToAllContentTypes puts the column in
 * the list's content type, so SharePoint's forms would show it.
 */
export function createFieldAsXml(site: Site, user: IUser, list: IStoredList, body: { [key: string]: unknown }): IFieldDefinition {
  assertManageList(site, user, list);
  const parameters: { [key: string]: unknown } = (body.parameters && typeof body.parameters === 'object' ? body.parameters : {}) as { [key: string]: unknown };
  const xml: string | undefined = text(parameters, 'SchemaXml');
  if (!xml) {
    throw new SiteError('badQuery', 'The parameter SchemaXml is missing.');
  }
  let field: IFieldDefinition;
  try {
    field = fieldFromXml(xml);
  } catch (e) {
    throw new SiteError('badQuery', `The field schema is not valid: ${(e as Error).message}`);
  }
  if (field.type === 'Lookup') {
    const m: RegExpExecArray | null = /^\{?([0-9a-f-]{36})\}?$/i.exec(field.lookupList || '');
    const target: IStoredList | undefined = m ? site.store.listByGuid(m[1]) : undefined;
    if (!target) {
      // UNCONFIRMED: SharePoint's exact answer to a lookup whose List is not a list of the web.
      throw new SiteError('invalidValue', `The lookup column ${field.internalName} names a list that does not exist: ${field.lookupList || '(none)'}.`);
    }
    field = { ...field, lookupList: target.definition.url };
  }
  if (list.definition.fields.some((f) => f.internalName.toLowerCase() === field.internalName.toLowerCase())) {
    throw new SiteError('duplicate', `A duplicate field name "${field.internalName}" was found.`);
  }
  if (!field.id) {
    field = { ...field, id: randomUUID() };
  }
  const options: number = Number(parameters.Options || 0);
  const contentType = list.definition.contentType;
  list.definition = {
    ...list.definition,
    fields: [...list.definition.fields, field],
    contentType:
      contentType && (options & ADD_TO_ALL_CONTENT_TYPES) !== 0 ? { ...contentType, fieldNames: [...contentType.fieldNames, field.internalName] } : contentType
  };
  site.store.transaction(() => site.store.saveDefinition(list));
  return field;
}

/** Changes a column (MERGE): its index, display name or whether it is required. */
export function updateField(site: Site, user: IUser, list: IStoredList, nameOrTitle: string, body: { [key: string]: unknown }): void {
  assertManageList(site, user, list);
  const lower: string = nameOrTitle.toLowerCase();
  const field: IFieldDefinition | undefined =
    list.definition.fields.filter((f) => f.internalName.toLowerCase() === lower)[0] || list.definition.fields.filter((f) => f.displayName.toLowerCase() === lower)[0];
  if (!field) {
    throw new SiteError('listNotFound', `Column '${nameOrTitle}' does not exist. It may have been deleted by another user.`);
  }
  const changed: IFieldDefinition = { ...field };
  for (const key of Object.keys(body)) {
    if (key === '__metadata') {
      continue;
    } else if (key === 'Indexed' && typeof body.Indexed === 'boolean') {
      if (!body.Indexed && field.unique) {
        throw new SiteError('invalidValue', 'A column that enforces unique values must stay indexed.');
      }
      changed.indexed = body.Indexed;
    } else if (key === 'Title' && typeof body.Title === 'string') {
      changed.displayName = body.Title;
    } else if (key === 'Required' && typeof body.Required === 'boolean') {
      changed.required = body.Required;
    } else {
      throw new SiteError('unknownProperty', `The property '${key}' does not exist on type 'SP.Field' or cannot be changed by the emulator.`, key);
    }
  }
  if (changed.indexed && !field.indexed && list.definition.fields.filter((f) => f.indexed && !f.readOnly).length >= 20) {
    throw new SiteError('invalidValue', 'This list already has 20 indexed columns, the most SharePoint allows.');
  }
  list.definition = { ...list.definition, fields: list.definition.fields.map((f) => (f === field ? changed : f)) };
  site.store.transaction(() => site.store.saveDefinition(list));
}

/**
 * Puts a column of the list in its content type (ContentType.FieldLinks.Add); gives its name.
 * UNCONFIRMED: the body SharePoint takes, {"parameters": {"FieldInternalName": …}}, as community
 * answers show it (no Microsoft page found).
 */
export function addFieldLink(site: Site, user: IUser, list: IStoredList, contentTypeId: string, body: { [key: string]: unknown }): string {
  assertManageList(site, user, list);
  const ct = list.definition.contentType;
  if (!ct || ct.id.toUpperCase() !== contentTypeId.toUpperCase()) {
    throw new SiteError('listNotFound', 'The content type does not exist in this list.');
  }
  const parameters: { [key: string]: unknown } = (body.parameters && typeof body.parameters === 'object' ? body.parameters : {}) as { [key: string]: unknown };
  const name: string = text(parameters, 'FieldInternalName') || '';
  const field: IFieldDefinition | undefined = list.definition.fields.filter((f) => f.internalName.toLowerCase() === name.toLowerCase())[0];
  if (!field) {
    throw new SiteError('invalidValue', `Column '${name}' does not exist in the list.`);
  }
  if (!ct.fieldNames.some((n) => n.toLowerCase() === field.internalName.toLowerCase())) {
    list.definition = { ...list.definition, contentType: { ...ct, fieldNames: [...ct.fieldNames, field.internalName] } };
    site.store.transaction(() => site.store.saveDefinition(list));
  }
  return field.internalName;
}

/** A tenant property as GetStorageEntity answers it: Value null when unset. */
export function storageEntity(site: Site, key: string): { Value: string | null; Description: string | null; Comment: string | null } {
  const value: string | undefined = site.store.getMeta(storageEntityKey(key));
  // UNCONFIRMED: whether SharePoint answers an unset key with Value null or with odata.null;
  // the product reads both as unset (src/data/provisioning/site.ts).
  return { Value: value === undefined || value === '' ? null : value, Description: null, Comment: null };
}
