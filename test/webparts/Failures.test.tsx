/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { DataError, type DataErrorKind, type IDataErrorDetails } from '../../src/data/errors';
import { rightsFor } from '../support/memoryProgramme';
import { officeView, openWorkstream, panel, renderDashboard, rowAction, type User } from './dashboardKit';
import type { MemoryRepository } from '../support/memoryProgramme';

const TYPED: string = 'Held on 1st February';

async function typeStatus(): Promise<{ user: User; repository: MemoryRepository; dialog: HTMLElement; field: HTMLElement }> {
  const { user, repository } = renderDashboard({ persona: 'projectManager' });
  await openWorkstream(user, 'Confidence, Culture and Capacity');
  await rowAction(user, 'milestone 5 (Staff conference planning)', 'Change status: milestone 5 (Staff conference planning)');
  const dialog = await panel('Change the status of milestone 5');
  const field = within(dialog).getByRole('textbox', { name: 'Status' });
  await user.clear(field);
  await user.type(field, TYPED);
  return { user, repository, dialog, field };
}

describe('when a save fails, the user gets words they can act on and keeps their text', () => {
  const cases: Array<[DataErrorKind, IDataErrorDetails, string]> = [
    ['forbidden', { status: 403 }, "You don't have permission to change milestones. Ask the programme office to give you access; your changes are still here."],
    ['locked', { status: 423 }, 'November/December 2023 is locked because it has gone to the Board. The programme office can reopen it.'],
    ['throttled', { status: 429, retryAfterSeconds: 30 }, 'SharePoint is busy. Try again in 30 seconds.'],
    ['notFound', { status: 404 }, 'Someone deleted this milestone since you opened it.'],
    ['network', {}, "Can't reach SharePoint. Check your connection; your changes are still here."],
    ['validation', { status: 400 }, 'SharePoint did not accept this milestone. Check the fields and try again; your changes are still here.']
  ];

  it.each(cases)('%s', async (kind, details, words) => {
    const { user, repository, dialog, field } = await typeStatus();
    repository.failNext(new DataError(kind, 'Server said: 0x80070005 Access denied (correlation 8c2f)', details), 'update');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(words)).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(words);
    expect(field).toHaveValue(TYPED);
    expect(screen.queryByText(/0x80070005|correlation/)).not.toBeInTheDocument();
  });

  it('never shows the raw message of an unexpected failure', async () => {
    const { user, repository, dialog, field } = await typeStatus();
    repository.failNext(new Error('TypeError: cannot read properties of undefined (reading "etag")') as unknown as DataError, 'update');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/Something went wrong and the change was not saved\. Your changes are still here/)).toBeInTheDocument();
    expect(screen.queryByText(/TypeError/)).not.toBeInTheDocument();
    expect(field).toHaveValue(TYPED);
  });

  it('is refused when the rights changed after the page opened, and nothing changes', async () => {
    const { user, repository, dialog } = await typeStatus();
    repository.setRights(rightsFor('iibMember'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/You don't have permission to change milestones/)).toBeInTheDocument();
    expect(repository.stored('milestone', 76)).toMatchObject({ status: 'In progress – set for 1st February', etag: '"1"' });
  });

  it('says when the item was deleted by someone else meanwhile', async () => {
    const { user, repository, dialog, field } = await typeStatus();
    repository.deleteAsOtherUser('milestone', 76);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone deleted this milestone since you opened it.')).toBeInTheDocument();
    expect(field).toHaveValue(TYPED);
  });

  it('says when a reorder met someone else\'s change, and refreshes', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Governance and Decision Making');
    repository.changeAsOtherUser('milestone', 51, { title: 'Expand the Shareholder Committee' });
    await rowAction(user, /^milestone 1 \(Expansion of Shareholder Comm/, /^Move down: milestone 1 \(Expansion of Shareholder Comm/);
    expect(
      await screen.findByText('Someone else changed this milestone since you opened it. The page now shows the current version; check it and try again.')
    ).toBeInTheDocument();
    expect(await screen.findByText('Expand the Shareholder Committee')).toBeInTheDocument();
  });

  it('shows a failed period load with a way to try again', async () => {
    const { user, repository } = renderDashboard();
    // Once the programme office's view of the cycle has its picture, the next picture is the workstream's.
    await officeView();
    repository.failNext('throttled', 'getPeriodPicture', { retryAfterSeconds: 1 });
    await user.click(screen.getByRole('button', { name: 'Procurement' }));
    expect(await screen.findByText('SharePoint is busy. Try again in 1 second.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Project status' })).toBeInTheDocument();
  });
});
