/** @jest-environment jsdom */
/**
 * A workstream group's Teams tab lands on its workstream without reading the programme's ratings
 * (issue 14): the summary it reads has none (ISummaryOptions.withoutRatings, about 600 KB and a
 * second page of Status Reports at portfolio scale). Those who see the workstream's drafts land
 * on the open period, which takes no rating; a reader lands on what went to the Board or was
 * approved (domain's defaultPeriod) from that one workstream's ratings. Over the real rules
 * (ProgrammeRepository on the in-memory site), on a programme built here, not the seed.
 */
import { screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { IPeriod, IStatusReport, IWorkstream } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { dropdown, renderDashboard } from './dashboardKit';
import type { MemoryRepository } from '../support/memoryProgramme';

const SEED: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;

/**
 * A harbour authority's programme: two themes, January locked, February open with theme A's
 * report approved and theme B's sent back, March open with drafts.
 */
function harbour(): ISeedProgramme {
  const person = (login: string): { name: string; login: string } => {
    const u = SEED.users.filter((x) => x.login === login)[0];
    return { name: u.name, login: u.login };
  };
  const themes: IWorkstream[] = ['A', 'B'].map((letter, i) => ({
    id: i + 1,
    code: `HB${letter}`,
    title: `Harbour theme ${letter}`,
    description: `What harbour theme ${letter} changes.`,
    outcomes: [],
    sponsor: person('kate.mcfarlane@improvement.example'),
    projectManagers: [person('jodie.townsend@improvement.example')],
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
    keyActivities: `Harbour theme ${workstreamId} in period ${periodId}.`,
    state,
    returnReason: state === 'Returned' ? 'Say what the delay is.' : undefined
  });
  return {
    ...SEED,
    programme: { ...SEED.programme, title: 'Harbour Renewal Programme' },
    periods,
    workstreams: themes,
    statusReports: [
      report(1, 1, 'Approved', 'Green'),
      report(2, 1, 'Approved', 'Amber'),
      report(1, 2, 'Approved', 'Green/Amber'),
      report(2, 2, 'Returned', 'Amber/Red'),
      report(1, 3, 'Draft', 'Red'),
      report(2, 3, 'Draft', 'Red')
    ],
    sponsorComments: [],
    milestones: [],
    risks: [],
    feedback: []
  };
}

/** The tab's summary asked for no rating, and no read of Status Reports went with it. */
function readNoRatingsWithTheSummary(repository: MemoryRepository): void {
  expect(repository.callsOf('getProgrammeSummary').map((c) => c.args[0])).toEqual([{ withoutRatings: true }]);
  const summaryReads = repository.wireCalls().filter((c) => c.op === 'read' && c.action === 'read the programme');
  expect(summaryReads.length).toBeGreaterThan(0);
  expect(summaryReads.every((c) => c.lists.indexOf('statusReports') < 0)).toBe(true);
}

describe("a workstream's Teams tab lands without the programme's ratings", () => {
  const seed: ISeedProgramme = harbour();

  it("lands a reader on February for theme A (its report approved there), from that workstream's ratings alone", async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'HBA', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Harbour theme A' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('February 2022'));
    readNoRatingsWithTheSummary(repository);
    expect(repository.callsOf('getRagHistory').map((c) => c.args[0])).toContain(1);
    expect(repository.callsOf('getRagHistory').map((c) => c.args[0])).not.toContain(2);
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(2);
  });

  it('lands a reader on January for theme B (sent back in February): what went to the Board', async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'HBB', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Harbour theme B' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('January 2022'));
    await screen.findByText(/this is what went to the Board/);
    readNoRatingsWithTheSummary(repository);
    // The first picture read is the period it lands on: never a draft shown first.
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(1);
  });

  it('lands the programme office, who see drafts, on March, the latest open period', async () => {
    const { repository } = renderDashboard({ persona: 'programmeOffice', seed }, { workstreamCode: 'HBB', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Harbour theme B' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('March 2022'));
    readNoRatingsWithTheSummary(repository);
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(3);
  });

  it('shows the programme view, with its ratings, when the code names no workstream', async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'NOPE', host: 'teams' });
    await screen.findByRole('table', { name: /RAG status of each workstream/ }, { timeout: 5000 });
    expect(repository.callsOf('getProgrammeSummary').map((c) => c.args[0])).toEqual([{ withoutRatings: true }, {}]);
    expect(dropdown('Reporting period')).toHaveTextContent('February 2022');
  });
});
