/** @jest-environment jsdom */
/**
 * The dashboard's tables by the width of their own container (ResizeObserver, stubbed here since
 * jsdom lays nothing out), milestones' due dates and overdue marks, and risks' likelihood × impact
 * and owner — over the real repository on an in-memory site.
 */
import { waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { localToday, milestoneDue } from '../../src/webparts/programmeDashboard/components/milestoneDue';
import { riskScore } from '../../src/webparts/programmeDashboard/components/RisksTable';
import { openWorkstream, renderDashboard, rowWith, section } from './dashboardKit';

/** Makes every observed element report the given width, as a browser's ResizeObserver would. */
function containersAre(width: number): void {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    private readonly _callback: (entries: Array<{ contentRect: { width: number } }>) => void;
    constructor(callback: (entries: Array<{ contentRect: { width: number } }>) => void) {
      this._callback = callback;
    }
    public observe(): void {
      this._callback([{ contentRect: { width } }]);
    }
    public disconnect(): void {
      // Nothing to release.
    }
  };
}

afterEach(() => {
  delete (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver;
});

describe('tables by the width of their container', () => {
  it('become stacked cards below 600 px, each value labelled with its column and the table roles kept', async () => {
    containersAre(400);
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    const risks = section('Project risks');
    const region = within(risks).getByRole('region');
    expect(region).toHaveAttribute('data-layout', 'cards');
    const row = rowWith(risks, 'Financial delegations not agreed by Board');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['No.', 'Risk description', 'Mitigation', 'Likelihood × impact', 'Owner', 'Open or closed', 'Actions']);
    expect(row).toHaveAttribute('role', 'row');
    expect(within(risks).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Owner');
  });

  it('keep their columns from 600 px', async () => {
    containersAre(900);
    const { user } = renderDashboard({ persona: 'projectManager' });
    await openWorkstream(user, 'Procurement');
    const region = within(section('Project risks')).getByRole('region');
    expect(region).toHaveAttribute('data-layout', 'table');
    expect(within(region).getByRole('table')).not.toHaveAttribute('role');
  });
});

describe("a milestone's due date", () => {
  it('is due, overdue (before today and not complete), or unknown when it is not a real date', () => {
    expect(milestoneDue({}, '2023-12-01')).toEqual({ kind: 'none' });
    expect(milestoneDue({ dueDate: '2023-12-20', statusCategory: 'InProgress' }, '2023-12-01')).toEqual({ kind: 'due', date: '2023-12-20' });
    expect(milestoneDue({ dueDate: '2023-11-30', statusCategory: 'InProgress' }, '2023-12-01')).toEqual({ kind: 'overdue', date: '2023-11-30' });
    expect(milestoneDue({ dueDate: '2023-12-01' }, '2023-12-01')).toEqual({ kind: 'due', date: '2023-12-01' });
    expect(milestoneDue({ dueDate: '2023-11-30', statusCategory: 'Complete' }, '2023-12-01')).toEqual({ kind: 'due', date: '2023-11-30' });
    expect(milestoneDue({ dueDate: '31/06/23', statusCategory: 'Delayed' }, '2023-12-01')).toEqual({ kind: 'unknown', written: '31/06/23' });
    expect(milestoneDue({ dueDate: '30/11/23' }, '2023-12-01')).toEqual({ kind: 'overdue', date: '2023-11-30' });
    expect(localToday(new Date(2024, 1, 29, 23, 30))).toBe('2024-02-29');
  });

  it('is shown in en-GB form and marked in words when overdue', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    repository.changeAsOtherUser('milestone', 76, { dueDate: '2020-01-15' });
    await openWorkstream(user, 'Confidence, Culture and Capacity');
    const row = rowWith(section('Key milestones/activities this period'), 'Staff conference planning');
    expect(within(row).getByText('Overdue: was due 15/01/2020')).toBeInTheDocument();
  });
});

describe("a risk's likelihood × impact and owner", () => {
  it('are shown with the score, and read out in words', async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    // Project Plans and Delivery: its report is approved, so an IIB member sees its risks.
    repository.changeAsOtherUser('risk', 23, { likelihood: 3, impact: 4, owner: 'Sam Patel' });
    await openWorkstream(user, 'Project Plans and Delivery');
    const row = rowWith(section('Project risks'), 'PMO strengthened Mandate – Funding not available');
    await waitFor(() => expect(row).toHaveTextContent('3 × 4 = 12'));
    expect(within(row).getByText('likelihood 3 times impact 4, score 12 out of 25')).toBeInTheDocument();
    expect(within(row).getByText('Sam Patel')).toBeInTheDocument();
    // An IIB member may change nothing here: no actions menu on the row.
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('say what is missing rather than inventing a score', () => {
    expect(riskScore({ likelihood: 2, impact: 5 }).text).toBe('2 × 5 = 10');
    expect(riskScore({}).text).toBe('Not scored');
    expect(riskScore({ likelihood: 2 }).text).toBe('Likelihood 2, impact not given');
  });
});
