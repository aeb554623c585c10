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
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { dropdown, renderDashboard } from './dashboardKit';
import type { MemoryRepository } from '../support/memoryProgramme';
import { phaseOne } from '../support/phaseOneProgramme';

/** The tab's summary asked for no rating, and no read of Status Reports went with it. */
function readNoRatingsWithTheSummary(repository: MemoryRepository, code: string): void {
  expect(repository.callsOf('getProgrammeSummary').map((c) => c.args[0])).toEqual([{ withoutRatings: true, pinned: code }]);
  const summaryReads = repository.wireCalls().filter((c) => c.op === 'read' && c.action === 'read the programme');
  expect(summaryReads.length).toBeGreaterThan(0);
  expect(summaryReads.every((c) => c.lists.indexOf('statusReports') < 0)).toBe(true);
}

describe("a workstream's Teams tab lands without the programme's ratings", () => {
  // January locked; February open with theme A approved and theme B sent back; March open.
  const seed: ISeedProgramme = phaseOne();

  it("lands a reader on February for theme A (its report approved there), from that workstream's ratings alone", async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'THA', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Theme A' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('February 2022'));
    readNoRatingsWithTheSummary(repository, 'THA');
    expect(repository.callsOf('getRagHistory').map((c) => c.args[0])).toContain(1);
    expect(repository.callsOf('getRagHistory').map((c) => c.args[0])).not.toContain(2);
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(2);
  });

  it('lands a reader on January for theme B (sent back in February): what went to the Board', async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'THB', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Theme B' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('January 2022'));
    await screen.findByText(/this is what went to the Board/);
    readNoRatingsWithTheSummary(repository, 'THB');
    // The first picture read is the period it lands on: never a draft shown first.
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(1);
  });

  it('lands the programme office, who see drafts, on March, the latest open period', async () => {
    const { repository } = renderDashboard({ persona: 'programmeOffice', seed }, { workstreamCode: 'THB', host: 'teams' });
    await screen.findByRole('heading', { level: 2, name: 'Theme B' }, { timeout: 5000 });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('March 2022'));
    readNoRatingsWithTheSummary(repository, 'THB');
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])[0]).toBe(3);
  });

  it('shows the programme view, with its ratings, when the code names no workstream', async () => {
    const { repository } = renderDashboard({ persona: 'iibMember', seed }, { workstreamCode: 'NOPE', host: 'teams' });
    await screen.findByRole('table', { name: /RAG status of each workstream/ }, { timeout: 5000 });
    expect(repository.callsOf('getProgrammeSummary').map((c) => c.args[0])).toEqual([{ withoutRatings: true, pinned: 'NOPE' }, { ratingsWindow: 12 }]);
    expect(dropdown('Reporting period')).toHaveTextContent('February 2022');
  });
});
