/**
 * The programme view's arrows: each compares a period's rating with the rating in the column
 * beside it, never with what a report states about a period the view does not show.
 */
import type { IPeriod, IStatusReport, Rag } from '../../src/domain';
import { sortPeriods } from '../../src/domain';
import type { IRagHistoryEntry } from '../../src/data/repository';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../src/fixtures/improvementPlanPhase2';
import { ratedPeriods } from '../../src/webparts/programmeDashboard/components/ragHistory';

const history = (reports: IStatusReport[]): IRagHistoryEntry[] =>
  reports.map((r) => ({ workstreamId: r.workstreamId, periodId: r.periodId, rag: r.rag, previousRag: r.previousRag }));
const ws = (code: string): number => SEED.workstreams.filter((w) => w.code === code)[0].id;

describe('direction of travel on the programme view', () => {
  const periods: IPeriod[] = sortPeriods(SEED.periods);

  it("agrees with Partnership Working's June and November/December columns, whatever its report states", () => {
    const rated = ratedPeriods(periods, history(SEED.statusReports), ws('PART'));
    expect(rated.map((r) => [r.period.title, r.rag, r.direction])).toEqual([
      ['June 2023', 'Amber', 'new'],
      // The report states Green/Amber for last period (September/October); the column beside says Amber.
      ['November/December 2023', 'Green/Amber', 'improved']
    ]);
    const stated = SEED.statusReports.filter((r) => r.workstreamId === ws('PART') && r.periodId === rated[1].period.id)[0].previousRag;
    expect(stated).toBe('Green/Amber');
  });

  it('uses what the first column’s report states about the period before it, as nothing is shown there', () => {
    const first: IPeriod = periods[0];
    const entries: IRagHistoryEntry[] = [{ workstreamId: 7, periodId: first.id, rag: 'Amber', previousRag: 'Green' }];
    expect(ratedPeriods([first], entries, 7)[0].direction).toBe('worsened');
  });

  it('treats a column with no rating beside it as a first rating, and no rating as not rated', () => {
    const [june, novDec] = periods;
    const entries: IRagHistoryEntry[] = [{ workstreamId: 7, periodId: novDec.id, rag: 'Red' as Rag, previousRag: 'Red' }];
    expect(ratedPeriods([june, novDec], entries, 7).map((r) => r.direction)).toEqual(['notRated', 'new']);
  });
});
