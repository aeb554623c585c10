/**
 * A differently shaped programme for tests of who lands where (issue 17; issue 14's Teams tab),
 * so that nothing is shown only because the seed holds it.
 */
import type { IPeriod, IStatusReport, IWorkstream } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';

const SEED: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;

/**
 * Another authority's first phase, shaped unlike the seed: three themes with their own people,
 * January 2022 locked, February open with only theme A approved (B sent back, C submitted), and
 * March open with a draft.
 */
export function phaseOne(): ISeedProgramme {
  const person = (login: string): { name: string; login: string } => {
    const u = SEED.users.filter((x) => x.login === login)[0];
    return { name: u.name, login: u.login };
  };
  const themes: IWorkstream[] = ['A', 'B', 'C'].map((letter, i) => ({
    id: i + 1,
    code: `TH${letter}`,
    title: `Theme ${letter}`,
    description: `What theme ${letter} changes.`,
    outcomes: [],
    sponsor: person(i === 0 ? 'nick.bell@improvement.example' : 'kate.mcfarlane@improvement.example'),
    projectManagers: [person(i === 2 ? 'pete.tonks@improvement.example' : 'jodie.townsend@improvement.example')],
    pmoSupport: [],
    order: i + 1
  }));
  const periods: IPeriod[] = [
    { id: 1, title: 'January 2022', start: '2022-01-01', end: '2022-01-31', state: 'Locked' },
    { id: 2, title: 'February 2022', start: '2022-02-01', end: '2022-02-28', state: 'Open' },
    { id: 3, title: 'March 2022', start: '2022-03-01', end: '2022-03-31', state: 'Open' }
  ];
  let id: number = 0;
  const report = (workstreamId: number, periodId: number, state: IStatusReport['state'], rag: IStatusReport['rag']): IStatusReport => ({
    id: ++id,
    workstreamId,
    periodId,
    rag,
    managerUpdate: `Theme ${workstreamId} in period ${periodId}: a private working note.`,
    state,
    returnReason: state === 'Returned' ? 'Say what the delay is.' : undefined
  });
  return {
    ...SEED,
    programme: { ...SEED.programme, title: 'Improvement Plan Phase 1' },
    periods,
    workstreams: themes,
    statusReports: [
      report(1, 1, 'Approved', 'Green'),
      report(2, 1, 'Approved', 'Amber'),
      report(3, 1, 'Approved', 'Red'),
      report(1, 2, 'Approved', 'Green/Amber'),
      report(2, 2, 'Returned', 'Amber/Red'),
      report(3, 2, 'Submitted', 'Amber'),
      report(1, 3, 'Draft', 'Red')
    ],
    sponsorComments: [],
    milestones: [],
    risks: [],
    feedback: []
  };
}
