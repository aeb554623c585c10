/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { choose, officeView, openWorkstream, panel, renderDashboard, rowMenuItem, section } from './dashboardKit';

const JUNE_BANNER: string =
  'Locked on 05/07/2023 by Heidi Robinson: this is what went to the Board. Its records can no longer change; the programme office can reopen it.';

/** Every control that would change the status report, milestones, risks, sponsor comments or the cycle. */
const EDIT_CONTROLS: RegExp =
  /^(More actions|Edit status report|Start the status report|Submit to the programme office|Approve|Send back|Change status|Edit|Move up|Move down|Delete|Close risk|Add a milestone|Add a risk|Write sponsor comments|Edit sponsor comments)/;

/** …outside IIB feedback, which follows the Board's meeting and so stays open after a lock. */
function editControls(): HTMLElement[] {
  const feedback: HTMLElement | null = screen.queryByRole('heading', { name: 'IIB challenge and feedback' });
  const outside = (b: HTMLElement): boolean => !feedback || !feedback.parentElement || !feedback.parentElement.contains(b);
  return screen.queryAllByRole('button').filter((b) => EDIT_CONTROLS.test(b.getAttribute('aria-label') || b.textContent || '') && outside(b));
}

async function openJune(user: Parameters<typeof openWorkstream>[0], title: string): Promise<void> {
  await openWorkstream(user, title);
  await choose(user, 'Reporting period', 'June 2023');
  await screen.findByText(/this is what went to the Board/);
}

describe('a locked period (June 2023, as it went to the Board)', () => {
  it.each([['programmeOffice'], ['projectManager'], ['sponsor'], ['iibMember']] as const)(
    'shows %s the banner saying when and by whom it was locked, and offers no editing of its records',
    async (persona) => {
      const { user } = renderDashboard({ persona });
      await openJune(user, 'Procurement');
      expect(screen.getByText(JUNE_BANNER)).toBeInTheDocument();
      expect(editControls()).toEqual([]);
      expect(within(section('Key milestones/activities this period')).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
      expect(within(section('Project risks')).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
      // Its report is as approved for the Board.
      expect(within(section('Project status')).getByText('Approved')).toBeInTheDocument();
    }
  );

  it("still lets an IIB member record a challenge about it, which follows the Board: in the open period's log, shown under June at once", async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    await openJune(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Record a challenge about June 2023' }));
    const dialog = await panel('Record challenge or feedback about June 2023');
    await choose(user, 'Kind', 'Challenge', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: /^Challenge or feedback/ }), 'Was the procurement code agreed in June?');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const feedback = await waitFor(() => section('IIB challenge and feedback'));
    expect(await within(feedback).findByText('Was the procurement code agreed in June?')).toBeInTheDocument();
    // A locked period's log is not added to: recorded in November/December 2023, about June.
    expect(repository.all('feedback').find((f) => f.text === 'Was the procurement code agreed in June?')).toMatchObject({ periodId: 2, aboutPeriodId: 1, workstreamId: 2 });
  });

  it('offers "Reopen period" only to those who manage periods', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openJune(user, 'Procurement');
    expect(screen.queryByRole('button', { name: 'Reopen period' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'History of June 2023' })).not.toBeInTheDocument();
  });

  it('lets the programme office reopen it with a reason, recorded in the history it shows', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    await openJune(user, 'Procurement');
    const history = section('History of June 2023');
    expect(within(history).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Locked on 05/07/2023 by Heidi Robinson']);

    await user.click(screen.getByRole('button', { name: 'Reopen period' }));
    const dialog = await panel('Reopen June 2023?');
    const reason = within(dialog).getByRole('textbox', { name: /^Why the period is being reopened/ });
    await waitFor(() => expect(reason).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Reopen period' }));
    expect(await within(dialog).findByText('Why the period is being reopened: (empty) must not be empty.')).toBeInTheDocument();
    expect(repository.callsOf('reopenPeriod')).toHaveLength(0);

    await user.type(reason, "Procurement's June milestones were transcribed wrongly.");
    repository.setNow('2024-02-01T09:00:00Z');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen period' }));
    expect(await screen.findByText('June 2023 is open again. Its records can change until the programme office locks it again.')).toBeInTheDocument();
    expect(repository.callsOf('reopenPeriod')[0].args).toEqual([1, "Procurement's June milestones were transcribed wrongly."]);
    await waitFor(() =>
      expect(within(section('History of June 2023')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Locked on 05/07/2023 by Heidi Robinson',
        "Reopened on 01/02/2024 by Heidi Robinson Reason: Procurement's June milestones were transcribed wrongly."
      ])
    );
    expect(screen.queryByText(JUNE_BANNER)).not.toBeInTheDocument();
    // Open again: its records can change.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Procurement' })).toHaveFocus());
    expect(await rowMenuItem(user, /^milestone /, /^Change status: /)).toBeInTheDocument();
  });

  it('shows the banner for a period the programme office has just locked', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    for (const id of [6, 7, 9, 10]) {
      repository.changeAsOtherUser('statusReport', id, { state: 'Approved' });
    }
    // Nothing that must be fixed first: the impossible 31/06/23 put right.
    repository.changeAsOtherUser('statusReport', 8, { agreedCompletionAsWritten: '31/03/2024' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    await user.click(within(await panel('Lock November/December 2023?')).getByRole('button', { name: 'Lock period' }));
    await screen.findByText(/November\/December 2023 is locked\./);
    await openWorkstream(user, 'Partnership Working');
    expect(
      screen.getByText('Locked on 31/01/2024 by Heidi Robinson: this is what went to the Board. Its records can no longer change; the programme office can reopen it.')
    ).toBeInTheDocument();
    expect(editControls()).toEqual([]);
    // The period's challenge log is on record as it went to the Board: nobody edits it, not even the
    // programme office, but an open challenge is still closed.
    const log: HTMLElement = section('IIB challenge and feedback');
    expect(within(log).queryAllByRole('button', { name: /^Edit: / })).toEqual([]);
    expect(within(log).getAllByRole('button', { name: /^Close the challenge: / }).length).toBeGreaterThan(0);
  });
});
