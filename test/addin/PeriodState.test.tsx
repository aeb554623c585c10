/**
 * @jest-environment jsdom
 *
 * Before anything is inserted or downloaded, the task pane says what the period is: the report
 * as it went to the Board (locked), or a draft with how many workstream sections are not yet
 * approved — counted by the same rule that marks them Draft in the document.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { TaskPane } from '../../src/addin/components/TaskPane';
import { MemoryRepository } from '../support/memoryProgramme';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { choose, fakeAccess, periodLoaded, readBlob } from './paneKit';

function renderOutside(repository: MemoryRepository, saveFile?: (blob: Blob, name: string) => void) {
  const user = userEvent.setup();
  render(<TaskPane host="outside" access={fakeAccess(repository)} saveFile={saveFile} />);
  return user;
}

function periodState(): HTMLElement {
  return screen.getAllByRole('status').filter((s) => s.hasAttribute('data-period-state'))[0];
}

describe("the task pane says what the period's report is before insert or download", () => {
  it('an open period: Draft, with the number of workstream sections not yet approved', async () => {
    renderOutside(new MemoryRepository());
    await periodLoaded();
    // November/December 2023: only Project Plans and Delivery's report is approved; four are not.
    expect(periodState()).toHaveTextContent('Draft. November/December 2023 is open: 4 workstream sections are not yet approved, marked Draft in what you insert or download');
  });

  it('a locked period: the report as it went to the Board, no Draft', async () => {
    const user = renderOutside(new MemoryRepository());
    await periodLoaded();
    await choose(user, 'Reporting period', 'June 2023');
    await screen.findByText('June 2023 is locked: what you insert or download is the report as it went to the Board.');
    expect(periodState()).not.toHaveTextContent('Draft');
  });

  it('counts by the same rule for a programme shaped unlike the seed: six themes, none approved yet', async () => {
    renderOutside(new MemoryRepository({ seed: FIRST_PHASE }));
    await periodLoaded();
    expect(periodState()).toHaveTextContent('March 2023 is open: 6 workstream sections are not yet approved');
  });
});

describe("the Board's version of the .docx", () => {
  it('is offered for an open period with reports not yet approved: the preview and the download then leave them out, each saying it awaits approval', async () => {
    const saved: Blob[] = [];
    const user = renderOutside(new MemoryRepository(), (blob) => saved.push(blob));
    await periodLoaded();
    const box: HTMLElement = screen.getByRole('checkbox', { name: /The Board’s version for the \.docx and the preview: approved reports only \(4 reports left out/ });
    expect(box).not.toBeChecked();
    expect(periodState()).toHaveTextContent('marked Draft in what you insert or download');
    const preview = (): HTMLElement => screen.getByRole('region', { name: /^Preview of / });
    expect(within(preview()).getAllByText(/– Draft$/)).toHaveLength(4);

    await user.click(box);
    await waitFor(() => expect(within(preview()).getAllByText(/– Awaiting approval$/)).toHaveLength(4));
    expect(within(preview()).queryAllByText(/– Draft$/)).toHaveLength(0);
    // The line above the box says what the choice does: inserted blocks are still drafts, the .docx leaves them out.
    expect(periodState()).toHaveTextContent('marked Draft in what you insert and left out of the preview and the .docx');
    await user.click(screen.getByRole('button', { name: 'Download .docx' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const zip = await JSZip.loadAsync(await readBlob(saved[0]));
    const body: string = await zip.file('word/document.xml')!.async('string');
    expect((body.match(/ – Awaiting approval</g) || []).length).toBe(4);
    expect(body).not.toContain(' – Draft<');
    expect(await zip.file('word/header1.xml')!.async('string')).toContain('approved reports only, the others await approval');
  });

  it('is not offered once the period is locked: its report is what went to the Board', async () => {
    const user = renderOutside(new MemoryRepository());
    await periodLoaded();
    await choose(user, 'Reporting period', 'June 2023');
    await screen.findByText('June 2023 is locked: what you insert or download is the report as it went to the Board.');
    expect(screen.queryByRole('checkbox', { name: /The Board’s version/ })).toBeNull();
  });
});
