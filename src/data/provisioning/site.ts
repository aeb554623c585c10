/**
 * What the product asks of a SharePoint site before it uses it as the programme site: its
 * address, the tenant-wide setting that names the programme site, and whether it holds the
 * programme's lists. Each call is one small REST request through the caller's PnPjs (SPFx's
 * own authentication in SharePoint and Teams, the local stack's elsewhere).
 */
import type { SPFI } from '@pnp/sp';
import { readAction } from '../errors';
import { pnpError } from '../sharepoint/PnpRepository';
import { listsOf, webOf } from '../sharepoint/restPaths';

/**
 * The tenant property (a storage entity in the tenant app catalog) the admin sets once to name
 * the programme site for every site and team: `Set-PnPStorageEntity -Key ProgrammeHighlightsSite`.
 */
export const TENANT_SETTING_KEY: string = 'ProgrammeHighlightsSite';

/**
 * The tenant-wide programme site, or undefined where the admin has not set one.
 * GET {web}/_api/web/GetStorageEntity('ProgrammeHighlightsSite') works from any site (PnPjs
 * "tenant properties" docs). An unset key answers with no Value — UNCONFIRMED whether
 * SharePoint Online sends `{"odata.null":true}` or a Value of null (zenn.dev/karamem0
 * 2020-06-09 shows only a set key), so both read as unset. Guests are refused the read
 * (sp-dev-docs #1137): a refusal also reads as unset, so the other sources still apply.
 */
export async function readTenantSetting(sp: SPFI): Promise<string | undefined> {
  try {
    const entity: { Value?: string | null } | null = await webOf(sp).getStorageEntity(TENANT_SETTING_KEY);
    const value: string | null | undefined = entity ? entity.Value : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch (e) {
    const error = await pnpError(e, readAction('tenantSetting'));
    if (error.kind === 'notFound' || error.kind === 'forbidden' || error.kind === 'unauthenticated') {
      return undefined;
    }
    throw error;
  }
}

/** The site's own absolute URL; a DataError (notFound when there is no site there) otherwise. */
export async function readWebUrl(sp: SPFI): Promise<string> {
  try {
    const web: { Url: string } = await webOf(sp).select('Url')();
    return web.Url;
  } catch (e) {
    throw await pnpError(e, readAction('openSite'));
  }
}

/** The titles of the site's lists the user can see. */
export async function readListTitles(sp: SPFI): Promise<string[]> {
  try {
    const lists: Array<{ Title: string }> = await listsOf(sp).select('Title')();
    return lists.map((l) => l.Title);
  } catch (e) {
    throw await pnpError(e, readAction('siteLists'));
  }
}
