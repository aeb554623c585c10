/**
 * The web part's way to its programme site over SharePoint REST: finds the site
 * ({@link resolveProgrammeSite}), checks it and gives a repository over its lists. The web part
 * passes SPFx's own PnPjs (`spfi(url).using(SPFx(context))`: same tenant, no extra consent); the
 * local workbench passes the local stack's.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import type { ISiteSetup } from './components/SiteSetup';
import { readListTitles, readTenantSetting } from '../../data/provisioning/site';
import { isPoisonedBatchPart, PnpRepository, type SiteProof } from '../../data/sharepoint/PnpRepository';
import { canManageListsOn } from '../../data/sharepoint/restPaths';
import { isDataError } from '../../data/errors';
import type { IWorkstreamHeading } from '../../domain/model';
import type { ISessionHints } from '../../data/ProgrammeRepository';
import type { IProgrammeConnection } from './components/ProgrammeSiteGate';
import { forgetListsChecked, listsCheckedLately, saysListsLackSomething } from './listsChecked';
import { checkProgrammeSite, missingProgrammeLists, normaliseSiteUrl, programmeWorkstreams, ProgrammeSiteError, resolveProgrammeSite, type IResolvedProgrammeSite, type ProgrammeSiteSource } from './programmeSite';

/** Where the web part runs and how to reach a site. */
export interface IConnectOptions {
  /** The web part instance's own programme site setting, if any. */
  webPartSetting?: string;
  /** The absolute URL of the site the web part runs in (a team's site for a Teams tab). */
  currentWebUrl: string;
  /** PnPjs configured for the site at an absolute URL, with the host's authentication. */
  spFor(siteUrl: string): SPFI;
  /** Where the session remembers the site: the browser tab's sessionStorage when absent. */
  session?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Where the browser keeps its lasting hints (see {@link lastingHints}): its localStorage when absent. */
  lasting?: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Finds and checks the programme site and gives a repository over it.
 *
 * Where the browser session already knows the site for these settings (sessionStorage, under the
 * current site's address and the web part's setting), or — on the session's first load — where
 * the site can be guessed (the web part's setting; else the site the page is on), no round trip is
 * spent finding it: the repository's first $batch carries the check with the screen's own reads
 * (the site's list titles; the tenant setting, unless the web part names the site), and nothing read
 * in it is given out until the check has passed. If it does not pass (the site gone, a list
 * missing, the tenant setting now naming another site), `proven` rejects, the session forgets
 * the site, and the next connect finds it afresh as below — never showing another site's data.
 * @throws ProgrammeSiteError when there is no usable programme site.
 */
export async function connectProgrammeSite(options: IConnectOptions): Promise<IProgrammeConnection> {
  const memory: ISiteMemory = siteMemory(options);
  const known: IResolvedProgrammeSite | 'find' | undefined = memory.get();
  // No guess where the session cannot remember that it failed (no storage): found every time.
  const guess: IResolvedProgrammeSite | undefined = known === 'find' ? undefined : known || (memory.available ? firstGuess(options) : undefined);
  if (guess) {
    return provenWithFirstReads(guess, options, memory);
  }
  const { site, currentTitles } = await locate(options);
  const sp: SPFI = options.spFor(site.url);
  if (site.source !== 'currentSite') {
    // The tenant's setting often names the site the web part is on, whose lists were just read.
    const same: boolean = currentTitles !== undefined && site.url.toLowerCase() === normaliseSiteUrl(options.currentWebUrl, options.currentWebUrl).toLowerCase();
    await checkProgrammeSite(site.url, { listTitles: () => (same ? (currentTitles as Promise<string[]>) : readListTitles(sp)) });
  }
  memory.set(site);
  const doubts: IListsDoubts = listsDoubts(site.url, options.lasting);
  const repository: PnpRepository = new PnpRepository(sp, { hints: sessionHints(site.url), lastingHints: lastingHints(site.url, options.lasting), onReadRefused: doubts.heard });
  return { siteUrl: site.url, source: site.source, repository, ...setUpQuestions(repository, doubts) };
}

/**
 * The time the site's set-up check waits after the landing's last read before it starts
 * (PnpRepository.readsQuiet): a view asks its next read as soon as it has drawn the last.
 */
const LANDING_QUIET_MS: number = 1000;

/** What "Set up this site" asks of the connection: whether the person may, when the landing's reads are done, and doubts about the lists. */
function setUpQuestions(repository: PnpRepository, doubts: IListsDoubts): Pick<IProgrammeConnection, 'canSetUp' | 'landed' | 'onListsDoubted'> {
  return { canSetUp: () => repository.canManageLists(), landed: () => repository.readsQuiet(LANDING_QUIET_MS), onListsDoubted: doubts.listen };
}

/** Who hears that a read was refused for a list or column the site lacks. */
interface IListsDoubts {
  heard(error: unknown): void;
  listen(listener: () => void): () => void;
}

/**
 * Reads refused for a list or column the site lacks: the lasting hint that the lists were up to
 * date is dropped, and "Set up this site" (listening) checks them at once.
 */
function listsDoubts(siteUrl: string, lasting: Pick<Storage, 'getItem' | 'setItem'> | undefined): IListsDoubts {
  const listeners: Set<() => void> = new Set<() => void>();
  return {
    heard: (error: unknown) => {
      if (saysListsLackSomething(error)) {
        forgetListsChecked(lastingHints(siteUrl, lasting));
        listeners.forEach((listener) => listener());
      }
    },
    listen: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    }
  };
}

/**
 * Where the programme site most likely is before anything is read: the web part's own setting,
 * else the site the page is on (a programme site's own pages, the usual case). The check decides.
 */
function firstGuess(options: IConnectOptions): IResolvedProgrammeSite | undefined {
  const own: string = (options.webPartSetting || '').trim();
  try {
    return own !== '' ? { url: normaliseSiteUrl(own, options.currentWebUrl), source: 'webPart' } : { url: normaliseSiteUrl(options.currentWebUrl, options.currentWebUrl), source: 'currentSite' };
  } catch {
    // A setting that is not a site address: found (and refused, with its message) as ever.
    return undefined;
  }
}

/** A connection to a site remembered or guessed, whose check goes with the repository's first reads. */
function provenWithFirstReads(site: IResolvedProgrammeSite, options: IConnectOptions, memory: ISiteMemory): IProgrammeConnection {
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  const proven: Promise<void> = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  proven.catch(() => undefined);
  const proof: SiteProof = (batched: SPFI, executed: Promise<void>) => {
    const checking: Promise<void> = new Promise<void>((resolve, reject) => {
      siteCheck(batched, site, options.currentWebUrl).then(resolve, reject);
      // No site there to answer the $batch at all: its parts may never settle.
      executed.catch(() => reject(new ProgrammeSiteError('unreachable', site.url)));
    });
    checking.then(
      () => {
        memory.set(site);
        settle!.resolve();
      },
      (e: unknown) => {
        // Found afresh from now on in this session (not guessed again).
        memory.set('find');
        settle!.reject(e);
      }
    );
    return checking;
  };
  const doubts: IListsDoubts = listsDoubts(site.url, options.lasting);
  const repository: PnpRepository = new PnpRepository(options.spFor(site.url), { hints: sessionHints(site.url), lastingHints: lastingHints(site.url, options.lasting), proof, onReadRefused: doubts.heard });
  return { siteUrl: site.url, source: site.source, repository, ...setUpQuestions(repository, doubts), proven };
}

/**
 * The check of a remembered or guessed site, its requests put on the batch at once: every one of
 * the programme's lists is there for the user (as {@link checkProgrammeSite}); and, when the site
 * was not named by the web part, the tenant setting still leads to it (as
 * {@link resolveProgrammeSite} would decide).
 * @throws ProgrammeSiteError when the site will not do.
 */
async function siteCheck(batched: SPFI, site: IResolvedProgrammeSite, currentWebUrl: string): Promise<void> {
  const titles: Promise<string[]> = readListTitles(batched);
  titles.catch(() => undefined);
  // The tenant setting is a tenant property, read from any site (README, Deploy to a tenant).
  const tenant: Promise<string | undefined> | undefined = site.source !== 'webPart' ? readTenantSetting(batched) : undefined;
  if (tenant) {
    tenant.catch(() => undefined);
  }
  await checkProgrammeSite(site.url, { listTitles: () => titles });
  if (tenant) {
    const named: string | undefined = await tenant;
    let url: string | undefined;
    try {
      url = named === undefined ? undefined : normaliseSiteUrl(named, currentWebUrl).toLowerCase();
    } catch {
      url = 'invalid';
    }
    // Found through the setting: it must still name this site. The page's own site: the setting
    // must name no other (else that one is the programme site).
    const same: boolean = url === site.url.toLowerCase();
    if (site.source === 'tenant' ? !same : url !== undefined && !same) {
      throw new ProgrammeSiteError('notSet', site.url);
    }
  }
}

/** What the browser session remembers of where the programme site is for one page's settings. */
interface ISiteMemory {
  /** Whether the session keeps anything. */
  available: boolean;
  /** The site last found or proven; 'find' when the last guess failed (find it afresh). */
  get(): IResolvedProgrammeSite | 'find' | undefined;
  set(site: IResolvedProgrammeSite | 'find'): void;
}

const SOURCES: ReadonlyArray<ProgrammeSiteSource> = ['webPart', 'tenant', 'currentSite'];

/** The session's memory of the site, under the current site's address and the web part's setting. */
function siteMemory(options: IConnectOptions): ISiteMemory {
  const store: Pick<Storage, 'getItem' | 'setItem'> | undefined = options.session || sessionStore();
  const key: string = `programme-highlights:site:${options.currentWebUrl.toLowerCase()}|${(options.webPartSetting || '').trim()}`;
  return {
    available: !!store,
    get: () => {
      try {
        const value: string | null = store ? store.getItem(key) : null;
        if (value === 'find') {
          return 'find';
        }
        const site: Partial<IResolvedProgrammeSite> = value ? JSON.parse(value) : {};
        return typeof site.url === 'string' && SOURCES.indexOf(site.source as ProgrammeSiteSource) >= 0 ? (site as IResolvedProgrammeSite) : undefined;
      } catch {
        return undefined;
      }
    },
    set: (site: IResolvedProgrammeSite | 'find') => {
      try {
        if (store) {
          store.setItem(key, site === 'find' ? site : JSON.stringify({ url: site.url, source: site.source }));
        }
      } catch {
        // Full or refused: the site is found afresh next time.
      }
    }
  };
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
  return hintsIn(sessionStore(), siteUrl);
}

/**
 * The browser's lasting hints for a programme site (localStorage, under the site's address): kept
 * until the browser's site data is cleared, so they hold ids only — where a Teams tab last landed
 * (ProgrammeRepository) — or when the lists were last found up to date (listsChecked.ts), never
 * data; none where the browser keeps no local storage.
 */
export function lastingHints(siteUrl: string, storage?: Pick<Storage, 'getItem' | 'setItem'>): ISessionHints | undefined {
  return hintsIn(storage || localStore(), siteUrl);
}

/** Hints in a browser store, under the programme site's address. */
function hintsIn(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, siteUrl: string): ISessionHints | undefined {
  if (!storage) {
    return undefined;
  }
  const store: Pick<Storage, 'getItem' | 'setItem'> = storage;
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

/** The browser's localStorage; undefined where there is none or it is refused (a locked-down browser). */
function localStore(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** The browser tab's sessionStorage; undefined where there is none or it is refused (a locked-down browser). */
function sessionStore(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.sessionStorage ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
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
export async function workstreamsOf(siteUrl: string, spFor: (siteUrl: string) => SPFI): Promise<IWorkstreamHeading[]> {
  const sp: SPFI = spFor(siteUrl);
  return programmeWorkstreams(siteUrl, {
    listTitles: () => readListTitles(sp),
    workstreams: async () => (await new PnpRepository(sp).getProgrammeSummary()).workstreams
  });
}

/** The provisioning code, in a chunk of its own with its messages' words: most people never need it. */
async function provisioning(): Promise<typeof import('./provisioningPart')> {
  const part = await import(/* webpackChunkName: 'ph-provisioning' */ './provisioningPart');
  part.installSiteFileWords();
  return part;
}

/**
 * "Set up this site" over SharePoint REST: whether the person has Manage Lists on the site, what
 * would change, and provisioning (src/data/provisioning, as `npm run provision`); whether this
 * browser found the lists up to date lately is kept in `lasting` (localStorage when absent).
 */
export function siteSetupFor(spFor: (siteUrl: string) => SPFI, lasting?: Pick<Storage, 'getItem' | 'setItem'>): ISiteSetup {
  return {
    canSetUp: (siteUrl: string) => canManageListsOn(spFor(siteUrl)),
    checkedLately: (siteUrl: string) => listsCheckedLately(lastingHints(siteUrl, lasting)),
    // Provisioning (and the schema it brings) loads only for those who manage the lists. Lists
    // found up to date are remembered by this browser (listsChecked.ts), with the schema's
    // fingerprint as the check computes it.
    changesNeeded: async (siteUrl: string) => (await provisioning()).changesNoted(spFor(siteUrl), lastingHints(siteUrl, lasting)),
    setUp: async (siteUrl: string, onProgress: (done: number, total: number) => void) => {
      // Checked again on the next landing, whatever happens here.
      forgetListsChecked(lastingHints(siteUrl, lasting));
      const { provisionSite } = await provisioning();
      const summary = await provisionSite(spFor(siteUrl), siteUrl, { onProgress: (_message, done, total) => onProgress(done, total) });
      return summary.listsCreated.length + summary.fieldsAdded.length + summary.fieldsIndexed.length + summary.valuesCopied.length + summary.fieldsLinked.length + summary.titlesNamed.length;
    }
  };
}
