/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { openWorkstream, panel, renderDashboard, rowAction, rowWith, section, type User } from './dashboardKit';
import type { MemoryRepository } from '../support/memoryProgramme';

const MINE: string = 'Held on 1st February; 120 staff attended';
const THEIRS: string = 'Postponed to March';

/**
 * A project manager starts changing the status of "Staff conference planning" (milestone 76);
 * meanwhile a colleague changes it; then the project manager saves.
 */
async function staleEdit(): Promise<{ user: User; repository: MemoryRepository; dialog: HTMLElement }> {
  const { user, repository } = renderDashboard({ persona: 'projectManager' });
  await openWorkstream(user, 'Confidence, Culture and Capacity');
  await rowAction(user, 'milestone 5 (Staff conference planning)', 'Change status: milestone 5 (Staff conference planning)');
  const dialog = await panel('Change the status of milestone 5');
  const status = within(dialog).getByRole('textbox', { name: 'Status' });
  await user.clear(status);
  await user.type(status, MINE);
  repository.changeAsOtherUser('milestone', 76, { status: THEIRS, statusCategory: 'Delayed' });
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await within(dialog).findByRole('region', { name: 'Your version and the current version' });
  return { user, repository, dialog };
}

function versions(dialog: HTMLElement, field: string): { group: HTMLElement; mine: HTMLElement; current: HTMLElement } {
  const group = within(dialog).getByRole('group', { name: field });
  return {
    group,
    mine: group.querySelector('[data-version="mine"]') as HTMLElement,
    current: group.querySelector('[data-version="current"]') as HTMLElement
  };
}

describe('when someone else changed the item first', () => {
  it('shows my version and the current one side by side, field by field, with differences marked', async () => {
    const { dialog, repository } = await staleEdit();
    expect(within(dialog).getByText(/Someone else changed this milestone since you opened it/)).toBeInTheDocument();

    const status = versions(dialog, 'Status');
    expect(status.mine).toHaveTextContent(`Your version${MINE}`);
    expect(status.current).toHaveTextContent(`Current version (saved by someone else)${THEIRS}`);
    expect(within(status.group).getByText('Different')).toBeInTheDocument();

    const category = versions(dialog, 'Status category');
    expect(category.mine).toHaveTextContent('In progress');
    expect(category.current).toHaveTextContent('Delayed');

    // Nothing was overwritten.
    expect(repository.stored('milestone', 76)).toMatchObject({ status: THEIRS, etag: '"2"' });
    for (const name of ['Keep my version', 'Use the current version', 'Edit from the current version']) {
      expect(within(dialog).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('"Keep my version" saves my values over theirs and refreshes the list', async () => {
    const { user, dialog, repository } = await staleEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Keep my version' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.stored('milestone', 76)).toMatchObject({ status: MINE, statusCategory: 'InProgress', etag: '"3"' });
    await waitFor(() => expect(rowWith(section('Key milestones/activities this period'), 'Staff conference planning')).toHaveTextContent(MINE));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('"Use the current version" keeps theirs, refreshes the list, and leaves my text on screen to copy', async () => {
    const { user, dialog, repository } = await staleEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Use the current version' }));
    const kept = await within(dialog).findByRole('textbox', { name: 'Your version (not saved)' });
    expect(kept).toHaveAttribute('readonly');
    expect((kept as HTMLTextAreaElement).value).toContain(`Status: ${MINE}`);
    expect(repository.stored('milestone', 76)).toMatchObject({ status: THEIRS, etag: '"2"' });
    // The list behind the panel already shows their version.
    await waitFor(() => expect(rowWith(section('Key milestones/activities this period', true), 'Staff conference planning')).toHaveTextContent(THEIRS));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(repository.callsOf('update')).toHaveLength(1);
  });

  it('"Edit from the current version" reloads the form with theirs, shows mine alongside, and saves against their version', async () => {
    const { user, dialog, repository } = await staleEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Edit from the current version' }));
    const status = await within(dialog).findByRole('textbox', { name: 'Status' });
    expect(status).toHaveValue(THEIRS);
    expect(within(dialog).getByText(MINE)).toBeInTheDocument();
    expect(within(dialog).getAllByText('Your version:').length).toBeGreaterThan(0);
    await user.type(status, `, then ${MINE.toLowerCase()}`);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.stored('milestone', 76)).toMatchObject({ status: `${THEIRS}, then ${MINE.toLowerCase()}`, statusCategory: 'Delayed', etag: '"3"' });
  });

  it('never loses long text: a stale sponsor comment shows in full beside the current one', async () => {
    const { user, repository } = renderDashboard({ persona: 'sponsor' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Edit sponsor comments' }));
    const dialog = await panel('Edit sponsor comments');
    const text = within(dialog).getByRole('textbox', { name: /^Sponsor comments/ });
    await user.clear(text);
    await user.type(text, 'Strong progress.\n\nThe Board should note the new hub.');
    repository.changeAsOtherUser('sponsorComment', 7, { text: 'Comments agreed with the programme office.' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const group = await within(dialog).findByRole('group', { name: 'Sponsor comments' });
    expect(group.querySelector('[data-version="mine"]')).toHaveTextContent('Strong progress. The Board should note the new hub.', { normalizeWhitespace: true });
    expect(group.querySelector('[data-version="current"]')).toHaveTextContent('Comments agreed with the programme office.');
  });
});
