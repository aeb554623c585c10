/** @jest-environment jsdom */
/**
 * The paper's sections on the programme view, over the real rules (the repository over the
 * in-memory transport): shown in the programme's order for the latest period; the programme office
 * edits one in place, by keyboard, and a change someone else made meanwhile is shown beside the
 * user's own words, never overwritten silently; nobody else is offered the editing.
 */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { MemoryRepository } from '../support/memoryProgramme';
import { renderOver } from './dashboardKit';

const NOVDEC = 2;

async function withSections(): Promise<MemoryRepository> {
  const office = new MemoryRepository({ persona: 'programmeOffice' });
  await office.addSectionDefinition('Purpose');
  await office.addSectionDefinition('Also to note');
  await office.addSectionDefinition('Implications', 0);
  await office.savePeriodSection(NOVDEC, 'purpose', 'To update the Board.', undefined, 'Programme office');
  return office;
}

async function sectionsCard(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 3, name: "The paper's sections" });
  return heading.closest('section') as HTMLElement;
}

describe("the paper's sections on the programme view", () => {
  it('shows every section of the latest period in the programme’s order, empty ones said to be empty', async () => {
    const office = await withSections();
    renderOver(office.as('iibMember'));
    const card = await sectionsCard();
    expect(within(card).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Implications', 'Purpose', 'Also to note']);
    const purpose = within(card).getByRole('group', { name: 'Purpose' });
    expect(purpose).toHaveTextContent('To update the Board.');
    expect(purpose).toHaveTextContent('Written by Programme office');
    expect(within(card).getByRole('group', { name: 'Also to note' })).toHaveTextContent('Nothing has been written in this section for November/December 2023.');
    // An IIB member reads; only the programme office edits.
    expect(within(card).queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it('lets the programme office write a section by keyboard, saved through the repository', async () => {
    const office = await withSections();
    const { user } = renderOver(office);
    const card = await sectionsCard();
    const note = within(card).getByRole('group', { name: 'Also to note' });
    within(note).getByRole('button', { name: 'Edit Also to note' }).focus();
    await user.keyboard('{Enter}');
    const box = within(note).getByRole('textbox', { name: 'Also to note – text for November/December 2023' });
    await user.click(box);
    await user.keyboard('- The audit letter was answered.');
    await user.click(within(note).getByRole('button', { name: 'Save' }));
    expect(await within(note).findByRole('status')).toHaveTextContent('Also to note saved.');
    const picture = await office.getPeriodPicture(NOVDEC);
    expect(picture.sections!.filter((s) => s.key === 'also-to-note')[0].text).toBe('- The audit letter was answered.');
    expect(await within(note).findByText('The audit letter was answered.')).toBeInTheDocument();
  });

  it("shows someone else's change beside the user's words and keeps theirs until the user saves again", async () => {
    const office = await withSections();
    const { user } = renderOver(office);
    const card = await sectionsCard();
    const purpose = within(card).getByRole('group', { name: 'Purpose' });
    await user.click(within(purpose).getByRole('button', { name: 'Edit Purpose' }));
    const box = within(purpose).getByRole('textbox');
    await user.clear(box);
    await user.type(box, 'My purpose.');
    // Meanwhile another member of the programme office saves theirs.
    const other = office.as('programmeOffice');
    const read = await other.getPeriodPicture(NOVDEC);
    await other.savePeriodSection(NOVDEC, 'purpose', 'Their purpose.', read.sections!.filter((s) => s.key === 'purpose')[0].etag);
    await user.click(within(purpose).getByRole('button', { name: 'Save' }));
    expect(await within(purpose).findByRole('status')).toHaveTextContent('Someone else changed Purpose while you were writing.');
    expect(within(purpose).getByRole('textbox')).toHaveValue('My purpose.');
    expect(within(purpose).getByText('Their purpose.')).toBeInTheDocument();
    expect((await office.getPeriodPicture(NOVDEC)).sections!.filter((s) => s.key === 'purpose')[0].text).toBe('Their purpose.');
    // Saving again, knowingly, replaces theirs.
    await user.click(within(purpose).getByRole('button', { name: 'Save' }));
    expect(await within(purpose).findByText('Purpose saved.')).toBeInTheDocument();
    expect((await office.getPeriodPicture(NOVDEC)).sections!.filter((s) => s.key === 'purpose')[0].text).toBe('My purpose.');
  });

  it('shows nothing for a programme with no sections', async () => {
    renderOver(new MemoryRepository({ persona: 'programmeOffice' }));
    await screen.findByRole('heading', { level: 3, name: 'Lead Executive Director overview' });
    expect(screen.queryByRole('heading', { name: "The paper's sections" })).toBeNull();
  });
});
