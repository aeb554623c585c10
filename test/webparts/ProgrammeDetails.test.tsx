/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import '@testing-library/jest-dom';
import { buildBlock } from '../../src/report';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { MemoryRepository } from '../support/memoryProgramme';
import { choose, officeView, panel, readStore, renderDashboard, renderOver, type User } from './dashboardKit';

async function openDetails(user: User): Promise<HTMLElement> {
  const office = await officeView();
  await user.click(within(office).getByRole('button', { name: 'Programme…' }));
  const dialog = await panel('Programme');
  await within(dialog).findByRole('textbox', { name: /^Programme/ });
  return dialog;
}

/** The words of a report block, as one string. */
function words(node: unknown): string {
  return JSON.stringify(node).replace(/\\n/g, ' ');
}

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('changing the programme after set-up (programme office)', () => {
  it('prefills the seeded programme and saves a new board name with its ETag', async () => {
    const repository = new MemoryRepository();
    const before = (await repository.getProgrammeSummary()).programme;
    const { user } = renderOver(repository);
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    const board = await within(dialog).findByRole('textbox', { name: 'Board the report goes to' });
    expect(board).toHaveValue(before.board);
    expect(within(dialog).getByText(/Changing an option deletes nothing/)).toBeInTheDocument();
    await user.clear(board);
    await user.type(board, 'Audit Board');
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    await waitFor(async () => expect((await repository.getProgrammeSummary()).programme.board).toBe('Audit Board'));
    const after = (await readStore(() => repository.getProgrammeSummary())).programme;
    expect(after.board).toBe('Audit Board');
    expect(after.title).toBe(before.title);
    expect(after.ragKeyIntroduction).toBe(before.ragKeyIntroduction);
  });

  it('shows a conflict, keeping the typed value, when someone else saved first (first-phase programme)', async () => {
    const { user, repository } = renderDashboard({ seed: FIRST_PHASE });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    const title = await within(dialog).findByRole('textbox', { name: /^Programme/ });
    const summary = await repository.getProgrammeSummary();
    await repository.saveProgramme({ ...summary.programme, title: 'Changed elsewhere' }, summary.programmeEtag);
    await user.clear(title);
    await user.type(title, 'My title');
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    expect(await within(dialog).findByText(/Someone else changed the programme/)).toBeInTheDocument();
    expect(title).toHaveValue('My title');
    expect((await repository.getProgrammeSummary()).programme.title).toBe('Changed elsewhere');
    // Theirs is shown beside the typed values; saving again replaces theirs, knowingly.
    const theirs = within(dialog).getByRole('group', { name: 'Their version, saved meanwhile' });
    expect(theirs).toHaveTextContent('Changed elsewhere');
    expect(theirs).toHaveTextContent('Not rated yet');
    await user.click(within(dialog).getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await repository.getProgrammeSummary()).programme.title).toBe('My title');
  });

  it('has no axe findings with the panel open (colour contrast is checked in a browser, not jsdom)', async () => {
    const { user } = renderDashboard({ seed: FIRST_PHASE });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Programme…' }));
    const dialog = await panel('Programme');
    await within(dialog).findByRole('textbox', { name: /^Programme/ });
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('is not offered to %s', async (persona) => {
    renderDashboard({ persona, seed: FIRST_PHASE });
    await screen.findAllByRole('table');
    expect(screen.queryByRole('button', { name: 'Programme…' })).not.toBeInTheDocument();
  });

  it("offers a rated programme's RAG key introduction as a multi-line field, saved and printed above the report's RAG key", async () => {
    const repository = new MemoryRepository();
    const before = (await repository.getProgrammeSummary()).programme;
    const { user } = renderOver(repository);
    const dialog = await openDetails(user);
    const intro = within(dialog).getByRole('textbox', { name: 'RAG key introduction' });
    expect(intro.tagName).toBe('TEXTAREA');
    expect(intro).toHaveValue(before.ragKeyIntroduction);
    expect(intro).toHaveAccessibleDescription(/Printed above the RAG key in the report/);
    await user.clear(intro);
    await user.type(intro, 'Ratings are agreed with each sponsor before the Board meets.{Enter}{Enter}- Green means on track.');
    await user.click(within(dialog).getByRole('button', { name: 'Save the programme' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = (await readStore(() => repository.getProgrammeSummary())).programme;
    expect(stored.ragKeyIntroduction).toBe('Ratings are agreed with each sponsor before the Board meets.\n\n- Green means on track.');
    expect(stored.board).toBe(before.board);
    const printed: string = words(buildBlock(await readStore(() => repository.getPeriodPicture(2)), 'ragKey').content);
    expect(printed).toContain('Ratings are agreed with each sponsor before the Board meets.');
    expect(printed).toContain('Green means on track.');
    expect(printed).not.toContain('The Independent Improvement Board have requested');
  });

  it('refuses a RAG key introduction with a character SharePoint cannot keep, beside the field, saving nothing', async () => {
    const repository = new MemoryRepository();
    const before = (await repository.getProgrammeSummary()).programme;
    const { user } = renderOver(repository);
    const dialog = await openDetails(user);
    const intro = within(dialog).getByRole('textbox', { name: 'RAG key introduction' });
    await user.click(intro);
    await user.paste(' Bell \u0007 here');
    expect(await within(dialog).findByText(/^RAG key introduction: .* contains a character that cannot be saved/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save the programme' }));
    expect(within(dialog).getByRole('textbox', { name: 'RAG key introduction' })).toBeInTheDocument();
    expect(repository.callsOf('saveProgramme')).toHaveLength(0);
    expect((await readStore(() => repository.getProgrammeSummary())).programme.ragKeyIntroduction).toBe(before.ragKeyIntroduction);
  });

  it('hides the RAG key introduction while the programme is unrated, keeping what is stored; rating again offers it back', async () => {
    const repository = new MemoryRepository({ seed: FIRST_PHASE });
    const summary = await repository.getProgrammeSummary();
    const p = summary.programme;
    await repository.saveProgramme({ title: p.title, organisation: p.organisation, board: p.board, ragKeyIntroduction: 'Kept for when the themes are rated.', reporting: p.reporting }, summary.programmeEtag);
    const { user } = renderOver(repository);
    let dialog = await openDetails(user);
    expect(within(dialog).queryByRole('textbox', { name: 'RAG key introduction' })).toBeNull();
    const board = within(dialog).getByRole('textbox', { name: 'Board the report goes to' });
    await user.clear(board);
    await user.type(board, 'Improvement Board');
    await user.click(within(dialog).getByRole('button', { name: 'Save the programme' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    let stored = (await readStore(() => repository.getProgrammeSummary())).programme;
    expect(stored.board).toBe('Improvement Board');
    expect(stored.ragKeyIntroduction).toBe('Kept for when the themes are rated.');

    dialog = await openDetails(user);
    await choose(user, 'Workstream ratings', 'Three levels: Green, Amber, Red', dialog);
    const intro = within(dialog).getByRole('textbox', { name: 'RAG key introduction' });
    expect(intro).toHaveValue('Kept for when the themes are rated.');
    await user.type(intro, ' From May.');
    // Unrated again before saving: what is stored stays, not the hidden typing.
    await choose(user, 'Workstream ratings', 'Not rated yet', dialog);
    expect(within(dialog).queryByRole('textbox', { name: 'RAG key introduction' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Save the programme' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    stored = (await readStore(() => repository.getProgrammeSummary())).programme;
    expect(stored.ragKeyIntroduction).toBe('Kept for when the themes are rated.');
    expect(stored.reporting && stored.reporting.rated).toBe(false);
  });
});
