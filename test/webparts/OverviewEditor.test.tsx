/** @jest-environment jsdom */
/**
 * The programme office's editor of a period's Lead Executive Director overview, over the real
 * rules: offered to the programme office only, checked as typed, saved against the period's ETag
 * (a conflict shows both versions), keyboard and screen-reader friendly — and once saved, the
 * readiness finding "no overview" is gone. Run on a programme built here whose open period has
 * no overview, as a new period starts, and on the seeded one.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { checkReadiness } from '../../src/domain';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { MemoryRepository, prepareSeededSite } from '../support/memoryProgramme';
import { checkReadiness as checkOfficeReadiness, choose, officeView, panel, programmeTable, renderOver } from './dashboardKit';

/** Two workstreams, other titles, and an open period with no overview yet. */
function newPeriodProgramme(): ISeedProgramme {
  const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const keep: number[] = [1, 3];
  const mine = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((i) => keep.indexOf(i.workstreamId) >= 0);
  return {
    ...seed,
    programme: { ...seed.programme, title: 'Recovery Plan' },
    periods: seed.periods.map((p) => (p.state === 'Locked' ? { ...p, title: 'Quarter 1' } : { ...p, title: 'Quarter 3', overview: undefined, overviewAuthor: undefined, overallRag: undefined })),
    workstreams: seed.workstreams.filter((w) => keep.indexOf(w.id) >= 0).map((w) => ({ ...w, title: `${w.code} theme` })),
    statusReports: mine(seed.statusReports),
    sponsorComments: mine(seed.sponsorComments),
    milestones: mine(seed.milestones),
    risks: mine(seed.risks),
    feedback: []
  };
}

const OPEN = 2;
const SEED: ISeedProgramme = newPeriodProgramme();

beforeAll(() => prepareSeededSite(SEED));

async function missingOverview(repository: MemoryRepository): Promise<boolean> {
  const picture = await repository.getPeriodPicture(OPEN);
  return checkReadiness(picture).some((f) => f.rule === 'missing-overview');
}


/** Axe's findings (colour contrast needs layout, which jsdom lacks; landmarks are the host page's). */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// jsdom has no canvas; axe then skips its icon-font check instead of logging that it cannot draw.
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('the overview editor', () => {
  it('lets the programme office write the overview with its author and rating; the readiness finding goes', async () => {
    const office = new MemoryRepository({ seed: SEED });
    await office.ready;
    expect(await missingOverview(office)).toBe(true);
    const { user } = renderOver(office);
    const view = await officeView();
    await checkOfficeReadiness(user, view);
    const before = within(view).getByText(/^The report as a whole: /).textContent;
    expect(screen.getByText('No overview has been written for Quarter 3 yet.')).toBeInTheDocument();

    await user.click(within(view).getByRole('button', { name: 'Write the overview for Quarter 3' }));
    const dialog = await panel('Lead Executive Director overview');
    expect(within(dialog).getByText('Quarter 3')).toBeInTheDocument();
    const text = within(dialog).getByRole('textbox', { name: /^Overview(?! by)/ });
    // Focus starts in the first field, for keyboard users.
    await waitFor(() => expect(text).toHaveFocus());
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    await user.type(text, 'Three themes are green.{enter}{enter}Procurement remains a concern.');
    await user.type(within(dialog).getByRole('textbox', { name: /^Overview by/ }), 'Angela Probert, Lead Executive Director');
    await choose(user, 'Overall programme RAG', 'Green/Amber', dialog);
    expect(await violations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(await screen.findByText('Overview saved.')).toBeInTheDocument();
    expect(await screen.findByText('Procurement remains a concern.')).toBeInTheDocument();
    expect(screen.getByText('Angela Probert, Lead Executive Director')).toBeInTheDocument();
    const stored = (await office.getPeriods()).filter((p) => p.id === OPEN)[0];
    expect(stored).toMatchObject({ overview: 'Three themes are green.\n\nProcurement remains a concern.', overviewAuthor: 'Angela Probert, Lead Executive Director', overallRag: 'Green/Amber' });
    expect(await missingOverview(office)).toBe(false);
    // The office view's count of whole-report findings went down with it.
    await waitFor(() => expect(within(view).queryByText(/^The report as a whole: /)?.textContent).not.toBe(before));
    // Focus is back on the button that opened the panel, now offering to edit.
    await waitFor(() => expect(within(view).getByRole('button', { name: 'Edit the overview for Quarter 3' })).toHaveFocus());
  });

  it('shows both versions when someone else saved the overview first, and keeps mine only when asked', async () => {
    const office = new MemoryRepository({ seed: SEED });
    await office.ready;
    const { user } = renderOver(office);
    const view = await officeView();
    await user.click(within(view).getByRole('button', { name: 'Write the overview for Quarter 3' }));
    const dialog = await panel('Lead Executive Director overview');
    await user.type(within(dialog).getByRole('textbox', { name: /^Overview(?! by)/ }), 'My overview.');
    office.site.change('periods', OPEN, { Overview: 'Their overview.' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('region', { name: 'Your version and the current version' });
    expect(within(dialog).getByText(/Someone else changed this reporting period since you opened it/)).toBeInTheDocument();
    expect((await office.getPeriods()).filter((p) => p.id === OPEN)[0].overview).toBe('Their overview.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep my version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await office.getPeriods()).filter((p) => p.id === OPEN)[0].overview).toBe('My overview.');
  });

  it('refuses an empty overview as typed, naming the field, and sends nothing', async () => {
    const office = new MemoryRepository({ seed: SEED });
    await office.ready;
    const { user } = renderOver(office);
    const view = await officeView();
    await user.click(within(view).getByRole('button', { name: 'Write the overview for Quarter 3' }));
    const dialog = await panel('Lead Executive Director overview');
    const text = within(dialog).getByRole('textbox', { name: /^Overview(?! by)/ });
    await user.type(text, '   ');
    await user.tab();
    expect(await within(dialog).findByText(/^Overview: /)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    expect(office.callsOf('updateOverview')).toHaveLength(0);
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('offers %s no overview editor', async (persona) => {
    const repository = new MemoryRepository({ persona, seed: SEED });
    await repository.ready;
    renderOver(repository);
    await programmeTable();
    expect(screen.queryByRole('button', { name: /the overview for/ })).not.toBeInTheDocument();
    await expect(repository.updateOverview(OPEN, { overview: 'Not mine to write.' }, (await repository.getPeriod(OPEN)).etag)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('asks a programme that does not rate for no overall rating, and keeps what is stored', async () => {
    const seed: ISeedProgramme = { ...FIRST_PHASE, periods: FIRST_PHASE.periods.map((p) => ({ ...p, overallRag: 'Amber' as const })) };
    const office = new MemoryRepository({ seed });
    await office.ready;
    const { user } = renderOver(office);
    const view = await officeView();
    await user.click(within(view).getByRole('button', { name: 'Edit the overview for March 2023' }));
    const dialog = await panel('Lead Executive Director overview');
    expect(within(dialog).queryByRole('combobox', { name: /Overall programme RAG/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/RAG/)).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Overview by/ }), 'Lead Executive Director');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const stored = (await office.getPeriods())[0];
    expect(stored).toMatchObject({ overview: 'Good progress across all six themes this month.', overviewAuthor: 'Lead Executive Director', overallRag: 'Amber' });
  });

  it("offers to edit the seeded period's existing overview, opening with what it says", async () => {
    const office = new MemoryRepository();
    await office.ready;
    const { user } = renderOver(office);
    const view = await officeView();
    await user.click(within(view).getByRole('button', { name: 'Edit the overview for November/December 2023' }));
    const dialog = await panel('Lead Executive Director overview');
    const text = within(dialog).getByRole('textbox', { name: /^Overview(?! by)/ }) as HTMLTextAreaElement;
    expect(text.value).toMatch(/^I am pleased to present the highlight report for the Improvement Plan for November and December 2023\.\n\nAs with previous/);
  });
});
