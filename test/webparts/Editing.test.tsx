/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { choose, openWorkstream, panel, pressEscape, renderDashboard, rowAction, rowMenuButton, rowMenuItem, rowWith, section } from './dashboardKit';

describe('editing in the workstream view', () => {
  it("lets a project manager change a milestone's status, and the repository holds it", async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Confidence, Culture and Capacity');
    await rowAction(user, 'milestone 5 (Staff conference planning)', 'Change status: milestone 5 (Staff conference planning)');

    const dialog = await panel('Change the status of milestone 5');
    const status = within(dialog).getByRole('textbox', { name: 'Status' });
    await waitFor(() => expect(status).toHaveFocus());
    expect(status).toHaveValue('In progress – set for 1st February');
    await user.clear(status);
    await user.type(status, 'Complete – held on 1st February');
    await choose(user, 'Status category', 'Complete', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    // Said in a live region, for screen readers as well as on screen.
    expect(screen.getAllByRole('status').filter((s) => s.textContent === 'Saved.')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const stored = repository.stored('milestone', 76);
    expect(stored).toMatchObject({ status: 'Complete – held on 1st February', statusCategory: 'Complete', etag: '"2"' });
    expect(rowWith(section('Key milestones/activities this period'), 'Staff conference planning')).toHaveTextContent('Complete – held on 1st February');
    // Focus goes back to the row's menu button, which is still there after the save.
    await waitFor(() => expect(rowMenuButton('milestone 5 (Staff conference planning)')).toHaveFocus());
  });

  it('shows "Saving…" while the change is stored', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await rowAction(user, 'milestone 3 (Launch Procurement Hub)', 'Edit: milestone 3 (Launch Procurement Hub)');
    const dialog = await panel('Edit milestone');
    await user.type(within(dialog).getByRole('textbox', { name: 'Milestone' }), ' in March');
    const release = repository.hold();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saving…')).toBeInTheDocument();
    release();
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.stored('milestone', 60)?.title).toBe('Launch Procurement Hub in March');
  });

  it('checks dates as typed, puts the message beside the field and disables Save', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit status report' }));
    const dialog = await panel('Edit status report');
    const agreed = within(dialog).getByRole('textbox', { name: 'Agreed completion date' });
    await user.clear(agreed);
    await user.type(agreed, '31/06/2023');
    expect(await within(dialog).findByText('Agreed completion date: "31/06/2023" is not a date: June 2023 has 30 days.')).toBeInTheDocument();
    expect(agreed).toHaveAttribute('aria-invalid', 'true');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    await user.click(save);
    expect(repository.callsOf('update')).toHaveLength(0);

    await user.clear(agreed);
    await user.type(agreed, '30/06/2024');
    expect(within(dialog).queryByText(/June 2023 has 30 days/)).not.toBeInTheDocument();
    expect(save).not.toHaveAttribute('aria-disabled');
    await user.click(save);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    // Stored as typed, once the domain accepted it.
    expect(repository.stored('statusReport', 7)?.agreedCompletionAsWritten).toBe('30/06/2024');
  });

  it('shows an existing impossible date as soon as the form opens, so it can be put right', async () => {
    // Project Plans and Delivery's report is approved: only the programme office may still change it.
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    await openWorkstream(user, 'Project Plans and Delivery');
    await user.click(screen.getByRole('button', { name: 'Edit status report' }));
    const dialog = await panel('Edit status report');
    expect(within(dialog).getByText('Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('offers only the five RAG levels for the status, and stores the chosen one', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit status report' }));
    const dialog = await panel('Edit status report');
    await user.click(within(dialog).getByRole('combobox', { name: /^Project status this period/ }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Green', 'Green/Amber', 'Amber', 'Amber/Red', 'Red']);
    await user.click(screen.getByRole('option', { name: 'Amber/Red' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'RAG rationale' }), ' Recruitment has stalled.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.stored('statusReport', 7)?.rag).toBe('Amber/Red');
  });

  it('adds a milestone once when its first save landed, the answer was lost with the connection, and the user saves again', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    await user.click(screen.getByRole('button', { name: 'Add a milestone for next period' }));
    const dialog = await panel('Add a milestone for next period');
    await user.type(within(dialog).getByRole('textbox', { name: /^Milestone/ }), 'Publish the partnership case studies');
    repository.loseNextAnswer('create', { staysDown: true });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/Can't reach SharePoint/)).toBeInTheDocument();
    // The form keeps what was typed; saving again finds the item the first save made.
    expect(within(dialog).getByRole('textbox', { name: /^Milestone/ })).toHaveValue('Publish the partnership case studies');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.all('milestone').filter((m) => m.title === 'Publish the partnership case studies')).toHaveLength(1);
    const [first, second] = repository.callsOf('create');
    expect(first.args).toEqual(second.args);
    expect(within(section('Key milestones/activities planned for next period')).getAllByText('Publish the partnership case studies')).toHaveLength(1);

    // Another milestone afterwards is a new item, not the first one again.
    await user.click(screen.getByRole('button', { name: 'Add a milestone for next period' }));
    const next = await panel('Add a milestone for next period');
    await user.type(within(next).getByRole('textbox', { name: /^Milestone/ }), 'Publish the partnership case studies');
    await user.click(within(next).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(repository.all('milestone').filter((m) => m.title === 'Publish the partnership case studies')).toHaveLength(2));
  });

  it('adds a milestone once, saying it is saved, when the answer was lost but the connection is back at once', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    await user.click(screen.getByRole('button', { name: 'Add a milestone for next period' }));
    const dialog = await panel('Add a milestone for next period');
    await user.type(within(dialog).getByRole('textbox', { name: /^Milestone/ }), 'Publish the partnership case studies');
    repository.loseNextAnswer('create');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    // The repository finds the item its request key made: the user never sees the loss.
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.all('milestone').filter((m) => m.title === 'Publish the partnership case studies')).toHaveLength(1);
    expect(repository.callsOf('create')).toHaveLength(1);
  });

  it('adds a milestone for next period with a due date typed dd/mm/yyyy and stored as ISO', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    await user.click(screen.getByRole('button', { name: 'Add a milestone for next period' }));
    const dialog = await panel('Add a milestone for next period');
    expect(within(dialog).getByRole('textbox', { name: 'Number' })).toHaveValue('2');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    await user.type(within(dialog).getByRole('textbox', { name: /^Milestone/ }), 'Publish the partnership case studies');
    await user.type(within(dialog).getByRole('textbox', { name: 'Due date' }), '29/02/2024');
    await user.click(save);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const created = repository.all('milestone').find((m) => m.title === 'Publish the partnership case studies');
    expect(created).toMatchObject({ workstreamId: 4, periodId: 2, timing: 'NextPeriod', number: '2', dueDate: '2024-02-29', order: 2 });
    expect(within(section('Key milestones/activities planned for next period')).getByText('Overdue: was due 29/02/2024')).toBeInTheDocument();
  });

  it("reorders milestones from the row's menu, by keyboard, and keeps focus on the row's menu button", async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Governance and Decision Making');
    const row: RegExp = /^milestone 1 \(Expansion of Shareholder Comm/;
    // The first row cannot move up: the item is listed, disabled.
    expect(await rowMenuItem(user, row, /^Move up: milestone 1 \(Expansion of Shareholder Comm/)).toHaveAttribute('aria-disabled', 'true');
    pressEscape();
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    rowMenuButton(row).focus();
    await user.keyboard('{Enter}');
    const down = await screen.findByRole('menuitem', { name: /^Move down: milestone 1 \(Expansion of Shareholder Comm/ });
    expect(down).not.toHaveAttribute('aria-disabled', 'true');
    down.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.stored('milestone', 51)?.order).toBe(2);
    expect(repository.stored('milestone', 52)?.order).toBe(1);
    const rows = within(section('Key milestones/activities this period')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Agree officer support');
    expect(rows[2]).toHaveTextContent('Expansion of Shareholder Comm');
    await waitFor(() => expect(rowMenuButton(row)).toHaveFocus());
  });

  it('deletes a milestone after asking', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    // The seeded empty row "1" planned for next period.
    await rowAction(user, "next period's milestone 1 (Empty row)", "Delete: next period's milestone 1 (Empty row)");
    const dialog = await panel('Delete this milestone?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted.')).toBeInTheDocument();
    expect(repository.stored('milestone', 71)).toBeUndefined();
    expect(within(section('Key milestones/activities planned for next period')).getByText('No milestones are planned for the next period.')).toBeInTheDocument();
  });

  it('keeps the delete panel open on Esc while the delete is under way, then reports it', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    await rowAction(user, "next period's milestone 1 (Empty row)", "Delete: next period's milestone 1 (Empty row)");
    const dialog = await panel('Delete this milestone?');
    const release = repository.hold();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Deleting…')).toBeInTheDocument();
    pressEscape();
    expect(screen.getByRole('dialog', { name: 'Delete this milestone?' })).toBeInTheDocument();
    release();
    expect(await screen.findByText('Deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(repository.stored('milestone', 71)).toBeUndefined();
  });

  it('adds a risk and closes one in this period', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Partnership Working');
    await user.click(screen.getByRole('button', { name: 'Add a risk' }));
    const dialog = await panel('Add a risk');
    await user.type(within(dialog).getByRole('textbox', { name: /^Risk description/ }), 'Partners withdraw from the case studies');
    await user.type(within(dialog).getByRole('textbox', { name: /^Mitigation/ }), 'Agree the case studies with partners first');
    const likelihood = within(dialog).getByRole('textbox', { name: 'Likelihood' });
    await user.type(likelihood, '7');
    expect(within(dialog).getByText('Likelihood: "7" must be a whole number from 1 to 5.')).toBeInTheDocument();
    await user.clear(likelihood);
    await user.type(likelihood, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const risk = repository.all('risk').find((r) => r.description === 'Partners withdraw from the case studies');
    expect(risk).toMatchObject({ workstreamId: 4, state: 'Open', raisedPeriodId: 2, number: '2', likelihood: 3 });

    await rowAction(user, 'risk 2 (Partners withdraw from the case studies)', 'Close risk: risk 2 (Partners withdraw from the case studies)');
    expect(await screen.findByText('Risk closed. It is no longer listed in the report for November/December 2023.')).toBeInTheDocument();
    expect(repository.stored('risk', risk!.id)).toMatchObject({ state: 'Closed', closedPeriodId: 2 });
  });

  it('asks before Esc discards typed text, and keeps it when the user keeps editing', async () => {
    const { user, repository } = renderDashboard({ persona: 'sponsor' });
    await openWorkstream(user, 'Procurement');
    const trigger = screen.getByRole('button', { name: 'Edit sponsor comments' });
    await user.click(trigger);
    const dialog = await panel('Edit sponsor comments');
    const text = within(dialog).getByRole('textbox', { name: /^Sponsor comments/ });
    await waitFor(() => expect(text).toHaveFocus());
    await user.type(text, ' Board to be briefed in January.');
    pressEscape();
    expect(await within(dialog).findByText('You have changes that are not saved. Discard them?')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect((text as HTMLTextAreaElement).value).toMatch(/Board to be briefed in January\.$/);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(repository.callsOf('update')).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit sponsor comments' })).toHaveFocus());
  });

  it('closes on Esc straight away when nothing was typed', async () => {
    const { user } = renderDashboard({ persona: 'sponsor' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit sponsor comments' }));
    await panel('Edit sponsor comments');
    pressEscape();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
