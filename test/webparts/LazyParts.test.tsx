/** @jest-environment jsdom */
/**
 * The parts of the dashboard loaded on first use (a workstream's view, the programme office's
 * view, the editing panels): if one cannot be fetched — the connection dropped between the page
 * and its chunk — the user is told so and can try again, and nothing else is lost.
 */
let mockChunkFails: boolean = true;
let mockAttempts: number = 0;
jest.mock('../../src/webparts/programmeDashboard/components/WorkstreamView', () => {
  mockAttempts++;
  if (mockChunkFails) {
    throw new Error('Loading chunk ph-workstream failed.');
  }
  return jest.requireActual('../../src/webparts/programmeDashboard/components/WorkstreamView');
});

import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { programmeTable, renderDashboard } from './dashboardKit';


const FAILED: string = 'This part of the dashboard could not be loaded. Check your connection and try again.';

describe('a part of the dashboard that cannot be fetched', () => {
  it('says so with a way to try again, and the retry fetches it afresh', async () => {
    // React reports the failed load to the console as it hands it to the boundary.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderDashboard({ persona: 'projectManager' });
    await programmeTable();
    await user.click(screen.getByRole('button', { name: 'Procurement' }));

    const alert: HTMLElement = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(FAILED);
    const attemptsBefore: number = mockAttempts;
    expect(attemptsBefore).toBeGreaterThanOrEqual(1);

    // The connection is back.
    mockChunkFails = false;
    const notice: HTMLElement = alert.parentElement as HTMLElement;
    await user.click(within(notice).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Project status' })).toBeInTheDocument();
    expect(mockAttempts).toBe(attemptsBefore + 1);
    expect(screen.queryByText(FAILED)).not.toBeInTheDocument();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
