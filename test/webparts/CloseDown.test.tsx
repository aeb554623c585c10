/** @jest-environment jsdom */
/**
 * A phase's close-down table on the dashboard (issue 16), over the real repository on an in-memory
 * site: reached from the programme view by a link while the phase is closing or closed, in the
 * paper's column order, each destination in words on its colour with a key that names every
 * colour, the view kept in the address, cards below 600 px. On the seeded programme (Phase 2, the
 * paper's table) and on a programme built here whose close-down is drafted from its records.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { CLOSE_DOWN_DESTINATIONS, DESTINATION_STYLES, NO_DESTINATION_LABEL } from '../../src/domain';
import type { IViewAddress, IViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { MemoryRepository } from '../support/memoryProgramme';
import { recoveryPlan } from '../support/phasedProgramme';
import { programmeTable, renderDashboard, renderOver } from './dashboardKit';

/** An address kept in memory, as the page's would be. */
function memoryAddress(start: IViewState = {}): IViewAddress & { written: IViewState[] } {
  const written: IViewState[] = [];
  return { written, read: () => start, write: (state) => written.push(state) };
}

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

async function closeDownTable(phase: string): Promise<HTMLElement> {
  return screen.findByRole('table', { name: `Close-down of ${phase}` });
}

function columnHeadings(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent || '');
}

describe('the seeded programme: Phase 2, closing, with the paper’s close-down', () => {
  it('is reached from the programme view by an IIB member, in the paper’s columns, with every theme and a colour key of label and colour', async () => {
    const address = memoryAddress();
    const { user } = renderDashboard({ persona: 'iibMember' }, { address });
    await programmeTable();
    const phases = await screen.findByRole('navigation', { name: 'Close-down of phases' });
    expect(phases).toHaveTextContent('Phase 2 close-down (closing)');
    await user.click(within(phases).getByRole('button', { name: 'Phase 2 close-down' }));

    const table = await closeDownTable('Phase 2');
    expect(screen.getByRole('heading', { level: 2, name: 'Phase 2 – close down of activity' })).toHaveFocus();
    expect(screen.getByText('Phase 2 is closing.')).toBeInTheDocument();
    expect(columnHeadings(table)).toEqual(['Theme', 'Phase 2 Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase']);
    // Every row of the paper, each naming its theme as written (faults kept).
    const seedRows = IMPROVEMENT_PLAN_PHASE_2.closeDown || [];
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(seedRows.length);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(seedRows.map((r) => r.themeAsWritten));
    // The phase's note as written, and the destinations in words with their colour.
    expect(screen.getByText(/Strateguc ambitions and priorities/)).toBeInTheDocument();
    const first = rows[0];
    const mark = within(first).getByText(DESTINATION_STYLES.NextPhaseTheme.label);
    expect(mark).toHaveStyle({ background: `#${DESTINATION_STYLES.NextPhaseTheme.fill}` });
    expect(first).toHaveTextContent('Continuous Improvement Improvement theme (Phase 3)');

    // The key: every destination's label on its colour.
    const key = screen.getByRole('list', { name: 'Colour key' });
    const entries = within(key).getAllByRole('listitem');
    expect(entries.map((e) => e.textContent)).toEqual(CLOSE_DOWN_DESTINATIONS.map((d) => DESTINATION_STYLES[d].label));
    CLOSE_DOWN_DESTINATIONS.forEach((d, i) => expect(entries[i].firstElementChild).toHaveStyle({ background: `#${DESTINATION_STYLES[d].fill}` }));

    // The address records the close-down; back on the programme view it leaves.
    const phaseId = (await new MemoryRepository({ persona: 'iibMember' }).phases().getPhases()).phases[0].id;
    await waitFor(() => expect(address.written[address.written.length - 1]).toEqual({ closeDownPhaseId: phaseId }));
    await user.click(screen.getByRole('button', { name: 'Back to programme' }));
    await programmeTable();
    await waitFor(() => expect(address.written[address.written.length - 1].closeDownPhaseId).toBeUndefined());
  });

  it('opens on the close-down its address names', async () => {
    const phaseId = (await new MemoryRepository().phases().getPhases()).phases[0].id;
    renderDashboard({ persona: 'sponsor' }, { address: memoryAddress({ closeDownPhaseId: phaseId }) });
    expect(await closeDownTable('Phase 2')).toBeInTheDocument();
  });

  it('says so, with a retry, when the address names a phase that is not there', async () => {
    renderDashboard({ persona: 'iibMember' }, { address: memoryAddress({ closeDownPhaseId: 999 }) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/phase 999/);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('is a stack of cards below 600 px, each value under its column’s heading', async () => {
    containersAre(400);
    const phaseId = (await new MemoryRepository().phases().getPhases()).phases[0].id;
    renderDashboard({ persona: 'iibMember' }, { address: memoryAddress({ closeDownPhaseId: phaseId }) });
    const table = await closeDownTable('Phase 2');
    const region = table.closest('[data-layout]') as HTMLElement;
    expect(region).toHaveAttribute('data-layout', 'cards');
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Phase 2 Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase']);
  });
});

describe('a programme built here: two phases, the first drafted from its records', () => {
  it('offers no close-down to readers while every phase is open, and the programme office every phase', async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const reader = renderOver(office.as('iibMember'));
    await programmeTable();
    // The phases were read (the call went to the site and its answer was rendered) before saying there is no link.
    await waitFor(() => expect(office.site.calls.filter((c) => c.action === 'read the phases')).toHaveLength(1));
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('navigation', { name: 'Close-down of phases' })).toBeNull();
    reader.unmount();
    renderOver(office);
    const nav = await screen.findByRole('navigation', { name: 'Close-down of phases' });
    expect(within(nav).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Recovery year one close-down (open)', 'Recovery year two close-down (open)']);
  });

  it('shows a drafted close-down: completed milestones with their evidence, open milestones and risks outstanding with no destination yet', async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const { phases } = await office.phases().getPhases();
    const drafted = await office.phases().draftCloseDown(phases[0].id);
    const { user } = renderOver(office.as('iibMember'));
    await programmeTable();
    const nav = await screen.findByRole('navigation', { name: 'Close-down of phases' });
    expect(nav).toHaveTextContent('Recovery year one close-down (closing)');
    await user.click(within(nav).getByRole('button', { name: 'Recovery year one close-down' }));
    const table = await closeDownTable('Recovery year one');
    expect(columnHeadings(table)[1]).toBe('Recovery year one Tasks/Actions');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(drafted.items.length);
    const done = drafted.items.filter((i) => i.destination === 'Completed');
    const open = drafted.items.filter((i) => !i.destination);
    expect(done.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    const rowOf = (task: string): HTMLElement => rows.filter((r) => within(r).getAllByRole('cell')[0].textContent === task.trim())[0];
    const completed = rowOf(done[0].task);
    expect(within(completed).getByRole('rowheader')).toHaveTextContent(/recovery$/);
    expect(completed).toHaveTextContent(`Evidence: ${done[0].evidence}`);
    expect(completed).toHaveTextContent(DESTINATION_STYLES.Completed.label);
    const outstanding = rowOf(open[0].task);
    expect(within(outstanding).getByText(NO_DESTINATION_LABEL)).toBeInTheDocument();
  });
});
