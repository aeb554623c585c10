/**
 * Which site is the programme site, and whether it will do: the web part's own setting, else the
 * tenant-wide setting, else the site the web part runs in when that holds the programme's lists.
 * A Teams tab runs in its team's site and a personal app outside any programme site, so without
 * this the product would read whatever site it happens to be in. Pure logic over injected
 * look-ups, so the web part, the workbench and the tests share it.
 */
import { isDataError } from '../../data/errors';
import type { IWorkstreamHeading } from '../../domain/model';
import { LIST_TITLES } from '../../data/repository';

/** Where the programme site's address came from. */
export type ProgrammeSiteSource = 'webPart' | 'tenant' | 'currentSite';

/** Why a site cannot serve as the programme site. */
export type ProgrammeSiteProblem =
  /** No setting names one and the current site does not hold the programme's lists. */
  | 'notSet'
  /** The address is not a site address. */
  | 'invalidUrl'
  /** The address is on another host, which SPFx's own sign-in does not reach. */
  | 'otherHost'
  /** There is no site at the address. */
  | 'siteNotFound'
  /** The site is there but has not got the programme's lists (or not all of them). */
  | 'listsMissing'
  /** The user may not read the site or its lists. */
  | 'forbidden'
  /** The site could not be reached or answered with an error. */
  | 'unreachable';

/** A problem with the site, and the address it concerns (when there is one). */
export class ProgrammeSiteError extends Error {
  public readonly problem: ProgrammeSiteProblem;
  public readonly siteUrl?: string;

  constructor(problem: ProgrammeSiteProblem, siteUrl?: string) {
    super(`Programme site ${siteUrl || '(none)'}: ${problem}`);
    this.name = 'ProgrammeSiteError';
    this.problem = problem;
    this.siteUrl = siteUrl;
    Object.setPrototypeOf(this, ProgrammeSiteError.prototype);
  }
}

/** True when the value is a {@link ProgrammeSiteError}. */
export function isProgrammeSiteError(e: unknown): e is ProgrammeSiteError {
  return e instanceof ProgrammeSiteError;
}

/** Path segments that start a page or list address inside a site: what people paste by mistake. */
const INSIDE_A_SITE: RegExp = /\/(SitePages|Lists|Shared%20Documents|Shared Documents|Forms|_layouts|_api|Pages)(\/|$).*/i;

/**
 * A site address as the product uses it: absolute, no query or fragment, no trailing slash, and
 * cut at a page or list inside the site ("…/sites/improvement/SitePages/Home.aspx" gives the site).
 * A server-relative address ("/sites/improvement") is taken on the current site's host.
 * @param input - what the person typed or the setting holds.
 * @param currentWebUrl - the absolute URL of the site the web part runs in.
 * @throws ProgrammeSiteError invalidUrl or otherHost.
 */
export function normaliseSiteUrl(input: string, currentWebUrl: string): string {
  const text: string = (input || '').trim();
  if (text === '' || /\s/.test(text)) {
    throw new ProgrammeSiteError('invalidUrl', text);
  }
  const current: URL = new URL(currentWebUrl);
  let url: URL;
  try {
    url = text.charAt(0) === '/' ? new URL(text, current.origin) : new URL(text);
  } catch {
    throw new ProgrammeSiteError('invalidUrl', text);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProgrammeSiteError('invalidUrl', text);
  }
  if (url.host.toLowerCase() !== current.host.toLowerCase() || url.protocol !== current.protocol) {
    throw new ProgrammeSiteError('otherHost', text);
  }
  const path: string = url.pathname.replace(INSIDE_A_SITE, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** What {@link resolveProgrammeSite} needs to know about where the web part runs. */
export interface IProgrammeSiteSettings {
  /** The web part instance's own setting (a Teams tab's, a page's), if any. */
  webPartSetting?: string;
  /** The absolute URL of the site the web part runs in. */
  currentWebUrl: string;
  /** Reads the tenant-wide setting; undefined when the admin has not set one. */
  readTenantSetting(): Promise<string | undefined>;
  /** Whether the current site holds the programme's lists. */
  currentSiteHasLists(): Promise<boolean>;
}

/** The programme site chosen, and why. */
export interface IResolvedProgrammeSite {
  url: string;
  source: ProgrammeSiteSource;
}

/**
 * The programme site: the web part's setting, else the tenant's, else the current site when it
 * holds the programme's lists. Asks only as much as it needs (a set web part setting costs no
 * request). An address that is not a usable site address is refused, not passed over: a
 * mistyped setting must be seen and put right, not silently replaced by another site.
 * @throws ProgrammeSiteError notSet, invalidUrl or otherHost; the look-ups' own errors otherwise.
 */
export async function resolveProgrammeSite(settings: IProgrammeSiteSettings): Promise<IResolvedProgrammeSite> {
  const own: string = (settings.webPartSetting || '').trim();
  if (own !== '') {
    return { url: normaliseSiteUrl(own, settings.currentWebUrl), source: 'webPart' };
  }
  const tenant: string | undefined = await settings.readTenantSetting();
  if (tenant && tenant.trim() !== '') {
    return { url: normaliseSiteUrl(tenant, settings.currentWebUrl), source: 'tenant' };
  }
  if (await settings.currentSiteHasLists()) {
    return { url: normaliseSiteUrl(settings.currentWebUrl, settings.currentWebUrl), source: 'currentSite' };
  }
  // The current site goes with the problem: a programme office on its own site can set it up there.
  throw new ProgrammeSiteError('notSet', normaliseSiteUrl(settings.currentWebUrl, settings.currentWebUrl));
}

/** What {@link checkProgrammeSite} asks of a site. */
export interface IProgrammeSiteProbe {
  /** The titles of the site's lists the user can see; a DataError notFound when there is no site there. */
  listTitles(siteUrl: string): Promise<string[]>;
}

/** What {@link programmeWorkstreams} asks of a site: the lists, then the programme's workstreams. */
export interface IProgrammeWorkstreamsProbe extends IProgrammeSiteProbe {
  /** Reads the programme's workstreams from the site's lists; DataErrors as the repository throws them. */
  workstreams(siteUrl: string): Promise<IWorkstreamHeading[]>;
}

/** The programme lists missing from a set of list titles (or that the user cannot see). */
export function missingProgrammeLists(titles: readonly string[]): string[] {
  const present: Set<string> = new Set(titles.map((t) => t.toLowerCase()));
  return Object.values(LIST_TITLES).filter((t) => !present.has(t.toLowerCase()));
}

function problemFrom(e: unknown, listsStage: boolean): ProgrammeSiteProblem {
  if (isDataError(e, 'notFound')) {
    return listsStage ? 'listsMissing' : 'siteNotFound';
  }
  if (isDataError(e, 'forbidden') || isDataError(e, 'unauthenticated')) {
    return 'forbidden';
  }
  return 'unreachable';
}

/**
 * Checks that a site will serve as the programme site: it exists and the user can see every one
 * of the programme's lists (SharePoint lists only the lists a person may read). One request.
 * @throws ProgrammeSiteError siteNotFound, listsMissing, forbidden or unreachable.
 */
export async function checkProgrammeSite(siteUrl: string, probe: IProgrammeSiteProbe): Promise<void> {
  let titles: string[];
  try {
    titles = await probe.listTitles(siteUrl);
  } catch (e) {
    throw new ProgrammeSiteError(problemFrom(e, false), siteUrl);
  }
  if (missingProgrammeLists(titles).length > 0) {
    throw new ProgrammeSiteError('listsMissing', siteUrl);
  }
}

/**
 * Checks a site as {@link checkProgrammeSite} does, then reads its workstreams: what a Teams
 * tab's settings offer once the person has named the programme site.
 * @throws ProgrammeSiteError for every failure, with the problem in the product's terms.
 */
export async function programmeWorkstreams(siteUrl: string, probe: IProgrammeWorkstreamsProbe): Promise<IWorkstreamHeading[]> {
  await checkProgrammeSite(siteUrl, probe);
  try {
    return await probe.workstreams(siteUrl);
  } catch (e) {
    throw new ProgrammeSiteError(problemFrom(e, true), siteUrl);
  }
}

/** The messages for each problem ({0} is the site's address). */
export type ProgrammeSiteMessages = { readonly [problem in ProgrammeSiteProblem]: string };

/** The message for a problem with the programme site, in the person's words. */
export function programmeSiteMessage(error: ProgrammeSiteError, messages: ProgrammeSiteMessages): string {
  return messages[error.problem].replace(/\{0\}/g, error.siteUrl || '');
}
