/**
 * A small, clean two-period programme to break one rule at a time. Built fresh per call so
 * tests can change it freely.
 */
import type { IReadinessInput } from '../../src/domain';

export function cleanPeriod(): IReadinessInput {
  const previousPeriod = { id: 1, title: 'October 2023', start: '2023-10-01', end: '2023-10-31', state: 'Locked' as const, overview: 'Steady.' };
  const period = { id: 2, title: 'November 2023', start: '2023-11-01', end: '2023-11-30', state: 'Open' as const, overview: 'On track.' };
  const workstreams = [
    { id: 10, code: 'GOV', title: 'Governance', description: 'Govern.', outcomes: [], projectManagers: [], pmoSupport: [], order: 1 },
    { id: 11, code: 'PROC', title: 'Procurement', description: 'Buy well.', outcomes: [], projectManagers: [], pmoSupport: [], order: 2 }
  ];
  const report = (id: number, workstreamId: number, periodId: number, rag: 'Green' | 'Amber') => ({
    id,
    workstreamId,
    periodId,
    rag,
    previousRag: 'Green' as const,
    keyActivities: 'Things happened.',
    ragRationale: 'On plan.',
    agreedCompletionAsWritten: '31/03/2024',
    forecastCompletionAsWritten: '31/03/2024',
    completedBy: 'A Person',
    completionDateAsWritten: '20/11/2023',
    state: 'Approved' as const
  });
  return {
    period,
    previousPeriod,
    workstreams,
    statusReports: [report(101, 10, 2, 'Green'), report(102, 11, 2, 'Green')],
    previousStatusReports: [report(91, 10, 1, 'Green'), report(92, 11, 1, 'Green')],
    sponsorComments: [
      { id: 201, workstreamId: 10, periodId: 2, text: 'Good.' },
      { id: 202, workstreamId: 11, periodId: 2, text: 'Fine.' }
    ],
    milestones: [
      { id: 301, workstreamId: 10, periodId: 2, timing: 'ThisPeriod', number: '1', title: 'Agree the risk register', status: 'Complete', statusCategory: 'Complete', order: 1 },
      { id: 302, workstreamId: 10, periodId: 2, timing: 'NextPeriod', number: '1', title: 'Train members', order: 1 },
      { id: 303, workstreamId: 11, periodId: 2, timing: 'ThisPeriod', number: '1', title: 'Launch the procurement hub', status: 'Ongoing', statusCategory: 'Ongoing', order: 1 }
    ],
    previousMilestones: [
      { id: 291, workstreamId: 10, periodId: 1, timing: 'NextPeriod', number: '1', title: 'Finalise the risk register', order: 1 },
      { id: 292, workstreamId: 11, periodId: 1, timing: 'NextPeriod', number: '1', title: 'Launch Procurement Hub', order: 1 }
    ],
    risks: [
      { id: 401, workstreamId: 10, number: '1', description: 'Staff resist change', mitigation: 'Training', state: 'Open', raisedPeriodId: 1, order: 1 },
      { id: 402, workstreamId: 11, number: '1', description: 'Skills lost', mitigation: 'Retention plan', state: 'Open', raisedPeriodId: 2, order: 1 }
    ]
  };
}
