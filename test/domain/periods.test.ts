import { isRiskListedIn, lastPeriodRating, latestPeriod, nextPeriodOf, previousPeriodOf, sortPeriods, type IPeriod, type IRisk } from '../../src/domain';

const periods: IPeriod[] = [
  { id: 3, title: 'December', start: '2023-12-01', end: '2023-12-31', state: 'Open' },
  { id: 1, title: 'October', start: '2023-10-01', end: '2023-10-31', state: 'Locked' },
  { id: 2, title: 'November', start: '2023-11-01', end: '2023-11-30', state: 'Locked' }
];

describe('periods', () => {
  it('sort by start date', () => {
    expect(sortPeriods(periods).map((p) => p.id)).toEqual([1, 2, 3]);
    expect(sortPeriods([{ ...periods[0], id: 9 }, periods[0]]).map((p) => p.id)).toEqual([3, 9]);
  });

  it('find the previous, next and latest period', () => {
    expect(previousPeriodOf(periods, 2)?.id).toBe(1);
    expect(previousPeriodOf(periods, 1)).toBeUndefined();
    expect(previousPeriodOf(periods, 99)).toBeUndefined();
    expect(nextPeriodOf(periods, 2)?.id).toBe(3);
    expect(nextPeriodOf(periods, 3)).toBeUndefined();
    expect(latestPeriod(periods)?.id).toBe(3);
    expect(latestPeriod([])).toBeUndefined();
  });

  it('list a risk from the period raised until the period closed', () => {
    const risk: IRisk = { id: 1, workstreamId: 1, description: 'd', mitigation: 'm', state: 'Closed', raisedPeriodId: 2, closedPeriodId: 3, order: 1 };
    expect(periods.map((p) => [p.id, isRiskListedIn(risk, p, periods)])).toEqual([[3, false], [1, false], [2, true]]);
    const open: IRisk = { ...risk, state: 'Open', closedPeriodId: undefined };
    expect(isRiskListedIn(open, periods[0], periods)).toBe(true);
    expect(isRiskListedIn({ ...risk, raisedPeriodId: 42 }, periods[2], periods)).toBe(false);
    expect(isRiskListedIn({ ...risk, closedPeriodId: 42 }, periods[2], periods)).toBe(false);
  });
});

describe("a report's last-period rating", () => {
  const recorded = { rag: 'Amber' as const };

  it('is the rating recorded for the previous period, whatever the report states without a reason', () => {
    expect(lastPeriodRating({ previousRag: 'Green/Amber' }, recorded)).toEqual({ rag: 'Amber', source: 'recorded' });
    expect(lastPeriodRating({ previousRag: 'Green/Amber', previousRagReason: '  ' }, recorded)).toEqual({ rag: 'Amber', source: 'recorded' });
    expect(lastPeriodRating(undefined, recorded)).toEqual({ rag: 'Amber', source: 'recorded' });
    // A previous report with no rating recorded "not rated".
    expect(lastPeriodRating({}, {})).toEqual({ rag: null, source: 'recorded' });
  });

  it("is the report's own statement when it gives a reason for differing", () => {
    expect(lastPeriodRating({ previousRag: 'Green/Amber', previousRagReason: 'September/October is not held here.' }, recorded)).toEqual({
      rag: 'Green/Amber',
      source: 'stated',
      reason: 'September/October is not held here.'
    });
    expect(lastPeriodRating({ previousRag: null, previousRagReason: 'Not rated then.' }, recorded)).toMatchObject({ rag: null, source: 'stated' });
    // Agreeing with the record needs no reason and stays the record.
    expect(lastPeriodRating({ previousRag: 'Amber', previousRagReason: 'Same.' }, recorded)).toEqual({ rag: 'Amber', source: 'recorded' });
  });

  it("is the report's statement when nothing was recorded, and unknown when neither says", () => {
    expect(lastPeriodRating({ previousRag: 'Red' }, undefined)).toEqual({ rag: 'Red', source: 'stated' });
    expect(lastPeriodRating({ previousRag: null }, undefined)).toEqual({ rag: null, source: 'stated' });
    expect(lastPeriodRating({}, undefined)).toEqual({ rag: undefined, source: 'none' });
    expect(lastPeriodRating(undefined, undefined)).toEqual({ rag: undefined, source: 'none' });
  });
});
