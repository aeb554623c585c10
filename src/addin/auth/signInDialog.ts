/**
 * The task pane page in its sign-in mode: what runs inside the Office dialog that hosts without
 * nested app authentication use to sign in (Microsoft: "Authenticate and authorize with the
 * Office dialog API"). The pane opens its own page with `?phSignIn=<scopes>`; here MSAL's
 * redirect flow runs in the dialog — to Microsoft's sign-in and back to this same page — and
 * the tokens go back to the pane with `Office.context.ui.messageParent`.
 *
 * The scopes are kept in sessionStorage across the redirect, whose return address carries
 * MSAL's answer instead of the query.
 */
import type { AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';

/** The query parameter that puts the task pane page in sign-in mode, holding the scope sets. */
export const SIGN_IN_DIALOG_PARAM: string = 'phSignIn';
/** Where the scope sets wait while Microsoft's sign-in page is shown. */
export const PENDING_SIGN_IN_KEY: string = 'ProgrammeHighlights.SignInRequest';

/** A token the dialog sends back. */
export interface IDialogToken {
  scopes: string[];
  accessToken: string;
  /** Expiry, in milliseconds since 1970. */
  expiresOn: number;
}

/** The message the dialog sends the pane. */
export type ISignInReply = { ok: true; tokens: IDialogToken[] } | { ok: false; errorName?: string; message?: string };

function parseScopeSets(raw: string | null): string[][] | undefined {
  if (!raw) {
    return undefined;
  }
  try {
    const sets: unknown = JSON.parse(raw);
    const valid: boolean =
      Array.isArray(sets) && sets.length > 0 && sets.every((s) => Array.isArray(s) && s.length > 0 && s.every((x) => typeof x === 'string' && /^[\w:/.-]+$/.test(x)));
    return valid ? (sets as string[][]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The scope sets this page must sign in for, when it runs as the sign-in dialog: from the
 * query on its first load, from sessionStorage when MSAL's redirect brings it back. Undefined
 * when the page is the task pane.
 */
export function signInDialogRequest(location: { search: string; hash: string }, storage: Pick<Storage, 'getItem' | 'setItem'>): string[][] | undefined {
  const fromQuery: string | null = new URLSearchParams(location.search).get(SIGN_IN_DIALOG_PARAM);
  if (fromQuery !== null) {
    const sets: string[][] | undefined = parseScopeSets(fromQuery);
    if (sets) {
      storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(sets));
    }
    return sets;
  }
  // Back from Microsoft's sign-in: MSAL's answer is in the fragment (or the query).
  const answer: boolean = /(^|[#?&])(code|error)=/.test(location.hash) || /[?&](code|error)=/.test(location.search);
  return answer ? parseScopeSets(storage.getItem(PENDING_SIGN_IN_KEY)) : undefined;
}

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
