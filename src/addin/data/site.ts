/**
 * Where the programme's data lives: the local stack the page was served from, or a SharePoint
 * site the officer names once (then kept in the document's settings).
 */

/** The server-relative path of the local stack's site. */
export const LOCAL_SITE_PATH: string = '/sites/improvement';

/** Why a site address was refused, for the officer's words. */
export type SiteUrlProblem = 'empty' | 'notUrl' | 'notHttps' | 'notSite';

/** A site address, checked and taken apart. */
export interface ISiteAddress {
  /** The address as it will be stored: origin and site path, no trailing slash. */
  siteUrl: string;
  origin: string;
  hostname: string;
  /** "/sites/improvement" */
  sitePath: string;
}

/** The result of checking a site address. */
export type SiteUrlCheck = { ok: true; site: ISiteAddress } | { ok: false; problem: SiteUrlProblem };

/** True for the local stack's own origins (http or https on localhost, any port). */
export function isLocalOrigin(origin: string): boolean {
  try {
    const url: URL = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

/** The local stack's site on the page's own origin. */
export function localSiteUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}${LOCAL_SITE_PATH}`;
}

/**
 * Checks an address an officer typed or pasted: https (http only for the local stack), a site
 * path `/sites/<name>` or `/teams/<name>`; anything after the site (a page, a list) is dropped.
 */
export function checkSiteUrl(text: string): SiteUrlCheck {
  const trimmed: string = (text || '').trim();
  if (trimmed === '') {
    return { ok: false, problem: 'empty' };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'notUrl' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalOrigin(url.origin))) {
    return { ok: false, problem: url.protocol === 'http:' ? 'notHttps' : 'notUrl' };
  }
  const m: RegExpExecArray | null = /^\/(sites|teams)\/([^/]+)(?:\/|$)/i.exec(url.pathname);
  if (!m || url.username || url.password) {
    return { ok: false, problem: 'notSite' };
  }
  const sitePath: string = `/${m[1].toLowerCase()}/${m[2]}`;
  return { ok: true, site: { siteUrl: `${url.origin}${sitePath}`, origin: url.origin, hostname: url.hostname, sitePath } };
}
