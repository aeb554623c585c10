/**
 * Tokens through MSAL: nested app authentication (NAA) where the Office host supports it — the
 * host signs the officer in with the account already in Word — and, for hosts without it, a
 * standard single-page-app client whose sign-in opens a pop-up.
 *
 * MSAL is imported on first use only: the local stack needs no sign-in and never loads it.
 */
import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { DataError } from '../../data/errors';
import { SignInNotConfiguredError, type ITokenSource } from './tokens';

/** The part of `@azure/msal-browser` used here (a seam for tests). */
export interface IMsalModule {
  createNestablePublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
  createStandardPublicClientApplication(configuration: Configuration): Promise<IPublicClientApplication>;
}

/** How to sign in. */
export interface IMsalTokenOptions {
  /** The app registration's client id; '' when none was configured. */
  clientId: string;
  authority: string;
  /** The blank page the pop-up returns to (same origin as the task pane). */
  redirectUri: string;
  /** Whether the host supports nested app authentication (requirement set NestedAppAuth 1.1). */
  nestedAppAuth: boolean;
  /** Loads MSAL; defaults to a dynamic import. */
  loadMsal?: () => Promise<IMsalModule>;
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

/** The MSAL token source. */
export class MsalTokenSource implements ITokenSource {
  private readonly _options: IMsalTokenOptions;
  private _application?: Promise<IPublicClientApplication>;

  constructor(options: IMsalTokenOptions) {
    this._options = options;
  }

  public async getToken(scopes: readonly string[]): Promise<string> {
    const app: IPublicClientApplication = await this._app();
    const account: AccountInfo | undefined = app.getActiveAccount() || app.getAllAccounts()[0];
    try {
      const result: AuthenticationResult = await app.acquireTokenSilent({ scopes: scopes.slice(), account });
      return result.accessToken;
    } catch (e) {
      // Whatever MSAL says (interaction required, no account, consent needed), the officer's
      // next step is the same: sign in. MSAL's own text is kept for logs only.
      throw new DataError('unauthenticated', 'You are signed out. Sign in to read the programme\u2019s data.', {
        serverCode: (e as { errorCode?: string }).errorCode,
        serverMessage: e instanceof Error ? e.message : String(e),
        cause: e
      });
    }
  }

  public async signIn(scopes: readonly string[]): Promise<void> {
    const app: IPublicClientApplication = await this._app();
    const result: AuthenticationResult = await app.acquireTokenPopup({ scopes: scopes.slice() });
    if (result.account) {
      app.setActiveAccount(result.account);
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
          ? msal.createNestablePublicClientApplication({ auth: { clientId, authority } })
          : msal.createStandardPublicClientApplication({
              auth: { clientId, authority, redirectUri },
              // Kept across task pane sessions, so the officer signs in once.
              cache: { cacheLocation: 'localStorage' }
            })
      );
      // A failed start is not remembered: the next attempt tries again.
      this._application.catch(() => (this._application = undefined));
    }
    return this._application;
  }
}
