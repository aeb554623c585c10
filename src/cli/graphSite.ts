/**
 * Connects the command line to a site through Microsoft Graph: the local stack (whose
 * self-signed certificate it fetches over plain HTTP and trusts for this process) or a tenant's
 * SharePoint (with an access token the caller provides).
 */
import * as tls from 'tls';
import { graphRepository } from '../data/graph/connect';
import type { GraphRepository } from '../data/graph/GraphRepository';
import type { OptionSpec, OptionValues } from './args';

/** Where and as whom to connect. */
export interface ISiteConnection {
  /** "http://localhost:4321/sites/improvement" or "https://contoso.sharepoint.com/sites/iib". */
  siteUrl: string;
  /** Local stack: the login to act as. Tenant: ignored. */
  login?: string;
  /** Tenant: a Microsoft Graph access token (and one for SharePoint, for rights). */
  graphToken?: string;
  sharePointToken?: string;
}

/** The options of every command that works on a site (export, import, report): where, as whom, with what token. */
export const SITE_OPTIONS = {
  site: { type: 'string' },
  as: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean' }
} as const satisfies OptionSpec;

/** Those options' lines of a command's usage, after the command's own (its --site line is its own: what the site is for). */
export const SITE_USAGE: string = `  --as       local stack only: the login to act as
  --token    a tenant's Microsoft Graph access token (or set GRAPH_TOKEN)
  --help     show this`;

/** The connection a command's options name (the token from GRAPH_TOKEN when --token is not given). */
export function siteConnection(args: OptionValues<typeof SITE_OPTIONS>): ISiteConnection {
  return { siteUrl: args.site || '', login: args.as, graphToken: args.token || process.env.GRAPH_TOKEN };
}

function isLocal(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1';
}

/** A Graph repository for a site, ready to use. */
export async function connectToSite(connection: ISiteConnection): Promise<GraphRepository> {
  let site: URL;
  try {
    site = new URL(connection.siteUrl);
  } catch {
    throw new Error(`"${connection.siteUrl}" is not a site URL; give one like http://localhost:4321/sites/improvement.`);
  }
  const m: RegExpExecArray | null = /^(\/(?:sites|teams)\/[^/]+)\/?$/i.exec(site.pathname);
  if (!m) {
    throw new Error(`"${connection.siteUrl}" is not a site URL: its path should be /sites/<name>.`);
  }
  const sitePath: string = m[1];
  if (isLocal(site)) {
    // The local stack speaks Graph over HTTPS with a certificate of its own; graph-client only
    // authenticates and pages https URLs. Trust that certificate for this process only.
    const origin: string = `http://${site.host}`;
    let cert: string;
    try {
      const res: Response = await fetch(`${origin}/_emulator/certificate`);
      if (!res.ok) {
        throw new Error(`status ${res.status}`);
      }
      cert = await res.text();
    } catch (e) {
      throw new Error(`Could not reach the local stack at ${origin} (${(e as Error).message}). Start it with "npm start".`);
    }
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert]);
    const login: string | undefined = connection.login;
    // Without a login the request carries no Authorization and the stack's default user acts:
    // graph-client only asks for a token for Graph hosts and the custom hosts it is given.
    return graphRepository({
      graphOrigin: `https://${site.host}`,
      customHosts: login ? [site.hostname] : undefined,
      siteUrl: `${origin}${sitePath}`,
      graphToken: async () => login || '',
      sharePointToken: async () => login
    });
  }
  if (!connection.graphToken) {
    throw new Error('A tenant site needs a Microsoft Graph access token: pass --token or set GRAPH_TOKEN.');
  }
  const token: string = connection.graphToken;
  return graphRepository({
    siteUrl: `${site.origin}${sitePath}`,
    graphToken: async () => token,
    sharePointToken: async () => connection.sharePointToken || token
  });
}
