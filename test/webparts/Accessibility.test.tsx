/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { openWorkstream, panel, programmeTable, renderDashboard } from './dashboardKit';

/**
 * Axe's findings on the page. Colour contrast needs layout, which jsdom does not do; page
 * landmarks ("region") belong to the host page (SharePoint or Teams), not to the web part.
 */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// jsdom has no canvas; axe then skips its icon-font check instead of logging that it cannot draw.
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('accessibility (axe)', () => {
  it('finds nothing wrong in the programme view', async () => {
    renderDashboard();
    await programmeTable();
    expect(await violations()).toEqual([]);
  });

  it("finds nothing wrong in a project manager's workstream view", async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Confidence, Culture and Capacity');
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in an editing panel, and every field has a label', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit status report' }));
    const dialog = await panel('Edit status report');
    for (const box of within(dialog).getAllByRole('textbox')) {
      expect(box).toHaveAccessibleName();
    }
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong in the side-by-side conflict view', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit status report' }));
    const dialog = await panel('Edit status report');
    await user.type(within(dialog).getByRole('textbox', { name: 'RAG rationale' }), ' Still on track.');
    repository.changeAsOtherUser('statusReport', 7, { ragRationale: 'Agreed at the December Board.' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('region', { name: 'Your version and the current version' });
    expect(await violations()).toEqual([]);
  });
});
