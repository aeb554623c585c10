/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { openWorkstream, panel, renderDashboard, renderOver, rowMenuItem, section } from './dashboardKit';

/** The report state as the status section says it. */
function reportState(): string | null {
  const status = section('Project status');
  const dt = within(status)
    .getAllByRole('term')
    .find((t) => t.textContent === 'Report state') as HTMLElement;
  return (dt.nextElementSibling as HTMLElement).textContent;
}

describe("a status report's state in the workstream view", () => {
  it.each([
    ['Governance and Decision Making', 'Submitted to the programme office'],
    ['Procurement', 'Draft'],
    ['Project Plans and Delivery', 'Approved']
  ])('says where %s stands in words: %s', async (title, words) => {
    const { user } = renderDashboard({ persona: 'iibMember' });
    await openWorkstream(user, title);
    expect(reportState()).toBe(words);
  });
});

describe('a project manager and the reporting cycle', () => {
  it('submits a draft to the programme office after confirming, and then is not offered its editing', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    const submit = screen.getByRole('button', { name: 'Submit to the programme office' });
    await user.click(submit);
    const dialog = await panel('Submit the status report');
    expect(dialog).toHaveTextContent("Submit Procurement's status report for November/December 2023 to the programme office?");
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Submit to the programme office' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Submit to the programme office' }));

    const confirmation = await screen.findByText('Submitted to the programme office.');
    expect(confirmation.closest('[role="status"]')).not.toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(repository.stored('statusReport', 7)).toMatchObject({ state: 'Submitted', etag: '"2"' });
    expect(repository.callsOf('transitionReport')[0].args.slice(0, 3)).toEqual([7, 'submit', '"1"']);
    await waitFor(() => expect(reportState()).toBe('Submitted to the programme office'));
    expect(screen.queryByRole('button', { name: 'Edit status report' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit to the programme office' })).not.toBeInTheDocument();
    expect(
      within(section('Project status')).getByText(
        'This report has been submitted to the programme office, so it cannot be edited now. Ask the programme office to send it back if it needs changing.'
      )
    ).toBeInTheDocument();
    // The button that opened the panel is gone: focus goes to the workstream's heading.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Procurement' })).toHaveFocus());
  });

  it('sees what is missing, in words, before a draft can be submitted, and can go straight to editing it', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    repository.changeAsOtherUser('statusReport', 9, { completedBy: '', completionDateAsWritten: '' });
    await openWorkstream(user, 'Partnership Working');
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    const dialog = await panel('Submit the status report');
    expect(within(dialog).getByText('It cannot be submitted yet. Put these right first:')).toBeInTheDocument();
    const missing = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // SharePoint keeps an emptied text column as nothing at all: the product reads it as missing.
    expect(missing).toEqual(['Report completed by: (missing) must not be empty.', 'Completion date: (missing) must not be empty: enter a date as dd/mm/yyyy.']);
    expect(within(dialog).queryByRole('button', { name: 'Submit to the programme office' })).not.toBeInTheDocument();
    expect(repository.callsOf('transitionReport')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Edit status report' }));
    const form = await panel('Edit status report');
    expect(within(form).getByRole('textbox', { name: 'Report completed by' })).toHaveValue('');
  });

  it("shows the repository's refusal in its own words when the report changed meanwhile", async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    const dialog = await panel('Submit the status report');
    // A colleague empties "completed by" after the page was read.
    repository.changeAsOtherUser('statusReport', 7, { completedBy: '' });
    await user.click(within(dialog).getByRole('button', { name: 'Submit to the programme office' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not submit the report: Report completed by: (missing) must not be empty.');
    expect(repository.stored('statusReport', 7)?.state).toBe('Draft');
  });

  it('is not offered the editing of a submitted report, but keeps its milestones and risks', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Governance and Decision Making');
    expect(reportState()).toBe('Submitted to the programme office');
    expect(screen.queryByRole('button', { name: 'Edit status report' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit to the programme office' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send back' })).not.toBeInTheDocument();
    expect(screen.getByText(/has been submitted to the programme office, so it cannot be edited now/)).toBeInTheDocument();
    expect(await rowMenuItem(user, /^milestone /, /^Change status: /)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a risk' })).toBeInTheDocument();
  });

  it('is not offered the editing of an approved report either', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Project Plans and Delivery');
    expect(screen.queryByRole('button', { name: 'Edit status report' })).not.toBeInTheDocument();
    expect(screen.getByText(/has been approved by the programme office, so it cannot be edited now/)).toBeInTheDocument();
  });
});

describe('the programme office in the workstream view', () => {
  it('approves a submitted report', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    await openWorkstream(user, 'Governance and Decision Making');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText("Governance and Decision Making's status report for November/December 2023 is approved.")).toBeInTheDocument();
    expect(repository.stored('statusReport', 6)?.state).toBe('Approved');
    await waitFor(() => expect(reportState()).toBe('Approved'));
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    // An approved report can still be sent back before the period is locked.
    expect(screen.getByRole('button', { name: 'Send back' })).toBeInTheDocument();
  });

  it('sends a report back only with a reason, which the project manager then sees at the top of the report', async () => {
    const { user, repository, unmount } = renderDashboard({ persona: 'programmeOffice' });
    await openWorkstream(user, 'Confidence, Culture and Capacity');
    await user.click(screen.getByRole('button', { name: 'Send back' }));
    const dialog = await panel('Send the status report back');
    const reason = within(dialog).getByRole('textbox', { name: /^What needs changing/ });
    await waitFor(() => expect(reason).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(await within(dialog).findByText('What needs changing: (empty) must not be empty.')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(repository.callsOf('transitionReport')).toHaveLength(0);

    const why = 'Say how many staff took part in the mid-year reviews, and when the survey results come.';
    await user.type(reason, why);
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(
      await screen.findByText("Confidence, Culture and Capacity's status report for November/December 2023 has been sent back to the project manager.")
    ).toBeInTheDocument();
    expect(repository.stored('statusReport', 10)).toMatchObject({ state: 'Returned', returnReason: why });

    unmount();
    const pm = renderOver(repository.as('projectManager'));
    await openWorkstream(pm.user, 'Confidence, Culture and Capacity');
    const status = section('Project status');
    const callout = within(status).getByRole('heading', { level: 4, name: 'Sent back by the programme office: what needs changing' }).parentElement as HTMLElement;
    expect(callout).toHaveTextContent(why);
    expect(reportState()).toBe('Sent back');
    expect(screen.getByRole('button', { name: 'Edit status report' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit to the programme office' })).toBeInTheDocument();
  });

  it('says in words when approving was refused', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    await openWorkstream(user, 'Governance and Decision Making');
    repository.failNext('forbidden', 'transitionReport', { status: 403 });
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("You don't have permission to approve or send back status reports. Ask the programme office if you need it.");
    expect(screen.queryByText(/Injected/)).not.toBeInTheDocument();
    expect(repository.stored('statusReport', 6)?.state).toBe('Submitted');
  });

  it('says the period is locked when it was locked meanwhile', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    const dialog = await panel('Submit the status report');
    await repository.as('programmeOffice').lockPeriod(2, { allowUnapproved: true, reason: 'The Board meets on 10 January.', overrideReason: 'The paper goes as it is.' });
    await user.click(within(dialog).getByRole('button', { name: 'Submit to the programme office' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'November/December 2023 is locked because it has gone to the Board. The programme office can reopen it.'
    );
  });
});
