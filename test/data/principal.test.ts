import { PermissionKind } from '@pnp/sp/security';
import { currentUserFrom, listRights, NO_RIGHTS, plainLogin, rightsByList } from '../../src/data/principal';

/** A mask as SharePoint sends it, with the given PermissionKinds set. */
function mask(...kinds: PermissionKind[]): { High: string; Low: string } {
  let low: bigint = 0n;
  let high: bigint = 0n;
  for (const k of kinds) {
    const bit: number = k - 1;
    if (bit < 32) {
      low |= 1n << BigInt(bit);
    } else {
      high |= 1n << BigInt(bit - 32);
    }
  }
  return { High: high.toString(), Low: low.toString() };
}

describe('list rights from EffectiveBasePermissions', () => {
  it("reads each right from its PermissionKind's bit", () => {
    expect(listRights(mask(PermissionKind.ViewListItems))).toEqual({ ...NO_RIGHTS, view: true });
    expect(listRights(mask(PermissionKind.ViewListItems, PermissionKind.AddListItems, PermissionKind.EditListItems))).toEqual({ ...NO_RIGHTS, view: true, add: true, edit: true });
    expect(listRights(mask(PermissionKind.DeleteListItems, PermissionKind.ApproveItems, PermissionKind.ManageLists))).toEqual({ ...NO_RIGHTS, delete: true, approve: true, manage: true });
  });

  it('grants everything to Full Control (every bit set) and nothing to an empty mask', () => {
    expect(listRights({ High: '2147483647', Low: '4294967295' })).toEqual({ view: true, add: true, edit: true, delete: true, approve: true, manage: true });
    expect(listRights({ High: '0', Low: '0' })).toEqual(NO_RIGHTS);
  });

  it('grants nothing for other rights, in either half of the mask', () => {
    expect(listRights(mask(PermissionKind.ManageWeb, PermissionKind.EnumeratePermissions))).toEqual(NO_RIGHTS);
  });

  it('gives each list the rights of its own mask, and none to a list whose mask could not be read', () => {
    const rights = rightsByList(['periods', 'milestones', 'risks'], [mask(PermissionKind.ViewListItems), undefined, mask(PermissionKind.ViewListItems, PermissionKind.EditListItems)]);
    expect(rights).toEqual({ periods: { ...NO_RIGHTS, view: true }, milestones: NO_RIGHTS, risks: { ...NO_RIGHTS, view: true, edit: true } });
  });
});

describe('the signed-in person', () => {
  it('drops the claims prefix from the login, whatever its case', () => {
    expect(plainLogin('i:0#.f|membership|alex@contoso.com')).toBe('alex@contoso.com');
    expect(plainLogin('I:0#.F|Membership|Alex@contoso.com')).toBe('Alex@contoso.com');
    expect(plainLogin('alex@contoso.com')).toBe('alex@contoso.com');
    expect(currentUserFrom({ Id: 7, Title: 'Alex', Email: 'alex@contoso.com', LoginName: 'i:0#.f|membership|alex@contoso.com' })).toEqual({ id: 7, name: 'Alex', login: 'alex@contoso.com', email: 'alex@contoso.com' });
  });
});
