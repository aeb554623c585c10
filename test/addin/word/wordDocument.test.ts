/**
 * @jest-environment jsdom
 *
 * The Word adapter against a model of Word made of office-addin-mock's own objects, with every
 * read of a property before load/sync made to fail (fakeWord.ts): what it inserts and where, how
 * many times it syncs with Word, what refresh does under Track Changes and when Word refuses
 * one block, and that an officer's edits are never overwritten without their say.
 */
import type { IPeriodPicture } from '../../../src/domain';
import { blocksToInsertableOoxml, blockToSdtXml, buildBlock, buildProgrammeReport, fingerprintText, makeTag, parseTag, type IBlock } from '../../../src/report';
import { planRefresh } from '../../../src/addin/word/refresh';
import { SOURCE_SETTING, WordDocument } from '../../../src/addin/word/wordDocument';
import { describeFailure } from '../../../src/addin/flows/failures';
import { outcomeLines } from '../../../src/addin/flows/refresh';
import { parseFragment, wordLikeText } from '../../report/support/xml';
import { NOVDEC, picture, ws } from '../../report/support/pictures';
import { FakeWord, PropertyNotLoadedError } from './fakeWord';
import { buildCloseDownBlock } from '../../../src/report/closeDown';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { PHASE_2 } from '../../../src/fixtures/phase2CloseDown';

/** Word's text for a block as inserted: what contentControl.text would give. */
function wordText(block: IBlock): string {
  return wordLikeText(parseFragment(blockToSdtXml(block)));
}

afterEach(() => {
  FakeWord.uninstall();
});

function before(): IPeriodPicture {
  return picture(NOVDEC);
}

function after(): IPeriodPicture {
  const p = picture(NOVDEC);
  // Since the paper was drafted: Partnership Working went Green, and a milestone was completed.
  const part = p.statusReports.filter((r) => r.workstreamId === ws('PART'))[0];
  part.rag = 'Green';
  const m = p.milestones.filter((x) => x.workstreamId === ws('PROC') && x.timing === 'ThisPeriod')[0];
  m.status = 'Complete';
  return p;
}

function builderFor(p: IPeriodPicture): (tag: { kind: IBlock['kind']; workstreamId?: number }) => IBlock {
  return (tag) => buildBlock(p, tag.kind, tag.workstreamId);
}

/** Twenty blocks as inserted from the data as it was. */
function twentyBlocks(p: IPeriodPicture): IBlock[] {
  const blocks: IBlock[] = [buildBlock(p, 'statusTable'), buildBlock(p, 'ragKey'), buildBlock(p, 'overview'), buildBlock(p, 'reportTitle')];
  for (const w of p.workstreams) {
    for (const kind of ['sponsorComments', 'milestonesThisPeriod', 'risks'] as const) {
      blocks.push(buildBlock(p, kind, w.id));
    }
  }
  blocks.push(buildBlock(p, 'workstreamSection', ws('PART')));
  return blocks;
}

describe('the model of Word the adapter is tested against', () => {
  it('fails a read of a property before load and sync, as Office.js does', async () => {
    const word = new FakeWord().install();
    word.addBlock(buildBlock(before(), 'ragKey'));
    const reads: string[] = [];
    await Word.run(async (context) => {
      const controls = context.document.contentControls;
      // Before load: the items are not there.
      expect(() => controls.items).toThrow(PropertyNotLoadedError);
      controls.load('items/id,items/tag');
      // Loaded but not yet synced: still not there.
      expect(() => controls.items).toThrow(PropertyNotLoadedError);
      await context.sync();
      const cc = controls.items[0];
      reads.push(cc.tag);
      // `text` was never loaded: reading it fails, as the commonest Office.js bug would.
      expect(() => cc.text).toThrow(/The property 'text' .* is not available\. Before reading the property's value, call the load method/);
    });
    expect(reads).toEqual([makeTag(buildBlock(before(), 'ragKey'))]);
  });

  it('fails the adapter itself when it reads what it did not load', async () => {
    const word = new FakeWord().install();
    word.addBlock(buildBlock(before(), 'ragKey'));
    // An adapter that forgot to load `text`: the model makes that a failing test, not a silent "".
    const careless = async (): Promise<string[]> =>
      Word.run(async (context) => {
        const controls = context.document.contentControls;
        controls.load('items/id,items/tag');
        await context.sync();
        return controls.items.map((c) => c.text);
      });
    await expect(careless()).rejects.toThrow(PropertyNotLoadedError);
  });

  it('hides controls inserted in a table cell from Word on the web (office-js #2040)', () => {
    const word = new FakeWord({ host: 'web' });
    const [c] = word.insertPackage(blocksToInsertableOoxml([buildBlock(before(), 'ragKey')]), 0, { inTableCell: true });
    expect(word.controls).toContain(c);
    expect(word.listed()).not.toContain(c);
  });

  it('counts a replace of content ending with a table (office-js #85, #2606, #116)', () => {
    const word = new FakeWord();
    const c = word.addBlock(buildBlock(before(), 'ragKey'));
    const tableLast = `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
    word.replaceContent(c.id, tableLast);
    expect(word.tableEndingReplaces).toEqual([c.id]);
  });
});

describe('inserting', () => {
  it('puts the whole programme report at the cursor: the selection looked at first, then one write, two syncs', async () => {
    const blocks = buildProgrammeReport(picture(NOVDEC));
    const word = new FakeWord().install();
    const outcome = await new WordDocument().insert(blocks);
    expect(outcome).toEqual({ place: 'cursor', tracking: 'off' });
    expect(word.syncs).toBe(2);
    const writes = word.log.filter((l) => /insertOoxml/.test(l));
    expect(writes).toEqual(['selection.insertOoxml(Replace)']);
    expect(word.log.indexOf('sync')).toBeLessThan(word.log.indexOf(writes[0]));
    // One content control per block, each tagged with what it is, its workstream and period.
    expect(word.controls.map((c) => parseTag(c.tag)).map((t) => t && `${t.kind}:${t.periodId}:${t.workstreamId || 0}`)).toEqual(
      blocks.map((b) => `${b.kind}:${b.periodId}:${b.workstreamId || 0}`)
    );
    // None of them ends with a table: each block that ends with one carries a paragraph after it.
    expect(word.controls.filter((c) => c.endsWithTable)).toEqual([]);
  });

  it("puts a phase's close-down at the cursor as one block: its colour key and table inside, not ending with a table (issue 16)", async () => {
    const seed = IMPROVEMENT_PLAN_PHASE_2;
    const block = buildCloseDownBlock({ phase: PHASE_2, items: seed.closeDown || [], workstreams: seed.workstreams });
    const word = new FakeWord().install();
    const outcome = await new WordDocument().insert([block]);
    expect(outcome).toEqual({ place: 'cursor', tracking: 'off' });
    expect(word.controls).toHaveLength(1);
    const [control] = word.controls;
    // Tagged as the close-down of its phase (the tag's first number is the phase's id), for refresh.
    expect(control.tag).toMatch(/^PH:closeDown:\d+:0:[0-9a-f]{8}$/);
    expect(parseTag(control.tag)).toEqual({ kind: 'closeDown', periodId: PHASE_2.id, fingerprint: control.tag.slice(-8) });
    // One inserted before the phase was recorded in its tag names no phase: not ours to refresh.
    expect(parseTag('PH:closeDown:0:0:0123abcd')).toBeUndefined();
    expect(control.title).toBe('Phase 2 – close down of activity');
    expect(control.endsWithTable).toBe(false);
    for (const label of ['Completed – no further action', 'Moves to a theme of the next phase', 'Moves to directorate business plans', 'Kept under review', 'Strateguc ambitions']) {
      expect(control.text).toContain(label);
    }
  });

  it('does nothing at all for no blocks', async () => {
    const word = new FakeWord().install();
    await new WordDocument().insert([]);
    expect(word.runs).toBe(0);
  });

  it('inside one of our blocks, inserts after that block instead of nesting in it', async () => {
    const word = new FakeWord({ host: 'web' }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    const overview = word.addBlock(buildBlock(before(), 'overview'));
    // The cursor is in a cell of the status table: inside our block and inside its table.
    word.selection = { controlId: table.id, inTable: true, index: 1 };
    const risks = buildBlock(before(), 'risks', ws('PROC'));
    const outcome = await new WordDocument().insert([risks]);
    expect(outcome).toEqual({ place: 'afterBlock', blockTitle: 'Status table – November/December 2023', tracking: 'off' });
    expect(word.syncs).toBeLessThanOrEqual(2);
    expect(word.controls.map((c) => c.id)).toEqual([table.id, word.controls[1].id, overview.id]);
    const inserted = word.controls[1];
    expect(parseTag(inserted.tag)?.kind).toBe('risks');
    expect(inserted.parentId).toBeUndefined();
    expect(inserted.inTableCell).toBe(false);
    // And the block can be found and refreshed on Word on the web.
    expect((await new WordDocument().findBlocks()).map((f) => f.control.id)).toContain(inserted.id);
  });

  it("in a cell of the officer's own table, inserts after the table and says so", async () => {
    const word = new FakeWord({ host: 'web' }).install();
    word.addBlock(buildBlock(before(), 'overview'));
    word.selection = { inTable: true, index: 1 };
    const outcome = await new WordDocument().insert([buildBlock(before(), 'ragKey')]);
    expect(outcome.place).toBe('afterTable');
    expect(word.syncs).toBeLessThanOrEqual(2);
    expect(word.log.filter((l) => /insertOoxml/.test(l))).toEqual(['paragraphAfterTable.insertOoxml(Replace)']);
    expect(word.controls.every((c) => !c.inTableCell)).toBe(true);
    const found = await new WordDocument().findBlocks();
    expect(found.map((f) => f.tag.kind)).toEqual(['overview', 'ragKey']);
  });

  it('reads whether Word tracks changes, where the API has it (WordApi 1.4)', async () => {
    new FakeWord({ tracking: 'TrackAll' }).install();
    expect((await new WordDocument().insert([buildBlock(before(), 'ragKey')])).tracking).toBe('on');
    FakeWord.uninstall();
    new FakeWord({ wordApi: '1.3', tracking: 'TrackAll' }).install();
    expect((await new WordDocument().insert([buildBlock(before(), 'ragKey')])).tracking).toBe('unknown');
  });
});

describe('finding blocks', () => {
  it('on WordApi 1.3 finds ours in one sync, loading only what it reads, and tells edited from untouched', async () => {
    const word = new FakeWord({ wordApi: '1.3' }).install();
    const p = before();
    const table = word.addBlock(buildBlock(p, 'statusTable'));
    const comments = buildBlock(p, 'sponsorComments', ws('GOV'));
    const edited = word.addBlock(comments, `${wordText(comments)} An officer's own sentence.`);
    word.addForeign('someone-elses-control', 'Officer note');
    const doc = new WordDocument();
    const found = await doc.findBlocks();
    expect(word.syncs).toBe(1);
    expect(word.log).toContain('contentControls.load(items/id,items/tag,items/title,items/text)');
    expect(found.map((f) => [f.control.id, f.tag.kind, f.edited])).toEqual([
      [table.id, 'statusTable', false],
      [edited.id, 'sponsorComments', true]
    ]);
    expect(doc.changeTracking()).toBe('unknown');
  });

  it('on WordApi 1.4 asks for the text without tracked deletions, in one more sync', async () => {
    const word = new FakeWord({ tracking: 'TrackAll' }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    // A refresh made earlier under Track Changes: .text still holds the deleted words.
    table.text = `Old words deleted as a tracked change ${table.text}`;
    const doc = new WordDocument();
    const found = await doc.findBlocks();
    expect(word.syncs).toBe(2);
    expect(found[0].edited).toBe(false);
    expect(doc.changeTracking()).toBe('on');
  });

  it('does not find a block deleted under Track Changes, though Word still lists it', async () => {
    const word = new FakeWord({ tracking: 'TrackAll' }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    const key = word.addBlock(buildBlock(before(), 'ragKey'));
    word.deleteContent(key.id);
    expect(word.listed()).toContain(key);
    const found = await new WordDocument().findBlocks();
    expect(found.map((f) => f.control.id)).toEqual([table.id]);
  });
});

describe('refreshing', () => {
  it('refreshes twenty blocks in three syncs in all, on every WordApi, replacing only what changed, in place', async () => {
    for (const wordApi of ['1.6', '1.4', '1.3'] as const) {
      const word = new FakeWord({ wordApi }).install();
      const old = twentyBlocks(before());
      const controls = old.map((b) => word.addBlock(b));
      const doc = new WordDocument();
      const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
      const outcome = await doc.applyRefresh(plan, new Set<number>());
      expect(word.syncs).toBe(3);
      // Nothing is tracked: no block's reviewed text is asked for; WordApi 1.4 and 1.5 ask for the body's, in the first sync.
      expect(word.log.filter((l) => /^contentControl.*getReviewedText/.test(l))).toEqual([]);
      expect(word.log.filter((l) => /^body\.getReviewedText/.test(l))).toHaveLength(wordApi === '1.4' ? 2 : 0);
      const changed = plan.filter((i) => i.status === 'changed').map((i) => i.found.tag.kind + (i.found.tag.workstreamId ? `:${i.found.tag.workstreamId}` : ''));
      expect(changed.sort()).toEqual([`milestonesThisPeriod:${ws('PROC')}`, 'statusTable', `workstreamSection:${ws('PART')}`].sort());
      expect(outcome.refreshed).toHaveLength(3);
      expect(outcome.failed).toEqual([]);
      for (const item of outcome.refreshed) {
        const c = word.byId(item.found.control.id);
        expect(c.tag).toBe(makeTag(item.fresh as IBlock));
        expect(parseTag(c.tag)?.fingerprint).toBe(fingerprintText(c.text));
      }
      // The controls stay where they were, none nested, none added.
      expect(word.controls.map((c) => c.id)).toEqual(controls.map((c) => c.id));
      expect(word.log.filter((l) => /insertOoxml/.test(l))).toHaveLength(3);
      // Each target is checked again before anything is written.
      const firstWrite = word.log.findIndex((l) => /insertOoxml/.test(l));
      expect(word.log.slice(0, firstWrite).filter((l) => l === 'sync')).toHaveLength(2);
      FakeWord.uninstall();
    }
  });

  it("on WordApi 1.6 reads the blocks in one sync when the document holds no tracked change, and their reviewed text too when it holds one, a block's or the officer's elsewhere", async () => {
    const word = new FakeWord({ wordApi: '1.6' }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    word.addBlock(buildBlock(before(), 'milestonesThisPeriod', ws('PROC')));
    const doc = new WordDocument();
    let found = await doc.findBlocks();
    expect(word.syncs).toBe(1);
    expect(found.map((f) => f.edited)).toEqual([false, false]);

    // The officer's own tracked edit elsewhere: the blocks' reviewed text is asked for, in a second sync.
    word.trackedElsewhere = true;
    word.syncs = 0;
    found = await doc.findBlocks();
    expect(word.syncs).toBe(2);
    expect(word.log.filter((l) => /getReviewedText/.test(l))).toHaveLength(2);
    expect(found.map((f) => f.edited)).toEqual([false, false]);

    // A block deleted under Track Changes: .text still has its words, the reviewed text none — it is gone.
    word.trackedElsewhere = false;
    word.tracking = 'TrackAll';
    word.deleteContent(table.id);
    word.syncs = 0;
    found = await doc.findBlocks();
    expect(word.syncs).toBe(2);
    expect(found.map((f) => f.control.id)).not.toContain(table.id);
    expect(found).toHaveLength(1);
  });

  it("on WordApi 1.4 and 1.5 reads the blocks in one sync when the body's text has no tracked change, and their reviewed text too when it has, a block's or the officer's elsewhere", async () => {
    const word = new FakeWord({ wordApi: '1.4' }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    const milestones = word.addBlock(buildBlock(before(), 'milestonesThisPeriod', ws('PROC')));
    const doc = new WordDocument();
    let found = await doc.findBlocks();
    expect(word.syncs).toBe(1);
    expect(word.log.filter((l) => /getReviewedText/.test(l))).toEqual(['body.getReviewedText(Current)', 'body.getReviewedText(Original)']);
    expect(found.map((f) => f.edited)).toEqual([false, false]);

    // The officer's own tracked edit elsewhere: the body's two texts differ, so the blocks' are asked for.
    word.trackedElsewhere = true;
    word.syncs = 0;
    word.log.length = 0;
    found = await doc.findBlocks();
    expect(word.syncs).toBe(2);
    expect(word.log.filter((l) => /^contentControl.*getReviewedText/.test(l))).toHaveLength(2);
    expect(found.map((f) => f.edited)).toEqual([false, false]);

    // Words of a block deleted under Track Changes: .text still has them, so only its reviewed text shows the officer's edit.
    word.trackedElsewhere = false;
    word.tracking = 'TrackAll';
    word.deleteWords(milestones.id, 1);
    word.syncs = 0;
    found = await doc.findBlocks();
    expect(word.syncs).toBe(2);
    expect(found.filter((f) => f.control.id === milestones.id).map((f) => f.edited)).toEqual([true]);
    expect(found.filter((f) => f.control.id === table.id).map((f) => f.edited)).toEqual([false]);
  });

  it('never replaces content ending with a table: the status table and RAG key keep their closing paragraph (office-js #85, #2606, #116)', async () => {
    const word = new FakeWord().install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    const milestones = word.addBlock(buildBlock(before(), 'milestonesThisPeriod', ws('PROC')));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed.map((i) => i.found.control.id).sort()).toEqual([table.id, milestones.id].sort());
    expect(word.tableEndingReplaces).toEqual([]);
    expect(word.controls.every((c) => !c.endsWithTable)).toBe(true);
  });

  it.each(['1.4', '1.6'] as const)('with Track Changes on (WordApi %s): refreshes, says so, and the refreshed block is not then taken for an officer edit', async (wordApi) => {
    const word = new FakeWord({ tracking: 'TrackAll', wordApi }).install();
    const table = word.addBlock(buildBlock(before(), 'statusTable'));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    expect(plan[0].status).toBe('changed');
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed).toHaveLength(1);
    expect(outcome.tracking).toBe('on');
    expect(outcomeLines(outcome)).toContain('Track Changes is on: the refreshed blocks show as tracked changes; accept them to finish.');
    // Word keeps the old text as a tracked deletion in .text (office-js #559, #1267, #1299)…
    expect(table.text).toContain('Green/Amber');
    // …but the next check sees the block as refreshed and untouched, with nothing to do.
    const again = planRefresh(await doc.findBlocks(), builderFor(after()));
    expect(again.map((i) => [i.found.edited, i.status])).toEqual([[false, 'unchanged']]);
  });

  it('reports every block when Word refuses the second: the first and third are refreshed, the second untouched', async () => {
    const word = new FakeWord().install();
    const p = before();
    const blocks = [buildBlock(p, 'statusTable'), buildBlock(p, 'milestonesThisPeriod', ws('PROC')), buildBlock(p, 'workstreamSection', ws('PART'))];
    const controls = blocks.map((b) => word.addBlock(b));
    controls[1].locked = true;
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    expect(plan.map((i) => i.status)).toEqual(['changed', 'changed', 'changed']);
    const lockedText = controls[1].text;
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed.map((i) => i.found.control.id).sort()).toEqual([controls[0].id, controls[2].id].sort());
    expect(outcome.failed.map((f) => [f.item.found.control.id, f.code, f.partial])).toEqual([[controls[1].id, 'AccessDenied', false]]);
    expect(controls[1].text).toBe(lockedText);
    expect(controls[2].tag).toBe(makeTag(plan[2].fresh as IBlock));
    expect(outcomeLines(outcome)).toContain(
      'Word would not change 1 block (Milestones this period – Procurement) (AccessDenied). Nothing in them was changed; check the document is not protected and try again.'
    );
  });

  it('tells which block was left half-written when Word takes its content but refuses its tag', async () => {
    const word = new FakeWord().install();
    const p = before();
    const controls = [buildBlock(p, 'statusTable'), buildBlock(p, 'milestonesThisPeriod', ws('PROC'))].map((b) => word.addBlock(b));
    controls[0].tagLocked = true;
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.failed.map((f) => [f.item.found.control.id, f.partial])).toEqual([[controls[0].id, true]]);
    expect(outcome.refreshed.map((i) => i.found.control.id)).toEqual([controls[1].id]);
    expect(outcomeLines(outcome)[0]).toMatch(/^Only partly refreshed: 1 block \(Status table – November\/December 2023\) \(AccessDenied\)\./);
    expect(describeFailure(Object.assign(new Error('x'), { name: 'RichApi.Error', code: 'AccessDenied' })).text).toBeTruthy();
  });

  it('does not sync at all to apply when nothing changed', async () => {
    const word = new FakeWord({ wordApi: '1.3' }).install();
    twentyBlocks(before()).forEach((b) => word.addBlock(b));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(before()));
    expect(plan.every((i) => i.status === 'unchanged')).toBe(true);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed).toEqual([]);
    expect(word.syncs).toBe(1);
  });

  it('leaves alone a block whose data did not change, though the officer changed its spacing', async () => {
    const word = new FakeWord().install();
    const table = buildBlock(before(), 'statusTable');
    const section = buildBlock(before(), 'workstreamSection', ws('PROC'));
    word.addBlock(table, wordText(table).replace('Governance', 'Gover nance'));
    word.addBlock(section, wordText(section).replace('Procurement ', 'Procurement'));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(before()));
    expect(plan.map((i) => [i.found.edited, i.status])).toEqual([
      [false, 'unchanged'],
      [false, 'unchanged']
    ]);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed).toEqual([]);
    expect(word.log.filter((l) => /insertOoxml/.test(l))).toEqual([]);
  });

  it("keeps an officer's edits unless they say to overwrite them", async () => {
    const word = new FakeWord().install();
    const table = buildBlock(before(), 'statusTable');
    const typed = `${wordText(table)} Note: Partnership Working to be reviewed at the January Board.`;
    const edited = word.addBlock(table, typed);
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    expect(plan[0].status).toBe('edited');
    expect(plan[0].changes.some((c) => c.removed.indexOf('January Board') >= 0)).toBe(true);

    const kept = await doc.applyRefresh(plan, new Set<number>());
    expect(kept.kept.map((i) => i.found.control.id)).toEqual([edited.id]);
    expect(edited.text).toBe(typed);

    const overwritten = await doc.applyRefresh(plan, new Set<number>([edited.id]));
    expect(overwritten.refreshed.map((i) => i.found.control.id)).toEqual([edited.id]);
    expect(edited.text).not.toContain('January Board');
  });

  it('leaves alone a block changed while the officer was reading the plan, and one deleted meanwhile', async () => {
    const word = new FakeWord().install();
    const controls = twentyBlocks(before()).map((b) => word.addBlock(b));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    const table = controls[0];
    word.type(table.id, 'typed just now');
    const section = controls[19];
    word.deleteContent(section.id);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.changedMeanwhile.map((i) => i.found.control.id)).toEqual([table.id]);
    expect(outcome.gone.map((i) => i.found.control.id)).toEqual([section.id]);
    expect(table.text).toContain('typed just now');
    expect(outcome.refreshed.map((i) => i.found.tag.kind)).toEqual(['milestonesThisPeriod']);
  });

  it('reports blocks whose data is gone and leaves them as they are', async () => {
    const word = new FakeWord().install();
    const c = word.addBlock(buildBlock(before(), 'sponsorComments', ws('GOV')));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), () => undefined);
    expect(plan[0].status).toBe('missing');
    const outcome = await doc.applyRefresh(plan, new Set<number>([c.id]));
    expect(outcome.refreshed).toEqual([]);
    expect(word.log.filter((l) => /insertOoxml/.test(l))).toEqual([]);
  });
});

describe("the paper's data source", () => {
  function mockOffice(initial?: string, fail: boolean = false): { values: Map<string, unknown>; saveAsync: jest.Mock } {
    const values = new Map<string, unknown>(initial === undefined ? [] : [[SOURCE_SETTING, initial]]);
    const saveAsync = jest.fn((cb: (r: { status: string; error?: { message: string } }) => void) => cb(fail ? { status: 'failed', error: { message: 'read-only document' } } : { status: 'succeeded' }));
    (global as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: { document: { settings: { get: (k: string) => values.get(k), set: (k: string, v: unknown) => values.set(k, v), saveAsync } } }
    };
    return { values, saveAsync };
  }

  afterEach(() => {
    delete (global as unknown as { Office?: unknown }).Office;
  });

  it('is saved in the document and read back by the next officer', async () => {
    const { values, saveAsync } = mockOffice();
    const doc = new WordDocument();
    expect(doc.getSource()).toBeUndefined();
    await doc.setSource({ siteUrl: 'https://contoso.sharepoint.com/sites/iib', periodId: 2, periodTitle: 'November/December 2023' });
    expect(saveAsync).toHaveBeenCalledTimes(1);
    mockOffice(values.get(SOURCE_SETTING) as string);
    expect(new WordDocument().getSource()).toEqual({ siteUrl: 'https://contoso.sharepoint.com/sites/iib', periodId: 2, periodTitle: 'November/December 2023' });
  });

  it('ignores a setting that is not a source, and says when saving fails', async () => {
    mockOffice('{"siteUrl": 5}');
    expect(new WordDocument().getSource()).toBeUndefined();
    mockOffice('not json');
    expect(new WordDocument().getSource()).toBeUndefined();
    mockOffice(undefined, true);
    await expect(new WordDocument().setSource({ siteUrl: 'https://x/sites/y', periodId: 1 })).rejects.toThrow("Could not save the paper's data source in the document: read-only document.");
  });
});
