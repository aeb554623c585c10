/**
 * SharePoint permissions as a site owner sets them: groups hold permission levels (Read,
 * Contribute, Edit, Design, Full Control — a site's default levels) on the web and on lists; a user's effective permissions are the
 * union of their groups' levels, reported as SharePoint's {High, Low} base-permission masks.
 */
import type { IRoleAssignment, IStoredList, IUser, RoleName, Store } from './store';

/** SP.PermissionKind values the emulator checks. */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  CreateSSCSite: 23,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63
} as const;

/** A base-permission mask as two 32-bit halves. */
export interface IBasePermissions {
  high: number;
  low: number;
}

function maskOf(kinds: number[]): IBasePermissions {
  let high: number = 0;
  let low: number = 0;
  for (const kind of kinds) {
    const bit: number = kind - 1;
    if (bit < 32) {
      low = (low | (1 << bit)) >>> 0;
    } else {
      high = (high | (1 << (bit - 32))) >>> 0;
    }
  }
  return { high, low };
}

const READ: number[] = [
  PermissionKind.ViewListItems,
  PermissionKind.OpenItems,
  PermissionKind.ViewVersions,
  PermissionKind.ViewFormPages,
  PermissionKind.Open,
  PermissionKind.ViewPages,
  PermissionKind.BrowseUserInfo,
  PermissionKind.UseRemoteAPIs
];
const CONTRIBUTE: number[] = [
  ...READ,
  PermissionKind.AddListItems,
  PermissionKind.EditListItems,
  PermissionKind.DeleteListItems,
  PermissionKind.DeleteVersions,
  PermissionKind.ManagePersonalViews,
  PermissionKind.BrowseDirectories,
  PermissionKind.AddDelPrivateWebParts,
  PermissionKind.UpdatePersonalWebParts,
  PermissionKind.CreateAlerts,
  PermissionKind.EditMyUserInfo,
  PermissionKind.UseClientIntegration
];
// Edit is Contribute with Manage Lists: the level of a site's default Members group, so every
// member of a team site can manage lists. Design adds Approve Items and page design on top.
// Source: "User permissions and permission levels in SharePoint Server" (learn.microsoft.com),
// which lists each default level's permissions.
const EDIT: number[] = [...CONTRIBUTE, PermissionKind.ManageLists];
const DESIGN: number[] = [
  ...EDIT,
  PermissionKind.ApproveItems,
  PermissionKind.CancelCheckout,
  PermissionKind.AddAndCustomizePages,
  PermissionKind.ApplyThemeAndBorder,
  PermissionKind.ApplyStyleSheets
];

/** The masks of SharePoint's default permission levels. */
export const ROLE_MASKS: { readonly [role in RoleName]: IBasePermissions } = {
  Read: maskOf(READ),
  Contribute: maskOf(CONTRIBUTE),
  Edit: maskOf(EDIT),
  Design: maskOf(DESIGN),
  'Full Control': { high: 0x7fffffff, low: 0xffffffff }
};

const EMPTY: IBasePermissions = { high: 0, low: 0 };

function union(a: IBasePermissions, b: IBasePermissions): IBasePermissions {
  return { high: (a.high | b.high) >>> 0, low: (a.low | b.low) >>> 0 };
}

/** True when a mask grants a permission kind. */
export function hasPermission(mask: IBasePermissions, kind: number): boolean {
  const bit: number = kind - 1;
  return bit < 32 ? (mask.low & (1 << bit)) !== 0 : (mask.high & (1 << (bit - 32))) !== 0;
}

function groupIdsOf(store: Store, user: IUser): number[] {
  return store.groups.filter((g) => g.memberIds.indexOf(user.id) >= 0).map((g) => g.id);
}

function maskIn(store: Store, user: IUser, scope: string): IBasePermissions {
  if (user.isSiteAdmin) {
    return ROLE_MASKS['Full Control'];
  }
  const principals: number[] = [user.id, ...groupIdsOf(store, user)];
  const inScope: IRoleAssignment[] = store.assignments.filter((a) => a.scope === scope && principals.indexOf(a.principalId) >= 0);
  return inScope.reduce((mask, a) => union(mask, ROLE_MASKS[a.role]), EMPTY);
}

/**
 * A user's effective permissions on a list: the list's own role assignments when it has any
 * (broken inheritance), else the web's.
 */
export function effectiveListPermissions(store: Store, user: IUser, list: IStoredList): IBasePermissions {
  const unique: boolean = store.assignments.some((a) => a.scope === list.guid);
  return maskIn(store, user, unique ? list.guid : '');
}

/** A user's effective permissions on the web. */
export function effectiveWebPermissions(store: Store, user: IUser): IBasePermissions {
  return maskIn(store, user, '');
}

/** The mask as SharePoint's REST API writes it: High and Low as decimal strings. */
export function toRest(mask: IBasePermissions): { High: string; Low: string } {
  return { High: String(mask.high >>> 0), Low: String(mask.low >>> 0) };
}
