/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { choose, dropdown, openWorkstream, renderDashboard, rowWith, section } from './dashboardKit';

describe('the workstream view', () => {
  it("shows the latest period's status, this period and previous, with labels", async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Procurement');
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
    const status = section('Project status');
    const terms = within(status).getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(expect.arrayContaining(['This period', 'Previous period', 'Direction of travel']));
    // Last period as recorded for June (Green/Amber), not the Green the report states for September/October.
    expect(within(status).getByText('Green', { selector: 'span' })).toBeInTheDocument();
    expect(within(status).getByText('Green/Amber', { selector: 'span' })).toBeInTheDocument();
    expect(within(status).getByText('(as recorded for June 2023)')).toBeInTheDocument();
    expect(within(status).getByText('Improved since last period')).toBeInTheDocument();
    expect(within(status).getByRole('heading', { name: 'Key activities' })).toBeInTheDocument();
    expect(within(status).getByRole('heading', { name: 'RAG rationale' })).toBeInTheDocument();
  });

  it('shows the seeded sponsor comments, milestones with the repeated "7", and risks', async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Confidence, Culture and Capacity');

    expect(within(section('Workstream sponsor comments')).getByText(/^Work on this improvement theme remains on track/)).toBeInTheDocument();

    const milestones = section('Key milestones/activities this period');
    const sevens = within(milestones)
      .getAllByRole('row')
      .filter((row) => row.querySelector('td')?.textContent === '7');
    expect(sevens).toHaveLength(2);
    expect(sevens[0]).toHaveTextContent('Recruitment and Selection communications');
    expect(sevens[1]).toHaveTextContent('Commence enrolment onto Leadership Development Courses');
    expect(rowWith(milestones, 'Staff conference planning')).toHaveTextContent('In progress – set for 1st February');

    const next = section('Key milestones/activities planned for next period');
    expect(within(next).getByText('Staff survey analysis')).toBeInTheDocument();

    const risks = section('Project risks');
    const first = rowWith(risks, /The workstream encompasses many facets/);
    expect(first).toHaveTextContent(/Clearly define what is in and out of scope/);
    expect(first).toHaveTextContent('Open');
  });

  it("lists the workstream's readiness findings, such as the impossible date 31/06/23, with severity in words", async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Project Plans and Delivery');
    const readiness = section('Ready for the Board?');
    const finding = within(readiness)
      .getAllByRole('listitem')
      .find((li) => /31\/06\/23/.test(li.textContent || ''));
    expect(finding).toBeDefined();
    expect(finding).toHaveTextContent('Must fix');
    expect(finding).toHaveTextContent('Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.');
    // Only this workstream's findings.
    expect(readiness).not.toHaveTextContent('Procurement');
  });

  it('shows the RAG history of the workstream across periods', async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Partnership Working');
    const history = within(section('RAG status over time')).getByRole('table');
    expect(within(history).getByRole('rowheader', { name: 'June 2023' }).closest('tr')).toHaveTextContent('Amber, first rating');
    const draft = within(history).getByRole('rowheader', { name: 'November/December 2023' }).closest('tr') as HTMLElement;
    // Not yet approved in an open period: a draft, marked as one for those who see drafts.
    expect(draft).toHaveTextContent('Green/Amber, improved since last period Draft');
    expect(within(history).getByRole('rowheader', { name: 'June 2023' }).closest('tr')).not.toHaveTextContent('Draft');
  });

  it("shows an IIB member a rating awaiting approval as that, neither the draft's rating nor 'Not rated'", async () => {
    const { user } = renderDashboard({ persona: 'iibMember' });
    await openWorkstream(user, 'Partnership Working');
    const history = within(section('RAG status over time')).getByRole('table');
    const row = within(history).getByRole('rowheader', { name: 'November/December 2023' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Awaiting approval');
    expect(row.textContent).not.toMatch(/Green|Amber|Red|Not rated/);
    expect(within(history).getByRole('rowheader', { name: 'June 2023' }).closest('tr')).toHaveTextContent('Amber, first rating');
  });

  it("shows IIB feedback recorded against the workstream and period beside its status", async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Partnership Working');
    const feedback = section('IIB challenge and feedback');
    expect(within(feedback).getByRole('heading', { name: 'Challenge (open)' })).toBeInTheDocument();
    expect(within(feedback).getByText(/^However, the IIB also reflected upon the Partnership Working theme/)).toBeInTheDocument();
    expect(within(feedback).getByText('Recorded by Alex Morgan on 29/11/2023')).toBeInTheDocument();
  });

  it("changes period with the picker: June's single project manager update and its own comments", async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Governance and Decision Making');
    await choose(user, 'Reporting period', 'June 2023');
    expect(await screen.findByRole('heading', { level: 4, name: 'Project manager update' })).toBeInTheDocument();
    expect(within(section('Workstream sponsor comments')).getByText(/^Good progress being made\. Scope agreed and refined/)).toBeInTheDocument();
    expect(within(section('Project status')).getByText('Not rated')).toBeInTheDocument();
    // June has gone to the Board: what shows is its snapshot.
    expect(
      screen.getByText('Locked on 05/07/2023 by Heidi Robinson: this is what went to the Board. Its records can no longer change; the programme office can reopen it.')
    ).toBeInTheDocument();
  });

  it('opens straight on the workstream of a Teams tab (by code) with no way back to the programme', async () => {
    renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'ppd', host: 'teams' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Project Plans and Delivery' })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    expect(screen.queryByRole('button', { name: 'Back to programme' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /RAG status of each workstream/ })).not.toBeInTheDocument();
  });

  it('says so when the tab is set to a workstream code the programme does not have', async () => {
    renderDashboard({}, { workstreamCode: 'NOPE' });
    expect(await screen.findByText(/set to show the workstream with the code "NOPE"/)).toBeInTheDocument();
  });

  it('goes back to the programme view', async () => {
    const { user } = renderDashboard();
    await openWorkstream(user, 'Procurement');
    await user.click(screen.getByRole('button', { name: 'Back to programme' }));
    expect(await screen.findByRole('table', { name: /RAG status of each workstream/ })).toBeInTheDocument();
  });
});
