/**
 * @jest-environment jsdom
 *
 * Before anything is inserted or downloaded, the task pane says what the period is: the report
 * as it went to the Board (locked), or a draft with how many workstream sections are not yet
 * approved — counted by the same rule that marks them Draft in the document.
 */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { TaskPane } from '../../src/addin/components/TaskPane';
import { MemoryRepository } from '../support/memoryProgramme';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { choose, fakeAccess, periodLoaded } from './paneKit';

function renderOutside(repository: MemoryRepository) {
  const user = userEvent.setup();
  render(<TaskPane host="outside" access={fakeAccess(repository)} />);
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
