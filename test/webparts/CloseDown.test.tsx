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
import { CLOSE_DOWN_DESTINATIONS, DESTINATION_STYLES } from '../../src/domain';
import { DESTINATION_LABELS, NO_DESTINATION_LABEL } from '../../src/ui/destinationWords';
import type { IViewAddress, IViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { MemoryRepository } from '../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';
import { choose, panel, programmeTable, renderDashboard, renderOver } from './dashboardKit';

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
    // Each row header is the theme (then a link to its journey, for a row naming a workstream).
    expect(rows.map((r) => (within(r).getByRole('rowheader').querySelector('[data-theme]') as HTMLElement).textContent)).toEqual(seedRows.map((r) => r.themeAsWritten));
    // The phase's note as written, and the destinations in words with their colour.
    expect(screen.getByText(/Strateguc ambitions and priorities/)).toBeInTheDocument();
    const first = rows[0];
    const mark = within(first).getByText(DESTINATION_LABELS.NextPhaseTheme);
    expect(mark).toHaveStyle({ background: `#${DESTINATION_STYLES.NextPhaseTheme.fill}` });
    expect(first).toHaveTextContent('Continuous Improvement Improvement theme (Phase 3)');

    // The key: every destination's label on its colour.
    const key = screen.getByRole('list', { name: 'Colour key' });
    const entries = within(key).getAllByRole('listitem');
    expect(entries.map((e) => e.textContent)).toEqual(CLOSE_DOWN_DESTINATIONS.map((d) => DESTINATION_LABELS[d]));
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
    expect(completed).toHaveTextContent(DESTINATION_LABELS.Completed);
    const outstanding = rowOf(open[0].task);
    expect(within(outstanding).getByText(NO_DESTINATION_LABEL)).toBeInTheDocument();
  });
});

describe("the programme office closes a phase down on the dashboard", () => {
  async function openFirstPhase(office: MemoryRepository): Promise<{ user: ReturnType<typeof renderOver>['user']; phaseId: number }> {
    const { phases } = await office.phases().getPhases();
    const { user } = renderOver(office, { address: memoryAddress({ closeDownPhaseId: phases[0].id }) });
    await screen.findByRole('heading', { level: 2, name: 'Recovery year one – close down of activity' });
    return { user, phaseId: phases[0].id };
  }

  it('drafts the table from the records, edits a row with the destination picker, is refused the lock while an item has no destination, then locks', async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const { user, phaseId } = await openFirstPhase(office);
    expect(screen.getByText(/Recovery year one has no close-down yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Draft from the phase's records" }));
    const table = await closeDownTable('Recovery year one');
    const stored = await office.phases().getCloseDown(phaseId);
    // The message's words come a moment after its box (Fluent's MessageBar renders them delayed).
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Drafted ${stored.items.length} rows from the records of Recovery year one.`));
    expect(columnHeadings(table)).toEqual(['Theme', 'Recovery year one Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase', 'Actions']);

    // Readiness: each outstanding item without a destination is named.
    const readiness = screen.getByRole('heading', { level: 3, name: 'Ready to lock?' }).closest('section') as HTMLElement;
    const open = stored.items.filter((i) => !i.destination);
    expect(within(readiness).getAllByRole('listitem').filter((li) => li.getAttribute('data-rule') === 'closedown-no-destination')).toHaveLength(open.length);

    // The lock is refused, and says why; nothing changes.
    await user.type(screen.getByRole('textbox', { name: 'Board meeting date' }), '31/06/23');
    await user.click(screen.getByRole('button', { name: 'Approve and lock the close-down' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Board meeting date: "31\/06\/23" is not a date/);
    await user.clear(screen.getByRole('textbox', { name: 'Board meeting date' }));
    await user.type(screen.getByRole('textbox', { name: 'Board meeting date' }), '25/01/2024');
    await user.click(screen.getByRole('button', { name: 'Approve and lock the close-down' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not lock the close-down: \d+ things need putting right first\./);
    expect((await office.phases().getPhases()).phases[0].state).toBe('Closing');

    // The first outstanding item moves to the next phase's theme, chosen from the programme's other themes.
    const first = open[0];
    await user.click(screen.getByRole('button', { name: `Edit close-down row: ${first.task.replace(/\s+/g, ' ').trim().slice(0, 57)}${first.task.trim().length > 60 ? '…' : ''}` }));
    const form = await panel('Edit close-down row');
    await choose(user, 'Where it goes next', 'Moves to a theme of the next phase', form);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    // Naming no theme is refused beside the field, before anything is sent.
    expect(await within(form).findByText(/choose the theme of the next phase it moves into/)).toBeInTheDocument();
    await choose(user, 'Theme of the next phase', 'Continuous improvement', form);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Close-down row saved.')).toBeInTheDocument();
    const moved = (await office.phases().getCloseDown(phaseId)).items.filter((i) => i.id === first.id)[0];
    expect(moved).toMatchObject({ destination: 'NextPhaseTheme', destinationWorkstreamId: (await office.getWorkstreams()).filter((w) => w.code === 'NEXT')[0].id });
    const row = within(await closeDownTable('Recovery year one'))
      .getAllByRole('row')
      .filter((r) => (r.textContent || '').includes(first.task.trim()))[0];
    expect(row).toHaveTextContent(`${DESTINATION_LABELS.NextPhaseTheme}Continuous improvement`);

    // The rest are kept under review (by another of the programme office, outside this view); then the lock goes through.
    for (const item of (await office.phases().getCloseDown(phaseId)).items.filter((i) => !i.destination)) {
      await office.phases().updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
    }
    // Its periods still open: refused, naming them.
    await user.click(screen.getByRole('button', { name: 'Approve and lock the close-down' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The periods Quarter 1, Quarter 3 of Recovery year one are still open');
    await lockPeriodsOf(office, (await office.phases().getCloseDown(phaseId)).records.periods);
    await user.click(screen.getByRole('button', { name: 'Approve and lock the close-down' }));
    expect(await screen.findByText('The close-down of Recovery year one is approved and locked; the phase is closed.')).toBeInTheDocument();

    expect((await office.phases().getPhases()).phases[0].state).toBe('Closed');
    await screen.findByText('Locked: this is the close-down as approved, and it is not changed again. As it went to the Board meeting of 25/01/2024.');
    expect(screen.queryByRole('button', { name: /^Edit close-down row/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve and lock the close-down' })).toBeNull();
  });

  it("shows someone else's change to a row beside the user's, and keeps the user's on request", async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const phaseId = (await office.phases().getPhases()).phases[0].id;
    const drafted = await office.phases().draftCloseDown(phaseId);
    const { user } = await openFirstPhase(office);
    const item = drafted.items.filter((i) => !i.destination)[0];
    await closeDownTable('Recovery year one');
    await user.click(screen.getAllByRole('button', { name: /^Edit close-down row: / })[drafted.items.indexOf(item)]);
    const form = await panel('Edit close-down row');
    await choose(user, 'Where it goes next', 'Moves to directorate business plans', form);
    // Meanwhile another of the programme office keeps it under review.
    await office.as('programmeOffice').phases().updateCloseDownItem(item.id, { destination: 'KeepUnderReview', destinationAsWritten: 'Reviewed in March' }, item.etag);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/Someone else changed this close-down row since you opened it/)).toBeInTheDocument();
    const destination = within(form).getByRole('group', { name: 'Where it goes next' });
    expect(destination).toHaveTextContent('Moves to directorate business plans');
    expect(destination).toHaveTextContent(DESTINATION_LABELS.KeepUnderReview);
    await user.click(within(form).getByRole('button', { name: 'Keep my version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // "Keep my version" stores the user's version whole: their words in every field, none of the other's.
    const kept = (await office.phases().getCloseDown(phaseId)).items.filter((i) => i.id === item.id)[0];
    expect(kept.destination).toBe('DirectoratePlans');
    expect(kept.destinationAsWritten).toBeUndefined();
  });

  it('offers no editing to anyone else, nor once the phase is closed', async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const phaseId = (await office.phases().getPhases()).phases[0].id;
    await office.phases().draftCloseDown(phaseId);
    renderOver(office.as('projectManager'), { address: memoryAddress({ closeDownPhaseId: phaseId }) });
    await closeDownTable('Recovery year one');
    expect(screen.queryByRole('button', { name: /^Edit close-down row/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve and lock the close-down' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Ready to lock?' })).toBeNull();
  });
});

describe('the programme office starts the next phase from a locked close-down', () => {
  it('creates two themes, places the item moving on, carries one risk and closes the others with a reason; the item is a milestone linked to its row', async () => {
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const phases = office.phases();
    const first = (await phases.getPhases()).phases[0];
    const drafted = await phases.draftCloseDown(first.id);
    const [moving, ...rest] = drafted.items.filter((i) => !i.destination);
    await phases.updateCloseDownItem(moving.id, { destination: 'NextPhaseTheme', destinationAsWritten: 'Strategic ambitions theme (year three)' }, moving.etag);
    for (const item of rest) {
      await phases.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
    }
    await lockPeriodsOf(office, (await phases.getCloseDown(first.id)).records.periods);
    await phases.lockCloseDown(first.id, { boardMeetingDate: '25/01/2024' });
    const openRisks = (await phases.getCloseDown(first.id)).records.risks.filter((r) => r.state === 'Open');
    expect(openRisks.length).toBeGreaterThan(1);

    const { user } = renderOver(office, { address: memoryAddress({ closeDownPhaseId: first.id }) });
    const form = (await screen.findByRole('heading', { level: 3, name: 'Start the next phase' })).closest('section') as HTMLElement;
    await user.type(within(form).getByRole('textbox', { name: 'Next phase' }), 'Recovery year three');
    await user.type(within(form).getByRole('textbox', { name: 'Start of the next phase' }), '01/04/2025');
    await user.type(within(form).getByRole('textbox', { name: 'Period' }), 'Quarter 1 2025');
    await user.type(within(form).getByRole('textbox', { name: 'Period start' }), '01/04/2025');
    // A date that does not exist is refused beside its field, nothing written.
    const phasesBefore: number = (await phases.getPhases()).phases.length;
    const periodEnd = within(form).getByRole('textbox', { name: 'Period end' });
    await user.type(periodEnd, '31/06/2025');
    await user.click(within(form).getByRole('button', { name: 'Start the next phase' }));
    await waitFor(() => expect(periodEnd).toHaveAttribute('aria-invalid', 'true'));
    // Fluent renders the error beside the field a moment after marking it invalid.
    await waitFor(() => expect(periodEnd).toHaveAccessibleDescription(/31\/06\/2025/));
    expect((await phases.getPhases()).phases).toHaveLength(phasesBefore);
    await user.clear(periodEnd);
    await user.type(periodEnd, '30/06/2025');
    await user.type(within(form).getByRole('textbox', { name: 'Theme 1: code' }), 'CUL');
    await user.type(within(form).getByRole('textbox', { name: 'Theme 1: title' }), 'Culture change');
    await user.click(within(form).getByRole('button', { name: 'Add a theme' }));
    await user.type(within(form).getByRole('textbox', { name: 'Theme 2: code' }), 'STR');
    await user.type(within(form).getByRole('textbox', { name: 'Theme 2: title' }), 'Strategic ambitions');

    // Not yet: the item and the risks are undecided, and the refusal says which.
    await user.click(within(form).getByRole('button', { name: 'Start the next phase' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(`"${moving.task.trim()}" moves to the next phase: choose which of its themes it goes to.`);

    await choose(user, `Theme for: ${moving.task.replace(/\s+/g, ' ').trim()}`, 'Strategic ambitions', form);
    const [carried, ...closing] = openRisks;
    const riskLabel = (r: typeof carried): string => `Risk ${r.number ? `${r.number} ` : ''}${r.description.replace(/\s+/g, ' ').trim()}`;
    await choose(user, riskLabel(carried), 'Carry into Culture change', form);
    for (const r of closing) {
      await choose(user, riskLabel(r), 'Close it, with a reason', form);
      await user.type(within(form).getByRole('textbox', { name: `Reason for closing risk ${riskLabel(r).slice('Risk '.length)}` }), 'Superseded by the Best Value Notice.');
    }
    await user.click(within(form).getByRole('button', { name: 'Start the next phase' }));
    expect(await screen.findByText(`Recovery year three has started with its first period, Quarter 1 2025: 1 items moved into its themes as milestones, 1 risks carried, ${closing.length} closed.`)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: 'Start the next phase' })).toBeNull();

    // On the programme view, the new theme; in it, the item as a milestone linked to where it came from.
    await user.click(screen.getByRole('button', { name: 'Back to programme' }));
    await programmeTable();
    await user.click(await screen.findByRole('button', { name: 'Strategic ambitions' }));
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    const milestones = await screen.findByRole('table', { name: 'Key milestones/activities this period: Strategic ambitions, Quarter 1 2025' });
    const row = within(milestones)
      .getAllByRole('row')
      .filter((r) => (r.textContent || '').includes(moving.task.trim()))[0];
    expect(row).toBeDefined();
    await user.click(within(row).getByRole('button', { name: /^Open the close-down that milestone .* came from$/ }));
    expect(await closeDownTable('Recovery year one')).toBeInTheDocument();
  });
});
