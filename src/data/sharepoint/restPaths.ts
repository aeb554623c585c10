/**
 * The SharePoint REST requests the web part's first screens send — a list by its title, its
 * items, an item, its versions, the site's users, the signed-in user, the effective permissions
 * on a list or the site, and an item's add, update and delete — built with @pnp/sp's core
 * factories and operations (SPCollection, SPInstance, spPost) rather than its fluent modules.
 * Those modules ('@pnp/sp/lists', '/items', '/security', '/site-users', which brings
 * '/site-groups') extend the web's, list's and item's prototypes with everything SharePoint
 * offers and cost the first load about 13 KB minified; the web part uses a dozen calls of them.
 *
 * Each function builds the request the fluent call it names builds — the same address, query,
 * headers and body, in a $batch or not, with the behaviours of the SPFI it starts from (SPFx's or
 * SPBrowser's, the $batch's, the caller's parsers given with `using`) — so the wire is unchanged
 * (test/data/restPaths.test.ts sends both and compares). Code outside the first load (provisioning,
 * the command line, the seeder) may keep the fluent API. `sp.web` stays: '@pnp/sp/batching',
 * which the first load needs, brings the web's module anyway, and '@pnp/sp/webs' adds only the
 * getter.
 */
import { encodePath, SPCollection, SPInstance, SPQueryable, spPost, spPostDeleteETag, type ISPCollection, type ISPInstance, type ISPQueryable, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import type { IWeb } from '@pnp/sp/webs';
import { body, headers, parseBinderWithErrorCheck } from '@pnp/queryable';
import { hasPermission, PermissionKind, type IPermissionMask } from '../principal';
import type { RestItem } from './restRows';

/** The site (`sp.web`: `…/_api/web`). */
export function webOf(sp: SPFI): IWeb {
  return sp.web;
}

/** The site's lists (`sp.web.lists`: `…/_api/web/lists`). */
export function listsOf(sp: SPFI): ISPCollection {
  return SPCollection(webOf(sp), 'lists');
}

/**
 * A list by its title (`sp.web.lists.getByTitle(title)`: `…/lists/getByTitle('Risks')`), its
 * quotes doubled and the title URI-encoded as PnPjs does.
 */
export function listByTitle(sp: SPFI, title: string): ISPInstance {
  return SPInstance(listsOf(sp), `getByTitle('${encodePath(title)}')`);
}

/** A list's items (`list.items`: `…/items`). */
export function itemsOf(list: ISPInstance): ISPCollection {
  return SPCollection(list, 'items');
}

/** One item of a list by its id (`list.items.getById(id)`: `…/items(7)`). */
export function itemById(list: ISPInstance, id: number): ISPInstance {
  return SPInstance(itemsOf(list)).concat(`(${id})`);
}

/** An item's versions (`item.versions`: `…/items(7)/versions`). */
export function versionsOf(item: ISPInstance): ISPCollection {
  return SPCollection(item, 'versions');
}

/** The site's users (`sp.web.siteUsers`: `…/_api/web/siteUsers`). */
export function siteUsersOf(sp: SPFI): ISPCollection {
  return SPCollection(webOf(sp), 'siteUsers');
}

/** The signed-in user as the site knows them (`sp.web.currentUser`: `…/_api/web/currentUser`). */
export function currentUserOf(sp: SPFI): ISPInstance {
  return SPInstance(webOf(sp), 'currentUser');
}

/**
 * Adds an item to a list (`list.items.add(values)`): a POST of the item's properties to the
 * list's items, answered with the new item.
 */
export function addItem(list: ISPInstance, values: RestItem): Promise<RestItem> {
  return spPost(itemsOf(list), body(values));
}

/**
 * Changes an item's properties when its ETag is still `etag` (`item.update(values, etag)`): a POST
 * with `X-HTTP-Method: MERGE` and `IF-Match`, whose answer (204, no body) is read as the ETag
 * SharePoint gives the item's new version, as PnPjs's ItemUpdatedParser reads it.
 */
export function updateItem(list: ISPInstance, id: number, values: RestItem, etag: string): Promise<{ etag: string | null }> {
  const updated = parseBinderWithErrorCheck(async (r: Response) => ({ etag: r.headers.get('etag') }));
  return spPost(SPInstance(itemById(list, id)).using(updated), body(values, headers({ 'IF-Match': etag, 'X-HTTP-Method': 'MERGE' })));
}

/** Deletes an item when its ETag is still `etag` (`item.delete(etag)`): a POST with `X-HTTP-Method: DELETE` and `IF-Match`. */
export function deleteItem(list: ISPInstance, id: number, etag: string): Promise<void> {
  return spPostDeleteETag(itemById(list, id), {}, etag);
}

/**
 * The signed-in user's effective permissions on a list or the site
 * (`getCurrentUserEffectivePermissions()`: `…/EffectiveBasePermissions`), as SharePoint's
 * two-halved mask.
 */
export function effectivePermissions(securable: ISPQueryable): Promise<IPermissionMask> {
  return SPQueryable(securable, 'EffectiveBasePermissions')<IPermissionMask>();
}

/**
 * Whether the signed-in user has Manage Lists on the site
 * (`sp.web.currentUserHasPermissions(PermissionKind.ManageLists)`): whether setting the site up is
 * theirs to do.
 */
export async function canManageListsOn(sp: SPFI): Promise<boolean> {
  return hasPermission(await effectivePermissions(webOf(sp)), PermissionKind.ManageLists);
}
