/**
 * Tokens through MSAL, per Microsoft's guidance for Office add-ins ("Enable single sign-on in an
 * Office Add-in with nested app authentication"):
 *
 * - Where the host supports nested app authentication (requirement set NestedAppAuth 1.1), a
 *   nestable client signs the officer in with the account already in Word; silent first, and an
 *   interactive request (the host's own prompt) when the silent one is refused — consent, an
 *   expired session. Its redirect URI is the task pane page: Word on the web signs in with a
 *   standard browser flow that returns there (else AADSTS50011).
 * - Elsewhere, sign-in runs in an Office dialog (`Office.context.ui.displayDialogAsync`), never a
 *   pop-up: desktop webviews break pop-ups (office-js #4748; MSAL.js #3484, #5670). The dialog
 *   opens the task pane page in its sign-in mode (signInDialog.ts), which runs MSAL's redirect
 *   flow and sends the tokens back with `messageParent`.
 *
 * MSAL is imported on first use only: the local stack needs no sign-in and never loads it.
 */
import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { DataError } from '../../data/errors';
import { SignInNotConfiguredError, type ITokenSource } from './tokens';
import { SIGN_IN_DIALOG_PARAM, type ISignInReply } from './signInDialog';

/** The part of `@azure/msal-browser` used here (a seam for tests). */
export interface IMsalModule {
  createNestablePublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
  createStandardPublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
}

/** The part of the Office dialog API used here (a seam for tests): `Office.context.ui.displayDialogAsync`. */
export type DialogOpener = (url: string) => Promise<string>;

/** How to sign in. */
export interface IMsalTokenOptions {
  /** The app registration's client id; '' when none was configured. */
  clientId: string;
  authority: string;
  /** The task pane page's address: the redirect URI for Word on the web and for the sign-in dialog. */
  redirectUri: string;
  /** Whether the host supports nested app authentication (requirement set NestedAppAuth 1.1). */
  nestedAppAuth: boolean;
  /** Loads MSAL; defaults to a dynamic import. */
  loadMsal?: () => Promise<IMsalModule>;
  /** Opens the sign-in dialog and resolves with the message it sends back; defaults to {@link officeDialog}. */
  openDialog?: DialogOpener;
  /** Now, in milliseconds (a seam for tests of expiry). */
  now?: () => number;
}

/** Whether the Office host offers nested app authentication. Guards every part of `Office` being absent. */
export function hostSupportsNestedAppAuth(): boolean {
  try {
    const office: typeof Office | undefined = typeof Office === 'undefined' ? undefined : Office;
    const requirements: Office.RequirementSetSupport | undefined = office && office.context ? office.context.requirements : undefined;
    return !!requirements && requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}

/** A failure of the Office dialog itself (blocked, already open, closed by the officer). */
export class SignInDialogError extends Error {
  /** The Office dialog error code (12006 closed by the officer, 12007 another dialog open, 12009 ignored). */
  public readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'SignInDialogError';
    this.code = code;
    Object.setPrototypeOf(this, SignInDialogError.prototype);
  }
}

/**
 * Opens a page in an Office dialog and resolves with the first message it sends with
 * `messageParent`; rejects if the dialog cannot open or the officer closes it first.
 */
export const officeDialog: DialogOpener = (url: string): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    // Office's own "allow this window?" prompt (promptBeforeOpen, on by default) gets past the
    // browser's pop-up blocker on the web, where the click that asked for it is gone by now.
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened: Office.AsyncResult<Office.Dialog>) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new SignInDialogError(opened.error ? opened.error.code : 0, opened.error ? opened.error.message : 'The sign-in dialog did not open.'));
        return;
      }
      const dialog: Office.Dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg: { message: string; origin: string | undefined } | { error: number }) => {
        dialog.close();
        if ('message' in arg) {
          resolve(arg.message);
        } else {
          reject(new SignInDialogError(arg.error, 'The sign-in dialog failed.'));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg: { message: string; origin: string | undefined } | { error: number }) => {
        // 12006: the officer closed the dialog; 12002/12003: the page could not load.
        reject(new SignInDialogError('error' in arg ? arg.error : 0, 'Signing in did not finish: the sign-in window was closed.'));
      });
    });
  });

interface ICachedToken {
  scopes: string[];
  accessToken: string;
  expiresOn: number;
}

/** Tokens kept this long before their expiry are not used: a request could outlive them. */
const EXPIRY_MARGIN_MS: number = 5 * 60 * 1000;

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.indexOf(s) >= 0);
}

/** The MSAL token source. */
export class MsalTokenSource implements ITokenSource {
  private readonly _options: IMsalTokenOptions;
  private _application?: Promise<IPublicClientApplication>;
  /** Tokens the sign-in dialog sent back: the dialog's MSAL cache may not be the pane's. */
  private _fromDialog: ICachedToken[] = [];

  constructor(options: IMsalTokenOptions) {
    this._options = options;
  }

  /** How this source signs in: the host's nested app authentication, or the Office dialog. */
  public get method(): 'nestedAppAuth' | 'officeDialog' {
    return this._options.nestedAppAuth ? 'nestedAppAuth' : 'officeDialog';
  }

  public async getToken(scopes: readonly string[]): Promise<string> {
    if (!this._options.clientId) {
      throw new SignInNotConfiguredError();
    }
    const now: number = (this._options.now || Date.now)();
    const cached: ICachedToken | undefined = this._fromDialog.filter((t) => sameScopes(t.scopes, scopes) && t.expiresOn - EXPIRY_MARGIN_MS > now)[0];
    if (cached) {
      return cached.accessToken;
    }
    const app: IPublicClientApplication = await this._app();
    const account: AccountInfo | undefined = app.getActiveAccount() || app.getAllAccounts()[0];
    try {
      const result: AuthenticationResult = await app.acquireTokenSilent({ scopes: scopes.slice(), account });
      return result.accessToken;
    } catch (e) {
      // Whatever MSAL says (interaction required, no account, consent needed), the officer's
      // next step is the same: sign in, which asks interactively. MSAL's text is kept for logs.
      throw new DataError('unauthenticated', 'You are signed out. Sign in to read the programme\u2019s data.', {
        serverCode: (e as { errorCode?: string }).errorCode,
        serverMessage: e instanceof Error ? e.message : String(e),
        cause: e
      });
    }
  }

  public async signIn(scopes: readonly string[], alsoFor: ReadonlyArray<readonly string[]> = []): Promise<void> {
    if (!this._options.clientId) {
      throw new SignInNotConfiguredError();
    }
    if (this._options.nestedAppAuth) {
      const app: IPublicClientApplication = await this._app();
      // Under NAA the host shows its own prompt for this: no browser pop-up is involved.
      const result: AuthenticationResult = await app.acquireTokenPopup({ scopes: scopes.slice() });
      if (result.account) {
        try {
          app.setActiveAccount(result.account);
        } catch {
          // NAA does not support setActiveAccount (Microsoft's table of MSAL APIs under NAA).
        }
      }
      // Consent is incremental under NAA: the other resources (the tenant's SharePoint) may need
      // their own prompt, asked now, in the same click, rather than after another "signed out".
      for (const other of alsoFor) {
        try {
          await app.acquireTokenSilent({ scopes: other.slice(), account: result.account || undefined });
        } catch {
          await app.acquireTokenPopup({ scopes: other.slice() });
        }
      }
      return;
    }
    await this._signInWithDialog([scopes.slice(), ...alsoFor.map((s) => s.slice())]);
  }

  /** Signs in through the Office dialog and keeps the tokens it sends back. */
  private async _signInWithDialog(scopeSets: string[][]): Promise<void> {
    const open: DialogOpener = this._options.openDialog || officeDialog;
    const request: string = encodeURIComponent(JSON.stringify(scopeSets));
    const reply: string = await open(`${this._options.redirectUri}?${SIGN_IN_DIALOG_PARAM}=${request}`);
    let parsed: ISignInReply;
    try {
      parsed = JSON.parse(reply) as ISignInReply;
    } catch {
      throw new SignInDialogError(0, 'The sign-in dialog sent back something that is not a sign-in reply.');
    }
    if (!parsed.ok) {
      // Named like MSAL's errors so the pane offers Sign in again.
      const failure: Error = new Error(parsed.message || 'Signing in did not finish.');
      failure.name = parsed.errorName || 'BrowserAuthError';
      throw failure;
    }
    for (const t of parsed.tokens) {
      this._fromDialog = this._fromDialog.filter((c) => !sameScopes(c.scopes, t.scopes));
      this._fromDialog.push({ scopes: t.scopes, accessToken: t.accessToken, expiresOn: t.expiresOn });
    }
  }

  private _app(): Promise<IPublicClientApplication> {
    if (!this._options.clientId) {
      return Promise.reject(new SignInNotConfiguredError());
    }
    if (!this._application) {
      const { clientId, authority, redirectUri, nestedAppAuth } = this._options;
      const load: () => Promise<IMsalModule> = this._options.loadMsal || (() => import('@azure/msal-browser'));
      this._application = load().then((msal) =>
        nestedAppAuth
          ? // The redirect URI is the task pane page: Word on the web needs it (Microsoft's NAA docs:
            // "an additional redirect ... must reference the HTML page where you use MSAL.js").
            // UNCONFIRMED that the docs' own code passes it in this configuration object.
            msal.createNestablePublicClientApplication({ auth: { clientId, authority, redirectUri } })
          : msal.createStandardPublicClientApplication({
              auth: { clientId, authority, redirectUri },
              // Shared with the sign-in dialog where the host gives both the same storage; the
              // tokens the dialog sends back cover the hosts where it does not (UNCONFIRMED which
              // desktop hosts share a dialog's storage with the pane).
              cache: { cacheLocation: 'localStorage' }
            })
      );
      // A failed start is not remembered: the next attempt tries again.
      this._application.catch(() => (this._application = undefined));
    }
    return this._application;
  }
}
