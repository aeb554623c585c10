/**
 * Who the signed-in person is and what they may do on a list, decoded once from what SharePoint
 * REST answers — the same for the PnPjs and the Graph transport (Graph v1.0 has neither).
 */
import type { ICurrentUser, IListRights, ListKey, UserRights } from './repository';

/** SharePoint's EffectiveBasePermissions: a 64-bit mask as two 32-bit halves (strings on the wire). */
export interface IPermissionMask {
  High: string | number;
  Low: string | number;
}

/** The bit of each right we use: SharePoint's PermissionKind less one (ViewListItems = 1 is bit 0). */
const BITS: { [k in keyof IListRights]: number } = { view: 0, add: 1, edit: 2, delete: 3, approve: 4, manage: 11 };

/** No rights at all: a list that is missing or hidden from the person. */
export const NO_RIGHTS: IListRights = { view: false, add: false, edit: false, delete: false, approve: false, manage: false };

/** The rights a permission mask grants on a list. */
export function listRights(mask: IPermissionMask): IListRights {
  const has = (bit: number): boolean => ((Number(bit < 32 ? mask.Low : mask.High) >>> bit % 32) & 1) === 1;
  const result: IListRights = { ...NO_RIGHTS };
  for (const key of Object.keys(BITS) as Array<keyof IListRights>) {
    result[key] = has(BITS[key]);
  }
  return result;
}

/** A claims login ("i:0#.f|membership|alex@contoso.com") as the plain sign-in name. */
export function plainLogin(loginName: string): string {
  return loginName.replace(/^i:0#\.f\|membership\|/i, '');
}

/** The columns of SharePoint's web/currentuser the product asks for. */
export interface ISharePointUser {
  Id: number;
  Title: string;
  Email: string;
  LoginName: string;
}

/** The person as SharePoint's web/currentuser describes them. */
export function currentUserFrom(u: ISharePointUser): ICurrentUser {
  return { id: u.Id, name: u.Title, login: plainLogin(u.LoginName), email: u.Email };
}

/** Each list's rights from its mask, in the order of `lists`; a list with no mask (missing, or hidden from the person) has none. */
export function rightsByList(lists: readonly ListKey[], masks: ReadonlyArray<IPermissionMask | undefined>): UserRights {
  const result: { [k: string]: IListRights } = {};
  lists.forEach((k, i) => {
    const mask: IPermissionMask | undefined = masks[i];
    result[k] = mask ? listRights(mask) : NO_RIGHTS;
  });
  return result as UserRights;
}
