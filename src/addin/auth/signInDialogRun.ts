/**
 * The sign-in dialog's own work (the page opened by the pane's Sign in button, in Office's dialog):
 * MSAL's redirect, then the tokens back to the pane. A module of its own, loaded only when the
 * page is that dialog, so the task pane's first load does not carry it.
 */
import type { AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { PENDING_SIGN_IN_KEY, type IDialogToken, type ISignInReply } from './signInDialog';

/** What the dialog needs. */
export interface ISignInDialogOptions {
  scopeSets: string[][];
  clientId: string;
  authority: string;
  /** The task pane page's address (without query): where Microsoft's sign-in returns. */
  redirectUri: string;
  createApplication: (configuration: Configuration) => Promise<IPublicClientApplication>;
  /** Sends the reply to the pane: `Office.context.ui.messageParent`. */
  send: (message: string) => void;
  storage: Pick<Storage, 'removeItem'>;
}

/**
 * Runs the dialog's part: on the first load, starts MSAL's redirect (the page navigates away);
 * on the way back, asks for a token per scope set and sends them all to the pane.
 */
export async function runSignInDialog(options: ISignInDialogOptions): Promise<void> {
  const reply = (r: ISignInReply): void => options.send(JSON.stringify(r));
  try {
    const app: IPublicClientApplication = await options.createApplication({
      auth: { clientId: options.clientId, authority: options.authority, redirectUri: options.redirectUri },
      cache: { cacheLocation: 'localStorage' }
    });
    const result: AuthenticationResult | null = await app.handleRedirectPromise();
    const [first, ...others] = options.scopeSets;
    if (!result) {
      // Consent to every resource at once: the pane will ask for all of them.
      await app.acquireTokenRedirect({ scopes: first, extraScopesToConsent: ([] as string[]).concat(...others) });
      return;
    }
    options.storage.removeItem(PENDING_SIGN_IN_KEY);
    const tokens: IDialogToken[] = [{ scopes: first, accessToken: result.accessToken, expiresOn: result.expiresOn ? result.expiresOn.getTime() : Date.now() }];
    for (const scopes of others) {
      const more: AuthenticationResult = await app.acquireTokenSilent({ scopes, account: result.account || undefined });
      tokens.push({ scopes, accessToken: more.accessToken, expiresOn: more.expiresOn ? more.expiresOn.getTime() : Date.now() });
    }
    reply({ ok: true, tokens });
  } catch (e) {
    reply({ ok: false, errorName: e instanceof Error ? e.name : undefined, message: e instanceof Error ? e.message : String(e) });
  }
}
