/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { choose, officeView, openWorkstream, panel, renderDashboard } from './dashboardKit';

/**
 * Axe's findings on the page. Colour contrast needs layout, which jsdom does not do (the browser
 * tests check it); page landmarks ("region") belong to the host page, not to the web part.
 */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('accessibility of the reporting cycle (axe)', () => {
  it('finds nothing wrong in the programme office view', async () => {
    renderDashboard({ persona: 'programmeOffice' });
    await officeView();
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in the lock panel once it offers "Lock anyway"', async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock November/December 2023?');
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));
    await within(dialog).findByRole('textbox', { name: /^Why lock with reports not approved/ });
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in a locked period with its history and "Reopen period"', async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    await openWorkstream(user, 'Governance and Decision Making');
    await choose(user, 'Reporting period', 'June 2023');
    await screen.findByRole('heading', { name: 'History of June 2023' });
    expect(await violations()).toEqual([]);
  });

  it("finds nothing wrong in a Teams tab that lists what is owed, nor in the submit panel's missing fields", async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PART', host: 'teams' });
    repository.changeAsOtherUser('statusReport', 9, { completedBy: '' });
    await screen.findByRole('list', { name: /^Still to do for/ });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    const dialog = await panel('Submit the status report');
    await waitFor(() => expect(within(dialog).getByText('It cannot be submitted yet. Put these right first:')).toBeInTheDocument());
    expect(await violations()).toEqual([]);
  });
});
