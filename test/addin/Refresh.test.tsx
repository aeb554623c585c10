/**
 * @jest-environment jsdom
 *
 * Refreshing a paper from the task pane: what will change is shown first, block by block;
 * edited blocks are listed with an unticked box each and the words that would be lost; only
 * the ticked ones are overwritten; the outcome is told in words.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { buildBlock, type IBlock } from '../../src/report';
import type { IRefreshItem, IRefreshOutcome } from '../../src/addin/word/types';
import { MemoryRepository } from '../support/memoryProgramme';
import { controlFor, FakeWordDocument, JUNE, NOVDEC, periodLoaded, renderPane, wordText } from './paneKit';

interface IPaper {
  repository: MemoryRepository;
  word: FakeWordDocument;
  blocks: { status: IBlock; risks: IBlock; overview: IBlock; key: IBlock; juneStatus: IBlock };
}

/**
 * A paper with five blocks: the status table (whose data then changes), a workstream's risks
 * and the RAG key (unchanged), the overview (edited by an officer) and June's status table.
 */
async function paper(): Promise<IPaper> {
  const repository = new MemoryRepository();
  const novdec = await repository.getPeriodPicture(NOVDEC);
  const june = await repository.getPeriodPicture(JUNE);
  const part = novdec.workstreams.filter((w) => w.code === 'PART')[0];
  const blocks = {
    status: buildBlock(novdec, 'statusTable'),
    risks: buildBlock(novdec, 'risks', part.id),
    overview: buildBlock(novdec, 'overview'),
    key: buildBlock(novdec, 'ragKey'),
    juneStatus: buildBlock(june, 'statusTable')
  };
  const word = new FakeWordDocument();
  word.controls = [
    controlFor(11, blocks.status),
    controlFor(12, blocks.risks),
    controlFor(13, blocks.overview, wordText(blocks.overview).replace('I am pleased to present', 'We are delighted to present')),
    controlFor(14, blocks.key),
    controlFor(15, blocks.juneStatus)
  ];
  // Partnership Working moves from Green/Amber to Amber after the paper was written.
  const report = repository.all('statusReport').filter((r) => r.periodId === NOVDEC && r.workstreamId === part.id)[0];
  repository.changeAsOtherUser('statusReport', report.id, { rag: 'Amber' });
  return { repository, word, blocks };
}

function reviewItem(title: string): HTMLElement {
  const item = screen.getAllByRole('listitem').find((li) => li.firstElementChild && li.firstElementChild.textContent === title);
  if (!item) {
    throw new Error(`No planned block titled ${title}.`);
  }
  return item;
}

/** Renders the pane over the paper's own repository. */
async function renderPaper(): Promise<ReturnType<typeof renderPane> & IPaper> {
  const p = await paper();
  const rendered = renderPane({ word: p.word, access: { fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => p.repository } });
  await periodLoaded();
  return { ...rendered, ...p, repository: p.repository };
}

describe('the refresh plan', () => {
  it('looks in the document only when asked, and changes nothing before the officer confirms', async () => {
    const { user, word } = await renderPaper();
    expect(word.findCalls).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    expect(word.findCalls).toBe(1);
    expect(word.applyCalls).toHaveLength(0);
  });

  it('names each block that needs attention, its status in words, and what changes', async () => {
    const { user } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    const status = reviewItem('Status table – November/December 2023');
    expect(status).toHaveTextContent('Will be refreshed');
    expect(within(status).getByRole('list', { name: 'What changes in Status table – November/December 2023' })).toHaveTextContent('was “Green/Amber”, now “Amber”');
    const overview = reviewItem('Lead Executive Director overview – November/December 2023');
    expect(overview).toHaveTextContent('Edited in the document since it was inserted');
    expect(overview).toHaveTextContent('was “We are delighted”, now “I am pleased”');
    // Unchanged blocks are counted, not listed.
    expect(screen.queryByText('Risks – Partnership Working')).toBeNull();
    expect(screen.getByText('Up to date: 3 blocks.')).toBeInTheDocument();
  });

  it('loads each period the blocks name, once, saying which', async () => {
    const { user, repository } = await renderPaper();
    const before = repository.callsOf('getPeriodPicture').length;
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    expect(repository.callsOf('getPeriodPicture').slice(before).map((c) => c.args[0])).toEqual([NOVDEC, JUNE]);
  });

  it('asks before overwriting an edited block: its box starts unticked and shows the words that would be lost', async () => {
    const { user } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    const box = screen.getByRole('checkbox', { name: 'Replace this block, losing the edits: Lead Executive Director overview – November/December 2023' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('Text that would be lost: “We are delighted”');
    expect(screen.getByRole('button', { name: 'Refresh 1 block' })).toBeEnabled();
  });

  it('refreshes only the changed blocks when the officer leaves the edited one unticked', async () => {
    const { user, word } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await user.click(await screen.findByRole('button', { name: 'Refresh 1 block' }));
    await waitFor(() => expect(word.applyCalls).toHaveLength(1));
    expect(word.applyCalls[0].overwrite).toEqual([]);
    expect(word.applyCalls[0].plan.map((i) => [i.found.control.id, i.status])).toEqual([
      [11, 'changed'],
      [12, 'unchanged'],
      [13, 'edited'],
      [14, 'unchanged'],
      [15, 'unchanged']
    ]);
    const outcome = await screen.findByText(/^Refreshed: 1 block/);
    expect(outcome).toHaveTextContent('Refreshed: 1 block (Status table – November/December 2023).');
    expect(screen.getByText('Kept as edited: 1 block (Lead Executive Director overview – November/December 2023).')).toBeInTheDocument();
  });

  it('calls applyRefresh with exactly the edited blocks the officer ticked', async () => {
    const { user, word } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Replace this block, losing the edits: Lead Executive Director overview/ }));
    await user.click(screen.getByRole('button', { name: 'Refresh 2 blocks' }));
    await waitFor(() => expect(word.applyCalls).toHaveLength(1));
    expect(word.applyCalls[0].overwrite).toEqual([13]);
    await screen.findByText(/^Refreshed: 2 blocks/);
  });

  it('tells the officer about blocks changed meanwhile or deleted while they looked', async () => {
    const { user, word } = await renderPaper();
    word.outcome = (plan: IRefreshItem[]): IRefreshOutcome => ({ refreshed: [], kept: [], changedMeanwhile: plan.filter((i) => i.status === 'changed'), gone: plan.filter((i) => i.status === 'edited'), failed: [], tracking: 'off' });
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Replace this block/ }));
    await user.click(screen.getByRole('button', { name: 'Refresh 2 blocks' }));
    await screen.findByText(/^Changed in the document while you were looking: 1 block \(Status table – November\/December 2023\)\. They were left alone; check for changes again\.$/);
    expect(screen.getByText('No longer in the document: 1 block (Lead Executive Director overview – November/December 2023).')).toBeInTheDocument();
  });

  it('tells the outcome of every block when Word refuses one of them, the partly written first', async () => {
    const { user, word } = await renderPaper();
    word.outcome = (plan: IRefreshItem[]): IRefreshOutcome => {
      const edited = plan.filter((i) => i.status === 'edited');
      const changed = plan.filter((i) => i.status === 'changed');
      return { refreshed: changed, kept: [], changedMeanwhile: [], gone: [], failed: edited.map((item) => ({ item, code: 'AccessDenied', partial: true })), tracking: 'off' };
    };
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Replace this block/ }));
    await user.click(screen.getByRole('button', { name: 'Refresh 2 blocks' }));
    const partial = await screen.findByText(
      'Only partly refreshed: 1 block (Lead Executive Director overview – November/December 2023) (AccessDenied). Look at these blocks now: undo the change in Word or check for changes again.'
    );
    const refreshed = screen.getByText('Refreshed: 1 block (Status table – November/December 2023).');
    // The block that needs looking at comes first.
    expect(partial.compareDocumentPosition(refreshed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says before refreshing that refreshed blocks will show as tracked changes when Track Changes is on', async () => {
    const { user, word } = await renderPaper();
    word.tracking = 'on';
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('Track Changes is on: refreshed blocks will show as tracked changes (the old text deleted, the new text inserted) for you to accept.');
    await user.click(screen.getByRole('button', { name: 'Refresh 1 block' }));
    await screen.findByText('Track Changes is on: the refreshed blocks show as tracked changes; accept them to finish.');
  });

  it('says nothing about Track Changes when Word says it is off', async () => {
    const { user } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    expect(screen.queryByText(/Track Changes/)).toBeNull();
  });

  it('moves focus to the plan when it arrives, and back to "Check for changes" once applied', async () => {
    const { user } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('5 blocks found in the document.'));
    await user.click(screen.getByRole('button', { name: 'Refresh 1 block' }));
    await screen.findByText(/^Refreshed: 1 block/);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Check for changes' }));
  });

  it('cancelling changes nothing', async () => {
    const { user, word } = await renderPaper();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(word.applyCalls).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Check for changes' })).toBeEnabled();
  });

  it('shows at most three changes per block and how many more', async () => {
    const { user, repository } = await renderPaper();
    for (const r of repository.all('statusReport').filter((x) => x.periodId === NOVDEC)) {
      repository.changeAsOtherUser('statusReport', r.id, { rag: 'Red' });
    }
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('5 blocks found in the document.');
    const list = screen.getByRole('list', { name: 'What changes in Status table – November/December 2023' });
    const lines = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^and \d+ more changes$/);
  });

  it('says when every block is up to date, and when the paper has none', async () => {
    const repository = new MemoryRepository();
    const novdec = await repository.getPeriodPicture(NOVDEC);
    const word = new FakeWordDocument();
    word.controls = [controlFor(1, buildBlock(novdec, 'ragKey'))];
    const { user } = renderPane({ word, access: { fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository } });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('Everything is up to date: nothing will change.');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    word.controls = [{ id: 2, tag: 'someone-else', title: 'Not ours', text: 'x' }];
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('This document has no blocks inserted by the add-in yet. Insert some first.');
  });

  it('leaves a block whose workstream is gone as it is, and says why', async () => {
    const repository = new MemoryRepository();
    const novdec = await repository.getPeriodPicture(NOVDEC);
    const part = novdec.workstreams.filter((w) => w.code === 'PART')[0];
    const orphan: IBlock = { ...buildBlock(novdec, 'risks', part.id), workstreamId: 999 };
    const word = new FakeWordDocument();
    word.controls = [controlFor(7, orphan)];
    const { user } = renderPane({ word, access: { fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository } });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    const item = reviewItem('Risks – Partnership Working');
    expect(item).toHaveTextContent('Its data is gone (the period or workstream no longer exists): it will be left as it is');
    expect(screen.getByRole('button', { name: 'Done' })).toBeEnabled();
  });
});

describe('refresh failures', () => {
  it('shows the data layer\u2019s words when a period cannot be loaded, and changes nothing', async () => {
    const { user, repository, word } = await renderPaper();
    repository.failNext('throttled', 'getPeriods', { retryAfterSeconds: 12 });
    await user.click(screen.getByRole('button', { name: 'Check for changes' }));
    await screen.findByText('SharePoint is busy. Try again in 12 seconds.');
    expect(word.applyCalls).toHaveLength(0);
  });
});

