/**
 * Writes to list items over SharePoint REST: the request body read as SharePoint reads it (JSON,
 * verbose's `__metadata` and `{"d": …}`), its properties turned into column values
 * ("WorkstreamId" → Workstream), and create, update and delete with their ETags. The rules a
 * write must pass — validation, If-Match, the request key's uniqueness, permissions — are the
 * site's (site.ts), shared with Graph.
 */
import { empty, jsonObjectBody, type IEmuRequest, type IEmuResponse } from '../http';
import type { IFieldDefinition } from '../schema';
import { showValue, SiteError, type FieldValues } from '../site';
import type { IStoredItem, IStoredList, IUser } from '../store';
import { fieldIgnoringCase } from './columns';
import { itemEntity, projection } from './projection';
import { headerETag, itemsMetadataName, itemUri, listEntityType, reply, single, type ISpContext, type MetadataLevel } from './shapes';

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

export function parseBody(req: IEmuRequest, level: MetadataLevel): { [key: string]: unknown } {
  const body: { [key: string]: unknown } = jsonObjectBody(req, {
    notJson: 'Invalid JSON. The request body is not valid JSON.',
    notObject: 'Invalid JSON. An object was expected in the request body.'
  });
  // Verbose bodies may be wrapped in {"d": …} by some clients; unwrap for leniency with odata=verbose.
  return level === 'verbose' && body.d && typeof body.d === 'object' ? (body.d as { [key: string]: unknown }) : body;
}

/** True when the body is verbose JSON, where `__metadata` is allowed. */
function verboseBody(req: IEmuRequest): boolean {
  return (req.headers['content-type'] || '').indexOf('odata=verbose') >= 0;
}

/** POST …/items: creates an item and answers it whole, with its ETag and address. */
export function createItem(req: IEmuRequest, ctx: ISpContext, user: IUser, list: IStoredList): IEmuResponse {
  const values: FieldValues = writeValues(list, parseBody(req, ctx.level), verboseBody(req));
  const item = ctx.site.createItem(user, list, values, listEntityType(list));
  const entity = itemEntity(ctx, list, item, projection(ctx.site, list, null, null));
  return reply(ctx, 201, single(ctx, entity, `${itemsMetadataName(list)}/@Element`), { etag: headerETag(item), location: itemUri(ctx, list, item.id) });
}

/** MERGE, PATCH or PUT …/items(id): updates the item if its ETag matches If-Match. */
export function updateItem(req: IEmuRequest, ctx: ISpContext, user: IUser, list: IStoredList, id: number): IEmuResponse {
  const values: FieldValues = writeValues(list, parseBody(req, ctx.level), verboseBody(req));
  const item: IStoredItem = ctx.site.updateItem(user, list, id, values, listEntityType(list), req.headers['if-match']);
  return empty(204, { etag: headerETag(item) });
}

/** DELETE …/items(id): deletes the item if its ETag matches If-Match. */
export function deleteItem(req: IEmuRequest, ctx: ISpContext, user: IUser, list: IStoredList, id: number): IEmuResponse {
  ctx.site.deleteItem(user, list, id, req.headers['if-match']);
  return empty(200);
}
