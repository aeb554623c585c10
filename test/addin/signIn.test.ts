/**
 * @jest-environment jsdom
 *
 * Sign-in through MSAL: nested app authentication where the host has it, a pop-up where it does
 * not; silent first, and "signed out" (with a Sign in button in the pane) when silence fails.
 * MSAL itself is replaced by a fake module: these tests are about how the pane uses it.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import { hostSupportsNestedAppAuth, MsalTokenSource, officeDialog, SignInDialogError, type IMsalModule } from '../../src/addin/auth/msalTokens';
import { PENDING_SIGN_IN_KEY, SIGN_IN_DIALOG_PARAM, signInDialogRequest, type ISignInReply } from '../../src/addin/auth/signInDialog';
import { runSignInDialog } from '../../src/addin/auth/signInDialogRun';
import { GRAPH_SCOPES, sharePointScopes, SignInNotConfiguredError } from '../../src/addin/auth/tokens';
import { describeFailure } from '../../src/addin/flows/failures';
import { addinSettings, DEFAULT_SETTINGS } from '../../src/addin/settings';
import { DataError } from '../../src/data/errors';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const AUTHORITY = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';
const PANE = 'https://addins.contoso.org/addin/taskpane.html';

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
  it('uses nested app authentication where the host supports it, with the task pane page as redirect URI, loading MSAL only when first asked', async () => {
    const { module } = fakeMsal();
    const load = jest.fn(async () => module);
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE, nestedAppAuth: true, loadMsal: load });
    expect(tokens.method).toBe('nestedAppAuth');
    expect(load).not.toHaveBeenCalled();
    await expect(tokens.getToken(GRAPH_SCOPES)).resolves.toBe('silent-token');
    await tokens.getToken(sharePointScopes('https://contoso.sharepoint.com'));
    expect(load).toHaveBeenCalledTimes(1);
    // Word on the web signs in with a browser flow that returns to the task pane page (Microsoft's NAA docs).
    expect(module.createNestablePublicClientApplication).toHaveBeenCalledWith({ auth: { clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE } });
    expect(module.createStandardPublicClientApplication).not.toHaveBeenCalled();
  });

  it('under NAA, a refused silent token leads to the interactive request, for SharePoint too, on the same click', async () => {
    const { module, app } = fakeMsal();
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE, nestedAppAuth: true, loadMsal: async () => module });
    app.acquireTokenSilent.mockRejectedValueOnce(Object.assign(new Error('consent_required'), { name: 'InteractionRequiredAuthError', errorCode: 'consent_required' }));
    await expect(tokens.getToken(GRAPH_SCOPES)).rejects.toBeInstanceOf(DataError);
    app.acquireTokenSilent.mockRejectedValueOnce(Object.assign(new Error('consent_required'), { name: 'InteractionRequiredAuthError' }));
    await tokens.signIn(GRAPH_SCOPES, [sharePointScopes('https://contoso.sharepoint.com')]);
    expect(app.acquireTokenPopup.mock.calls.map((c: unknown[]) => (c[0] as { scopes: string[] }).scopes)).toEqual([
      ['https://graph.microsoft.com/Sites.Read.All'],
      ['https://contoso.sharepoint.com/AllSites.Read']
    ]);
  });

  it('where the host has no NAA, signs in through the Office dialog API, never a pop-up, and uses the tokens it sends back', async () => {
    const { module, app } = fakeMsal();
    const expiresOn = Date.UTC(2026, 0, 1, 12, 0, 0);
    const reply: ISignInReply = {
      ok: true,
      tokens: [
        { scopes: ['https://graph.microsoft.com/Sites.Read.All'], accessToken: 'dialog-graph', expiresOn },
        { scopes: ['https://contoso.sharepoint.com/AllSites.Read'], accessToken: 'dialog-sp', expiresOn }
      ]
    };
    const openDialog = jest.fn(async (_url: string) => JSON.stringify(reply));
    const tokens = new MsalTokenSource({
      clientId: CLIENT_ID,
      authority: AUTHORITY,
      redirectUri: PANE,
      nestedAppAuth: false,
      loadMsal: async () => module,
      openDialog,
      now: () => expiresOn - 60 * 60 * 1000
    });
    expect(tokens.method).toBe('officeDialog');
    await tokens.signIn(GRAPH_SCOPES, [sharePointScopes('https://contoso.sharepoint.com')]);
    expect(openDialog).toHaveBeenCalledTimes(1);
    const url = new URL(openDialog.mock.calls[0][0]);
    expect(`${url.origin}${url.pathname}`).toBe(PANE);
    expect(JSON.parse(url.searchParams.get(SIGN_IN_DIALOG_PARAM) as string)).toEqual([['https://graph.microsoft.com/Sites.Read.All'], ['https://contoso.sharepoint.com/AllSites.Read']]);
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
    await expect(tokens.getToken(GRAPH_SCOPES)).resolves.toBe('dialog-graph');
    await expect(tokens.getToken(sharePointScopes('https://contoso.sharepoint.com'))).resolves.toBe('dialog-sp');
    expect(app.acquireTokenSilent).not.toHaveBeenCalled();
  });

  it('falls back to a standard client (and the dialog) where the host has no NAA, its tokens no longer used once near expiry', async () => {
    const { module, app } = fakeMsal();
    const expiresOn = Date.UTC(2026, 0, 1, 12, 0, 0);
    const reply: ISignInReply = { ok: true, tokens: [{ scopes: ['https://graph.microsoft.com/Sites.Read.All'], accessToken: 'dialog-graph', expiresOn }] };
    const tokens = new MsalTokenSource({
      clientId: CLIENT_ID,
      authority: AUTHORITY,
      redirectUri: PANE,
      nestedAppAuth: false,
      loadMsal: async () => module,
      openDialog: async () => JSON.stringify(reply),
      now: () => expiresOn - 60 * 1000
    });
    await tokens.signIn(GRAPH_SCOPES);
    await expect(tokens.getToken(GRAPH_SCOPES)).resolves.toBe('silent-token');
    expect(app.acquireTokenSilent).toHaveBeenCalledTimes(1);
    expect(module.createStandardPublicClientApplication).toHaveBeenCalledWith({
      auth: { clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE },
      cache: { cacheLocation: 'localStorage' }
    });
    expect(module.createNestablePublicClientApplication).not.toHaveBeenCalled();
  });

  it('a sign-in the dialog reports as failed, or a dialog closed by the officer, offers Sign in again', async () => {
    const failing = new MsalTokenSource({
      clientId: CLIENT_ID,
      authority: AUTHORITY,
      redirectUri: PANE,
      nestedAppAuth: false,
      openDialog: async () => JSON.stringify({ ok: false, errorName: 'InteractionRequiredAuthError', message: 'AADSTS65001: consent' } as ISignInReply)
    });
    const refused: unknown = await failing.signIn(GRAPH_SCOPES).catch((e: unknown) => e);
    expect(describeFailure(refused)).toEqual({ text: expect.stringMatching(/^Signing in did not finish/), signIn: true });
    const closed = new MsalTokenSource({
      clientId: CLIENT_ID,
      authority: AUTHORITY,
      redirectUri: PANE,
      nestedAppAuth: false,
      openDialog: async () => {
        throw new SignInDialogError(12006, 'closed');
      }
    });
    const e: unknown = await closed.signIn(GRAPH_SCOPES).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SignInDialogError);
    expect(describeFailure(e).signIn).toBe(true);
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

  it('is "signed out" when a silent token cannot be had; under NAA signing in asks interactively and remembers the account', async () => {
    const { module, app, account } = fakeMsal();
    app.acquireTokenSilent.mockRejectedValueOnce(Object.assign(new Error('interaction_required: AADSTS50058'), { name: 'InteractionRequiredAuthError', errorCode: 'interaction_required' }));
    const tokens = new MsalTokenSource({ clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE, nestedAppAuth: true, loadMsal: async () => module });
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

describe('the Office dialog that hosts without NAA sign in through', () => {
  /** Office.context.ui.displayDialogAsync, with the dialog's handlers kept for the test to fire. */
  function fakeOfficeUi(open: 'opens' | 'fails'): { displayDialogAsync: jest.Mock; fire: (event: string, arg: unknown) => void; close: jest.Mock } {
    const handlers = new Map<string, (arg: unknown) => void>();
    const close = jest.fn();
    const displayDialogAsync = jest.fn((_url: string, _options: unknown, callback: (r: unknown) => void) => {
      if (open === 'fails') {
        callback({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened from this add-in.' } });
        return;
      }
      callback({ status: 'succeeded', value: { addEventHandler: (event: string, h: (arg: unknown) => void) => handlers.set(event, h), close } });
    });
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      context: { ui: { displayDialogAsync } }
    };
    return { displayDialogAsync, close, fire: (event, arg) => (handlers.get(event) as (a: unknown) => void)(arg) };
  }

  afterEach(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });

  it('opens with displayDialogAsync and resolves with the message the page sends with messageParent', async () => {
    const ui = fakeOfficeUi('opens');
    const reply = officeDialog(`${PANE}?${SIGN_IN_DIALOG_PARAM}=x`);
    expect(ui.displayDialogAsync.mock.calls[0][0]).toBe(`${PANE}?${SIGN_IN_DIALOG_PARAM}=x`);
    ui.fire('dialogMessageReceived', { message: '{"ok":true,"tokens":[]}', origin: 'https://addins.contoso.org' });
    await expect(reply).resolves.toBe('{"ok":true,"tokens":[]}');
    expect(ui.close).toHaveBeenCalled();
  });

  it('rejects when the officer closes the dialog (12006) or it cannot open (12007)', async () => {
    const ui = fakeOfficeUi('opens');
    const closed = officeDialog(PANE);
    ui.fire('dialogEventReceived', { error: 12006 });
    await expect(closed).rejects.toMatchObject({ name: 'SignInDialogError', code: 12006 });
    fakeOfficeUi('fails');
    await expect(officeDialog(PANE)).rejects.toMatchObject({ name: 'SignInDialogError', code: 12007 });
  });

  it('is the task pane page in sign-in mode: the scopes come from the query, then from sessionStorage on the way back', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const sets = [['https://graph.microsoft.com/Sites.Read.All'], ['https://contoso.sharepoint.com/AllSites.Read']];
    expect(signInDialogRequest({ search: '', hash: '' }, storage)).toBeUndefined();
    expect(signInDialogRequest({ search: `?${SIGN_IN_DIALOG_PARAM}=${encodeURIComponent(JSON.stringify(sets))}`, hash: '' }, storage)).toEqual(sets);
    expect(signInDialogRequest({ search: '', hash: '#code=abc&state=xyz' }, storage)).toEqual(sets);
    // The task pane itself, with nothing of MSAL's in its address, is not the dialog.
    expect(signInDialogRequest({ search: '?_host_Info=Word$Win32$16.01$en-GB', hash: '' }, storage)).toBeUndefined();
    // Scopes that are not scopes are refused.
    expect(signInDialogRequest({ search: `?${SIGN_IN_DIALOG_PARAM}=${encodeURIComponent('[["<script>"]]')}`, hash: '' }, new Map() as never)).toBeUndefined();
  });

  it('runs MSAL in the dialog: a redirect with consent to every resource, then all the tokens back to the pane', async () => {
    const account = { username: 'officer@contoso.gov.uk' };
    const app = {
      handleRedirectPromise: jest.fn(async () => null as unknown),
      acquireTokenRedirect: jest.fn(async () => undefined),
      acquireTokenSilent: jest.fn(async () => ({ accessToken: 'sp', expiresOn: new Date(2000) }))
    };
    const sent: string[] = [];
    const removed: string[] = [];
    const options = {
      scopeSets: [['https://graph.microsoft.com/Sites.Read.All'], ['https://contoso.sharepoint.com/AllSites.Read']],
      clientId: CLIENT_ID,
      authority: AUTHORITY,
      redirectUri: PANE,
      createApplication: jest.fn(async () => app as unknown as IPublicClientApplication),
      send: (m: string) => sent.push(m),
      storage: { removeItem: (k: string) => removed.push(k) }
    };
    await runSignInDialog(options);
    expect(options.createApplication).toHaveBeenCalledWith({ auth: { clientId: CLIENT_ID, authority: AUTHORITY, redirectUri: PANE }, cache: { cacheLocation: 'localStorage' } });
    expect(app.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: ['https://graph.microsoft.com/Sites.Read.All'], extraScopesToConsent: ['https://contoso.sharepoint.com/AllSites.Read'] });
    expect(sent).toEqual([]);
    app.handleRedirectPromise.mockResolvedValueOnce({ accessToken: 'graph', expiresOn: new Date(1000), account });
    await runSignInDialog(options);
    expect(removed).toEqual([PENDING_SIGN_IN_KEY]);
    expect(JSON.parse(sent[0])).toEqual({
      ok: true,
      tokens: [
        { scopes: ['https://graph.microsoft.com/Sites.Read.All'], accessToken: 'graph', expiresOn: 1000 },
        { scopes: ['https://contoso.sharepoint.com/AllSites.Read'], accessToken: 'sp', expiresOn: 2000 }
      ]
    });
    app.handleRedirectPromise.mockRejectedValueOnce(Object.assign(new Error('AADSTS65004: declined consent'), { name: 'ServerError' }));
    await runSignInDialog(options);
    expect(JSON.parse(sent[1])).toEqual({ ok: false, errorName: 'ServerError', message: 'AADSTS65004: declined consent' });
  });
});
