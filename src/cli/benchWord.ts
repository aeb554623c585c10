/**
 * Counts the syncs with Word that inserting and refreshing take, through office-addin-mock (Word
 * itself is not here): the request context and its sync are the mock's; the content controls are
 * plain objects holding each block's text as Word would report it.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { IPeriodPicture } from '../domain';
import { blockPlainText, buildBlock, makeTag, type IBlock } from '../report';
import { planRefresh } from '../addin/word/refresh';
import { WordDocument } from '../addin/word/wordDocument';

/** Syncs counted. */
export interface IWordSyncs {
  insertOne: number;
  insertAll: number;
  refresh: number;
  refreshedBlocks: number;
}

interface IControl {
  id: number;
  tag: string;
  title: string;
  text: string;
  isNullObject: boolean;
  load: () => void;
  insertOoxml: (ooxml: string, where: string) => void;
}

function mockWord(controls: IControl[]): { count: () => number } {
  let syncs: number = 0;
  const word = new OfficeMockObject(
    {
      context: {
        document: {
          selection: { insertOoxml: (): void => undefined },
          getSelection: function (this: { selection: unknown }): unknown {
            return this.selection;
          }
        }
      },
      run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>): Promise<unknown> {
        return callback(this.context);
      }
    },
    'word' as never
  ) as unknown as { context: { sync: () => Promise<void>; document: { contentControls?: unknown; selection: Record<string, unknown> } } };
  const byId: Map<number, IControl> = new Map<number, IControl>(controls.map((c) => [c.id, c]));
  const collection = {
    items: controls,
    load: (): unknown => collection,
    getByIdOrNullObject: (id: number): unknown => byId.get(id) || { isNullObject: true, load: (): void => undefined }
  };
  word.context.document.contentControls = collection;
  // The cursor is in no content control and no table: inserting goes at the cursor.
  word.context.document.selection.parentContentControlOrNullObject = { isNullObject: true, load: (): void => undefined };
  word.context.document.selection.parentTableOrNullObject = { isNullObject: true, load: (): void => undefined };
  const sync = word.context.sync.bind(word.context);
  word.context.sync = async (): Promise<void> => {
    syncs++;
    await sync();
  };
  (globalThis as unknown as { Word: unknown }).Word = word;
  return { count: () => syncs };
}

/** Blocks of many kinds across the workstreams, as a paper built over time would hold. */
function paperBlocks(picture: IPeriodPicture, count: number): IBlock[] {
  const blocks: IBlock[] = [buildBlock(picture, 'statusTable'), buildBlock(picture, 'overview'), buildBlock(picture, 'ragKey')];
  const kinds = ['sponsorComments', 'milestonesThisPeriod', 'milestonesNextPeriod', 'risks'] as const;
  for (let i: number = 0; blocks.length < count; i++) {
    blocks.push(buildBlock(picture, kinds[i % kinds.length], picture.workstreams[Math.floor(i / kinds.length) % picture.workstreams.length].id));
  }
  return blocks;
}

/** Syncs to insert one block, the whole report, and to refresh 50 blocks of which the data changed. */
export async function countWordSyncs(picture: IPeriodPicture): Promise<IWordSyncs> {
  const doc: WordDocument = new WordDocument();
  let word = mockWord([]);
  await doc.insert([buildBlock(picture, 'statusTable')]);
  const insertOne: number = word.count();
  word = mockWord([]);
  const { buildProgrammeReport } = await import('../report');
  await doc.insert(buildProgrammeReport(picture));
  const insertAll: number = word.count();

  const old: IBlock[] = paperBlocks(picture, 50);
  const controls: IControl[] = old.map((b, i) => ({
    id: i + 1,
    tag: makeTag(b),
    title: b.title,
    text: blockPlainText(b),
    isNullObject: false,
    load: (): void => undefined,
    insertOoxml: (): void => undefined
  }));
  // Since the paper was drafted, everything in it moved on: every block has something to refresh.
  const changed: IPeriodPicture = JSON.parse(JSON.stringify(picture));
  for (const r of changed.statusReports) {
    r.rag = r.rag === 'Green' ? 'Amber' : 'Green';
  }
  for (const m of changed.milestones) {
    m.title = `${m.title} (revised)`;
  }
  for (const c of changed.sponsorComments) {
    c.text = `${c.text} Revised after the workshop.`;
  }
  for (const r of changed.risks) {
    r.mitigation = `${r.mitigation} Reviewed.`;
  }
  changed.period.overview = `${changed.period.overview || ''} Revised.`;
  changed.programme.ragDefinitions = changed.programme.ragDefinitions.map((d) => ({ ...d, definition: `${d.definition} (revised)` }));
  word = mockWord(controls);
  const found = await doc.findBlocks();
  const plan = planRefresh(found, (tag) => buildBlock(changed, tag.kind, tag.workstreamId));
  const outcome = await doc.applyRefresh(plan, new Set<number>());
  delete (globalThis as { Word?: unknown }).Word;
  return { insertOne, insertAll, refresh: word.count(), refreshedBlocks: outcome.refreshed.length };
}
