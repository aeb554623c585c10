/**
 * The task pane's data access over real HTTP: against the local stack with no sign-in (graph-client
 * sends no Authorization to a host that is neither Graph nor a custom host, so the stack's
 * default user acts), and against a tenant with tokens from the token source on every request.
 */
import type { Emulator } from '../../src/emulator/server';
import { localSiteAccess, tenantSiteAccess } from '../../src/addin/data/connect';
import { checkSiteUrl, type ISiteAddress } from '../../src/addin/data/site';
import { SignInNotConfiguredError, type ITokenSource } from '../../src/addin/auth/tokens';
import { DataError } from '../../src/data/errors';
import { startStack } from '../data/support/stack';

describe('the local stack, without sign-in', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startStack();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('reads the periods and a period\u2019s picture over the page\u2019s own origin, with no Authorization header', async () => {
    const origin = emulator.url.replace('127.0.0.1', 'localhost');
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const realFetch = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('Authorization') });
      return realFetch(input, init);
    });
    try {
      const access = localSiteAccess(origin);
      expect(access.fixedSiteUrl).toBe(`${origin}/sites/improvement`);
      const site = checkSiteUrl(access.fixedSiteUrl as string) as { ok: true; site: ISiteAddress };
      const repository = access.connect(site.site);
      const periods = await repository.getPeriods();
      expect(periods.map((p) => p.title)).toEqual(['June 2023', 'November/December 2023']);
      const picture = await repository.getPeriodPicture(periods[1].id);
      expect(picture.workstreams.map((w) => w.title)).toContain('Partnership Working');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.url.startsWith(`${origin}/`))).toBe(true);
      expect(seen.filter((s) => s.authorization !== null)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a tenant, with tokens', () => {
  const site: ISiteAddress = (checkSiteUrl('https://contoso.sharepoint.com/sites/iib') as { ok: true; site: ISiteAddress }).site;

  it('sends the Graph token to Microsoft Graph for the site named', async () => {
    const tokens: ITokenSource = { getToken: jest.fn(async () => 'graph-token'), signIn: jest.fn() };
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('Authorization') });
      return new Response(JSON.stringify({ error: { code: 'accessDenied', message: 'Access denied' } }), { status: 403, headers: { 'Content-Type': 'application/json' } });
    });
    try {
      const failure: unknown = await tenantSiteAccess(tokens).connect(site).getPeriods().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DataError);
      expect((failure as DataError).kind).toBe('forbidden');
      // Graph first finds the site by its address (the site's time zone goes to SharePoint alongside).
      const toGraph = seen.filter((s) => s.url.startsWith('https://graph.microsoft.com/'));
      expect(toGraph[0].url).toBe('https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/sites/iib?$select=id');
      expect(toGraph[0].authorization).toBe('Bearer graph-token');
      expect(seen.filter((s) => !s.url.startsWith('https://graph.microsoft.com/') && !s.url.startsWith('https://contoso.sharepoint.com/sites/iib/'))).toEqual([]);
      expect(tokens.getToken).toHaveBeenCalledWith(['https://graph.microsoft.com/Sites.Read.All']);
    } finally {
      spy.mockRestore();
    }
  });

  it('is "signed out" without sending anything when no token can be had silently', async () => {
    const tokens: ITokenSource = {
      getToken: jest.fn(async () => {
        throw new DataError('unauthenticated', 'You are signed out.');
      }),
      signIn: jest.fn(async () => undefined)
    };
    const spy = jest.spyOn(globalThis, 'fetch');
    try {
      const access = tenantSiteAccess(tokens);
      const failure: unknown = await access.connect(site).getPeriods().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DataError);
      expect((failure as DataError).kind).toBe('unauthenticated');
      expect(spy).not.toHaveBeenCalled();
      await access.signIn!(site);
      // Consent for the tenant's SharePoint is asked in the same sign-in, not after another "signed out".
      expect(tokens.signIn).toHaveBeenCalledWith(['https://graph.microsoft.com/Sites.Read.All'], [[`${site.origin}/AllSites.Read`]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('passes the token source\u2019s own error on as it is, for Graph and SharePoint REST alike, sending nothing', async () => {
    const tokens: ITokenSource = {
      getToken: jest.fn(async () => {
        throw new SignInNotConfiguredError();
      }),
      signIn: jest.fn()
    };
    const fakeFetch = jest.fn(async () => new Response('{}', { status: 200 }));
    const repository = tenantSiteAccess(tokens, fakeFetch as unknown as typeof fetch).connect(site);
    await expect(repository.getPeriods()).rejects.toBeInstanceOf(SignInNotConfiguredError);
    await expect(repository.getCurrentUser()).rejects.toBeInstanceOf(SignInNotConfiguredError);
    expect(fakeFetch).not.toHaveBeenCalled();
  });

  it('calls SharePoint REST on the site with a SharePoint token', async () => {
    const tokens: ITokenSource = { getToken: jest.fn(async (scopes: readonly string[]) => (scopes[0].indexOf('sharepoint') >= 0 ? 'sp-token' : 'graph-token')), signIn: jest.fn() };
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(input), init]);
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const repository = tenantSiteAccess(tokens, fakeFetch).connect(site);
    await repository.getCurrentUser().catch(() => undefined);
    expect(calls[0][0]).toBe('https://contoso.sharepoint.com/sites/iib/_api/web/currentuser');
    expect((calls[0][1]!.headers as Record<string, string>).Authorization).toBe('Bearer sp-token');
    expect(tokens.getToken).toHaveBeenCalledWith(['https://contoso.sharepoint.com/AllSites.Read']);
  });
});
