/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { JUNE_2023 } from '../../src/fixtures/improvementPlanPhase2/june2023';
import { choose, programmeTable, renderDashboard } from './dashboardKit';

function cell(table: HTMLElement, workstream: string, period: string): HTMLElement {
  const headers = within(table).getAllByRole('columnheader');
  const column = headers.findIndex((h) => h.textContent === period);
  const row = within(table).getByRole('rowheader', { name: workstream }).closest('tr') as HTMLElement;
  return row.children[column] as HTMLElement;
}

describe('the programme view', () => {
  it('shows the five seeded workstreams in order against both periods, earliest first', async () => {
    renderDashboard();
    const table = await programmeTable();
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(['Workstream', 'June 2023', 'November/December 2023']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Governance and Decision Making',
      'Procurement',
      'Project Plans and Delivery',
      'Partnership Working',
      'Confidence, Culture and Capacity'
    ]);
  });

  it('is a real table: a caption and headers scoped to their columns and rows', async () => {
    renderDashboard();
    const table = await programmeTable();
    expect(table.querySelector('caption')).toHaveTextContent(/RAG status of each workstream in each reporting period/);
    within(table)
      .getAllByRole('columnheader')
      .forEach((h) => expect(h).toHaveAttribute('scope', 'col'));
    within(table)
      .getAllByRole('rowheader')
      .forEach((h) => expect(h).toHaveAttribute('scope', 'row'));
  });

  it('gives each rating as its label on its colour, with the direction of travel in words', async () => {
    renderDashboard();
    const table = await programmeTable();

    // Read with its headers: "Procurement, November/December 2023: Green, improved since last period".
    const procurementNow = cell(table, 'Procurement', 'November/December 2023');
    expect(within(procurementNow).getByText('Green, improved since last period')).toBeInTheDocument();
    expect(within(procurementNow).getByText('Green', { selector: 'span' })).toHaveStyle({ backgroundColor: '#00B050', color: '#000000' });

    const procurementJune = cell(table, 'Procurement', 'June 2023');
    expect(within(procurementJune).getByText('Green/Amber, first rating')).toBeInTheDocument();
    expect(within(procurementJune).getByText('Green/Amber', { selector: 'span' })).toHaveStyle({ backgroundColor: '#C4D79B' });

    const partnershipJune = cell(table, 'Partnership Working', 'June 2023');
    expect(within(partnershipJune).getByText('Amber', { selector: 'span' })).toHaveStyle({ backgroundColor: '#FFC000' });
    const partnershipNow = cell(table, 'Partnership Working', 'November/December 2023');
    // The arrow agrees with the Amber beside it, not with the Green/Amber its report states for September/October.
    expect(within(partnershipNow).getByText('Green/Amber, improved since last period')).toBeInTheDocument();
  });

  it('says "Not rated" where a workstream has no rating, and shows which way a rating moved', async () => {
    const { repository } = renderDashboard();
    repository.changeAsOtherUser('statusReport', 7, { rag: 'Amber', previousRag: 'Green' });
    repository.deleteAsOtherUser('statusReport', 5);
    const table = await programmeTable();
    expect(within(cell(table, 'Confidence, Culture and Capacity', 'June 2023')).getByText('Not rated')).toBeInTheDocument();
    expect(within(cell(table, 'Procurement', 'November/December 2023')).getByText('Amber, worsened since last period')).toBeInTheDocument();
  });

  it('counts open risks and milestones due for each workstream', async () => {
    renderDashboard();
    const table = await programmeTable();
    const risksColumn = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent === 'Open risks');
    const procurement = within(table).getByRole('rowheader', { name: 'Procurement' }).closest('tr') as HTMLElement;
    expect(procurement.children[risksColumn]).toHaveTextContent('5');
    expect(within(table).getByRole('columnheader', { name: 'Milestones due (November/December 2023)' })).toBeInTheDocument();
    // Governance has three milestones this period, all ongoing, and four planned for next period: three are due.
    const dueColumn = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent === 'Milestones due (November/December 2023)');
    const governance = within(table).getByRole('rowheader', { name: 'Governance and Decision Making' }).closest('tr') as HTMLElement;
    expect(governance.children[dueColumn]).toHaveTextContent(/^3$/);
  });

  it('in a tab pinned to a code no workstream has, still counts open risks and milestones due (read once the code is not found)', async () => {
    renderDashboard({}, { workstreamCode: 'NOPE', host: 'teams' });
    const table = await programmeTable();
    expect(screen.getByText(/the programme has no such workstream/)).toBeInTheDocument();
    const risksColumn = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent === 'Open risks');
    const procurement = within(table).getByRole('rowheader', { name: 'Procurement' }).closest('tr') as HTMLElement;
    expect(procurement.children[risksColumn]).toHaveTextContent('5');
    const dueColumn = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent === 'Milestones due (November/December 2023)');
    const governance = within(table).getByRole('rowheader', { name: 'Governance and Decision Making' }).closest('tr') as HTMLElement;
    expect(governance.children[dueColumn]).toHaveTextContent(/^3$/);
  });

  it("shows the latest period's lead executive director overview as paragraphs", async () => {
    renderDashboard();
    await programmeTable();
    const overview = screen.getByRole('region', { name: 'Lead Executive Director overview' });
    expect(within(overview).getByText('November/December 2023')).toBeInTheDocument();
    expect(
      within(overview).getByText('I am pleased to present the highlight report for the Improvement Plan for November and December 2023.', { selector: 'p' })
    ).toBeInTheDocument();
  });

  it("shows a locked period's overview, overall rating and author as the Board was shown them, not as the Periods list was edited after the lock", async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    await programmeTable();
    // A site owner edits June 2023's item in SharePoint after the lock (the product refuses to).
    repository.site.change('periods', 1, { Overview: 'Rewritten after the Board met.', OverallRag: 'Red', OverviewAuthor: 'Someone else' });
    const release = repository.hold();
    await choose(user, 'Reporting period', 'June 2023');
    const overview = screen.getByRole('region', { name: 'Lead Executive Director overview' });
    // While its snapshot is read, the card says so rather than show the list's words.
    expect(within(overview).getByText('June 2023')).toBeInTheDocument();
    expect(within(overview).getByRole('status')).toHaveTextContent('Loading the reporting period…');
    expect(overview).not.toHaveTextContent('Rewritten');
    release();
    const firstParagraph: string = (JUNE_2023.period.overview as string).split('\n\n')[0];
    expect(await within(overview).findByText(firstParagraph, { selector: 'p' })).toBeInTheDocument();
    expect(within(overview).getByText('Overall programme rating:', { exact: false })).toHaveTextContent(/Green\/Amber/);
    expect(within(overview).getByText('Lead Executive Director')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Rewritten after the Board met.');
    expect(document.body).not.toHaveTextContent('Someone else');
  });

  it('opens a workstream by click and by Enter on its name', async () => {
    const { user } = renderDashboard();
    const table = await programmeTable();
    await user.click(within(table).getByRole('button', { name: 'Procurement' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Procurement' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to programme' }));
    const again = await programmeTable();
    within(again).getByRole('button', { name: 'Partnership Working' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Partnership Working' })).toBeInTheDocument();
  });

  it('shows a load failure in words the user can act on, and tries again', async () => {
    const { user, repository } = renderDashboard();
    repository.failNext('network', 'getProgrammeSummary');
    expect(await screen.findByText("Can't reach SharePoint. Check your connection and try again.")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await programmeTable()).toBeInTheDocument();
  });
});
