/**
 * The programme's site: the local stack on the page's own origin, or a SharePoint site an
 * officer types or pastes — checked, and trimmed to the site itself.
 */
import { checkSiteUrl, isLocalOrigin, localSiteUrl } from '../../src/addin/data/site';

describe('site addresses', () => {
  it('knows the local stack by its origin', () => {
    expect(isLocalOrigin('http://localhost:4321')).toBe(true);
    expect(isLocalOrigin('https://localhost:4321')).toBe(true);
    expect(isLocalOrigin('http://127.0.0.1:5000')).toBe(true);
    expect(isLocalOrigin('https://contoso.sharepoint.com')).toBe(false);
    expect(isLocalOrigin('https://localhost.contoso.com')).toBe(false);
    expect(isLocalOrigin('null')).toBe(false);
    expect(localSiteUrl('http://localhost:4321')).toBe('http://localhost:4321/sites/improvement');
  });

  it('accepts a site and keeps only the site part of what was pasted', () => {
    expect(checkSiteUrl('  https://contoso.sharepoint.com/sites/improvement/  ')).toEqual({
      ok: true,
      site: { siteUrl: 'https://contoso.sharepoint.com/sites/improvement', origin: 'https://contoso.sharepoint.com', hostname: 'contoso.sharepoint.com', sitePath: '/sites/improvement' }
    });
    const pasted = checkSiteUrl('https://contoso.sharepoint.com/Sites/IIB/Lists/Risks/AllItems.aspx?viewid=1#x');
    expect(pasted.ok && pasted.site.siteUrl).toBe('https://contoso.sharepoint.com/sites/IIB');
    const team = checkSiteUrl('https://contoso.sharepoint.com/teams/board');
    expect(team.ok && team.site.sitePath).toBe('/teams/board');
    const local = checkSiteUrl('http://localhost:4321/sites/improvement');
    expect(local.ok && local.site.hostname).toBe('localhost');
  });

  it('refuses what is not a site, saying why', () => {
    expect(checkSiteUrl('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkSiteUrl('contoso.sharepoint.com/sites/x')).toEqual({ ok: false, problem: 'notUrl' });
    expect(checkSiteUrl('ftp://contoso.sharepoint.com/sites/x')).toEqual({ ok: false, problem: 'notUrl' });
    expect(checkSiteUrl('http://contoso.sharepoint.com/sites/x')).toEqual({ ok: false, problem: 'notHttps' });
    expect(checkSiteUrl('https://contoso.sharepoint.com/')).toEqual({ ok: false, problem: 'notSite' });
    expect(checkSiteUrl('https://contoso.sharepoint.com/sites/')).toEqual({ ok: false, problem: 'notSite' });
    expect(checkSiteUrl('https://user:pass@contoso.sharepoint.com/sites/x')).toEqual({ ok: false, problem: 'notSite' });
  });
});
