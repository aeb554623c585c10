/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { checkReadiness, dropdown, officeView, panel, pressEscape, programmeTable, renderDashboard, rowAction, rowMenuButton, rowMenuItem, section } from './dashboardKit';

/** The programme office table's row for a workstream. */
function rowWith(office: HTMLElement, title: string): HTMLElement {
  return within(office).getByRole('rowheader', { name: title }).closest('tr') as HTMLElement;
}

/** Each row of the programme office table: workstream, report, sponsor comments, findings. */
function rows(office: HTMLElement): string[][] {
  const table = within(office).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).slice(0, 4).map((c) => c.textContent || ''));
}

describe('the programme office view', () => {
  it("lands on where each report stands from the programme summary, without reading the period's whole picture", async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    expect(dropdown('Open period', office)).toHaveTextContent('November/December 2023');
    expect(rows(office)).toEqual([
      ['Governance and Decision Making', 'Submitted to the programme office', ''],
      ['Procurement', 'Draft', ''],
      ['Project Plans and Delivery', 'Approved', ''],
      ['Partnership Working', 'Draft', ''],
      ['Confidence, Culture and Capacity', 'Submitted to the programme office', '']
    ]);
    expect(within(office).getByText('1 of 5 reports approved; 2 waiting for approval.')).toBeInTheDocument();
    expect(within(office).queryByRole('columnheader', { name: 'Readiness findings' })).not.toBeInTheDocument();
    // Every report's text (readiness) is not read until asked for.
    expect(repository.callsOf('getPeriodPicture').filter((c) => !c.args[1])).toEqual([]);
    const status: HTMLElement = within(office).getByRole('status');
    expect(status).toHaveTextContent('');
    await user.click(within(office).getByRole('button', { name: 'Check readiness for November/December 2023' }));
    await within(office).findByRole('columnheader', { name: 'Readiness findings' });
    expect(repository.callsOf('getPeriodPicture').filter((c) => c.args[0] === 2 && !c.args[1])).toHaveLength(1);
    // Said where a screen reader hears it, in the same live region that said it was reading.
    await waitFor(() => expect(within(office).getByRole('status')).toHaveTextContent(/^Readiness of the reports for November\/December 2023 checked: 1 must be fixed; \d+ to check\.$/));
    expect(within(office).getByRole('status')).toBe(status);
    expect(within(office).getByRole('button', { name: 'Check readiness again for November/December 2023' })).toHaveTextContent('Check readiness again');
  });

  it('approving before readiness is read reads the report as it stands now: one approved meanwhile is not approved again', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    // Someone else approves it after the landing read where it stood.
    repository.changeAsOtherUser('statusReport', 6, { state: 'Approved' });
    await rowAction(user, 'Governance and Decision Making', 'Approve: Governance and Decision Making');
    expect(
      await within(office).findByText("Governance and Decision Making's status report for November/December 2023 is no longer waiting for approval: it is now Approved.")
    ).toBeInTheDocument();
    expect(repository.callsOf('transitionReport')).toEqual([]);
    // The table now shows the report as read, with its readiness.
    await waitFor(() => expect(rowWith(office, 'Governance and Decision Making')).toHaveTextContent('Approved'));
    expect(within(office).getByRole('columnheader', { name: 'Readiness findings' })).toBeInTheDocument();
  });

  it('never opens the lock on unread readiness: a failed read says so, keeps where each report stands, and the lock waits for a read that works', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    repository.failNext('network', 'getPeriodPicture');
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    expect(await within(office).findByText("Can't reach SharePoint. Check your connection and try again.")).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(rows(office)[0]).toEqual(['Governance and Decision Making', 'Submitted to the programme office', '']);
    expect(repository.callsOf('lockPeriod')).toEqual([]);
    // Trying again reads readiness; the lock is asked for again by the office, not done behind its back.
    await user.click(within(office).getByRole('button', { name: 'Try again' }));
    await within(office).findByRole('columnheader', { name: 'Readiness findings' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    expect(await panel('Lock November/December 2023?')).toBeInTheDocument();
  });

  it("lists the open period's workstreams with where each report stands, sponsor comments and readiness findings", async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await checkReadiness(user, office);
    expect(within(office).getByRole('table', { name: "Where each workstream's report for November/December 2023 stands" })).toBeInTheDocument();
    expect(rows(office)).toEqual([
      // Each report states September/October's rating for last period, unlike June's record: one more to check.
      ['Governance and Decision Making', 'Submitted to the programme office', 'Written', '7 to check'],
      ['Procurement', 'Draft', 'Written', '9 to check'],
      ['Project Plans and Delivery', 'Approved', 'Written', '1 must be fixed; 8 to check'],
      ['Partnership Working', 'Draft', 'Written', '7 to check'],
      ['Confidence, Culture and Capacity', 'Submitted to the programme office', 'Written', '9 to check']
    ]);
    expect(within(office).getByText('1 of 5 reports approved; 2 waiting for approval.')).toBeInTheDocument();
    // One "More actions" menu a row: approve only a submitted report; send back a submitted or approved one.
    expect(within(office).getAllByRole('button', { name: /^More actions: / })).toHaveLength(5);
    const offered = async (row: string): Promise<string[]> => {
      await user.click(rowMenuButton(row, office));
      const items: HTMLElement[] = await screen.findAllByRole('menuitem');
      const enabled: string[] = items.filter((i) => i.getAttribute('aria-disabled') !== 'true').map((i) => i.getAttribute('aria-label') || '');
      pressEscape();
      await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
      return enabled;
    };
    expect(await offered('Governance and Decision Making')).toEqual(['Approve: Governance and Decision Making', 'Send back: Governance and Decision Making']);
    expect(await offered('Procurement')).toEqual([]);
    expect(await offered('Project Plans and Delivery')).toEqual(['Send back: Project Plans and Delivery']);
  });

  it('says whose sponsor comments are missing', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const comment = repository.all('sponsorComment').find((c) => c.workstreamId === 4 && c.periodId === 2);
    repository.deleteAsOtherUser('sponsorComment', comment!.id);
    const office = await officeView();
    await checkReadiness(user, office);
    expect(rowWith(office, 'Partnership Working')).toHaveTextContent('Missing (from Richard Kenny)');
  });

  it.each([['iibMember'], ['projectManager'], ['sponsor']] as const)('is not shown to %s', async (persona) => {
    renderDashboard({ persona });
    await programmeTable();
    expect(screen.queryByRole('heading', { name: 'Programme office: reporting cycle' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lock period' })).not.toBeInTheDocument();
  });

  it('approves a submitted report in one place and gives focus back to its row\'s "More actions"', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await rowAction(user, 'Governance and Decision Making', 'Approve: Governance and Decision Making');
    expect(await within(office).findByText("Governance and Decision Making's status report for November/December 2023 is approved.")).toBeInTheDocument();
    expect(repository.stored('statusReport', 6)?.state).toBe('Approved');
    await waitFor(() => expect(rowWith(office, 'Governance and Decision Making')).toHaveTextContent('Approved'));
    await waitFor(() => expect(rowMenuButton('Governance and Decision Making', office)).toHaveFocus());
    expect(await rowMenuItem(user, 'Governance and Decision Making', 'Approve: Governance and Decision Making')).toHaveAttribute('aria-disabled', 'true');
    expect(within(office).getByText('2 of 5 reports approved; 1 waiting for approval.')).toBeInTheDocument();
  });

  it('sends a report back with a reason', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await rowAction(user, 'Confidence, Culture and Capacity', 'Send back: Confidence, Culture and Capacity');
    const dialog = await panel('Send the status report back');
    await user.type(within(dialog).getByRole('textbox', { name: /^What needs changing/ }), 'Add the staff survey dates.');
    await user.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(await within(office).findByText(/has been sent back to the project manager\.$/)).toBeInTheDocument();
    expect(repository.stored('statusReport', 10)).toMatchObject({ state: 'Returned', returnReason: 'Add the staff survey dates.' });
    await waitFor(() => expect(rowWith(office, 'Confidence, Culture and Capacity')).toHaveTextContent('Sent back'));
  });

  it('opens a workstream on the period it shows', async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Open Project Plans and Delivery' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Project Plans and Delivery' })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
  });
});

describe('locking the period', () => {
  it('explains the snapshot, shows the refusal with the reports not approved, then locks anyway with a reason', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock November/December 2023?');
    expect(dialog).toHaveTextContent(
      /writes a snapshot of everything its report shows — every workstream's rating, status and update, sponsor comments, milestones, risks and the overview — as the record/
    );
    expect(dialog).toHaveTextContent(/From then on the period's records cannot change/);
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent(
      'November/December 2023 cannot be locked yet: these reports are not approved — Governance and Decision Making (submitted), Procurement (draft), Partnership Working (draft), Confidence, Culture and Capacity (submitted).'
    );
    const reason = within(dialog).getByRole('textbox', { name: /^Why lock with reports not approved/ });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(repository.callsOf('lockPeriod')).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Lock anyway' }));
    expect(await within(dialog).findByText('Why lock with reports not approved: (empty) must not be empty.')).toBeInTheDocument();
    expect(repository.callsOf('lockPeriod')).toHaveLength(1);

    await user.type(reason, 'The Board meets on 10 January; the remaining reports go as drafts.');
    await user.click(within(dialog).getByRole('button', { name: 'Lock anyway' }));
    // The approved report still has a fault that must be fixed: asked again, now for a reason to go over it.
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'November/December 2023 cannot be locked yet: readiness finds a fault that must be fixed first — Project Plans and Delivery: Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.'
      )
    );
    const override = within(dialog).getByRole('textbox', { name: /^Reason to go ahead over the findings/ });
    await waitFor(() => expect(override).toHaveFocus());
    await user.clear(override);
    await user.type(override, 'The Board meets on 10 January; the drafts and the date go as they are.');
    await user.click(within(dialog).getByRole('button', { name: 'Lock anyway' }));
    expect(await screen.findByText('November/December 2023 is locked. Its snapshot is now the record of what went to the Board.')).toBeInTheDocument();
    const why = 'The Board meets on 10 January; the drafts and the date go as they are.';
    expect(repository.callsOf('lockPeriod')[2].args).toEqual([2, { allowUnapproved: true, reason: why, overrideReason: why }]);
    // No period is open any more.
    expect(await within(section('Programme office: reporting cycle')).findByText('No reporting period is open. Start a new period to begin the next cycle.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lock period' })).not.toBeInTheDocument();
    // "Lock period" has gone: focus is on the section's heading, not lost.
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: 'Programme office: reporting cycle' })).toHaveFocus());
  });

  it('locks straight away when every report is approved and nothing must be fixed', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    for (const id of [6, 7, 9, 10]) {
      repository.changeAsOtherUser('statusReport', id, { state: 'Approved' });
    }
    repository.changeAsOtherUser('statusReport', 8, { agreedCompletionAsWritten: '31/03/2024' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock November/December 2023?');
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));
    expect(await screen.findByText(/November\/December 2023 is locked\./)).toBeInTheDocument();
    expect(repository.callsOf('lockPeriod')).toHaveLength(1);
    const [periodId, options] = repository.callsOf('lockPeriod')[0].args as [number, { allowUnapproved?: boolean } | undefined];
    expect(periodId).toBe(2);
    expect(options && options.allowUnapproved).toBeFalsy();
  });
});

describe('findings that must be fixed', () => {
  it('refuse the lock until the programme office gives a reason, which Period History records', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    for (const id of [6, 7, 9, 10]) {
      repository.changeAsOtherUser('statusReport', id, { state: 'Approved' });
    }
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock November/December 2023?');
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/readiness finds a fault that must be fixed first — Project Plans and Delivery: Agreed completion date: "31\/06\/23"/);
    expect(dialog).toHaveTextContent('printed nowhere else');
    const reason = within(dialog).getByRole('textbox', { name: /^Reason to go ahead over the findings/ });
    await user.type(reason, 'The sponsor signed the paper with this date; corrected in January.');
    await user.click(within(dialog).getByRole('button', { name: 'Lock anyway' }));
    expect(await screen.findByText(/November\/December 2023 is locked\./)).toBeInTheDocument();
    expect(repository.callsOf('lockPeriod')[1].args).toEqual([2, { allowUnapproved: false, overrideReason: 'The sponsor signed the paper with this date; corrected in January.' }]);
    const history = await repository.getPeriodHistory(2);
    expect(history.map((h) => h.action)).toEqual(['Overridden', 'Locked']);
    expect(history[0].reason).toContain('Overridden: Project Plans and Delivery: Agreed completion date: "31/06/23" is not a date');
  });

  it("refuse an approval until a reason is given: the approve panel lists the report's faults", async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    repository.changeAsOtherUser('statusReport', 8, { state: 'Submitted' });
    await officeView();
    await rowAction(user, 'Project Plans and Delivery', 'Approve: Project Plans and Delivery');
    const dialog = await panel('Approve over faults that must be fixed');
    expect(dialog).toHaveTextContent("Readiness finds faults in Project Plans and Delivery's report for November/December 2023 that must be fixed before it goes to the Board:");
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('Project Plans and Delivery: Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.');
    expect(repository.callsOf('transitionReport')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Approve anyway' }));
    expect(await within(dialog).findByText('Reason to go ahead over the findings: (empty) must not be empty.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Reason to go ahead over the findings/ }), 'As the sponsor signed it.');
    await user.click(within(dialog).getByRole('button', { name: 'Approve anyway' }));
    expect(await screen.findByText("Project Plans and Delivery's status report for November/December 2023 is approved.")).toBeInTheDocument();
    expect((await repository.get('statusReport', 8)).state).toBe('Approved');
    expect((await repository.getPeriodHistory(2)).map((h) => [h.action, h.reason && h.reason.split('\n')[0]])).toEqual([['Overridden', 'As the sponsor signed it.']]);
  });
});

describe('starting a new period', () => {
  it('checks the title and dates as typed, sets the period up, and shows it as the open period', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Start a new period' }));
    const dialog = await panel('Start a new reporting period');
    const title = within(dialog).getByRole('textbox', { name: /^Period/ });
    await waitFor(() => expect(title).toHaveFocus());
    const save = within(dialog).getByRole('button', { name: 'Set up the period' });
    expect(save).toHaveAttribute('aria-disabled', 'true');

    await user.type(title, 'January/February 2024');
    const start = within(dialog).getByRole('textbox', { name: /^Start/ });
    await user.type(start, '31/02/2024');
    expect(within(dialog).getByText('Start: "31/02/2024" is not a date: February 2024 has 29 days.')).toBeInTheDocument();
    expect(start).toHaveAttribute('aria-invalid', 'true');
    await user.clear(start);
    await user.type(start, '01/01/2024');
    const end = within(dialog).getByRole('textbox', { name: /^End/ });
    await user.type(end, '31/12/2023');
    expect(within(dialog).getByText('End: "31/12/2023" is before the start (01/01/2024).')).toBeInTheDocument();
    await user.clear(end);
    await user.type(end, '29/02/2024');
    expect(save).not.toHaveAttribute('aria-disabled');
    await user.click(save);

    expect(await screen.findByText('January/February 2024 is set up and open for reports.')).toBeInTheDocument();
    expect(repository.callsOf('createPeriod')[0].args).toEqual([{ title: 'January/February 2024', start: '01/01/2024', end: '29/02/2024' }]);
    // The matrix gains the period, and the programme office view shows it: nothing started yet.
    expect(await within(await programmeTable()).findByRole('columnheader', { name: 'January/February 2024' })).toBeInTheDocument();
    await waitFor(() => expect(dropdown('Open period', office)).toHaveTextContent('January/February 2024'));
    await waitFor(() => expect(rowWith(office, 'Procurement')).toHaveTextContent('Not started'));
    await checkReadiness(user, office);
    expect(rowWith(office, 'Procurement')).toHaveTextContent('Missing (from Nick Bell)');
  });

  it("puts the repository's refusal beside the field it names", async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Start a new period' }));
    const dialog = await panel('Start a new reporting period');
    await user.type(within(dialog).getByRole('textbox', { name: /^Period/ }), 'December 2023');
    await user.type(within(dialog).getByRole('textbox', { name: /^Start/ }), '01/12/2023');
    await user.type(within(dialog).getByRole('textbox', { name: /^End/ }), '31/12/2023');
    const { DataError } = await import('../../src/data/errors');
    repository.failNext(new DataError('validation', 'The period overlaps November/December 2023; reporting periods may not overlap.', { field: 'start' }), 'createPeriod');
    await user.click(within(dialog).getByRole('button', { name: 'Set up the period' }));
    expect(await within(dialog).findByText('The period overlaps November/December 2023; reporting periods may not overlap.')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Start/ })).toHaveAttribute('aria-invalid', 'true');
    expect(dialog).toBeInTheDocument();
  });
});
