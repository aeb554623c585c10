/**
 * @jest-environment jsdom
 *
 * The Word adapter against office-addin-mock: what it inserts and where, in which order, and how
 * many times it syncs with Word — one for an insert, at most three for a refresh of any number
 * of blocks — and that an officer's edits are never overwritten without their say.
 *
 * office-addin-mock supplies Word.run, the request context and its sync; the content controls
 * are hand-written objects (the mock cannot model collections), with Word's text for each built
 * from the OOXML the way Word reports it.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { IPeriodPicture } from '../../../src/domain';
import { blockToSdtXml, buildBlock, buildProgrammeReport, fingerprintText, makeTag, parseTag, type IBlock } from '../../../src/report';
import { planRefresh } from '../../../src/addin/word/refresh';
import { SOURCE_SETTING, WordDocument } from '../../../src/addin/word/wordDocument';
import { parseFragment, wordLikeText } from '../../report/support/xml';
import { NOVDEC, picture, ws } from '../../report/support/pictures';

interface IFakeControl {
  id: number;
  tag: string;
  title: string;
  text: string;
  isNullObject: boolean;
  load: jest.Mock;
  insertOoxml: jest.Mock;
}

/** Word's text for a block as inserted: what contentControl.text would give. */
function wordText(block: IBlock): string {
  return wordLikeText(parseFragment(blockToSdtXml(block)));
}

function control(id: number, block: IBlock, text: string = wordText(block)): IFakeControl {
  return { id, tag: makeTag(block), title: block.title, text, isNullObject: false, load: jest.fn(), insertOoxml: jest.fn() };
}

/** A mocked Word with these content controls; returns the mock and its calls. */
function mockWord(controls: IFakeControl[]): { word: OfficeMockObject & { context: { sync: () => Promise<void> } }; insertAtSelection: jest.Mock; sync: jest.SpyInstance; log: string[] } {
  const log: string[] = [];
  const insertAtSelection = jest.fn((ooxml: string, where: string) => log.push(`selection.insertOoxml(${where})`));
  const word = new OfficeMockObject(
    {
      context: {
        document: {
          selection: { insertOoxml: insertAtSelection },
          getSelection: function (this: { selection: unknown }) {
            log.push('getSelection');
            return this.selection;
          }
        }
      },
      run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
        log.push('Word.run');
        return callback(this.context);
      }
    },
    'word' as never
  ) as unknown as OfficeMockObject & { context: { sync: () => Promise<void>; document: { contentControls: unknown } } };
  const byId = new Map(controls.map((c) => [c.id, c]));
  const nullObject = { isNullObject: true, load: jest.fn() };
  for (const c of controls) {
    c.load.mockImplementation(() => log.push(`control(${c.id}).load`));
    c.insertOoxml.mockImplementation((_ooxml: string, where: string) => log.push(`control(${c.id}).insertOoxml(${where})`));
  }
  const collection: { items: IFakeControl[]; load: jest.Mock; getByIdOrNullObject: jest.Mock } = {
    items: controls,
    load: jest.fn((what: string) => {
      log.push(`contentControls.load(${what})`);
      return collection;
    }),
    getByIdOrNullObject: jest.fn((id: number): unknown => {
      log.push(`getByIdOrNullObject(${id})`);
      return byId.get(id) || nullObject;
    })
  };
  word.context.document.contentControls = collection;
  const originalSync = word.context.sync.bind(word.context);
  const sync = jest.spyOn(word.context, 'sync').mockImplementation(async () => {
    log.push('sync');
    await originalSync();
  });
  (global as unknown as { Word: unknown }).Word = word;
  return { word, insertAtSelection, sync, log };
}

afterEach(() => {
  delete (global as unknown as { Word?: unknown }).Word;
});

describe('inserting', () => {
  it('puts the whole programme report at the cursor in one call and one sync', async () => {
    const blocks = buildProgrammeReport(picture(NOVDEC));
    const { insertAtSelection, sync, log } = mockWord([]);
    await new WordDocument().insert(blocks);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(insertAtSelection).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['Word.run', 'getSelection', 'selection.insertOoxml(Replace)', 'sync']);
    const ooxml: string = insertAtSelection.mock.calls[0][0];
    expect(ooxml.startsWith('<pkg:package')).toBe(true);
    // One content control per block, each tagged with what it is, its workstream and period.
    const tags = Array.from(ooxml.matchAll(/<w:tag w:val="([^"]+)"\/>/g)).map((m) => parseTag(m[1]));
    expect(tags.map((t) => t && `${t.kind}:${t.periodId}:${t.workstreamId || 0}`)).toEqual(blocks.map((b) => `${b.kind}:${b.periodId}:${b.workstreamId || 0}`));
  });

  it('inserts one block in one sync, and does nothing at all for none', async () => {
    const { sync, insertAtSelection } = mockWord([]);
    await new WordDocument().insert([buildBlock(picture(NOVDEC), 'risks', ws('PROC'))]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(insertAtSelection.mock.calls[0][0].match(/<w:sdt>/g)).toHaveLength(1);
    await new WordDocument().insert([]);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe('finding blocks', () => {
  it('finds ours in one sync, loading only what it reads, and tells edited from untouched', async () => {
    const p = picture(NOVDEC);
    const table = buildBlock(p, 'statusTable');
    const comments = buildBlock(p, 'sponsorComments', ws('GOV'));
    const foreign = { ...control(99, table), tag: 'someone-elses-control' };
    const edited = control(2, comments, `${wordText(comments)} An officer's own sentence.`);
    const { sync, log } = mockWord([control(1, table), edited, foreign]);
    const found = await new WordDocument().findBlocks();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toContain('contentControls.load(items/id,items/tag,items/title,items/text)');
    expect(found.map((f) => [f.control.id, f.tag.kind, f.edited])).toEqual([
      [1, 'statusTable', false],
      [2, 'sponsorComments', true]
    ]);
  });
});

/** Twenty blocks as inserted from the data as it was, for the data as it is now. */
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

describe('refreshing', () => {
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

  it('refreshes twenty blocks in three syncs in all, replacing only what changed, in place', async () => {
    const old = twentyBlocks(before());
    expect(old).toHaveLength(20);
    const controls = old.map((b, i) => control(i + 1, b));
    const { sync, log } = mockWord(controls);
    const doc = new WordDocument();
    const found = await doc.findBlocks();
    const plan = planRefresh(found, builderFor(after()));
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(sync).toHaveBeenCalledTimes(3);
    const changed = plan.filter((i) => i.status === 'changed').map((i) => i.found.tag.kind + (i.found.tag.workstreamId ? `:${i.found.tag.workstreamId}` : ''));
    expect(changed.sort()).toEqual([`milestonesThisPeriod:${ws('PROC')}`, 'statusTable', `workstreamSection:${ws('PART')}`].sort());
    expect(outcome.refreshed).toHaveLength(3);
    for (const item of outcome.refreshed) {
      const c = controls[item.found.control.id - 1];
      // The content is replaced inside the control; the control itself stays, so no second control is nested in it.
      expect(c.insertOoxml).toHaveBeenCalledTimes(1);
      const [ooxml, where] = c.insertOoxml.mock.calls[0];
      expect(where).toBe('Replace');
      expect(ooxml).not.toContain('<w:sdt>');
      expect(c.tag).toBe(makeTag(item.fresh as IBlock));
      expect(parseTag(c.tag)?.fingerprint).toBe(fingerprintText(wordText(item.fresh as IBlock)));
    }
    for (const c of controls.filter((x) => outcome.refreshed.every((r) => r.found.control.id !== x.id))) {
      expect(c.insertOoxml).not.toHaveBeenCalled();
    }
    // Each target is checked again in the same batch before anything is written.
    const firstWrite = log.findIndex((l) => /insertOoxml/.test(l));
    expect(log.slice(0, firstWrite).filter((l) => l === 'sync')).toHaveLength(2);
    expect(log.lastIndexOf('sync')).toBeGreaterThan(firstWrite);
  });

  it('says what changed, word by word', async () => {
    const table = buildBlock(before(), 'statusTable');
    mockWord([control(1, table)]);
    const found = await new WordDocument().findBlocks();
    const [item] = planRefresh(found, builderFor(after()));
    expect(item.status).toBe('changed');
    expect(item.changes).toEqual([{ removed: 'Green/Amber', added: 'Green' }]);
  });

  it('does not sync at all to apply when nothing changed', async () => {
    const blocks = twentyBlocks(before());
    const { sync } = mockWord(blocks.map((b, i) => control(i + 1, b)));
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(before()));
    expect(plan.every((i) => i.status === 'unchanged')).toBe(true);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("leaves alone a block whose data did not change, though the officer changed its spacing", async () => {
    // Found by npm run test:reliability: a space typed inside a word, or two words run together,
    // made the refresh rewrite the block without asking, undoing the officer's spacing.
    const table = buildBlock(before(), 'statusTable');
    const section = buildBlock(before(), 'workstreamSection', ws('PROC'));
    const spaced = control(1, table, wordText(table).replace('Governance', 'Gover nance'));
    const joined = control(2, section, wordText(section).replace('Procurement ', 'Procurement'));
    expect(spaced.text).not.toBe(wordText(table));
    expect(joined.text).not.toBe(wordText(section));
    const { sync } = mockWord([spaced, joined]);
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(before()));
    expect(plan.map((i) => [i.found.edited, i.status])).toEqual([
      [false, 'unchanged'],
      [false, 'unchanged']
    ]);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed).toEqual([]);
    expect(spaced.insertOoxml).not.toHaveBeenCalled();
    expect(joined.insertOoxml).not.toHaveBeenCalled();
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("keeps an officer's edits unless they say to overwrite them", async () => {
    const table = buildBlock(before(), 'statusTable');
    const typed = `${wordText(table)} Note: Partnership Working to be reviewed at the January Board.`;
    const edited = control(7, table, typed);
    mockWord([edited]);
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    expect(plan[0].status).toBe('edited');
    // The officer's words that a refresh would remove are shown to them.
    expect(plan[0].changes.some((c) => c.removed.indexOf('January Board') >= 0)).toBe(true);

    const kept = await doc.applyRefresh(plan, new Set<number>());
    expect(kept.kept.map((i) => i.found.control.id)).toEqual([7]);
    expect(edited.insertOoxml).not.toHaveBeenCalled();
    expect(edited.text).toBe(typed);

    const overwritten = await doc.applyRefresh(plan, new Set<number>([7]));
    expect(overwritten.refreshed.map((i) => i.found.control.id)).toEqual([7]);
    expect(edited.insertOoxml).toHaveBeenCalledTimes(1);
  });

  it('leaves alone a block changed while the officer was reading the plan, and one deleted meanwhile', async () => {
    const old = twentyBlocks(before());
    const controls = old.map((b, i) => control(i + 1, b));
    mockWord(controls);
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), builderFor(after()));
    const table = controls[0];
    table.text = `${table.text} typed just now`;
    const section = controls[19];
    section.isNullObject = true;
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.changedMeanwhile.map((i) => i.found.control.id)).toEqual([1]);
    expect(outcome.gone.map((i) => i.found.control.id)).toEqual([20]);
    expect(table.insertOoxml).not.toHaveBeenCalled();
    expect(outcome.refreshed.map((i) => i.found.tag.kind)).toEqual(['milestonesThisPeriod']);
  });

  it('reports blocks whose data is gone and leaves them as they are', async () => {
    const comments = buildBlock(before(), 'sponsorComments', ws('GOV'));
    const c = control(3, comments);
    mockWord([c]);
    const doc = new WordDocument();
    const plan = planRefresh(await doc.findBlocks(), () => undefined);
    expect(plan[0].status).toBe('missing');
    const outcome = await doc.applyRefresh(plan, new Set<number>([3]));
    expect(outcome.refreshed).toEqual([]);
    expect(c.insertOoxml).not.toHaveBeenCalled();
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
