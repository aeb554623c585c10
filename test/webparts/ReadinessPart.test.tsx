/** @jest-environment jsdom */
/**
 * The readiness rules, with the "Ready for the Board?" list and a Teams tab's summary of what is
 * owed, are a part a workstream's view fetches as it opens (workstreamParts.tsx) rather than in
 * its own chunk. The view's report is on screen without it; the list and the summary appear once it
 * is in; if it cannot be fetched, each says so with a way to try again, reachable by keyboard, and
 * the retry fetches it afresh.
 */
let mockChunkFails: boolean = false;
let mockAttempts: number = 0;
jest.mock('../../src/webparts/programmeDashboard/components/readinessParts', () => {
  mockAttempts++;
  if (mockChunkFails) {
    throw new Error('Loading chunk ph-readiness failed.');
  }
  return jest.requireActual('../../src/webparts/programmeDashboard/components/readinessParts');
});

import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { openWorkstream, renderDashboard } from './dashboardKit';

const FAILED: string = 'This part of the dashboard could not be loaded. Check your connection and try again.';

/** The section a heading names. */
function section(name: string): HTMLElement {
  return screen.getByRole('heading', { name }).closest('section') as HTMLElement;
}

describe("a workstream's readiness part", () => {
  // First, while it cannot be fetched (once fetched, the page keeps it).
  it("on a Teams tab, says so with a retry in the summary's and the list's places, the report shown meanwhile; each retry, by keyboard, fetches it", async () => {
    mockChunkFails = true;
    // React reports the failed load to the console as it hands it to the boundary.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PROC', host: 'teams' });
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    await waitFor(() => expect(screen.getAllByText(FAILED)).toHaveLength(2));
    expect(section('Project status')).toHaveTextContent('This period');
    expect(document.querySelector('[data-owed]')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Ready for the Board?' })).not.toBeInTheDocument();
    const attemptsBefore: number = mockAttempts;

    // The connection is back: the summary's "Try again", by keyboard.
    mockChunkFails = false;
    within(screen.getAllByText(FAILED)[0].parentElement as HTMLElement)
      .getByRole('button', { name: 'Try again' })
      .focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('[data-owed]')).not.toBeNull());
    expect(screen.getByRole('list', { name: 'Still to do for November/December 2023:' })).toHaveTextContent('submit the status report (it is a draft)');
    expect(mockAttempts).toBe(attemptsBefore + 1);

    // The list's own notice stays until its "Try again", by keyboard too.
    expect(screen.getAllByText(FAILED)).toHaveLength(1);
    within(screen.getByText(FAILED).parentElement as HTMLElement)
      .getByRole('button', { name: 'Try again' })
      .focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ready for the Board?' })).toBeInTheDocument();
    expect(screen.queryByText(FAILED)).not.toBeInTheDocument();
    logged.mockRestore();
  });

  it('appears in the view with its findings, as the view opens', async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Project Plans and Delivery');
    const heading: HTMLElement = await screen.findByRole('heading', { name: 'Ready for the Board?' });
    const readiness: HTMLElement = heading.closest('section') as HTMLElement;
    const finding: HTMLElement | undefined = within(readiness)
      .getAllByRole('listitem')
      .find((li) => /31\/06\/23/.test(li.textContent || ''));
    expect(finding).toHaveTextContent('Must fix');
  });
});
