/**
 * The SharePoint site the emulator serves: its lists, users and permissions, and the rules for
 * list items that SharePoint REST and Graph share — validation, ETags, permissions, queries,
 * paging and the list view threshold. The protocol modules translate shapes; the rules live here.
 */
import { randomUUID } from 'crypto';
import {
  compareKeyTuples,
  compileFilter,
  filterFields,
  indexedNarrowing,
  type Comparable,
  type FieldResolver,
  type FilterExpression,
  type IFieldAccessor,
  type IOrderKey
} from './odata';
import { effectiveListPermissions, hasPermission, PermissionKind } from './permissions';
import type { IFieldDefinition } from './schema';
import type { IStoredItem, IStoredList, IStoredVersion, IUser, Store } from './store';

/** Why the site refused a request; the protocol modules turn these into their error bodies. */
export type SiteErrorKind =
  | 'listNotFound'
  | 'itemNotFound'
  | 'forbidden'
  | 'preconditionFailed'
  | 'invalidValue'
  | 'unknownProperty'
  | 'unknownField'
  | 'badQuery'
  | 'threshold'
  | 'lookupThreshold'
  | 'duplicate';

/** A refusal by the site, with what the protocol modules need to write the error body. */
export class SiteError extends Error {
  public readonly kind: SiteErrorKind;
  public readonly field?: string;
  public readonly details: { [key: string]: string };

  constructor(kind: SiteErrorKind, message: string, field?: string, details: { [key: string]: string } = {}) {
    super(message);
    this.name = 'SiteError';
    this.kind = kind;
    this.field = field;
    this.details = details;
  }
}

/** Values of an item's columns, keyed by internal name, in the emulator's internal form. */
export type FieldValues = { [internalName: string]: unknown };

/** Where a page of results continues from. */
export interface IPagePosition {
  lastId: number;
  lastKeys: Comparable[];
}

/** A query on a list's items. */
export interface IItemQuery {
  filter?: FilterExpression;
  orderBy?: IOrderKey[];
  top: number;
  after?: IPagePosition;
  resolve: FieldResolver;
  /** Graph: the caller sent "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly". */
  allowNonIndexed?: boolean;
  /** Graph refuses non-indexed filters outright without the Prefer header; SharePoint REST does not. */
  requireIndexedFilter?: boolean;
}

/** A page of query results. */
export interface IItemPage {
  items: IStoredItem[];
  next?: IPagePosition;
}

// eslint-disable-next-line no-control-regex
const BAD_CHARACTERS: RegExp = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first and last moments a SharePoint date and time column keeps. */
const FIRST_DATE: string = '1900-01-01T00:00:00Z';
const LAST_DATE: string = '8900-12-31T23:59:59Z';

/** SharePoint's own limit on a multiple-lines-of-text column in a list. */
export const MAX_NOTE_LENGTH: number = 63999;

/** How a site other than the programme site is set up. */
export interface ISiteOptions {
  /** Server-relative URL: "/sites/gov", or "/" for the tenant's root site (default "/sites/<name>"). */
  serverRelativeUrl?: string;
  /** The site's title, as /_api/web and Graph give it. */
  title?: string;
  /** The site's regional time zone (default London). */
  timeZone?: ISiteTimeZone;
}

/** A site's regional time zone as SharePoint describes it, with the IANA zone that computes its offsets. */
export interface ISiteTimeZone {
  /** SharePoint's SP.TimeZone Id. */
  id: number;
  description: string;
  /** The IANA zone, for the offset on a given day. */
  iana: string;
  /** Minutes to add to local standard time to get UTC (SP.TimeZoneInformation.Bias). */
  bias: number;
  /** Minutes added to the bias in daylight saving time. */
  daylightBias: number;
}

/**
 * Time zones a site may be given. The ids and descriptions are SharePoint's SP.TimeZone ones as
 * read from /_api/web/RegionalSettings/TimeZones on SharePoint Online.
 * UNCONFIRMED: the ids were taken from community listings of SPRegionalSettings.TimeZones
 * (e.g. the "SharePoint time zone ids" tables in PnP provisioning docs), not from a tenant.
 */
export const TIME_ZONES: { readonly [name: string]: ISiteTimeZone } = {
  london: { id: 2, description: '(UTC) Dublin, Edinburgh, Lisbon, London', iana: 'Europe/London', bias: 0, daylightBias: -60 },
  eastern: { id: 10, description: '(UTC-05:00) Eastern Time (US and Canada)', iana: 'America/New_York', bias: 300, daylightBias: -60 },
  pacific: { id: 13, description: '(UTC-08:00) Pacific Time (US and Canada)', iana: 'America/Los_Angeles', bias: 480, daylightBias: -60 },
  hawaii: { id: 15, description: '(UTC-10:00) Hawaii', iana: 'Pacific/Honolulu', bias: 600, daylightBias: 0 },
  tokyo: { id: 20, description: '(UTC+09:00) Osaka, Sapporo, Tokyo', iana: 'Asia/Tokyo', bias: -540, daylightBias: 0 }
};

/** One of the sites the emulator serves. */
export class Site {
  public readonly store: Store;
  /** The last segment of the URL ("improvement", "gov"); "" for the root site. */
  public readonly name: string;
  public readonly title: string;
  /** Server-relative URL of the site: "/sites/improvement", "/sites/gov", or "/" for the root site. */
  public readonly serverRelativeUrl: string;
  /** The list view threshold (5,000 in SharePoint Online; lower for tests and demos). */
  public threshold: number;
  /** The site's regional time zone: date-only columns hold midnight of the day in it. */
  public timeZone: ISiteTimeZone;

  constructor(store: Store, name: string, threshold: number = 5000, options: ISiteOptions = {}) {
    this.store = store;
    this.name = name;
    this.threshold = threshold;
    this.serverRelativeUrl = options.serverRelativeUrl || `/sites/${name}`;
    this.title = options.title || 'Independent Improvement Board';
    this.timeZone = options.timeZone || TIME_ZONES.london;
  }

  /** The site's absolute URL from an origin, as SharePoint writes it: no trailing slash, even for the root site. */
  public absoluteUrl(origin: string): string {
    return `${origin}${this.serverRelativeUrl === '/' ? '' : this.serverRelativeUrl}`;
  }

  /** Where the site's REST API starts, lower case: "/sites/gov/_api/", or "/_api/" for the root site. */
  public get apiPrefix(): string {
    return `${this.serverRelativeUrl === '/' ? '' : this.serverRelativeUrl.toLowerCase()}/_api/`;
  }

  public userByLogin(login: string): IUser | undefined {
    const plain: string = login.replace(/^i:0#\.f\|membership\|/i, '').toLowerCase();
    return this.store.users.filter((u) => u.login.toLowerCase() === plain || u.email.toLowerCase() === plain)[0];
  }

  public userById(id: number): IUser | undefined {
    return this.store.users.filter((u) => u.id === id)[0];
  }

  /**
   * A list by title. The refusal names the site by its absolute URL when the origin is known, as
   * SharePoint's does ("List 'Rankings' does not exist at site with URL
   * 'https://mysite.com/sites/spfx'.", pnp/pnpjs #486).
   */
  public list(title: string, origin?: string): IStoredList {
    const list: IStoredList | undefined = this.store.listByTitle(title);
    if (!list) {
      throw new SiteError('listNotFound', `List '${title}' does not exist at site with URL '${origin ? this.absoluteUrl(origin) : this.serverRelativeUrl}'.`);
    }
    return list;
  }

  public field(list: IStoredList, internalName: string): IFieldDefinition | undefined {
    return list.definition.fields.filter((f) => f.internalName === internalName)[0];
  }

  public assertCan(user: IUser, list: IStoredList, kind: number): void {
    if (!hasPermission(effectiveListPermissions(this.store, user, list), kind)) {
      throw new SiteError('forbidden', 'Access denied.');
    }
  }

  // ---- reading ----

  public getItem(user: IUser, list: IStoredList, id: number): IStoredItem {
    this.assertCan(user, list, PermissionKind.ViewListItems);
    const item: IStoredItem | undefined = list.items.get(id);
    if (!item) {
      throw new SiteError('itemNotFound', 'Item does not exist. It may have been deleted by another user.');
    }
    return item;
  }

  /**
   * An item's versions, newest first, the current one among them: what `items(id)/versions` and
   * Graph's `items/{id}/versions` list. A list without versioning has only the current one.
   */
  public itemVersions(user: IUser, list: IStoredList, id: number): Array<IStoredVersion & { current: boolean }> {
    const item: IStoredItem = this.getItem(user, list, id);
    const earlier: IStoredVersion[] = list.definition.versioning ? item.history || [] : [];
    return [
      { version: item.version, modified: item.modified, editorId: item.editorId, values: item.values, current: true },
      ...earlier
        .slice()
        .reverse()
        .map((v) => ({ ...v, current: false }))
    ];
  }

  /** Runs a query: permissions, the threshold, filter, order and paging. */
  public query(user: IUser, list: IStoredList, q: IItemQuery): IItemPage {
    this.assertCan(user, list, PermissionKind.ViewListItems);
    let items: IStoredItem[] = Array.from(list.items.values());
    const overThreshold: boolean = items.length > this.threshold;

    if (q.filter) {
      if (q.requireIndexedFilter && !q.allowNonIndexed) {
        const fields: string[] = filterFields(q.filter);
        for (const path of fields) {
          if (!q.resolve(path).indexed) {
            throw new SiteError('badQuery', `Field '${path.replace(/^fields\//, '')}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
          }
        }
      }
      if (overThreshold) {
        const narrowed: number | undefined = indexedNarrowing(q.filter, items, q.resolve);
        if (narrowed === undefined || narrowed > this.threshold) {
          throw new SiteError('threshold', 'The attempted operation is prohibited because it exceeds the list view threshold.');
        }
      }
      const predicate = compileFilter(q.filter, q.resolve);
      items = items.filter(predicate);
    }
    const keys: IOrderKey[] = q.orderBy || [];
    const accessors: IFieldAccessor[] = keys.map((k) => q.resolve(k.path));
    if (overThreshold && accessors.some((a) => !a.indexed)) {
      throw new SiteError('threshold', 'The attempted operation is prohibited because it exceeds the list view threshold.');
    }
    let keyed: Array<{ item: IStoredItem; keys: Comparable[] }> = items.map((item) => ({ item, keys: accessors.map((a) => a.read(item) as Comparable) }));
    keyed.sort((a, b) => compareKeyTuples(keys, a.keys, a.item.id, b.keys, b.item.id));
    if (q.after) {
      const after: IPagePosition = q.after;
      keyed = keyed.filter((k) => compareKeyTuples(keys, k.keys, k.item.id, after.lastKeys, after.lastId) > 0);
    }
    const page = keyed.slice(0, q.top);
    const last = page[page.length - 1];
    return {
      items: page.map((k) => k.item),
      next: keyed.length > q.top && last ? { lastId: last.item.id, lastKeys: last.keys } : undefined
    };
  }

  // ---- writing ----

  /** Checks and converts values for a write. Unknown or read-only columns are refused. */
  public checkValues(list: IStoredList, values: FieldValues, entityType: string): FieldValues {
    const out: FieldValues = {};
    for (const name of Object.keys(values)) {
      const field: IFieldDefinition | undefined = this.field(list, name);
      if (!field || field.readOnly) {
        throw new SiteError(
          'unknownProperty',
          `The property '${name}' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`,
          name
        );
      }
      out[name] = this._checkValue(list, field, values[name]);
    }
    return out;
  }

  private _checkValue(list: IStoredList, field: IFieldDefinition, value: unknown): unknown {
    const invalid = (why: string): never => {
      throw new SiteError('invalidValue', `The value of the field '${field.displayName}' is not valid: ${why}`, field.internalName);
    };
    if (value === null || value === undefined) {
      return field.type === 'UserMulti' ? [] : null;
    }
    switch (field.type) {
      case 'Text':
      case 'Note':
      case 'Choice': {
        if (typeof value !== 'string') {
          return invalid('a text value was expected.');
        }
        if (BAD_CHARACTERS.test(value)) {
          return invalid('it contains characters that are not allowed (control characters or unpaired surrogates).');
        }
        const max: number = field.type === 'Note' ? MAX_NOTE_LENGTH : field.maxLength || 255;
        if (value.length > max) {
          return invalid(`it is ${value.length} characters long; the maximum is ${max}.`);
        }
        if (field.type === 'Choice' && value !== '' && (field.choices || []).indexOf(value) < 0) {
          return invalid(`'${value}' is not one of the choices (${(field.choices || []).join(', ')}).`);
        }
        return field.type === 'Choice' && value === '' ? null : value;
      }
      case 'Number': {
        const n: number = typeof value === 'string' && value.trim() !== '' ? Number(value) : (value as number);
        if (typeof n !== 'number' || !isFinite(n)) {
          return invalid('a number was expected.');
        }
        if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
          return invalid(`${n} is outside the range ${field.min} to ${field.max}.`);
        }
        return n;
      }
      case 'Boolean':
        if (typeof value !== 'boolean') {
          return invalid('true or false was expected.');
        }
        return value;
      case 'DateTime': {
        const m: RegExpExecArray | null = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value) : null;
        if (!m) {
          return invalid('a date and time in ISO 8601 form was expected.');
        }
        // A date with no time for a date-only column is the day as the site's people see it: it
        // starts at midnight in the site's time zone. UNCONFIRMED how SharePoint Online reads an
        // unzoned value; the product always sends the instant, so only seeding relies on this.
        const d: Date = new Date(m[4] ? (value as string) : field.dateOnly ? midnightIn(value as string, this.timeZone.iana) : `${value}T00:00:00Z`);
        const asUtc: Date = new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
        const sameDay: boolean = !isNaN(d.getTime()) && (!!m[4] || (!isNaN(asUtc.getTime()) && asUtc.toISOString().slice(0, 10) === value));
        if (!sameDay || Number(m[2]) > 12 || Number(m[3]) > 31) {
          return invalid(`'${String(value)}' is not a real date.`);
        }
        const stored: string = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
        if (stored < FIRST_DATE || stored > LAST_DATE) {
          return invalid(`'${String(value)}' is outside the dates SharePoint keeps (1 January 1900 to 31 December 8900).`);
        }
        return stored;
      }
      case 'Lookup': {
        const id: number = idOf(value);
        if (!Number.isInteger(id) || id <= 0) {
          return invalid('a lookup id was expected.');
        }
        const target: IStoredList | undefined = this.store.listByUrl(field.lookupList || '');
        if (!target || !target.items.has(id)) {
          return invalid(`there is no item ${id} in the list it looks up.`);
        }
        return id;
      }
      case 'User': {
        const id: number = idOf(value);
        if (!Number.isInteger(id) || !this.userById(id)) {
          return invalid(`there is no site user with id ${showValue(value)}.`);
        }
        return id;
      }
      case 'UserMulti': {
        const ids: unknown[] | undefined = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { results: unknown[] }).results) ? (value as { results: unknown[] }).results : undefined;
        if (!ids) {
          return invalid('a collection of site user ids was expected.');
        }
        return ids.map((v) => {
          const id: number = idOf(v);
          if (!Number.isInteger(id) || !this.userById(id)) {
            return invalid(`there is no site user with id ${showValue(v)}.`);
          }
          return id;
        });
      }
      default:
        return invalid('this column cannot be written.');
    }
  }

  private _checkUnique(list: IStoredList, values: FieldValues, exceptId?: number): void {
    for (const field of list.definition.fields.filter((f) => f.unique)) {
      const v: unknown = values[field.internalName];
      if (v === null || v === undefined || v === '') {
        continue;
      }
      for (const item of Array.from(list.items.values())) {
        const other: unknown = item.values[field.internalName];
        if (item.id !== exceptId && typeof other === 'string' && typeof v === 'string' && other.toLowerCase() === v.toLowerCase()) {
          throw new SiteError('duplicate', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.', field.internalName);
        }
      }
    }
  }

  /** Creates an item, checking the caller's right, the values and unique columns. */
  public createItem(user: IUser, list: IStoredList, values: FieldValues, entityType: string): IStoredItem {
    this.assertCan(user, list, PermissionKind.AddListItems);
    const checked: FieldValues = this.checkValues(list, values, entityType);
    const withDefaults: FieldValues = {};
    for (const f of list.definition.fields.filter((x) => !x.readOnly)) {
      if (f.internalName in checked) {
        withDefaults[f.internalName] = checked[f.internalName];
      } else if (f.defaultValue !== undefined) {
        // A column's default is XML text: a Yes/No column's "0" or "1" is stored as false or true.
        withDefaults[f.internalName] = f.type === 'Boolean' ? f.defaultValue === '1' || f.defaultValue.toLowerCase() === 'true' : f.defaultValue;
      } else {
        withDefaults[f.internalName] = f.type === 'UserMulti' ? [] : null;
      }
    }
    this._checkUnique(list, withDefaults);
    const now: string = timestamp();
    return this.store.transaction(() =>
      this.store.insertItem(list, {
        guid: randomUUID(),
        version: 1,
        created: now,
        modified: now,
        authorId: user.id,
        editorId: user.id,
        values: withDefaults
      })
    );
  }

  /** Checks an If-Match value against an item: "*", "N", "GUID,N", quoted or not. */
  public assertMatch(item: IStoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') {
      return;
    }
    const raw: string = ifMatch.trim().replace(/^W\//, '').replace(/^"+|"+$/g, '').replace(/\\"/g, '');
    const parts: string[] = raw.split(',');
    const version: string = parts[parts.length - 1].trim();
    const guid: string | undefined = parts.length > 1 ? parts[0].trim().toLowerCase() : undefined;
    if (version !== String(item.version) || (guid !== undefined && guid !== item.guid.toLowerCase())) {
      throw new SiteError('preconditionFailed', `The request ETag value '${ifMatch}' does not match the object's ETag value '"${item.guid},${item.version}"'.`);
    }
  }

  /** Changes an item if the If-Match still matches; no If-Match overwrites, as SharePoint does. */
  public updateItem(user: IUser, list: IStoredList, id: number, values: FieldValues, entityType: string, ifMatch?: string): IStoredItem {
    this.assertCan(user, list, PermissionKind.EditListItems);
    const current: IStoredItem | undefined = list.items.get(id);
    if (!current) {
      throw new SiteError('itemNotFound', 'Item does not exist. It may have been deleted by another user.');
    }
    this.assertMatch(current, ifMatch);
    const checked: FieldValues = this.checkValues(list, values, entityType);
    const merged: FieldValues = { ...current.values, ...checked };
    this._checkUnique(list, merged, id);
    // A list that keeps versions keeps the item as it was, as SharePoint's version history does.
    const history = list.definition.versioning
      ? [...(current.history || []), { version: current.version, modified: current.modified, editorId: current.editorId, values: current.values }]
      : current.history;
    const updated: IStoredItem = { ...current, values: merged, version: current.version + 1, modified: timestamp(), editorId: user.id, history };
    this.store.transaction(() => this.store.updateItem(list, updated));
    return updated;
  }

  /** Deletes an item if the If-Match still matches. */
  public deleteItem(user: IUser, list: IStoredList, id: number, ifMatch?: string): void {
    this.assertCan(user, list, PermissionKind.DeleteListItems);
    const current: IStoredItem | undefined = list.items.get(id);
    if (!current) {
      throw new SiteError('itemNotFound', 'Item does not exist. It may have been deleted by another user.');
    }
    this.assertMatch(current, ifMatch);
    this.store.transaction(() => this.store.deleteItem(list, id));
  }
}

/**
 * A value from a request body as an error message shows it. JSON, not String(): a body's
 * {"toString": []} cannot be converted by String() and must not turn a 400 into a 500.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  try {
    const json: string | undefined = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * An id as a client may write it (Edm.Int32): a number, or digits in a string as Graph sends
 * lookup ids; NaN for anything else — true, [5] or {"Id":5} are not ids, whatever Number() makes of them.
 */
function idOf(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
}

/** Minutes a time zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, iana: string): number {
  const parts: { [type: string]: number } = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { timeZone: iana, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant))) {
    parts[p.type] = Number(p.value);
  }
  const asUtc: number = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The ISO instant a calendar date starts in an IANA time zone, summer time included. */
export function midnightIn(date: string, iana: string): string {
  const guess: number = Date.parse(`${date}T00:00:00Z`);
  if (isNaN(guess)) {
    return `${date}T00:00:00Z`;
  }
  let instant: number = guess - offsetMinutes(guess, iana) * 60000;
  // Across a change to or from summer time the offset at the guess may not be the offset at midnight.
  instant = guess - offsetMinutes(instant, iana) * 60000;
  return new Date(instant).toISOString();
}

/** Now, as SharePoint writes it: UTC, no milliseconds. */
export function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
