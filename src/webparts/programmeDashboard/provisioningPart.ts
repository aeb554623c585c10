/**
 * "Set up this site" as one part, loaded only for those who manage the lists (connect.ts): the
 * provisioning code and its messages' words. One module, so that every bundler makes one chunk of
 * them, as SPFx's webpack does for their one `webpackChunkName`.
 */
import type { SPFI } from '@pnp/sp';
import type { ISessionHints } from '../../data/ProgrammeRepository';
import { checkSite, listsFingerprint } from '../../data/provisioning/provision';

export { installSiteFileWords } from '../../ui/siteFileWords';
export { checkSite, provisionSite } from '../../data/provisioning/provision';

/**
 * How many changes would bring the site's lists up to the schema. The browser's lasting hint
 * (listsChecked.ts's LISTS_CHECKED_HINT, written here by name so that the first load shares no
 * module with this part) notes lists found up to date, with the schema's fingerprint as computed
 * from the schema and the time, and is dropped when they are not.
 */
export async function changesNoted(sp: SPFI, hints: ISessionHints | undefined): Promise<number> {
  const changes: number = (await checkSite(sp)).steps.length;
  if (hints) {
    hints.set('listsChecked', changes === 0 ? JSON.stringify({ schema: await listsFingerprint(), checked: new Date().toISOString() }) : '');
  }
  return changes;
}
