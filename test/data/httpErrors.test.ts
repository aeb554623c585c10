/**
 * What a failed call becomes. The bodies are those SharePoint REST and Graph send (see
 * sharepoint-wire.md); the point is which failures retrying cures and which it does not.
 */
import { errorFromResponse } from '../../src/data/httpErrors';

const sp = (code: string, message: string): string => JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
const graph = (code: string, message: string): string => JSON.stringify({ error: { code, message } });
const THRESHOLD_MESSAGE: string = 'The attempted operation is prohibited because it exceeds the list view threshold.';

describe('errorFromResponse', () => {
  it("calls SharePoint REST's 500 SPQueryThrottledException the list view threshold, which retrying does not cure", () => {
    const e = errorFromResponse({ status: 500, body: sp('-2147024860, Microsoft.SharePoint.SPQueryThrottledException', THRESHOLD_MESSAGE), action: 'read the milestones' });
    expect(e.kind).toBe('threshold');
    expect(e.message).toBe("Could not read the milestones: the list is too large for this query (SharePoint's 5,000-item list view threshold).");
  });

  it("does not call SharePoint REST's lookup threshold the list view threshold, though the exception is the same", () => {
    // vgrem/office365-rest-python-client #758: the same exception, another HRESULT, its own words.
    const body: string = sp('-2147024749, Microsoft.SharePoint.SPQueryThrottledException', 'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.');
    const e = errorFromResponse({ status: 500, body, action: 'read the workstreams' });
    expect(e.kind).not.toBe('threshold');
    expect(e.message).toBe('Could not read the workstreams: the query names more lookup and person columns than SharePoint allows (12). Tell the programme office.');
  });

  it("calls Graph's 429 that names the threshold the threshold, not throttling", () => {
    const e = errorFromResponse({ status: 429, body: graph('activityLimitReached', THRESHOLD_MESSAGE), retryAfter: '1', action: 'read the milestones' });
    expect(e.kind).toBe('threshold');
  });

  it('calls a plain 429 throttling with the wait, whatever SharePoint names the exception', () => {
    for (const body of [sp('-2146233083, Microsoft.SharePoint.Client.RequestThrottledException', 'The request has been throttled.'), graph('activityLimitReached', 'The request has been throttled'), '']) {
      const e = errorFromResponse({ status: 429, body, retryAfter: '7', action: 'save the milestone' });
      expect(e.kind).toBe('throttled');
      expect(e.retryAfterSeconds).toBe(7);
      expect(e.message).toBe('Could not save the milestone: SharePoint is busy. Try again in 7 seconds.');
    }
  });

  it('reads a Retry-After given as a date, and copes without one', () => {
    const inTen: string = new Date(Date.now() + 10000).toUTCString();
    expect(errorFromResponse({ status: 503, body: '', retryAfter: inTen, action: 'x' }).retryAfterSeconds).toBeGreaterThanOrEqual(9);
    const none = errorFromResponse({ status: 503, body: '', action: 'read the risks' });
    expect(none.retryAfterSeconds).toBeUndefined();
    expect(none.message).toBe('Could not read the risks: SharePoint is busy. Try again in a few seconds.');
  });

  it('names the field SharePoint refused, and keeps the server words for logs only', () => {
    const e = errorFromResponse({ status: 400, body: sp('-1, Microsoft.SharePoint.Client.InvalidClientQueryException', "The property 'Nonsense' does not exist on type 'SP.Data.RisksListItem'."), action: 'save the risk' });
    expect(e.kind).toBe('validation');
    expect(e.field).toBe('Nonsense');
    expect(e.message).not.toMatch(/SP\.Data/);
    expect(e.serverMessage).toMatch(/SP\.Data\.RisksListItem/);
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [412, 'conflict'],
    [504, 'throttled'],
    [502, 'unknown']
  ])('calls %i %s', (status, kind) => {
    expect(errorFromResponse({ status, body: '{}', action: 'x' }).kind).toBe(kind);
  });
});

describe('a 409', () => {
  it("is a conflict, not bad data: SharePoint's Save Conflict and Graph's conflict both", () => {
    const bodies: string[] = [
      sp('-2130575305, Microsoft.SharePoint.SPException', 'Save Conflict.\n\nYour changes conflict with those made concurrently by another user. If you want your changes to be applied, click Back in your Web browser, refresh the page, and resubmit your changes.'),
      graph('conflict', 'Conflict'),
      ''
    ];
    for (const body of bodies) {
      const e = errorFromResponse({ status: 409, body, action: 'save the milestone', current: { Id: 3 } });
      expect(e.kind).toBe('conflict');
      expect(e.status).toBe(409);
      expect(e.current).toEqual({ Id: 3 });
      expect(e.message).toBe('Could not save the milestone: someone else changed it at the same moment. Reload it and try again.');
    }
  });
});
