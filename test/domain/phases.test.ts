/**
 * The close-down's pure rules (src/domain/phases.ts): drafting from a phase's records and the
 * readiness of a close-down, over the seeded Phase 2 and over a small programme built here.
 */
import {
  checkCloseDown,
  closeDownLockBlockers,
  draftCloseDown,
  phaseMilestones,
  type ICloseDownInput,
  type ICloseDownItem,
  type IMilestone,
  type IPeriod,
  type IRisk,
  type IWorkstream
} from '../../src/domain';
import { WRITTEN_TEXTS } from '../../src/ui/writtenTexts';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../src/fixtures/improvementPlanPhase2';
import { PHASE_2, PHASE_2_CLOSE_DOWN } from '../../src/fixtures/phase2CloseDown';

// A phase being closed down has reported its periods: they are locked unless a test says otherwise.
const period = (id: number, title: string, start: string, state: IPeriod['state'] = 'Locked'): IPeriod => ({ id, title, start, end: start, state });
const theme = (id: number, title: string, order: number): IWorkstream => ({ id, code: `T${id}`, title, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order });
const milestone = (id: number, workstreamId: number, periodId: number, title: string, extra: Partial<IMilestone> = {}): IMilestone => ({ id, workstreamId, periodId, timing: 'ThisPeriod', title, order: id, ...extra });
const risk = (id: number, workstreamId: number, description: string, extra: Partial<IRisk> = {}): IRisk => ({ id, workstreamId, description, mitigation: 'Watch it', state: 'Open', raisedPeriodId: 10, order: id, ...extra });

/** Two themes (listed out of order), two periods; a milestone reported twice, completed the second time. */
function smallPhase(): ICloseDownInput {
  return {
    phase: { id: 7, title: 'Year one', start: '2025-01-01', state: 'Open' },
    periods: [period(11, 'Spring', '2025-04-01'), period(10, 'Winter', '2025-01-01')],
    workstreams: [theme(2, 'Housing', 2), theme(1, 'Finance', 1)],
    milestones: [
      milestone(1, 1, 10, 'Budget agreed', { statusCategory: 'InProgress' }),
      milestone(2, 1, 11, 'Budget  agreed', { statusCategory: 'Complete', status: 'Agreed in March', number: '3' }),
      milestone(3, 2, 11, 'Stock survey', { statusCategory: 'Ongoing', status: 'Half done' }),
      milestone(4, 2, 11, 'Tenant panel', { timing: 'NextPeriod' }),
      milestone(5, 2, 99, 'Another phase entirely', { statusCategory: 'Ongoing' }),
      milestone(6, 1, 11, '   ')
    ],
    risks: [risk(1, 2, 'Contractor capacity'), risk(2, 1, 'Closed one', { state: 'Closed' }), risk(3, 1, 'Raised elsewhere', { raisedPeriodId: 99 })]
  };
}

function asItems(input: ICloseDownInput): ICloseDownItem[] {
  return draftCloseDown(input, WRITTEN_TEXTS).map((row, i) => ({ ...row, id: 100 + i }));
}

describe('drafting a close-down from the phase records', () => {
  it('makes completed milestones evidence and open milestones and risks outstanding, theme by theme', () => {
    const rows = draftCloseDown(smallPhase(), WRITTEN_TEXTS);
    expect(rows.map((r) => [r.workstreamId, r.task, r.destination, r.sources])).toEqual([
      [1, 'Budget  agreed', 'Completed', ['milestone:2']],
      [2, 'Stock survey', undefined, ['milestone:3']],
      [2, 'Tenant panel', undefined, ['milestone:4']],
      [2, 'Risk: Contractor capacity', undefined, ['risk:1']]
    ]);
    expect(rows[0].evidence).toBe('Reported complete in Spring (milestone 3): Agreed in March');
    expect(rows[1].outstanding).toBe('Stock survey (Half done)');
    expect(rows[3].outstanding).toBe('Mitigation: Watch it');
    expect(rows.map((r) => r.order)).toEqual([1, 2, 3, 4]);
    expect(rows.every((r) => r.phaseId === 7)).toBe(true);
  });

  it("takes each milestone's latest report in the phase", () => {
    const { completed, open } = phaseMilestones(smallPhase());
    expect(completed.map((m) => m.id)).toEqual([2]);
    expect(open.map((m) => m.id)).toEqual([3, 4]);
  });

  it('drafts from the seeded Phase 2 records: its completed and open milestones and open risks', () => {
    const input: ICloseDownInput = { phase: PHASE_2, periods: SEED.periods, workstreams: SEED.workstreams, milestones: SEED.milestones, risks: SEED.risks };
    const rows = draftCloseDown(input, WRITTEN_TEXTS);
    const { completed, open } = phaseMilestones(input);
    const openRisks = SEED.risks.filter((r) => r.state === 'Open');
    expect(completed.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(completed.length + open.length + openRisks.length);
    expect(rows.filter((r) => r.destination === 'Completed')).toHaveLength(completed.length);
    expect(checkCloseDown({ ...input, items: rows.map((r, i) => ({ ...r, id: i + 1 })) }).filter((f) => f.rule === 'closedown-dropped')).toEqual([]);
  });
});

describe('readiness of a close-down', () => {
  it('finds each outstanding item without a destination, and nothing else in a fresh draft', () => {
    const input = smallPhase();
    const items = asItems(input);
    const findings = checkCloseDown({ ...input, items });
    expect(findings.map((f) => [f.rule, f.itemId])).toEqual([
      ['closedown-no-destination', 101],
      ['closedown-no-destination', 102],
      ['closedown-no-destination', 103]
    ]);
    expect(findings[0].message).toBe('"Stock survey" has activity outstanding but no destination: say whether it is completed, moves to a next-phase theme, goes to directorate business plans or is kept under review.');
    // The same as a code and values, for words other than these.
    expect(findings[0].detail).toEqual({ code: 'closeDownNoDestination', params: { row: { task: 'Stock survey' } } });
    expect(closeDownLockBlockers(findings)).toHaveLength(3);
  });

  it('finds the phase\'s periods still open, naming them in date order, as an error that blocks the lock', () => {
    const input: ICloseDownInput = { ...smallPhase(), periods: [period(11, 'Spring', '2025-04-01', 'Open'), period(10, 'Winter', '2025-01-01', 'Open'), period(12, 'Summer', '2025-07-01')] };
    const items = asItems(input).map((i) => ({ ...i, destination: i.destination || ('KeepUnderReview' as const) }));
    const findings = checkCloseDown({ ...input, items });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['closedown-period-open', 'error']]);
    expect(findings[0].message).toBe('The periods Winter, Spring of Year one are still open: lock each once its report has gone to the Board, then lock the close-down.');
    expect(closeDownLockBlockers(findings)).toHaveLength(1);
  });

  it('finds a completed claim without evidence, a next-phase move with no theme, and a dropped record', () => {
    const input = smallPhase();
    const items = asItems(input).map((i) => ({ ...i, destination: i.destination || ('KeepUnderReview' as const) }));
    items[0] = { ...items[0], undertaken: ' ', evidence: undefined };
    items[1] = { ...items[1], destination: 'NextPhaseTheme' };
    const withoutRisk = items.filter((i) => i.sources[0] !== 'risk:1');
    const findings = checkCloseDown({ ...input, items: withoutRisk });
    expect(findings.map((f) => f.rule)).toEqual(['closedown-completed-without-evidence', 'closedown-theme-not-in-next-phase', 'closedown-dropped']);
    expect(findings[2]).toMatchObject({ source: 'risk:1', message: 'The open risk "Contractor capacity" of Housing is in no row of the close-down.' });
    expect(findings[2].detail).toEqual({ code: 'closeDownRiskDropped', params: { description: 'Contractor capacity', workstream: 'Housing', workstreamId: expect.any(Number) } });
  });

  it('has nothing to say once every item is placed and cited', () => {
    const input = smallPhase();
    const items = asItems(input).map((i) => (i.destination ? i : { ...i, destination: 'NextPhaseTheme' as const, destinationAsWritten: 'Growth theme (Year two)' }));
    expect(checkCloseDown({ ...input, items })).toEqual([]);
  });

  it("gives every outstanding item of the seeded paper a destination, and names what the paper does not cite", () => {
    const input: ICloseDownInput = { phase: PHASE_2, periods: SEED.periods, workstreams: SEED.workstreams, milestones: SEED.milestones, risks: SEED.risks };
    const findings = checkCloseDown({ ...input, items: PHASE_2_CLOSE_DOWN });
    expect(findings.filter((f) => f.rule !== 'closedown-dropped' && f.rule !== 'closedown-period-open')).toEqual([]);
    const { open } = phaseMilestones(input);
    expect(findings.filter((f) => f.rule === 'closedown-dropped')).toHaveLength(open.length + SEED.risks.filter((r) => r.state === 'Open').length);
    // The seed's latest period is still open: the close-down waits for it to be locked.
    const stillOpen = SEED.periods.filter((p) => p.state !== 'Locked');
    expect(stillOpen.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === 'closedown-period-open').map((f) => f.message)).toEqual([expect.stringContaining(stillOpen[0].title)]);
  });
});
