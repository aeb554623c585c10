import { isRiskListedIn, latestPeriod, nextPeriodOf, previousPeriodOf, sortPeriods, type IPeriod, type IRisk } from '../../src/domain';

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
