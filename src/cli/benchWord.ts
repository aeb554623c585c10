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
  /** On a host with WordApi 1.6 and a document with no tracked change (Word on the web, Microsoft 365). */
  refresh: number;
  /** On a host with WordApi 1.4 or 1.5 and a document with no tracked change (Word 2021, older Microsoft 365 builds). */
  refreshWordApi14: number;
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
  getReviewedText?: (version: string) => { value: string };
}

/** The WordApi requirement set the host supports, or none of those the adapter asks about. */
type WordApi = '1.6' | '1.4' | undefined;

function mockWord(controls: IControl[], wordApi?: WordApi): { count: () => number } {
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
  const doc = word.context.document as unknown as Record<string, unknown>;
  if (wordApi) {
    doc.changeTrackingMode = 'Off';
    doc.load = (): void => undefined;
    // The document holds no tracked change: the first is a null object (WordApi 1.6), and the body's
    // text with the changes accepted is its text with them rejected (1.4 and 1.5).
    const bodyText: string = controls.map((c) => c.text).join('\r');
    doc.body = {
      getTrackedChanges: () => ({ getFirstOrNullObject: () => ({ isNullObject: true, load: (): void => undefined }) }),
      getReviewedText: () => ({ value: bodyText })
    };
    for (const c of controls) {
      c.getReviewedText = () => ({ value: c.text });
    }
  }
  (globalThis as unknown as { Office: unknown }).Office = {
    context: { requirements: { isSetSupported: (name: string, version: string): boolean => !!wordApi && name === 'WordApi' && parseFloat(version) <= parseFloat(wordApi) } }
  };
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

/** How many blocks the refresh counted holds (issue 14: a 200-block document). */
export const REFRESH_BLOCKS: number = 200;

/** Syncs to insert one block, the whole report, and to refresh a 200-block document whose data all changed. */
export async function countWordSyncs(picture: IPeriodPicture): Promise<IWordSyncs> {
  const doc: WordDocument = new WordDocument();
  let word = mockWord([]);
  await doc.insert([buildBlock(picture, 'statusTable')]);
  const insertOne: number = word.count();
  word = mockWord([]);
  const { buildProgrammeReport } = await import('../report');
  await doc.insert(buildProgrammeReport(picture));
  const insertAll: number = word.count();

  const old: IBlock[] = paperBlocks(picture, REFRESH_BLOCKS);
  // The paper as drafted, anew for each host counted (a refresh retags the controls it writes).
  const drafted = (): IControl[] =>
    old.map((b, i) => ({
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
  const refreshOn = async (wordApi: WordApi): Promise<{ syncs: number; refreshed: number }> => {
    const counted = mockWord(drafted(), wordApi);
    const found = await doc.findBlocks();
    const plan = planRefresh(found, (tag) => buildBlock(changed, tag.kind, tag.workstreamId));
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    return { syncs: counted.count(), refreshed: outcome.refreshed.length };
  };
  const modern = await refreshOn('1.6');
  const older = await refreshOn('1.4');
  delete (globalThis as { Word?: unknown }).Word;
  delete (globalThis as { Office?: unknown }).Office;
  return { insertOne, insertAll, refresh: modern.syncs, refreshWordApi14: older.syncs, refreshedBlocks: modern.refreshed };
}
