/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { MemoryRepository, rightsFor, uniformRights } from '../support/memoryProgramme';
import { choose, openWorkstream, panel, renderDashboard, renderOver, rowMenuItem, section } from './dashboardKit';

const EDIT_CONTROLS: RegExp = /^(More actions|Edit status report|Start the status report|Change status|Edit|Move up|Move down|Delete|Close risk|Add a milestone|Add a risk|Write sponsor comments|Edit sponsor comments)/;

function editControls(): HTMLElement[] {
  return screen.queryAllByRole('button').filter((b) => EDIT_CONTROLS.test(b.getAttribute('aria-label') || b.textContent || ''));
}

describe('what each user is offered, by their SharePoint rights', () => {
  it('offers an IIB member no status, milestone, risk or comment controls — not even disabled ones', async () => {
    // Project Plans and Delivery's November/December report is approved, so a reader sees its content.
    const { user } = renderDashboard({ persona: 'iibMember' });
    await openWorkstream(user, 'Project Plans and Delivery');
    expect(editControls()).toEqual([]);
    expect(within(section('Key milestones/activities this period')).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(within(section('Project risks')).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record challenge or feedback' })).toBeInTheDocument();
  });

  it('lets an IIB member record challenge against the workstream and period', async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Record challenge or feedback' }));
    const dialog = await panel('Record challenge or feedback');
    await choose(user, 'Kind', 'Feedback', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: /^Challenge or feedback/ }), 'The Board welcomes the launch of the procurement hub.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();

    const stored = repository.all('feedback').find((f) => f.text === 'The Board welcomes the launch of the procurement hub.');
    expect(stored).toMatchObject({ workstreamId: 2, periodId: 2, kind: 'Feedback', author: { name: 'Alex Morgan' } });
    const feedback = section('IIB challenge and feedback');
    await waitFor(() => expect(within(feedback).getByText('The Board welcomes the launch of the procurement hub.')).toBeInTheDocument());
    expect(within(feedback).getByRole('heading', { name: 'Feedback' })).toBeInTheDocument();
  });

  it("offers an IIB member their own challenges to change, never another's", async () => {
    const repository = new MemoryRepository({ persona: 'iibMember' });
    await repository.as('programmeOffice').create('feedback', { workstreamId: 2, periodId: 2, kind: 'Challenge', text: 'Recorded by the programme office.' });
    await repository.create('feedback', { workstreamId: 2, periodId: 2, kind: 'Feedback', text: 'Recorded by Alex.' });
    const { user } = renderOver(repository);
    await openWorkstream(user, 'Procurement');
    const feedback = section('IIB challenge and feedback');
    await waitFor(() => expect(within(feedback).getByText('Recorded by Alex.')).toBeInTheDocument());
    const items = within(feedback).getAllByRole('article');
    const own = items.filter((a) => a.textContent && a.textContent.indexOf('Recorded by Alex.') >= 0)[0];
    const others = items.filter((a) => a.textContent && a.textContent.indexOf('Recorded by the programme office.') >= 0)[0];
    expect(within(own).getByRole('button', { name: /^Edit/ })).toBeInTheDocument();
    expect(within(others).queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
  });

  it('offers a sponsor the sponsor comments only', async () => {
    const { user } = renderDashboard({ persona: 'sponsor' });
    await openWorkstream(user, 'Procurement');
    expect(editControls().map((b) => b.textContent)).toEqual(['Edit sponsor comments']);
    expect(screen.queryByRole('button', { name: 'Record challenge or feedback' })).not.toBeInTheDocument();
  });

  it('offers a project manager status, milestones and risks, but not sponsor comments or IIB feedback', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    expect(screen.getByRole('button', { name: 'Edit status report' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a milestone this period' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a risk' })).toBeInTheDocument();
    expect(await rowMenuItem(user, /^risk /, /^Close risk: /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit sponsor comments' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record challenge or feedback' })).not.toBeInTheDocument();
  });

  it('follows the rights on each list, not the persona: edit without add or delete', async () => {
    const rights = rightsFor('iibMember');
    const { user } = renderDashboard({ persona: 'iibMember', rights: { ...rights, milestones: { view: true, add: false, edit: true, delete: false, approve: false, manage: false } } });
    await openWorkstream(user, 'Project Plans and Delivery');
    expect(await rowMenuItem(user, /^milestone /, /^Change status: /)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /^Delete: / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a milestone this period' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit status report' })).not.toBeInTheDocument();
  });

  it('offers nothing to change to someone who may only view', async () => {
    const { user } = renderDashboard({ rights: uniformRights({ view: true, add: false, edit: false, delete: false, approve: false, manage: false }) });
    await openWorkstream(user, 'Partnership Working');
    expect(editControls()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Record challenge or feedback' })).not.toBeInTheDocument();
  });

  it('offers the starting of a status report when the period has none and the user may add one', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    repository.deleteAsOtherUser('statusReport', 9);
    await openWorkstream(user, 'Partnership Working');
    expect(within(section('Project status')).getByText('There is no status report for November/December 2023 yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the status report' }));
    const dialog = await panel('Start the status report');
    await choose(user, 'Project status this period', 'Amber', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Key activities' }), 'Case studies drafted.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(repository.all('statusReport').find((r) => r.workstreamId === 4 && r.periodId === 2)).toMatchObject({
      rag: 'Amber',
      keyActivities: 'Case studies drafted.',
      state: 'Draft'
    });
  });

  it("offers a sponsor no sponsor comments on a workstream they do not sponsor, by the product's rule (the sponsor by id)", async () => {
    // Nick Bell sponsors Governance and Procurement; Richard Kenny sponsors Partnership Working.
    // Steve Cox sponsors Project Plans and Delivery, whose November/December report is approved, so Nick Bell sees it.
    const { user, repository } = renderDashboard({ persona: 'sponsor' });
    await openWorkstream(user, 'Project Plans and Delivery');
    await screen.findByRole('heading', { name: 'Workstream sponsor comments' });
    expect(editControls()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Edit sponsor comments' })).not.toBeInTheDocument();
    // The repository refuses by the same rule, with its own code, and changes nothing.
    const before = repository.all('sponsorComment');
    const partnership = repository.all('sponsorComment').filter((c) => (c as { workstreamId: number; periodId: number }).workstreamId === 4 && (c as { periodId: number }).periodId === 2)[0] as { id: number; etag: string };
    await expect(repository.update('sponsorComment', partnership.id, { text: 'Noted by the other sponsor.' }, partnership.etag)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'notWorkstreamSponsor'
    });
    expect(repository.all('sponsorComment')).toEqual(before);
    // The same sponsor writes their own workstream's comments.
    const own = await repository.update('sponsorComment', 7, { text: 'Strong progress.' }, (repository.stored('sponsorComment', 7) as { etag: string }).etag);
    expect(own.text).toBe('Strong progress.');
  });

  it('offers no changes to a locked period, even to the programme office', async () => {
    const repository = new MemoryRepository({ persona: 'programmeOffice' });
    await repository.as('programmeOffice').lockPeriod(2, { allowUnapproved: true, reason: 'The Board meets on 10 January.', overrideReason: 'The paper goes as it is.' });
    const { user } = renderOver(repository);
    await openWorkstream(user, 'Procurement');
    expect(
      screen.getByText('Locked on 31/01/2024 by Heidi Robinson: this is what went to the Board. Its records can no longer change; the programme office can reopen it.')
    ).toBeInTheDocument();
    expect(editControls()).toEqual([]);
  });
});
