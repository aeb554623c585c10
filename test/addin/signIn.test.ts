/**
 * @jest-environment jsdom
 *
 * Sign-in through MSAL: nested app authentication where the host has it, a pop-up where it does
 * not; silent first, and "signed out" (with a Sign in button in the pane) when silence fails.
 * MSAL itself is replaced by a fake module: these tests are about how the pane uses it.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import { hostSupportsNestedAppAuth, MsalTokenSource, type IMsalModule } from '../../src/addin/auth/msalTokens';
import { GRAPH_SCOPES, sharePointScopes, SignInNotConfiguredError } from '../../src/addin/auth/tokens';
import { describeFailure } from '../../src/addin/flows/failures';
import { addinSettings, DEFAULT_SETTINGS } from '../../src/addin/settings';
import { DataError } from '../../src/data/errors';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const AUTHORITY = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';

function fakeMsal() {
  const account = { homeAccountId: 'h', environment: 'e', tenantId: 't', username: 'officer@contoso.gov.uk', localAccountId: 'l' };
  const app = {
    getActiveAccount: jest.fn(() => null),
    getAllAccounts: jest.fn(() => [] as unknown[]),
    acquireTokenSilent: jest.fn(async () => ({ accessToken: 'silent-token' })),
    acquireTokenPopup: jest.fn(async () => ({ accessToken: 'popup-token', account })),
    setActiveAccount: jest.fn()
  };
  const module: IMsalModule = {
    createNestablePublicClientApplication: jest.fn(async () => app as unknown as IPublicClientApplication),
    createStandardPublicClientApplication: jest.fn(async () => app as unknown as IPublicClientApplication)
  };
  return { app, module, account };
}

describe('signing in with MSAL', () => {
  it('uses nested app authentication where the host supports it, loading MSAL only when first asked', async () => {
    const { module } = fakeMsal();
    const load = jest.fn(async () => module);
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'https://addins.contoso.org/addin/signed-in.html', nestedAppAuth: true, loadMsal: load });
    expect(load).not.toHaveBeenCalled();
    await expect(tokens.getToken(GRAPH_SCOPES)).resolves.toBe('silent-token');
    await tokens.getToken(sharePointScopes('https://contoso.sharepoint.com'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(module.createNestablePublicClientApplication).toHaveBeenCalledWith({ auth: { clientId: CLIENT_ID, authority: AUTHORITY } });
    expect(module.createStandardPublicClientApplication).not.toHaveBeenCalled();
  });

  it('falls back to a standard client with a pop-up returning to the blank page where the host has no NAA', async () => {
    const { module } = fakeMsal();
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'https://addins.contoso.org/addin/signed-in.html', nestedAppAuth: false, loadMsal: async () => module });
    await tokens.getToken(GRAPH_SCOPES);
    expect(module.createStandardPublicClientApplication).toHaveBeenCalledWith({
      auth: { clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'https://addins.contoso.org/addin/signed-in.html' },
      cache: { cacheLocation: 'localStorage' }
    });
  });

  it('asks for read-only scopes: Sites.Read.All on Graph, AllSites.Read on the tenant\u2019s SharePoint', async () => {
    const { module, app } = fakeMsal();
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'x', nestedAppAuth: true, loadMsal: async () => module });
    await tokens.getToken(GRAPH_SCOPES);
    await tokens.getToken(sharePointScopes('https://contoso.sharepoint.com/'));
    expect(app.acquireTokenSilent.mock.calls.map((c: unknown[]) => (c[0] as { scopes: string[] }).scopes)).toEqual([
      ['https://graph.microsoft.com/Sites.Read.All'],
      ['https://contoso.sharepoint.com/AllSites.Read']
    ]);
  });

  it('is "signed out" when a silent token cannot be had; signing in opens the pop-up and remembers the account', async () => {
    const { module, app, account } = fakeMsal();
    app.acquireTokenSilent.mockRejectedValueOnce(Object.assign(new Error('interaction_required: AADSTS50058'), { name: 'InteractionRequiredAuthError', errorCode: 'interaction_required' }));
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'x', nestedAppAuth: false, loadMsal: async () => module });
    const failure: unknown = await tokens.getToken(GRAPH_SCOPES).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).kind).toBe('unauthenticated');
    expect((failure as DataError).serverCode).toBe('interaction_required');
    expect(describeFailure(failure)).toEqual({ text: 'You are signed out. Sign in to read the programme’s data.', signIn: true });
    await tokens.signIn(GRAPH_SCOPES);
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['https://graph.microsoft.com/Sites.Read.All'] });
    expect(app.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('a pop-up closed or blocked says how to finish signing in', () => {
    const closed = Object.assign(new Error('user_cancelled'), { name: 'BrowserAuthError' });
    expect(describeFailure(closed)).toEqual({ text: expect.stringMatching(/^Signing in did not finish\. Try again; if a window opened and closed, allow pop-ups/), signIn: true });
  });

  it('without an app registration says who must set it up, and never loads MSAL', async () => {
    const load = jest.fn();
    const tokens = new MsalTokenSource({ clientId: '', authority: AUTHORITY, redirectUri: 'x', nestedAppAuth: true, loadMsal: load });
    const failure: unknown = await tokens.getToken(GRAPH_SCOPES).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignInNotConfiguredError);
    expect(describeFailure(failure).text).toMatch(/has not been set up for signing in .* ADDIN_CLIENT_ID/);
    expect(load).not.toHaveBeenCalled();
  });

  it('tries again after MSAL failed to start', async () => {
    const { module } = fakeMsal();
    (module.createNestablePublicClientApplication as jest.Mock).mockRejectedValueOnce(new Error('offline'));
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: 'x', nestedAppAuth: true, loadMsal: async () => module });
    await expect(tokens.getToken(GRAPH_SCOPES)).rejects.toThrow('offline');
    await expect(tokens.getToken(GRAPH_SCOPES)).resolves.toBe('silent-token');
  });

  it('finds no nested app authentication outside Office', () => {
    expect(hostSupportsNestedAppAuth()).toBe(false);
    (globalThis as unknown as { Office: unknown }).Office = { context: {} };
    expect(hostSupportsNestedAppAuth()).toBe(false);
    (globalThis as unknown as { Office: unknown }).Office = { context: { requirements: { isSetSupported: (n: string, v: string) => n === 'NestedAppAuth' && v === '1.1' } } };
    expect(hostSupportsNestedAppAuth()).toBe(true);
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });
});

describe('build-time settings', () => {
  it('default to the local stack when the build gave none', () => {
    expect(addinSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ clientId: '', hostUrl: 'https://localhost:4321', authority: 'https://login.microsoftonline.com/organizations' });
  });

  it('take what the build defined', () => {
    const g = globalThis as unknown as { ADDIN_BUILD_SETTINGS?: unknown };
    g.ADDIN_BUILD_SETTINGS = { clientId: CLIENT_ID, hostUrl: 'https://addins.contoso.org/', authority: AUTHORITY };
    try {
      expect(addinSettings()).toEqual({ clientId: CLIENT_ID, hostUrl: 'https://addins.contoso.org', authority: AUTHORITY });
    } finally {
      delete g.ADDIN_BUILD_SETTINGS;
    }
  });
});
