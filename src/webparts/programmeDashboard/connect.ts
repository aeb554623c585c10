/**
 * The web part's way to its programme site over SharePoint REST: finds the site
 * ({@link resolveProgrammeSite}), checks it and gives a repository over its lists. The web part
 * passes SPFx's own PnPjs (`spfi(url).using(SPFx(context))`: same tenant, no extra consent); the
 * local workbench passes the local stack's.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/security/web';
import { PermissionKind } from '@pnp/sp/security';
import type { ISiteSetup } from './components/SiteSetup';
import { readListTitles, readTenantSetting } from '../../data/provisioning/site';
import { isPoisonedBatchPart, PnpRepository } from '../../data/sharepoint/PnpRepository';
import { isDataError } from '../../data/errors';
import type { IWorkstream } from '../../domain';
import type { ISessionHints } from '../../data/ProgrammeRepository';
import type { IProgrammeConnection } from './components/ProgrammeSiteGate';
import { checkProgrammeSite, missingProgrammeLists, normaliseSiteUrl, programmeWorkstreams, resolveProgrammeSite, type IResolvedProgrammeSite } from './programmeSite';

/** Where the web part runs and how to reach a site. */
export interface IConnectOptions {
  /** The web part instance's own programme site setting, if any. */
  webPartSetting?: string;
  /** The absolute URL of the site the web part runs in (a team's site for a Teams tab). */
  currentWebUrl: string;
  /** PnPjs configured for the site at an absolute URL, with the host's authentication. */
  spFor(siteUrl: string): SPFI;
}

/**
 * Finds and checks the programme site and gives a repository over it.
 * @throws ProgrammeSiteError when there is no usable programme site.
 */
export async function connectProgrammeSite(options: IConnectOptions): Promise<IProgrammeConnection> {
  const { site, currentTitles } = await locate(options);
  const sp: SPFI = options.spFor(site.url);
  if (site.source !== 'currentSite') {
    // The tenant's setting often names the site the web part is on, whose lists were just read.
    const same: boolean = currentTitles !== undefined && site.url.toLowerCase() === normaliseSiteUrl(options.currentWebUrl, options.currentWebUrl).toLowerCase();
    await checkProgrammeSite(site.url, { listTitles: () => (same ? (currentTitles as Promise<string[]>) : readListTitles(sp)) });
  }
  const repository: PnpRepository = new PnpRepository(sp, { hints: sessionHints(site.url) });
  return { siteUrl: site.url, source: site.source, repository, canSetUp: () => repository.canManageLists() };
}

/**
 * Which site is the programme site ({@link resolveProgrammeSite} over SharePoint), unchecked.
 * @throws ProgrammeSiteError notSet, invalidUrl or otherHost.
 */
export async function findProgrammeSite(options: IConnectOptions): Promise<IResolvedProgrammeSite> {
  return (await locate(options)).site;
}

/** The programme site, and the current site's list titles if they were read on the way. */
async function locate(options: IConnectOptions): Promise<{ site: IResolvedProgrammeSite; currentTitles?: Promise<string[]> }> {
  const current: SPFI = options.spFor(options.currentWebUrl);
  // Without the web part's own setting both look-ups are usually needed: they go to the current
  // site together, in one $batch, the first time either is asked for.
  let asked: { tenant: Promise<string | undefined>; titles: Promise<string[]> } | undefined;
  const ask = (): { tenant: Promise<string | undefined>; titles: Promise<string[]> } => {
    if (!asked) {
      const [batched, execute] = current.batched();
      const tenant: Promise<string | undefined> = unpoisoned(readTenantSetting(batched), () => readTenantSetting(current));
      const titles: Promise<string[]> = unpoisoned(readListTitles(batched), () => readListTitles(current));
      tenant.catch(() => undefined);
      titles.catch(() => undefined);
      execute().catch(() => undefined);
      asked = { tenant, titles };
    }
    return asked;
  };
  const site: IResolvedProgrammeSite = await resolveProgrammeSite({
    webPartSetting: options.webPartSetting,
    currentWebUrl: options.currentWebUrl,
    readTenantSetting: () => ask().tenant,
    currentSiteHasLists: async () => {
      try {
        return missingProgrammeLists(await ask().titles).length === 0;
      } catch {
        // A site whose lists cannot be read is not the programme site; the message says none is set.
        return false;
      }
    }
  });
  return { site, currentTitles: asked ? asked.titles : undefined };
}

/**
 * The browser session's hints for a programme site (sessionStorage, under the site's address):
 * gone when the tab closes; none where the browser keeps no session storage.
 */
export function sessionHints(siteUrl: string): ISessionHints | undefined {
  let storage: Storage | undefined;
  try {
    storage = typeof window !== 'undefined' && window.sessionStorage ? window.sessionStorage : undefined;
  } catch {
    // Storage refused (a locked-down browser): no hints, one more round trip.
    storage = undefined;
  }
  if (!storage) {
    return undefined;
  }
  const store: Storage = storage;
  const prefix: string = `programme-highlights:${siteUrl.toLowerCase()}:`;
  return {
    get: (key: string) => {
      try {
        const value: string | null = store.getItem(prefix + key);
        return value === null ? undefined : value;
      } catch {
        return undefined;
      }
    },
    set: (key: string, value: string) => {
      try {
        store.setItem(prefix + key, value);
      } catch {
        // Full or refused: the hint is only a saving.
      }
    }
  };
}

/** What a batched look-up answered, or what it answers alone if SharePoint did not run it (a poisoned batch). */
async function unpoisoned<T>(batched: Promise<T>, alone: () => Promise<T>): Promise<T> {
  try {
    return await batched;
  } catch (e) {
    if (isDataError(e) && isPoisonedBatchPart(e)) {
      return alone();
    }
    throw e;
  }
}

/**
 * The programme site's workstreams, for a tab's settings, after checking the site.
 * @throws ProgrammeSiteError when the site will not do.
 */
export async function workstreamsOf(siteUrl: string, spFor: (siteUrl: string) => SPFI): Promise<IWorkstream[]> {
  const sp: SPFI = spFor(siteUrl);
  return programmeWorkstreams(siteUrl, {
    listTitles: () => readListTitles(sp),
    workstreams: async () => (await new PnpRepository(sp).getProgrammeSummary()).workstreams
  });
}

/** The provisioning code, in a chunk of its own: most people never need it. */
function provisioning(): Promise<typeof import('../../data/provisioning/provision')> {
  return import(/* webpackChunkName: 'ph-provisioning' */ '../../data/provisioning/provision');
}

/**
 * "Set up this site" over SharePoint REST: whether the person has Manage Lists on the site, what
 * would change, and provisioning (src/data/provisioning, as `npm run provision`).
 */
export function siteSetupFor(spFor: (siteUrl: string) => SPFI): ISiteSetup {
  return {
    canSetUp: (siteUrl: string) => spFor(siteUrl).web.currentUserHasPermissions(PermissionKind.ManageLists),
    // Provisioning (and the schema it brings) loads only for those who manage the lists.
    changesNeeded: async (siteUrl: string) => (await (await provisioning()).checkSite(spFor(siteUrl))).steps.length,
    setUp: async (siteUrl: string, onProgress: (done: number, total: number) => void) => {
      const { provisionSite } = await provisioning();
      const summary = await provisionSite(spFor(siteUrl), siteUrl, { onProgress: (_message, done, total) => onProgress(done, total) });
      return summary.listsCreated.length + summary.fieldsAdded.length + summary.fieldsIndexed.length + summary.valuesCopied.length + summary.fieldsLinked.length + summary.titlesNamed.length;
    }
  };
}
