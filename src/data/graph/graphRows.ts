/**
 * Microsoft Graph's listItem fields as the transports' rows, and rows' values as Graph's fields:
 * a lookup or person column's id travels as `<name>LookupId` (a string: "3"), a multi-person
 * column's as `<name>LookupId` with its `@odata.type` annotation on the way in and as
 * `[{ LookupId }]` under the column's own name on the way out; the rest under the column's name.
 * Graph leaves an empty column out of an item's fields, so a column read and not there is none
 * (null), as an empty text is. Nothing here goes through SharePoint REST's shape.
 */
import { message, wordOf } from '../../domain/messages';
import { num } from '../fields';
import { columnNamed, readColumns, type IColumn, type IColumnsRead } from '../lists';
import type { ListKey } from '../repository';
import { itemRow, type Row, type RowValues } from '../transport';

/** A listItem's fields as Graph gives them. */
export type GraphFields = { [name: string]: unknown };

/**
 * A listItem as a row: its fields' id (or the item's), their ETag, author and dates, and each
 * column read (all the product reads, or only those named) by its internal name.
 */
export function graphToRow(list: ListKey, itemId: string | number | undefined, fields: GraphFields, options: { read?: IColumnsRead; etag?: string } = {}): Row {
  const values: RowValues = {};
  const itemEtag: string | undefined = options.etag;
  for (const c of readColumns(list, options.read)) {
    if (c.kind === 'lookup' || c.kind === 'user') {
      values[c.name] = num(fields[`${c.name}LookupId`]) || null;
    } else if (c.kind === 'userMulti') {
      const v: unknown = fields[c.name];
      values[c.name] = Array.isArray(v) ? v.map((x) => num((x as { LookupId?: unknown }).LookupId)).filter((x): x is number => x !== undefined) : [];
    } else {
      values[c.name] = fields[c.name] === undefined || fields[c.name] === '' ? null : fields[c.name];
    }
  }
  // The item's eTag property when the read selected it (a read without OData metadata has no
  // other), else the fields' ETag annotation: the same value.
  const etag: unknown = typeof itemEtag === 'string' && itemEtag !== '' ? itemEtag : fields['@odata.etag'];
  return itemRow(fields.id !== undefined ? fields.id : itemId, typeof etag === 'string' ? etag : '', values, {
    authorId: fields.AuthorLookupId,
    created: fields.Created,
    modified: fields.Modified
  });
}

/** Column values as Graph fields to write: lookup ids as strings, multi-value ids annotated. */
export function valuesToGraph(list: ListKey, values: RowValues): GraphFields {
  const out: GraphFields = {};
  for (const name of Object.keys(values)) {
    const c: IColumn | undefined = columnNamed(list, name);
    if (!c) {
      throw new Error(wordOf(message('noColumnFor', { list, key: name })));
    }
    const v: unknown = values[name];
    if (c.kind === 'lookup' || c.kind === 'user') {
      out[`${c.name}LookupId`] = v === null || v === undefined ? null : String(v);
    } else if (c.kind === 'userMulti') {
      out[`${c.name}LookupId@odata.type`] = 'Collection(Edm.Int32)';
      out[`${c.name}LookupId`] = v;
    } else {
      out[c.name] = v;
    }
  }
  return out;
}
