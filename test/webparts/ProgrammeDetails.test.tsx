/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import '@testing-library/jest-dom';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { officeView, panel, renderDashboard } from './dashboardKit';

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('changing the programme after set-up (programme office)', () => {
  it('prefills the seeded programme and saves a new board name with its ETag', async () => {
    const { user, repository } = renderDashboard();
    const before = (await repository.getProgrammeSummary()).programme;
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    const board = await within(dialog).findByRole('textbox', { name: 'Board the report goes to' });
    expect(board).toHaveValue(before.board);
    expect(within(dialog).getByText(/Changing an option deletes nothing/)).toBeInTheDocument();
    await user.clear(board);
    await user.type(board, 'Audit Board');
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    await waitFor(async () => expect((await repository.getProgrammeSummary()).programme.board).toBe('Audit Board'));
    const after = (await repository.getProgrammeSummary()).programme;
    expect(after.board).toBe('Audit Board');
    expect(after.title).toBe(before.title);
    expect(after.ragKeyIntroduction).toBe(before.ragKeyIntroduction);
  });

  it('shows a conflict, keeping the typed value, when someone else saved first (first-phase programme)', async () => {
    const { user, repository } = renderDashboard({ seed: FIRST_PHASE });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    const title = await within(dialog).findByRole('textbox', { name: /^Programme/ });
    const summary = await repository.getProgrammeSummary();
    await repository.saveProgramme({ title: 'Changed elsewhere' }, summary.programmeEtag);
    await user.clear(title);
    await user.type(title, 'My title');
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    expect(await within(dialog).findByText(/Someone else changed the programme/)).toBeInTheDocument();
    expect(title).toHaveValue('My title');
    expect((await repository.getProgrammeSummary()).programme.title).toBe('Changed elsewhere');
  });

  it('has no axe findings with the panel open (colour contrast is checked in a browser, not jsdom)', async () => {
    const { user } = renderDashboard({ seed: FIRST_PHASE });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    await within(dialog).findByRole('textbox', { name: /^Programme/ });
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('is not offered to %s', async (persona) => {
    renderDashboard({ persona, seed: FIRST_PHASE });
    await screen.findAllByRole('table');
    expect(screen.queryByRole('button', { name: 'Programme…' })).not.toBeInTheDocument();
  });
});
