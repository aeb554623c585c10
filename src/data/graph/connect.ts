/**
 * One way to build the Graph repository, whoever signs in and wherever the site is: the task pane
 * (local stack or tenant, tokens from MSAL), the command line (local stack as a login, or a tenant
 * with tokens given) and the bench. graph-client and the SharePoint REST calls beside it (rights)
 * get their tokens here, so the rules for which request carries which token live once.
 */
import { GraphRepository, GraphTransport, type IGraphRepositoryOptions } from './GraphRepository';
import { graphClients } from './pipeline';

/** Where the site is and how requests to it are authenticated. */
export interface IGraphConnection {
  /** Graph's origin: Microsoft Graph when absent, the local stack's origin otherwise. */
  graphOrigin?: string;
  /**
   * Hosts besides Microsoft Graph to which graph-client sends the token. graph-client sends no
   * Authorization header to any other host, which the local stack takes as its default user.
   */
  customHosts?: string[];
  /** The site's absolute URL: "https://contoso.sharepoint.com/sites/iib". */
  siteUrl: string;
  /** The Graph access token ('' for none). Asked before every request to Graph, before anything is sent. */
  graphToken(): Promise<string>;
  /** The SharePoint access token for the REST calls (rights), asked before each; none sent when it gives undefined. */
  sharePointToken?(): Promise<string | undefined>;
  fetch?: typeof fetch;
}

/** graph-client and the SharePoint REST client beside it over a site, through the one pipeline (pipeline.ts). */
function graphOptions(connection: IGraphConnection): IGraphRepositoryOptions {
  const site: URL = new URL(connection.siteUrl);
  const { graph, sharePoint } = graphClients({
    graphOrigin: connection.graphOrigin,
    customHosts: connection.customHosts,
    siteUrl: connection.siteUrl.replace(/\/$/, ''),
    graphToken: () => connection.graphToken(),
    sharePointToken: connection.sharePointToken ? () => (connection.sharePointToken as () => Promise<string | undefined>)() : undefined,
    fetch: connection.fetch || ((input, init) => fetch(input, init))
  });
  return { client: graph, sharePoint, hostname: site.hostname, sitePath: site.pathname.replace(/\/$/, '') };
}

/** The Graph repository over a site: both its clients over the one pipeline (pipeline.ts). */
export function graphRepository(connection: IGraphConnection): GraphRepository {
  return new GraphRepository(graphOptions(connection));
}

/** The Graph transport alone over a site (its rows, below the repository), built the same way. */
export function graphTransport(connection: IGraphConnection): GraphTransport {
  return new GraphTransport(graphOptions(connection));
}
