/**
 * One way to build the Graph repository, whoever signs in and wherever the site is: the task pane
 * (local stack or tenant, tokens from MSAL), the command line (local stack as a login, or a tenant
 * with tokens given) and the bench. graph-client and the SharePoint REST calls beside it (rights)
 * get their tokens here, so the rules for which request carries which token live once.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { GraphRepository } from './GraphRepository';

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
  /** The Graph access token ('' for none). Asked before every request. */
  graphToken(): Promise<string>;
  /** The SharePoint access token for the REST calls (rights); none sent when it gives undefined. */
  sharePointToken?(): Promise<string | undefined>;
  fetch?: typeof fetch;
}

/** The Graph repository over a site. */
export function graphRepository(connection: IGraphConnection): GraphRepository {
  const site: URL = new URL(connection.siteUrl);
  const siteUrl: string = connection.siteUrl.replace(/\/$/, '');
  const send: typeof fetch = connection.fetch || ((input, init) => fetch(input, init));
  // Only what is set: graph-client takes an explicit undefined baseUrl over its default.
  const client: Client = Client.init({
    ...(connection.graphOrigin ? { baseUrl: connection.graphOrigin } : {}),
    ...(connection.customHosts ? { customHosts: new Set<string>(connection.customHosts) } : {}),
    authProvider: (done) => {
      connection.graphToken().then(
        (token: string) => done(null, token),
        (e: unknown) => done(e, null)
      );
    }
  });
  return new GraphRepository({
    client,
    hostname: site.hostname,
    sitePath: site.pathname.replace(/\/$/, ''),
    sharePointFetch: async (apiPath: string): Promise<Response> => {
      const token: string | undefined = connection.sharePointToken ? await connection.sharePointToken() : undefined;
      return send(`${siteUrl}/_api/${apiPath}`, { headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
    }
  });
}
