/**
 * The task pane's way to the programme's data: the Graph repository, over the local stack (no
 * sign-in) or over Microsoft Graph and the tenant's SharePoint with tokens from MSAL.
 */
import { graphRepository } from '../../data/graph/connect';
import type { IProgrammeRepository } from '../../data/repository';
import { GRAPH_SCOPES, sharePointScopes, type ITokenSource } from '../auth/tokens';
import { localSiteUrl, type ISiteAddress } from './site';

/** How the pane reaches a site, and signs in to it when it must. */
export interface ISiteAccess {
  /** The local stack's site, fixed by the page's origin; undefined when the officer names a site. */
  fixedSiteUrl?: string;
  /** A repository over the site. */
  connect(site: ISiteAddress): IProgrammeRepository;
  /** Asks the officer to sign in (call from a click); absent where nobody signs in. */
  signIn?(site: ISiteAddress): Promise<void>;
}

/**
 * The local stack on the page's own origin. graph-client sends no Authorization header to a host
 * that is neither Microsoft Graph nor one of its custom hosts, so the stack's default user acts.
 */
export function localSiteAccess(origin: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ISiteAccess {
  const siteUrl: string = localSiteUrl(origin);
  return {
    fixedSiteUrl: siteUrl,
    connect: (): IProgrammeRepository => graphRepository({ graphOrigin: origin, siteUrl, graphToken: async () => '', fetch: fetchImpl })
  };
}

/** A tenant's SharePoint site through Microsoft Graph, with tokens from the given source. */
export function tenantSiteAccess(tokens: ITokenSource, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ISiteAccess {
  return {
    // Each request asks its token first, before anything is sent (the Graph pipeline's token
    // step), so the token source's own "signed out" or "not set up for signing in" reaches the
    // pane as it is.
    connect: (site: ISiteAddress): IProgrammeRepository =>
      graphRepository({
        siteUrl: site.siteUrl,
        graphToken: () => tokens.getToken(GRAPH_SCOPES),
        sharePointToken: () => tokens.getToken(sharePointScopes(site.origin)),
        fetch: fetchImpl
      }),
    signIn: (site: ISiteAddress): Promise<void> => tokens.signIn(GRAPH_SCOPES, [sharePointScopes(site.origin)])
  };
}
