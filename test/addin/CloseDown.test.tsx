/**
 * @jest-environment jsdom
 *
 * The task pane inserts a phase's close-down table with its colour key (issue 16): offered for
 * each phase that is closing or closed, built from the phase's rows through the real repository,
 * and put at the cursor as one block; a programme whose phases are all open is offered none.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import type { ITable } from '../../src/report';
import { MemoryRepository } from '../support/memoryProgramme';
import { recoveryPlan } from '../support/phasedProgramme';
import { TaskPane } from '../../src/addin/components/TaskPane';
import { FakeWordDocument, fakeAccess, periodLoaded, renderPane, section, wordText } from './paneKit';

describe('the task pane inserts a close-down table', () => {
  it('offers the seeded Phase 2, closing, and inserts its table with the colour key, every row and theme', async () => {
    const { user, word, repository } = renderPane();
    await periodLoaded();
    const insert = section('Insert at the cursor');
    await user.click(await within(insert).findByRole('button', { name: 'Phase 2 close-down table' }));
    const phaseId = (await repository.phases().getPhases()).phases[0].id;
    const rows = (await repository.phases().getCloseDown(phaseId)).items;
    expect(await screen.findByText(`Inserted “Phase 2 close-down table” with its colour key: ${rows.length} rows.`)).toBeInTheDocument();
    expect(word.inserted).toHaveLength(1);
    const [block] = word.inserted[0];
    expect(block).toMatchObject({ kind: 'closeDown', title: 'Phase 2 – close down of activity' });
    const tables = block.content.filter((n): n is ITable => n.type === 'table');
    expect(tables.map((t) => t.caption)).toEqual(['Colour key of the close-down table', 'Close-down of Phase 2']);
    expect(tables[1].rows).toHaveLength(rows.length + 1);
    const text: string = wordText(block);
    for (const label of ['Completed – no further action', 'Moves to a theme of the next phase', 'Moves to directorate business plans', 'Kept under review']) {
      expect(text).toContain(label);
    }
    for (const theme of new Set(rows.map((r) => r.themeAsWritten))) {
      expect(text).toContain(theme);
    }
  });

  it('offers a phase once it is closing, and not one still open', async () => {
    const office = new MemoryRepository({ seed: recoveryPlan() });
    const [first] = (await office.phases().getPhases()).phases;
    const drafted = await office.phases().draftCloseDown(first.id);
    const word = new FakeWordDocument();
    const user = userEvent.setup();
    render(<TaskPane host="word" word={word} access={fakeAccess(office)} />);
    await periodLoaded();
    const insert = section('Insert at the cursor');
    const button = await within(insert).findByRole('button', { name: 'Recovery year one close-down table' });
    // Recovery year two is open: nothing to close down yet.
    expect(within(insert).getAllByRole('button', { name: /close-down table$/ })).toEqual([button]);
    await user.click(button);
    await waitFor(() => expect(word.inserted).toHaveLength(1));
    const table = word.inserted[0][0].content.filter((n): n is ITable => n.type === 'table')[1];
    expect(table.rows).toHaveLength(drafted.items.length + 1);
    expect(wordText(word.inserted[0][0])).toContain('No destination yet');
  });
});
