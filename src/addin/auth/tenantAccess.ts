/**
 * The task pane's way to a tenant's site: MSAL's tokens (nested app authentication where the host
 * has it, else the Office dialog) and the Graph repository with them. A module of its own, loaded
 * only off the local stack and fetched while office.js loads, so the first load on the local stack
 * does not carry MSAL's token code.
 */
import { hostSupportsNestedAppAuth, MsalTokenSource } from './msalTokens';
import { tenantSiteAccess, type ISiteAccess } from '../data/connect';
import type { IAddinSettings } from '../settings';

/** A tenant's SharePoint through Microsoft Graph, signing in with the add-in's registration. */
export function tenantAccess(settings: IAddinSettings, redirectUri: string): ISiteAccess {
  return tenantSiteAccess(
    new MsalTokenSource({
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri,
      nestedAppAuth: hostSupportsNestedAppAuth()
    })
  );
}
