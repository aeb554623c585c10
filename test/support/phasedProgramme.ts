/**
 * A programme of two phases built from the seeded one for tests of phases and close-downs (issue
 * 16), so that nothing is shown only because the seed holds it: "Recovery Plan", two themes of
 * its first phase ("Recovery year one", both periods, themes renamed) and a second phase not yet
 * begun with one theme of its own; both phases open, no close-down yet. One milestone of the
 * first phase is reported complete (its close-down drafts evidence from it).
 */
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import type { ILockOptions } from '../../src/data/repository';

export function recoveryPlan(): ISeedProgramme {
  const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const keep: number[] = [1, 3];
  const mine = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((i) => keep.indexOf(i.workstreamId) >= 0);
  return {
    ...seed,
    programme: { ...seed.programme, title: 'Recovery Plan' },
    periods: seed.periods.map((p) => ({ ...p, state: 'Open', title: p.id === 1 ? 'Quarter 1' : 'Quarter 3' })),
    workstreams: [
      ...seed.workstreams.filter((w) => keep.indexOf(w.id) >= 0).map((w) => ({ ...w, title: `${w.code} recovery`, shortTitle: undefined })),
      { ...seed.workstreams[1], id: 6, code: 'NEXT', title: 'Continuous improvement', shortTitle: undefined, order: 9 }
    ],
    statusReports: mine(seed.statusReports),
    sponsorComments: mine(seed.sponsorComments),
    milestones: [
      ...mine(seed.milestones),
      // One of the phase's milestones reported complete, so its close-down has evidence to draft.
      { id: 9001, workstreamId: 1, periodId: 2, timing: 'ThisPeriod', number: '9', title: 'Scheme of delegation approved', status: 'Approved by the Board on 12/12/2023', statusCategory: 'Complete', order: 90 }
    ],
    risks: mine(seed.risks),
    feedback: [],
    phases: [
      { id: 1, title: 'Recovery year one', start: '2023-04-01', state: 'Open', periodIds: [1, 2], workstreamIds: [1, 3] },
      { id: 2, title: 'Recovery year two', start: '2024-04-01', state: 'Open', periodIds: [], workstreamIds: [6] }
    ],
    closeDown: []
  };
}

/**
 * Locks a phase's periods as the programme office does once each report has gone to the Board
 * (a phase closes only with its periods locked): over reports not approved and findings, each
 * with its reason, as a test programme's reports are not all approved.
 */
export async function lockPeriodsOf(repository: { lockPeriod: (id: number, options: ILockOptions) => Promise<unknown> }, periods: ReadonlyArray<{ id: number; state: string }>): Promise<void> {
  for (const p of periods.filter((x) => x.state !== 'Locked')) {
    await repository.lockPeriod(p.id, { allowUnapproved: true, reason: 'The report went to the Board as it stood.', overrideReason: 'The Board had the report as it stood.', boardMeetingDate: '14/12/2023' });
  }
}
