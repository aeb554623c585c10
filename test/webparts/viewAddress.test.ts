/** The view in the page address: read, written beside the page's own parameters, and linked. */
import { linkToView, parseViewState, teamsDeepLink, withViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';

describe('the view in the address', () => {
  it('round-trips a SharePoint page address, keeping its own parameters and hash', () => {
    const page = 'https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?web=1&phPeriod=1#top';
    const link: string = linkToView(page, { periodId: 2, workstreamCode: 'PROC' });
    expect(link).toBe('https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?web=1&phPeriod=2&phWorkstream=PROC#top');
    expect(parseViewState(new URL(link).search)).toEqual({ periodId: 2, workstreamCode: 'PROC' });
    // Back on the programme view: the workstream leaves the address.
    expect(withViewState('?phPeriod=2&phWorkstream=PROC&as=alex', { periodId: 2 })).toBe('?as=alex&phPeriod=2');
    expect(withViewState('?phPeriod=2', {})).toBe('');
  });

  it("records a phase's close-down beside the page's own parameters, and drops it on leaving", () => {
    const link: string = linkToView('https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?web=1&phPeriod=2', { closeDownPhaseId: 4 });
    expect(link).toBe('https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?web=1&phCloseDown=4');
    expect(parseViewState(new URL(link).search)).toEqual({ closeDownPhaseId: 4 });
    expect(withViewState('?phCloseDown=4&as=alex', { periodId: 2 })).toBe('?as=alex&phPeriod=2');
    expect(parseViewState('?phCloseDown=phase2')).toEqual({});
  });

  it('reads a Teams subEntityId written in the same form', () => {
    expect(parseViewState('phPeriod=7&phWorkstream=GOV')).toEqual({ periodId: 7, workstreamCode: 'GOV' });
  });

  it("writes a Teams deep link whose context's subEntityId the tab reads back as the view", () => {
    const link: string = teamsDeepLink(
      { appId: 'a6a3e117-6359-4248-abdb-8e846dd88548', entityId: 'Procurement tab', channelId: '19:abc@thread.tacv2', label: 'Procurement – November/December 2023' },
      { periodId: 2, workstreamCode: 'PROC' }
    );
    const url: URL = new URL(link);
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/a6a3e117-6359-4248-abdb-8e846dd88548/Procurement%20tab');
    expect(url.searchParams.get('label')).toBe('Procurement – November/December 2023');
    const context = JSON.parse(url.searchParams.get('context') as string) as { subEntityId: string; channelId?: string };
    expect(context).toEqual({ subEntityId: 'phPeriod=2&phWorkstream=PROC', channelId: '19:abc@thread.tacv2' });
    expect(parseViewState(context.subEntityId)).toEqual({ periodId: 2, workstreamCode: 'PROC' });
    // A personal app has no channel.
    const personal = JSON.parse(new URL(teamsDeepLink({ appId: 'x', entityId: 'dashboard' }, { periodId: 1 })).searchParams.get('context') as string);
    expect(personal).toEqual({ subEntityId: 'phPeriod=1' });
  });

  it('ignores what is malformed rather than guessing', () => {
    expect(parseViewState('?phPeriod=two&phWorkstream=')).toEqual({});
    expect(parseViewState('?phPeriod=-3')).toEqual({});
    expect(parseViewState(`?phWorkstream=${'X'.repeat(65)}`)).toEqual({});
    expect(parseViewState(undefined)).toEqual({});
  });
});
