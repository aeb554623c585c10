/**
 * A list's columns as SharePoint REST names them — ignoring case, "WorkstreamId" for a lookup's
 * id, "Id" for ID — an item's stored value of a column, and how $filter/$orderby read a column
 * (shared with Graph).
 */
import type { Comparable, FieldResolver, IFieldAccessor } from '../odata';
import type { IFieldDefinition } from '../schema';
import { SiteError, type Site } from '../site';
import type { IStoredItem, IStoredList, IUser } from '../store';

/** A list's column by internal name, ignoring case. */
export function fieldIgnoringCase(list: IStoredList, name: string): IFieldDefinition | undefined {
  const lower: string = name.toLowerCase();
  return list.definition.fields.filter((f) => f.internalName.toLowerCase() === lower)[0];
}

/** The column an output property name belongs to: "WorkstreamId" → Workstream, "Id" → ID. */
export function outputField(list: IStoredList, name: string): IFieldDefinition | undefined {
  const lower: string = name.toLowerCase();
  if (lower === 'id') {
    return fieldIgnoringCase(list, 'ID');
  }
  if (lower === 'odata__uiversionstring' || lower === 'filesystemobjecttype' || lower === 'contenttypeid' || lower === 'attachments') {
    return { id: '', internalName: name, displayName: name, type: 'Text', required: false, indexed: false, unique: false, readOnly: true };
  }
  if (lower === 'owshiddenversion') {
    // The hidden Version column (tp_Version) every list has: the number in an item's ETag.
    return { id: '', internalName: 'owshiddenversion', displayName: 'owshiddenversion', type: 'Number', required: false, indexed: false, unique: false, readOnly: true };
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

/** An item's stored value of a column, the item's own properties (ID, Created, Author …) included; null when unset. */
export function plainValue(item: IStoredItem, field: IFieldDefinition): unknown {
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
