/**
 * SharePoint REST's JSON-light items as the transports' rows, and rows' values as REST's
 * properties: a lookup or person column travels as `<name>Id` ("WorkstreamId": 3,
 * "ProjectManagersId": [7, 9], or `{ results: [...] }` in verbose JSON), everything else under
 * the column's own name. The PnPjs transport's decoding and encoding, and the in-memory site's
 * (which keeps its items in REST's shape, as the local stack's SharePoint does).
 */
import { num } from '../fields';
import { columnNamed, COLUMNS, restName, VERSION_COLUMN, type IColumn } from '../lists';
import type { ListKey } from '../repository';
import { itemRow, type Row, type RowValues } from '../transport';

/** An item as SharePoint REST gives it (odata=minimalmetadata or nometadata; verbose's `d` unwrapped). */
export type RestItem = { [property: string]: unknown };

function isReference(c: IColumn): boolean {
  return c.kind === 'lookup' || c.kind === 'user' || c.kind === 'userMulti';
}

/** A multi-valued id column's ids: an array, or verbose JSON's `{ results }`; lookup-shaped entries (`{ LookupId }`) too. */
function ids(value: unknown): number[] {
  const list: unknown[] = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { results?: unknown[] }).results) ? (value as { results: unknown[] }).results : [];
  return list.map((x) => (x && typeof x === 'object' ? num((x as { LookupId?: unknown }).LookupId) : num(x))).filter((n): n is number => n !== undefined);
}

/** A column's value from REST's property: a reference as an id (or ids), none as null. */
function decodeValue(c: IColumn, value: unknown): unknown {
  if (c.kind === 'userMulti') {
    return ids(value);
  }
  if (isReference(c)) {
    const n: number | undefined = num(value);
    return n === undefined ? null : n;
  }
  // An empty column is none, as Graph (which leaves it out) says it: REST may give it as ''.
  return value === undefined || value === '' ? null : value;
}

/**
 * The item's ETag: `odata.etag`, or verbose JSON's `__metadata.etag`, or — in a read without
 * metadata — made from the hidden `owshiddenversion` column the read selected ('"3"' for 3); ''
 * when the read has none of them (a view). SharePoint's list item ETag is that version number
 * (sharepoint-wire.md: `odata.etag` `"\"N\""`, N +1 on every update) and If-Match takes it so.
 * UNCONFIRMED in Microsoft's docs that the two are one number; public SharePoint code builds an
 * item's `__metadata.etag` from owshiddenversion the same way.
 */
export function restEtag(item: RestItem): string {
  const etag: unknown = item['odata.etag'] !== undefined ? item['odata.etag'] : item.__metadata && (item.__metadata as { etag?: unknown }).etag;
  if (typeof etag === 'string') {
    return etag;
  }
  const version: number | undefined = num(item[VERSION_COLUMN]);
  return version !== undefined ? `"${version}"` : '';
}

/** An item of a list as a row: each of the list's columns the item carries, by its internal name. */
export function restToRow(list: ListKey, item: RestItem, etag: string = restEtag(item)): Row {
  const values: RowValues = {};
  for (const c of COLUMNS[list]) {
    const key: string = restName(c);
    if (Object.prototype.hasOwnProperty.call(item, key)) {
      values[c.name] = decodeValue(c, item[key]);
    }
  }
  return itemRow(item.Id !== undefined ? item.Id : item.ID, etag, values, { authorId: item.AuthorId, created: item.Created, modified: item.Modified });
}

/**
 * Column values as REST's properties to write. A name that is no column of the list is sent as it
 * is, for SharePoint to refuse ("The property … does not exist").
 */
export function valuesToRest(list: ListKey, values: RowValues): RestItem {
  const out: RestItem = {};
  for (const name of Object.keys(values)) {
    const c: IColumn | undefined = columnNamed(list, name);
    out[c ? restName(c) : name] = values[name];
  }
  return out;
}

/**
 * One entry of SharePoint REST's `items(id)/versions` (SP.ListItemVersion) as a row. A version
 * gives lookup and person columns as `{ LookupId, LookupValue }` under the column's own name
 * (`Workstream`, `Author`) rather than `WorkstreamId`; both forms are read. UNCONFIRMED beyond
 * Microsoft's SP.ListItemVersion type (VersionLabel, IsCurrentVersion, Created, field values) and
 * reports of its JSON: the exact per-field shapes are not documented.
 */
export function restVersionToRow(list: ListKey, id: number, v: RestItem): Row {
  const lookupId = (x: unknown): number | undefined => (x && typeof x === 'object' ? num((x as { LookupId?: unknown }).LookupId) : num(x));
  // The version as an item's JSON: each reference under its REST name, from whichever form came.
  const item: RestItem = { ...v, Id: id, AuthorId: num(v.AuthorId) !== undefined ? v.AuthorId : lookupId(v.Author), Modified: v.Modified !== undefined ? v.Modified : v.Created };
  for (const c of COLUMNS[list]) {
    const direct: unknown = v[restName(c)];
    if (c.kind === 'userMulti' || ((c.kind === 'lookup' || c.kind === 'user') && (direct === undefined || direct === null))) {
      item[restName(c)] = c.kind === 'userMulti' ? v[c.name] : lookupId(v[c.name]);
    }
    if (!c.unread && item[restName(c)] === undefined) {
      item[restName(c)] = null;
    }
  }
  return restToRow(list, item, '');
}
