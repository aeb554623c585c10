/** The view in the page address: read, written beside the page's own parameters, and linked. */
import { linkToView, parseViewState, withViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';

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

  it('ignores what is malformed rather than guessing', () => {
    expect(parseViewState('?phPeriod=two&phWorkstream=')).toEqual({});
    expect(parseViewState('?phPeriod=-3')).toEqual({});
    expect(parseViewState(`?phWorkstream=${'X'.repeat(65)}`)).toEqual({});
    expect(parseViewState(undefined)).toEqual({});
  });
});
