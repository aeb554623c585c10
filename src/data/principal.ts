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

/**
 * The values of SharePoint's SP.PermissionKind the product asks about (learn.microsoft.com,
 * SP.PermissionKind enumeration; the same in PnPjs's PermissionKind and the emulator's). Our own,
 * so that reading a mask takes none of PnPjs's security module.
 */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  ManageLists: 12
} as const;

/** The bit of each right we use: its PermissionKind less one (ViewListItems = 1 is bit 0). */
const BITS: { [k in keyof IListRights]: number } = { view: 0, add: 1, edit: 2, delete: 3, approve: 4, manage: 11 };

/** Whether a mask has a bit: the first 32 are Low's, the rest High's (strings or numbers on the wire). */
function hasBit(mask: IPermissionMask, bit: number): boolean {
  return ((Number(bit < 32 ? mask.Low : mask.High) >>> bit % 32) & 1) === 1;
}

/**
 * Whether a mask grants a permission: its SP.PermissionKind value less one is the bit, as PnPjs's
 * hasPermissions reads it. Kinds from 1 to 64 only: FullMask (65) and EmptyMask (0) are not
 * single bits.
 */
export function hasPermission(mask: IPermissionMask, kind: number): boolean {
  return hasBit(mask, kind - 1);
}

/** No rights at all: a list that is missing or hidden from the person. */
export const NO_RIGHTS: IListRights = { view: false, add: false, edit: false, delete: false, approve: false, manage: false };

/** The rights a permission mask grants on a list. */
export function listRights(mask: IPermissionMask): IListRights {
  const result: IListRights = { ...NO_RIGHTS };
  for (const key of Object.keys(BITS) as Array<keyof IListRights>) {
    result[key] = hasBit(mask, BITS[key]);
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
