/** @jest-environment jsdom */
/**
 * Approved is what readers see (issue 17): over the real rules (ProgrammeRepository on the
 * in-memory site), an IIB member sees a report's content once it is approved and otherwise where
 * it stands; those who write and run the reports see drafts, marked Draft. The period selector
 * lands readers on what went to the Board or was approved and the others on the open period; the
 * view is kept in the address and "Copy link" copies it. On the seeded programme and on a
 * differently shaped one built here.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { IStatusReport } from '../../src/domain';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import type { IViewAddress, IViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';
import { dropdown, programmeTable, renderDashboard, renderOver, section } from './dashboardKit';
import { MemoryRepository } from '../support/memoryProgramme';
import { phaseOne } from '../support/phaseOneProgramme';


/** The matrix cell of a workstream in a period (by the period's column header). */
function cellOf(table: HTMLElement, workstream: string, periodTitle: string): HTMLElement {
  const headers: string[] = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent || '');
  const column: number = headers.indexOf(periodTitle);
  expect(column).toBeGreaterThan(0);
  const row: HTMLElement = within(table).getByRole('rowheader', { name: workstream }).closest('tr') as HTMLElement;
  return row.querySelectorAll('th, td')[column] as HTMLElement;
}

function periodHeaders(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent || '');
}

/** An address kept in memory, as the page's would be. */
function memoryAddress(start: IViewState = {}): IViewAddress & { written: IViewState[] } {
  const written: IViewState[] = [];
  return {
    written,
    read: () => start,
    write: (state) => written.push(state),
    link: (state) => `https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?phPeriod=${state.periodId}${state.workstreamCode ? `&phWorkstream=${state.workstreamCode}` : ''}`
  };
}

describe('an IIB member on the seeded programme', () => {
  it("lands on November/December, sees Project Plans and Delivery's approved rating and the others awaiting approval", async () => {
    renderDashboard({ persona: 'iibMember' });
    const table: HTMLElement = await programmeTable();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
    expect(periodHeaders(table).slice(1, 3)).toEqual(['June 2023', 'November/December 2023']);
    expect(cellOf(table, 'Project Plans and Delivery', 'November/December 2023')).toHaveTextContent(/Green/);
    for (const title of ['Governance and Decision Making', 'Procurement', 'Partnership Working', 'Confidence, Culture and Capacity']) {
      const cell: HTMLElement = cellOf(table, title, 'November/December 2023');
      expect(cell).toHaveTextContent('Awaiting approval');
      expect(cell.textContent).not.toMatch(/Green|Amber|Red/);
      // June went to the Board: its rating is there for everyone.
      expect(cellOf(table, title, 'June 2023').textContent).toMatch(/Green|Amber|Red/);
    }
    expect(screen.getByText(/November\/December 2023 is open: each workstream's report is shown once the programme office has approved it/)).toBeInTheDocument();
    expect(screen.getByText('The overview for November/December 2023 is shown once the period has gone to the Board.')).toBeInTheDocument();
    expect(screen.queryByText(/I am pleased to present the highlight report/)).not.toBeInTheDocument();
  });

  it("sees only where a draft report stands, none of its content, and an approved report's content in full", async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    await programmeTable();
    await user.click(screen.getByRole('button', { name: 'Procurement' }));
    const status: HTMLElement = await screen.findByRole('region', { name: 'Project status' });
    expect(within(status).getByText('Draft – awaiting approval')).toBeInTheDocument();
    expect(within(status).getByText("Procurement's report for November/December 2023 is shown here once the programme office has approved it.")).toBeInTheDocument();
    const procurement = repository.all('statusReport').filter((r) => r.workstreamId === 2 && r.periodId === 2)[0] as IStatusReport;
    expect(document.body.textContent).not.toContain((procurement.keyActivities || procurement.managerUpdate || '').slice(0, 40));
    expect(screen.queryByRole('heading', { name: 'Key milestones/activities this period' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Workstream sponsor comments' })).not.toBeInTheDocument();
    // The IIB still records its challenge on the period.
    expect(screen.getByRole('button', { name: 'Record challenge or feedback' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to programme' }));
    await user.click(await screen.findByRole('button', { name: 'Project Plans and Delivery' }));
    await screen.findByRole('heading', { name: 'Key milestones/activities this period' });
    expect(within(section('Project status')).getByText('Approved')).toBeInTheDocument();
    expect(screen.queryByText(/Draft – not yet approved for the Board/)).not.toBeInTheDocument();
  });

  it('still lands on November/December after the programme office locks it and starts a new period; the office lands on the new one', async () => {
    const office: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    await office.lockPeriod(2, { allowUnapproved: true, reason: 'The Board met on 10 January.', overrideReason: 'The paper went as it was.' });
    await office.createPeriod({ title: 'January 2024', start: '2024-01-01', end: '2024-01-31' });

    const reader = renderOver(office.as('iibMember'));
    let table: HTMLElement = await programmeTable();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
    expect(periodHeaders(table)).not.toContain('January 2024');
    // Locked, so what went to the Board is shown, drafts and all, unmarked.
    expect(cellOf(table, 'Procurement', 'November/December 2023').textContent).toMatch(/Green|Amber|Red/);
    expect(screen.queryByText(/is open/)).not.toBeInTheDocument();
    reader.unmount();

    renderOver(office);
    table = await programmeTable();
    expect(dropdown('Reporting period')).toHaveTextContent('January 2024');
    expect(periodHeaders(table)).toContain('January 2024');
  });

  it('reaches June 2023 with the selector, and the address records the period', async () => {
    const address = memoryAddress();
    const { user } = renderDashboard({ persona: 'iibMember' }, { address });
    await programmeTable();
    await user.click(dropdown('Reporting period'));
    await user.click(await screen.findByRole('option', { name: 'June 2023' }));
    const table: HTMLElement = await programmeTable();
    await waitFor(() => expect(periodHeaders(table).slice(1)).toEqual(['June 2023', 'Open risks']));
    expect(screen.getByText(/Overall the programme is rated as Green\/Amber/)).toBeInTheDocument();
    await waitFor(() => expect(address.written[address.written.length - 1]).toEqual({ periodId: 1, workstreamCode: undefined }));
  });
});

describe('those who write and run the reports', () => {
  it('see drafts marked Draft: a project manager in the matrix and on the report', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    const table: HTMLElement = await programmeTable();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
    expect(cellOf(table, 'Procurement', 'November/December 2023')).toHaveTextContent(/Draft$/);
    expect(cellOf(table, 'Project Plans and Delivery', 'November/December 2023').textContent).not.toMatch(/Draft/);
    expect(screen.getByText(/^Draft – not yet approved for the Board\. November\/December 2023 is open/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Procurement' }));
    await screen.findByRole('heading', { name: 'Key milestones/activities this period' });
    expect(screen.getByText('Draft – not yet approved for the Board. Readers see this report once it is approved.')).toBeInTheDocument();
  });
});

describe('the address of a view', () => {
  it('opens on the workstream and period it records, and writes them back', async () => {
    const address = memoryAddress({ periodId: 1, workstreamCode: 'proc' });
    renderDashboard({ persona: 'iibMember' }, { address });
    await screen.findByRole('heading', { level: 2, name: 'Procurement' });
    await waitFor(() => expect(dropdown('Reporting period')).toHaveTextContent('June 2023'));
    await screen.findByRole('heading', { name: 'Key milestones/activities this period' });
    await waitFor(() => expect(address.written).toContainEqual({ periodId: 1, workstreamCode: 'PROC' }));
  });

  it('ignores a period the programme does not have, landing where the rule says', async () => {
    renderDashboard({ persona: 'iibMember' }, { address: memoryAddress({ periodId: 999 }) });
    await programmeTable();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023');
  });

  it('"Copy link" puts the view\'s address on the clipboard and says so', async () => {
    const { user } = renderDashboard({ persona: 'iibMember' }, { address: memoryAddress() });
    // user-event puts a clipboard on the page; watch what is written to it.
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await programmeTable();
    await user.click(screen.getByRole('button', { name: 'Copy link to this view' }));
    expect(await screen.findByText('Link to this view copied.')).toBeInTheDocument();
    expect(screen.getByText('Link to this view copied.').closest('[role="status"]')).not.toBeNull();
    expect(writeText).toHaveBeenCalledWith('https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?phPeriod=2');
  });

  it('shows the link to copy by hand where the browser refuses to copy', async () => {
    const { user } = renderDashboard({ persona: 'iibMember' }, { address: memoryAddress() });
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    const exec = document.execCommand;
    document.execCommand = () => false;
    try {
      await programmeTable();
      await user.click(screen.getByRole('button', { name: 'Copy link to this view' }));
      const field: HTMLElement = await screen.findByRole('textbox', { name: 'Link to this view' });
      expect(field).toHaveValue('https://contoso.sharepoint.com/sites/improvement/SitePages/Board.aspx?phPeriod=2');
      expect(screen.getByText(/did not let the page copy it/).closest('[role="status"]')).not.toBeNull();
      expect(screen.queryByText('Link to this view copied.')).not.toBeInTheDocument();
    } finally {
      document.execCommand = exec;
    }
  });

  it('offers no "Copy link" where the host has no address to share', async () => {
    renderDashboard({ persona: 'iibMember' });
    await programmeTable();
    expect(screen.queryByRole('button', { name: 'Copy link to this view' })).not.toBeInTheDocument();
  });
});

describe('a differently shaped programme', () => {
  const seed: ISeedProgramme = phaseOne();

  it("lands an IIB member on February, the latest with an approved report, showing theme A's rating and the others awaiting approval", async () => {
    const { user } = renderDashboard({ persona: 'iibMember', seed });
    const table: HTMLElement = await screen.findByRole('table', { name: /RAG status of each workstream/ }, { timeout: 5000 });
    expect(dropdown('Reporting period')).toHaveTextContent('February 2022');
    expect(periodHeaders(table).slice(1, 3)).toEqual(['January 2022', 'February 2022']);
    expect(cellOf(table, 'Theme A', 'February 2022')).toHaveTextContent(/Green\/Amber/);
    expect(cellOf(table, 'Theme B', 'February 2022')).toHaveTextContent('Awaiting approval');
    expect(cellOf(table, 'Theme C', 'February 2022')).toHaveTextContent('Awaiting approval');
    expect(cellOf(table, 'Theme C', 'January 2022')).toHaveTextContent(/Red/);
    await user.click(screen.getByRole('button', { name: 'Theme B' }));
    expect(await screen.findByText('Sent back – awaiting approval')).toBeInTheDocument();
    expect(screen.queryByText(/a private working note/)).not.toBeInTheDocument();
    expect(screen.queryByText('Say what the delay is.')).not.toBeInTheDocument();
  });

  it("lands the programme office on March, the latest open period", async () => {
    renderDashboard({ persona: 'programmeOffice', seed });
    await screen.findByRole('table', { name: /RAG status of each workstream/ }, { timeout: 5000 });
    expect(dropdown('Reporting period')).toHaveTextContent('March 2022');
  });
});
