/**
 * Access tokens for Microsoft Graph and the tenant's SharePoint. The task pane asks for them
 * silently; when that fails it says the officer is signed out and offers a Sign in button, whose
 * click may open the host's prompt or a pop-up.
 */

/** Microsoft Graph, read-only: the lists of the programme's site. */
export const GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/Sites.Read.All'];

/** SharePoint REST on the tenant that holds the site, read-only. */
export function sharePointScopes(siteOrigin: string): string[] {
  return [`${siteOrigin.replace(/\/+$/, '')}/AllSites.Read`];
}

/** Where tokens come from. */
export interface ITokenSource {
  /**
   * A token for the scopes without asking the officer anything.
   * @throws DataError `unauthenticated` when the officer has to sign in first.
   */
  getToken(scopes: readonly string[]): Promise<string>;
  /**
   * Asks the officer to sign in and consent to the scopes, and to `alsoFor` (other resources the
   * pane will ask tokens for). Call it from a click: it may open a window.
   */
  signIn(scopes: readonly string[], alsoFor?: ReadonlyArray<readonly string[]>): Promise<void>;
}

/** Thrown when this copy of the add-in was built without an app registration. */
export class SignInNotConfiguredError extends Error {
  constructor() {
    super('The add-in was built without ADDIN_CLIENT_ID: it cannot sign in.');
    this.name = 'SignInNotConfiguredError';
    Object.setPrototypeOf(this, SignInNotConfiguredError.prototype);
  }
}
