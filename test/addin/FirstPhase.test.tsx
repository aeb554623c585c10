/**
 * @jest-environment jsdom
 *
 * The task pane over a programme shaped unlike the seeded one (test/support/firstPhaseProgramme):
 * it offers only the blocks the programme has — no status table, RAG key, sponsor comments or
 * milestones for a programme that has none — names themes by their short titles, and inserts the
 * key risks by workstream as one block.
 */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { blockPlainText } from '../../src/report';
import { MemoryRepository, prepareSeededSite } from '../support/memoryProgramme';
import { EMPTY_SITE, FIRST_PHASE } from '../support/firstPhaseProgramme';
import { choose, dropdown, fakeAccess, periodLoaded, renderPane, section } from './paneKit';

beforeAll(() => prepareSeededSite(FIRST_PHASE));

describe('the task pane for a first-phase programme', () => {
  it('offers only the blocks the programme has', async () => {
    renderPane({ repository: { seed: FIRST_PHASE } });
    await periodLoaded();
    const insert = section('Insert at the cursor');
    for (const offered of ['Programme overview', 'Key risks by workstream', 'Whole programme report', 'Whole workstream section', 'Risks']) {
      expect(within(insert).getByRole('button', { name: offered })).toBeEnabled();
    }
    for (const absent of ['Programme status table', 'RAG key', 'Sponsor comments', 'Milestones this period', 'Milestones planned for next period']) {
      expect(within(insert).queryByRole('button', { name: absent })).toBeNull();
    }
    // Themes go by their short titles in the picker.
    expect(dropdown('Workstream', insert)).toHaveTextContent('Theme A – Culture and leadership');
  });

  it('finds nothing to put right about parts the programme does not use', async () => {
    renderPane({ repository: { seed: FIRST_PHASE } });
    await periodLoaded();
    const readiness = section('Before it goes to the Board');
    expect(readiness).not.toHaveTextContent(/RAG|sponsor|completed it|completion date/i);
  });

  it('inserts the key risks by workstream as one block, and the whole report without a status table or RAG key', async () => {
    const { user, word } = renderPane({ repository: { seed: FIRST_PHASE } });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Key risks by workstream' }));
    await screen.findByText('Inserted “Key risks by workstream” for March 2023.');
    expect(word.inserted[0].map((b) => b.kind)).toEqual(['keyRisks']);
    await user.click(screen.getByRole('button', { name: 'Whole programme report' }));
    await screen.findByText('Inserted “Whole programme report” for March 2023.');
    expect(word.inserted[1].map((b) => b.kind)).toEqual(['reportTitle', 'overview', 'keyRisks', ...FIRST_PHASE.workstreams.map(() => 'workstreamSection')]);
  });
});

describe("the paper's own sections in the task pane", () => {
  it('offers none where the programme names no sections', async () => {
    renderPane({ repository: { seed: FIRST_PHASE } });
    await periodLoaded();
    expect(within(section('Insert at the cursor')).queryByRole('button', { name: 'Insert the section' })).toBeNull();
  });

  it("inserts the section chosen by name, with this period's text, as a block of its own", async () => {
    const repository: MemoryRepository = new MemoryRepository({ seed: FIRST_PHASE });
    await repository.addSectionDefinition('Purpose of the report', 1);
    const background = await repository.addSectionDefinition('Background', 2);
    await repository.savePeriodSection(1, background.key, 'The Board first met in March 2023.', undefined);
    const { user, word } = renderPane({ access: fakeAccess(repository) });
    await periodLoaded();
    const insert: HTMLElement = section('Insert at the cursor');
    // In the programme's order; the first chosen to begin with.
    expect(dropdown('Section', insert)).toHaveTextContent('Purpose of the report');
    await choose(user, 'Section', 'Background', insert);
    await user.click(within(insert).getByRole('button', { name: 'Insert the section' }));
    await screen.findByText('Inserted “Background” for March 2023.');
    expect(word.inserted[0].map((b) => [b.kind, b.sectionKey])).toEqual([['periodSection', background.key]]);
    expect(blockPlainText(word.inserted[0][0])).toContain('The Board first met in March 2023.');
  });
});

describe('the task pane on a site whose programme is not set up yet', () => {
  it('says there is nothing to insert yet, and does not fail', async () => {
    renderPane({ repository: { seed: EMPTY_SITE } });
    expect(await screen.findByText(/no reporting periods yet/i)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
