/** @jest-environment jsdom */
/**
 * "Sections of the paper…": the programme office names and orders the paper's own sections in the
 * dashboard, over the real rules (the real ProgrammeRepository over the in-memory site). Most tests
 * use a programme built here through the repository — six themes with long titles, unrated, one
 * open period — not the seed. Each checks what the user sees and what the repository then holds.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import '@testing-library/jest-dom';
import { buildProgrammeReport } from '../../src/report';
import { EMPTY_SITE } from '../support/firstPhaseProgramme';
import { MemoryRepository } from '../support/memoryProgramme';
import { officeView, panel, renderDashboard, renderOver, type User } from './dashboardKit';

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const TOPICS: string[] = ['Leadership and culture', 'Member-officer relations', 'Financial sustainability', 'Children’s services', 'Planning and regeneration', 'Housing repairs'];

/** A theme's full title: three sentences, far past the 255 characters of a SharePoint single line. */
function longTitle(letter: string, topic: string): string {
  return (
    `Theme ${letter} – ${topic}. The council answers the Commissioners' findings on ${topic.toLowerCase()} with a plan members own and officers deliver. ` +
    `Each month the Improvement and Assurance Board is shown the evidence, not only the activity, so that it can test whether the change is real. ` +
    `What works is written into the service plans before the intervention ends.`
  );
}

/** A second programme, built through the repository as the programme office would: six long-titled themes, no ratings. */
async function builtProgramme(): Promise<{ repository: MemoryRepository; periodId: number }> {
  const repository = new MemoryRepository({ seed: EMPTY_SITE });
  await repository.saveProgramme({
    title: 'Recovery Plan Year 1',
    organisation: 'A Borough Council',
    board: 'Improvement and Assurance Board',
    reporting: { rated: false, sponsorComments: false, milestones: false, signOff: false, keyRisks: true, printEmpty: false }
  });
  for (const [i, topic] of TOPICS.entries()) {
    const letter: string = 'ABCDEF'[i];
    await repository.saveWorkstream({ code: `RP-${letter}`, title: longTitle(letter, topic), shortTitle: `Theme ${letter} – ${topic}`, description: '', outcomes: '' });
  }
  const period = await repository.createPeriod({ title: 'April 2024', start: '01/04/2024', end: '30/04/2024' });
  return { repository, periodId: period.id };
}

async function openSections(user: User): Promise<HTMLElement> {
  const office = await officeView();
  await user.click(within(office).getByRole('button', { name: 'Sections of the paper…' }));
  const dialog = await panel('Sections of the paper');
  await within(dialog).findByRole('textbox', { name: 'Name of a new section' });
  return dialog;
}

/** The sections as the panel lists them, by each item's heading. */
function listed(dialog: HTMLElement): string[] {
  const list = within(dialog).getByRole('list', { name: 'Sections in the order the paper prints them' });
  return within(list)
    .queryAllByRole('heading', { level: 2 })
    .map((h) => h.textContent || '');
}

async function names(repository: MemoryRepository): Promise<string[]> {
  return (await repository.getSectionDefinitions()).map((d) => d.name);
}

/** Types a new section's name and presses Enter, as a keyboard user adds one. */
async function addByKeyboard(user: User, dialog: HTMLElement, name: string): Promise<void> {
  const field = within(dialog).getByRole('textbox', { name: 'Name of a new section' });
  await user.click(field);
  await user.keyboard(name.replace(/[{[]/g, (c) => c + c));
  await user.keyboard('{Enter}');
}

describe("setting up the paper's sections (programme office)", () => {
  it('adds, reorders, renames and removes sections of a second programme by keyboard, and the programme view follows', async () => {
    const { repository } = await builtProgramme();
    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    expect(within(dialog).getByText('The paper has no sections besides the overview yet.')).toBeInTheDocument();
    // The name field has focus when the panel opens.
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name of a new section' })).toHaveFocus());

    for (const name of ['Purpose', 'Background', 'Also to note']) {
      await addByKeyboard(user, dialog, name);
      expect(await within(dialog).findByRole('status')).toHaveTextContent(`"${name}" is added as number`);
      // Focus stays in the field, emptied, for the next one.
      expect(within(dialog).getByRole('textbox', { name: 'Name of a new section' })).toHaveValue('');
      expect(within(dialog).getByRole('textbox', { name: 'Name of a new section' })).toHaveFocus();
    }
    expect(listed(dialog)).toEqual(['1. Purpose', '2. Background', '3. Also to note']);

    // Move Background up by keyboard: at the top its "Move up" is disabled, so focus goes to its "Move down".
    within(dialog).getByRole('button', { name: 'Move up: Background' }).focus();
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('"Background" is now number 1 of 3.')).toBeInTheDocument();
    expect(listed(dialog)).toEqual(['1. Background', '2. Purpose', '3. Also to note']);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Move down: Background' })).toHaveFocus());
    expect(within(dialog).getByRole('button', { name: 'Move up: Background' })).toBeDisabled();
    expect(await names(repository)).toEqual(['Background', 'Purpose', 'Also to note']);

    // Rename "Also to note": focus goes into the field, Enter saves, focus comes back to Rename.
    within(dialog).getByRole('button', { name: 'Rename: Also to note' }).focus();
    await user.keyboard('{Enter}');
    const rename = within(dialog).getByRole('textbox', { name: 'New name for Also to note' });
    await waitFor(() => expect(rename).toHaveFocus());
    await user.clear(rename);
    await user.keyboard('For the Board to note{Enter}');
    expect(await within(dialog).findByText('"Also to note" is now called "For the Board to note".')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Rename: For the Board to note' })).toHaveFocus());

    // Remove Purpose: asked first; Keep it changes nothing; Remove section removes it.
    await user.click(within(dialog).getByRole('button', { name: 'Remove: Purpose' }));
    const question = within(dialog).getByRole('group', { name: 'Remove "Purpose" from the paper?' });
    expect(question).toHaveTextContent("a locked period's snapshot still prints it");
    await waitFor(() => expect(within(question).getByRole('button', { name: 'Remove section' })).toHaveFocus());
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove: Purpose' })).toHaveFocus());
    expect(await names(repository)).toEqual(['Background', 'Purpose', 'For the Board to note']);
    await user.keyboard('{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Remove section' }));
    expect(await within(dialog).findByText('"Purpose" is removed from the paper. Text already written for it is kept.')).toBeInTheDocument();
    expect(listed(dialog)).toEqual(['1. Background', '2. For the Board to note']);
    // Focus goes to the section that took its place.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove: For the Board to note' })).toHaveFocus());
    expect(await names(repository)).toEqual(['Background', 'For the Board to note']);

    // Closing the panel reloads the programme view: its sections in the new order and names.
    await user.click(within(dialog).getByRole('button', { name: 'Close this panel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const card = (await screen.findByRole('heading', { level: 3, name: "The paper's sections" })).closest('section') as HTMLElement;
    await waitFor(() => expect(within(card).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Background', 'For the Board to note']));
    expect(screen.getByRole('button', { name: 'Sections of the paper…' })).toHaveFocus();
  });

  it('refuses a blank, a duplicate and a too-long name beside the field, writing nothing', async () => {
    const { repository } = await builtProgramme();
    await repository.addSectionDefinition('Purpose');
    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    const field = within(dialog).getByRole('textbox', { name: 'Name of a new section' });
    const writes = (): number => repository.callsOf('addSectionDefinition').length + repository.callsOf('updateSectionDefinition').length;
    const before: number = writes();

    await user.click(within(dialog).getByRole('button', { name: 'Add section' }));
    expect(await within(dialog).findByText('Section name must not be empty.')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Section name must not be empty.'));

    await user.type(field, '  purpose ');
    expect(await within(dialog).findByText('Section name: the programme already has a section called "Purpose".')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(field).toHaveFocus();

    await user.clear(field);
    await user.click(field);
    await user.paste('x'.repeat(256));
    expect(await within(dialog).findByText('Section name is 256 characters long; the most SharePoint keeps is 255.')).toBeInTheDocument();
    await user.keyboard('{Enter}');

    // A rename to another section's name is refused the same way.
    await repository.addSectionDefinition('Background');
    await user.click(within(dialog).getByRole('button', { name: 'Close this panel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const again = await openSections(user);
    await user.click(within(again).getByRole('button', { name: 'Rename: Background' }));
    const rename = within(again).getByRole('textbox', { name: 'New name for Background' });
    await user.clear(rename);
    await user.click(within(again).getByRole('button', { name: 'Save name' }));
    expect(await within(again).findByText('Section name must not be empty.')).toBeInTheDocument();
    await user.type(rename, 'PURPOSE');
    expect(await within(again).findByText('Section name: the programme already has a section called "Purpose".')).toBeInTheDocument();
    await user.click(within(again).getByRole('button', { name: 'Save name' }));

    expect(writes()).toBe(before + 1); // only the test's own "Background"
    expect(await names(repository)).toEqual(['Purpose', 'Background']);
  });

  it("keeps the typed name and shows the other person's when someone renamed the section first", async () => {
    const { repository } = await builtProgramme();
    await repository.addSectionDefinition('Purpose');
    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    await user.click(within(dialog).getByRole('button', { name: 'Rename: Purpose' }));
    const field = within(dialog).getByRole('textbox', { name: 'New name for Purpose' });
    await user.clear(field);
    await user.type(field, 'Purpose of this paper');
    // Meanwhile another member of the programme office renames it.
    const other = repository.as('programmeOffice');
    const [read] = await other.getSectionDefinitions();
    await other.updateSectionDefinition(read.id, { name: 'Why this paper' }, read.etag);

    await user.click(within(dialog).getByRole('button', { name: 'Save name' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone else changed this section after you opened it, so your name was not saved.');
    const kept = within(dialog).getByRole('textbox', { name: /^New name for/ });
    expect(kept).toHaveValue('Purpose of this paper');
    expect(within(dialog).getByText('Their version: Why this paper')).toBeInTheDocument();
    expect(await names(repository)).toEqual(['Why this paper']);

    // Saving again, knowingly, replaces theirs.
    await user.click(within(dialog).getByRole('button', { name: 'Save name' }));
    expect(await within(dialog).findByText('"Why this paper" is now called "Purpose of this paper".')).toBeInTheDocument();
    expect(await names(repository)).toEqual(['Purpose of this paper']);
  });

  it('does not remove a section someone else renamed meanwhile, and reloads the order when someone else moved one', async () => {
    const { repository } = await builtProgramme();
    await repository.addSectionDefinition('Purpose');
    await repository.addSectionDefinition('Background');
    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    const other = repository.as('programmeOffice');
    const [purpose, background] = await other.getSectionDefinitions();

    // Renamed by someone else after the panel read it: the removal is refused, with their name.
    await other.updateSectionDefinition(purpose.id, { name: 'Purpose of the report' }, purpose.etag);
    await user.click(within(dialog).getByRole('button', { name: 'Remove: Purpose' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove section' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone else changed "Purpose" after you opened this (it is now called "Purpose of the report"), so it was not removed.');
    await waitFor(() => expect(listed(dialog)).toEqual(['1. Purpose of the report', '2. Background']));
    expect(await names(repository)).toEqual(['Purpose of the report', 'Background']);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Remove: Purpose of the report' })).toHaveFocus());

    // Moved by someone else: the move is refused and the list shows their order.
    await other.updateSectionDefinition(background.id, { order: 0 }, background.etag);
    await user.click(within(dialog).getByRole('button', { name: 'Move down: Purpose of the report' }));
    expect(await within(dialog).findByText('Someone else changed the sections meanwhile. The list shows them as they are now: check the order and try again.')).toBeInTheDocument();
    await waitFor(() => expect(listed(dialog)).toEqual(['1. Background', '2. Purpose of the report']));
    expect(await names(repository)).toEqual(['Background', 'Purpose of the report']);
  });

  it("removing a section keeps the text a locked period holds for it: its snapshot and report still print it", async () => {
    const { repository, periodId } = await builtProgramme();
    await repository.addSectionDefinition('Purpose');
    await repository.addSectionDefinition('Implications');
    await repository.savePeriodSection(periodId, 'implications', 'There are no financial implications.', undefined, 'Programme office');
    await repository.lockPeriod(periodId, { allowUnapproved: true, reason: 'The Board met on 14 May.', overrideReason: 'The paper went as it was.' });
    const may = await repository.createPeriod({ title: 'May 2024', start: '01/05/2024', end: '31/05/2024' });

    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    await user.click(within(dialog).getByRole('button', { name: 'Remove: Implications' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove section' }));
    await within(dialog).findByText('"Implications" is removed from the paper. Text already written for it is kept.');
    expect(await names(repository)).toEqual(['Purpose']);

    const april = await repository.getPeriodPicture(periodId);
    expect(april.period.state).toBe('Locked');
    expect(april.sections!.map((s) => [s.name, s.text])).toEqual([
      ['Purpose', ''],
      ['Implications', 'There are no financial implications.']
    ]);
    const printed: string = JSON.stringify(buildProgrammeReport(april).filter((b) => b.kind === 'periodSection'));
    expect(printed).toContain('Implications');
    expect(printed).toContain('There are no financial implications.');
    // The next period is no longer asked for it.
    expect((await repository.getPeriodPicture(may.id)).sections!.map((s) => s.name)).toEqual(['Purpose']);
  });

  it('has no axe findings with the list, a rename and a removal question open (colour contrast is checked in a browser)', async () => {
    const { repository } = await builtProgramme();
    await repository.addSectionDefinition('Purpose');
    await repository.addSectionDefinition('Background');
    const { user } = renderOver(repository);
    const dialog = await openSections(user);
    await user.click(within(dialog).getByRole('button', { name: 'Rename: Purpose' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add section' }));
    await within(dialog).findByText('Section name must not be empty.');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove: Background' }));
    const again = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(again.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('is not offered to %s', async (persona) => {
    renderDashboard({ persona });
    await screen.findAllByRole('table');
    expect(screen.queryByRole('button', { name: 'Sections of the paper…' })).not.toBeInTheDocument();
  });
});
