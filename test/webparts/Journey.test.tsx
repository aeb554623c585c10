/** @jest-environment jsdom */
/**
 * A workstream's journey across phases on the dashboard (issue 16), over the real repository on
 * an in-memory site: opened from a workstream's view and from a close-down's rows, its ratings in
 * each phase's periods as the workstream's RAG history shows them (words, drafts withheld from
 * readers), its close-down rows and the next-phase themes their items went to as links that open
 * those themes' journeys, where a next-phase theme came from, and honest words for a programme
 * of one phase or none. On the seed (one phase) and on programmes built here.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { IViewAddress, IViewState } from '../../src/webparts/programmeDashboard/components/viewAddress';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { MemoryRepository } from '../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';
import { renderDashboard, renderOver } from './dashboardKit';

/** The reads a journey made of the site (each one round trip over SharePoint or Graph). */
function journeyReads(repository: MemoryRepository): number {
  return repository.site.calls.filter((c) => c.action === "read the workstream's journey across phases").length;
}

function memoryAddress(start: IViewState = {}): IViewAddress & { written: IViewState[] } {
  const written: IViewState[] = [];
  return { written, read: () => start, write: (state) => written.push(state) };
}

/** A table's body rows as text, cell by cell. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent || '').trim()));
}

/** Recovery Plan with its first phase's close-down locked and carried into the second: one row by its destination theme, one placed in a new theme. */
async function carriedPlan(): Promise<{ office: MemoryRepository; intoNext: string; placed: string }> {
  const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
  const phases = office.phases();
  const [first, second] = (await phases.getPhases()).phases;
  const drafted = await phases.draftCloseDown(first.id);
  const [a, b] = drafted.items.filter((i) => i.destination === undefined && i.workstreamId === 1);
  await phases.updateCloseDownItem(a.id, { destination: 'NextPhaseTheme', destinationWorkstreamId: 3 }, a.etag);
  await phases.updateCloseDownItem(b.id, { destination: 'NextPhaseTheme', destinationAsWritten: 'Culture theme (year two)' }, b.etag);
  for (const item of drafted.items.filter((i) => i.destination === undefined && i.id !== a.id && i.id !== b.id)) {
    await phases.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
  }
  const ready = await phases.getCloseDown(first.id);
  await lockPeriodsOf(office, ready.records.periods);
  await phases.lockCloseDown(first.id, { boardMeetingDate: '25/01/2024' });
  await phases.startNextPhase(first.id, {
    existingPhaseId: second.id,
    title: '',
    start: '',
    period: { title: 'Quarter 1 of year two', start: '01/04/2024', end: '30/06/2024' },
    themes: [{ existingId: 3 }, { code: 'CUL', title: 'Culture change' }],
    placements: { [b.id]: 1 },
    risks: Object.fromEntries(ready.records.risks.filter((r) => r.state === 'Open').map((r) => [r.id, { closeReason: 'Superseded.' }]))
  });
  return { office, intoNext: a.task.trim(), placed: b.task.trim() };
}

describe('the seeded programme: one phase', () => {
  it("is opened from a workstream's view and shows its ratings in Phase 2 exactly as its RAG history does, and its close-down rows", async () => {
    const address = memoryAddress({ workstreamCode: 'GOV' });
    const { user } = renderDashboard({ persona: 'iibMember' }, { address });
    const history = await screen.findByRole('table', { name: /^RAG status of/ });
    const expected = rowsOf(history);
    await user.click(screen.getByRole('button', { name: /^Journey across phases of / }));
    const heading = await screen.findByRole('heading', { level: 2, name: /: journey across phases$/ });
    await waitFor(() => expect(heading).toHaveFocus());
    const title = (heading.textContent || '').replace(/: journey across phases$/, '');
    expect(await screen.findByText('The programme has one phase so far, Phase 2: nothing has been carried into another phase yet.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Phase 2 (closing)' })).toBeInTheDocument();
    const ratings = screen.getByRole('table', { name: `Rating of ${title} in each period of Phase 2` });
    expect(rowsOf(ratings)).toEqual(expected);
    // A rating in words, whatever its colour; a draft withheld from a reader says so.
    expect(rowsOf(ratings).every((r) => /Green|Amber|Red|Awaiting approval|No report/.test(r[1]) || r[1] === '')).toBe(true);
    const rows = screen.getByRole('table', { name: `Rows of ${title} in the close-down of Phase 2` });
    const seedRows = (IMPROVEMENT_PLAN_PHASE_2.closeDown || []).filter((r) => r.workstreamId === 1);
    expect(within(rows).getAllByRole('rowheader').map((h) => (h.textContent || '').trim())).toEqual(seedRows.map((r) => r.task.trim()));
    // The paper names Phase 3 in words only: nothing to link to, and it says so.
    expect(within(rows).queryAllByRole('button', { name: /^Journey of / })).toEqual([]);
    expect(rows).toHaveTextContent('Not into a theme of this programme');
    await waitFor(() => expect(address.written[address.written.length - 1]).toEqual({ journeyCode: 'GOV' }));
  });

  it("is opened from a close-down's row", async () => {
    const phaseId = (await new MemoryRepository().phases().getPhases()).phases[0].id;
    const { user } = renderDashboard({ persona: 'sponsor' }, { address: memoryAddress({ closeDownPhaseId: phaseId }) });
    const table = await screen.findByRole('table', { name: 'Close-down of Phase 2' });
    const links = within(table).getAllByRole('button', { name: /^Journey of / });
    expect(links.length).toBeGreaterThan(0);
    await user.click(links[0]);
    expect(await screen.findByRole('heading', { level: 2, name: /: journey across phases$/ })).toBeInTheDocument();
  });
});

describe('a programme built here: two phases, the first closed and carried into the second', () => {
  it("links a first-phase theme to the themes its items went to, and back from where they came", async () => {
    const { office, intoNext, placed } = await carriedPlan();
    const address = memoryAddress({ journeyCode: 'GOV' });
    const { user } = renderOver(office.as('iibMember'), { address });
    await screen.findByRole('heading', { level: 2, name: 'GOV recovery: journey across phases' });
    expect(await screen.findByRole('heading', { level: 3, name: 'Recovery year one (closed)' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: 'Recovery year two (open)' })).toBeNull();
    const rows = screen.getByRole('table', { name: 'Rows of GOV recovery in the close-down of Recovery year one' });
    const rowOf = (task: string): HTMLElement => within(rows).getAllByRole('row').filter((r) => (within(r).queryByRole('rowheader')?.textContent || '').trim() === task)[0];
    expect(within(rowOf(intoNext)).getByRole('button', { name: 'Journey of Continuous improvement, a theme of Recovery year two' })).toBeInTheDocument();
    expect(within(rowOf(placed)).getByRole('button', { name: 'Journey of Culture change, a theme of Recovery year two' })).toBeInTheDocument();
    expect(screen.getByText('As the close-down went to the Board.')).toBeInTheDocument();
    // Two reads: the phases, periods, workstreams, its rows and milestones together; then what its rows went to and the snapshot.
    expect(journeyReads(office)).toBe(2);

    await user.click(within(rowOf(intoNext)).getByRole('button', { name: /^Journey of Continuous improvement/ }));
    await screen.findByRole('heading', { level: 2, name: 'Continuous improvement: journey across phases' });
    await waitFor(() => expect(address.written[address.written.length - 1]).toEqual({ journeyCode: 'NEXT' }));
    const from = (await screen.findByRole('heading', { level: 3, name: 'Where Continuous improvement came from' })).closest('section') as HTMLElement;
    expect(from).toHaveTextContent('From GOV recovery, at the close-down of Recovery year one:');
    expect(from).toHaveTextContent(intoNext);
    expect(from).not.toHaveTextContent(placed);
    expect(screen.getByText('Continuous improvement is a theme of this phase.')).toBeInTheDocument();
    expect(screen.getByText('The close-down of Recovery year two is not drafted yet.')).toBeInTheDocument();

    await user.click(within(from).getByRole('button', { name: 'Journey of GOV recovery, a theme of Recovery year one' }));
    await screen.findByRole('heading', { level: 2, name: 'GOV recovery: journey across phases' });
    await user.click(screen.getByRole('button', { name: 'Open the report of GOV recovery' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'GOV recovery' })).toBeInTheDocument();
  });
});

describe('a programme of no phases', () => {
  it('says so plainly and still shows the ratings', async () => {
    const seed = { ...IMPROVEMENT_PLAN_PHASE_2, phases: [], closeDown: [] };
    const repository = new MemoryRepository({ persona: 'programmeOffice', seed });
    renderOver(repository, { address: memoryAddress({ journeyCode: 'PPD' }) });
    const heading = await screen.findByRole('heading', { level: 2, name: /: journey across phases$/ });
    const title = (heading.textContent || '').replace(/: journey across phases$/, '');
    expect(await screen.findByText(`This programme is not divided into phases, so ${title} has no journey across them to show. Its ratings are in its RAG history.`)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: `RAG status of ${title} in each reporting period, earliest first` })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: /\((open|closing|closed)\)$/ })).toBeNull();
    // Nothing it went to or came from: one read.
    expect(journeyReads(repository)).toBe(1);
  });
});
