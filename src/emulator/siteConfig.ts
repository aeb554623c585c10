/**
 * The site as its owner sets it up: SharePoint groups, who is in them, and each group's
 * permission level on each list. This is the declared permission matrix the emulator enforces
 * and the tests check.
 */
import type { ISeedUser } from '../fixtures/improvementPlanPhase2';
import type { RoleName } from './store';

/** A SharePoint group and its permission levels. */
export interface ISiteGroup {
  title: 'Programme Office' | 'Workstream Leads' | 'Sponsors' | 'IIB Members' | 'Independent Improvement Board Members';
  /** The level on the site, and so on every list without its own. */
  site: RoleName;
  /** Levels on particular lists, by list title. */
  lists: { [listTitle: string]: RoleName };
}

/** The groups of the Independent Improvement Board's site. */
export const SITE_GROUPS: readonly ISiteGroup[] = [
  { title: 'Programme Office', site: 'Full Control', lists: {} },
  { title: 'Workstream Leads', site: 'Read', lists: { 'Status Reports': 'Contribute', Milestones: 'Contribute', Risks: 'Contribute', 'IIB Feedback': 'Contribute', 'Close-down Items': 'Contribute' } },
  { title: 'Sponsors', site: 'Read', lists: { 'Sponsor Comments': 'Contribute' } },
  { title: 'IIB Members', site: 'Read', lists: { 'IIB Feedback': 'Contribute' } },
  // The Members group every SharePoint site is created with, at its default level, Edit: it may
  // manage lists but not approve items, so its members are not the programme office. No seeded
  // user is in it; tests put someone there.
  { title: 'Independent Improvement Board Members', site: 'Edit', lists: {} }
];

/** The permission level a group has on a list. */
export function roleOn(group: ISiteGroup, listTitle: string): RoleName {
  return group.lists[listTitle] || group.site;
}

/** The first site user id; SharePoint's own principals take the ids below it. */
export const FIRST_USER_ID: number = 10;

/** Site user ids in seed order. */
export function userIds(users: readonly ISeedUser[]): Map<string, number> {
  return new Map<string, number>(users.map((u, i) => [u.login.toLowerCase(), FIRST_USER_ID + i]));
}
