/**
 * @jest-environment jsdom
 *
 * The task pane in Word: the period (latest by default, or the one the document names), its
 * readiness findings, and each insert button putting the right blocks at the cursor.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { BlockKind } from '../../src/report';
import { checkReadiness, findingKey } from '../../src/domain';
import { MemoryRepository } from '../support/memoryProgramme';
import { choose, dropdown, fakeAccess, FakeWordDocument, JUNE, LOCAL_SITE, NOVDEC, periodLoaded, renderPane, section } from './paneKit';

const WORKSTREAMS = ['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity'];

describe('the task pane in Word: period and readiness', () => {
  it('chooses the latest period by default and lists every period, latest first', async () => {
    const { user, repository } = renderPane();
    await periodLoaded();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023 – latest');
    expect(screen.getByText('01/11/2023 – 22/12/2023')).toBeInTheDocument();
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])).toEqual([NOVDEC]);
    await user.click(dropdown('Reporting period'));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['November/December 2023 – latest', 'June 2023']);
  });

  it('shows the period readiness findings, grouped, with their severity in words', async () => {
    renderPane();
    await periodLoaded();
    const readiness = section('Before it goes to the Board');
    expect(readiness).toHaveTextContent(/November\/December 2023: 1 error, \d+ warnings\./);
    const errors = within(readiness).getByText(/^Errors – put these right/).closest('details') as HTMLElement;
    expect(errors).toHaveAttribute('open');
    expect(within(errors).getByRole('listitem')).toHaveTextContent('Error: Project Plans and Delivery: Agreed completion date: "31/06/23" is not a date');
    const warnings = within(readiness).getByText(/^Warnings – check these/).closest('details') as HTMLElement;
    expect(warnings).not.toHaveAttribute('open');
    expect(within(warnings).getAllByRole('listitem', { hidden: true })[0]).toHaveTextContent(/^Warning:/);
  });

  it('does not count the findings the programme office acknowledged, and says how many there are', async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    const warnings = checkReadiness(await repository.getPeriodPicture(NOVDEC)).filter((f) => f.severity === 'warning');
    await repository.acknowledgeFinding(NOVDEC, findingKey(warnings[0]), 'Agreed with the Board.');
    await repository.acknowledgeFinding(NOVDEC, findingKey(warnings[1]), 'Agreed with the Board.');
    renderPane({ access: fakeAccess(repository) });
    await periodLoaded();
    const readiness = section('Before it goes to the Board');
    expect(readiness).toHaveTextContent(`November/December 2023: 1 error, ${warnings.length - 2} warnings.`);
    expect(readiness).toHaveTextContent('2 findings the programme office acknowledged as not applying are not counted.');
    expect(readiness).not.toHaveTextContent(warnings[0].message);
  });

  it('loads another period when the officer chooses it, and checks that one', async () => {
    const { user, repository } = renderPane();
    await periodLoaded();
    await choose(user, 'Reporting period', 'June 2023');
    await waitFor(() => expect(section('Before it goes to the Board')).toHaveTextContent(/^Before it goes to the BoardJune 2023:/));
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])).toEqual([NOVDEC, JUNE]);
  });
});

describe('the task pane in Word: inserting', () => {
  const cases: Array<{ button: string; kinds: BlockKind[] }> = [
    { button: 'Programme status table', kinds: ['statusTable'] },
    { button: 'Programme overview', kinds: ['overview'] },
    { button: 'RAG key', kinds: ['ragKey'] },
    { button: 'Key risks by workstream', kinds: ['keyRisks'] },
    { button: 'Whole programme report', kinds: ['reportTitle', 'overview', 'statusTable', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'ragKey'] }
  ];
  for (const c of cases) {
    it(`"${c.button}" inserts ${c.kinds.length === 1 ? c.kinds[0] : 'the whole report'} for the chosen period`, async () => {
      const { user, word } = renderPane();
      await periodLoaded();
      await user.click(within(section('Insert at the cursor')).getByRole('button', { name: c.button }));
      await screen.findByText(`Inserted “${c.button}” for November/December 2023.`);
      expect(word.inserted).toHaveLength(1);
      expect(word.inserted[0].map((b) => b.kind)).toEqual(c.kinds);
      expect(word.inserted[0].every((b) => b.periodId === NOVDEC)).toBe(true);
    });
  }

  it('the whole report has one section per workstream, in the programme\u2019s order', async () => {
    const { user, word } = renderPane();
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Whole programme report' }));
    await waitFor(() => expect(word.inserted).toHaveLength(1));
    expect(word.inserted[0].filter((b) => b.kind === 'workstreamSection').map((b) => b.title)).toEqual(WORKSTREAMS.map((t) => `Workstream section – ${t}`));
  });

  const workstreamCases: Array<{ button: string; kind: BlockKind }> = [
    { button: 'Whole workstream section', kind: 'workstreamSection' },
    { button: 'Sponsor comments', kind: 'sponsorComments' },
    { button: 'Milestones this period', kind: 'milestonesThisPeriod' },
    { button: 'Milestones planned for next period', kind: 'milestonesNextPeriod' },
    { button: 'Risks', kind: 'risks' }
  ];
  for (const c of workstreamCases) {
    it(`"${c.button}" inserts the chosen workstream's ${c.kind}`, async () => {
      const { user, word, repository } = renderPane();
      await periodLoaded();
      const insert = section('Insert at the cursor');
      expect(dropdown('Workstream', insert)).toHaveTextContent('Governance and Decision Making');
      await choose(user, 'Workstream', 'Partnership Working', insert);
      await user.click(within(insert).getByRole('button', { name: c.button }));
      await screen.findByText(`Inserted “${c.button}” of Partnership Working for November/December 2023.`);
      const partnership = (await repository.getPeriodPicture(NOVDEC)).workstreams.filter((w) => w.title === 'Partnership Working')[0];
      expect(word.inserted).toEqual([[expect.objectContaining({ kind: c.kind, workstreamId: partnership.id, periodId: NOVDEC })]]);
    });
  }

  it('inserts for the period chosen, not the latest', async () => {
    const { user, word } = renderPane();
    await periodLoaded();
    await choose(user, 'Reporting period', 'June 2023');
    await waitFor(() => expect(section('Before it goes to the Board')).toHaveTextContent('June 2023:'));
    await user.click(screen.getByRole('button', { name: 'Programme status table' }));
    await screen.findByText('Inserted “Programme status table” for June 2023.');
    expect(word.inserted[0][0]).toEqual(expect.objectContaining({ kind: 'statusTable', periodId: JUNE, title: 'Status table – June 2023' }));
  });

  it('shows progress while Word inserts, and keeps the buttons still meanwhile', async () => {
    const word = new FakeWordDocument();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const insert = word.insert.bind(word);
    word.insert = async (blocks) => {
      await held;
      return insert(blocks);
    };
    const { user } = renderPane({ word });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    const progress = await screen.findByText('Inserting “RAG key” into the document…');
    expect(progress.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Programme status table' })).toBeDisabled();
    release();
    await screen.findByText('Inserted “RAG key” for November/December 2023.');
    expect(screen.getByRole('button', { name: 'Programme status table' })).toBeEnabled();
  });
});

describe('the task pane in Word: where the blocks went', () => {
  it('says the content went after the block the cursor was in, and why', async () => {
    const word = new FakeWordDocument();
    word.insertOutcome = { place: 'afterBlock', blockTitle: 'Status table – November/December 2023', tracking: 'off' };
    const { user } = renderPane({ word });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    await screen.findByText('Inserted “RAG key” for November/December 2023.');
    expect(
      screen.getByText('The cursor was inside the block “Status table – November/December 2023”, so the new content went after that block: a block inside another could not be refreshed on its own.')
    ).toBeInTheDocument();
  });

  it('says the content went after the table the cursor was in, and why, and that it is a tracked change', async () => {
    const word = new FakeWordDocument();
    word.insertOutcome = { place: 'afterTable', tracking: 'on' };
    const { user } = renderPane({ word });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    await screen.findByText(/^The cursor was in a table, so the new content went after the table: Word on the web cannot find blocks inside a table/);
    expect(screen.getByText('Track Changes is on: the inserted content shows as a tracked change.')).toBeInTheDocument();
  });

  it('says nothing more when the content went at the cursor', async () => {
    const { user } = renderPane();
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    await screen.findByText('Inserted “RAG key” for November/December 2023.');
    expect(screen.queryByText(/^The cursor was/)).toBeNull();
  });
});

describe('the task pane in Word: the document remembers its source', () => {
  it('saves the site and period in the document after inserting', async () => {
    const { user, word } = renderPane();
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Programme status table' }));
    await waitFor(() => expect(word.sourceWrites).toHaveLength(1));
    expect(word.sourceWrites[0]).toEqual({ siteUrl: LOCAL_SITE, periodId: NOVDEC, periodTitle: 'November/December 2023' });
  });

  it('opens on the period the document names, so the next officer carries on from the same source', async () => {
    const word = new FakeWordDocument();
    word.source = { siteUrl: LOCAL_SITE, periodId: JUNE, periodTitle: 'June 2023' };
    const { repository } = renderPane({ word });
    await periodLoaded();
    expect(dropdown('Reporting period')).toHaveTextContent('June 2023');
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])).toEqual([JUNE]);
  });

  it('falls back to the latest period when the one the document names is gone', async () => {
    const word = new FakeWordDocument();
    word.source = { siteUrl: LOCAL_SITE, periodId: 99, periodTitle: 'Gone' };
    renderPane({ word });
    await periodLoaded();
    expect(dropdown('Reporting period')).toHaveTextContent('November/December 2023 – latest');
  });

  it('says so when the source could not be saved, but keeps the inserted blocks', async () => {
    const word = new FakeWordDocument();
    word.setSourceFailure = new Error('settings');
    const { user } = renderPane({ word });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    await screen.findByText(/could not be saved in the document, so the next officer must choose it again/);
    expect(screen.getByText('Inserted “RAG key” for November/December 2023.')).toBeInTheDocument();
    expect(word.inserted).toHaveLength(1);
  });
});
