/**
 * The Word document: the only code in the product that touches Word. Every operation is one
 * Word.run with as few syncs as it can have — inserting is one call and two syncs however many
 * blocks (look at the selection, then write); finding blocks is one sync (two where Word can
 * give each block's text without tracked deletions); applying a refresh is two (check, then
 * write), and a third only when Word refuses a write, to find out what each block now holds.
 *
 * Nothing is read from a Word object before it was loaded and synced: the tests run this code
 * through office-addin-mock with its load checking made strict, so such a read fails them.
 */
import type { IBlock } from '../../report/model';
import type * as OoxmlModule from '../../report/ooxml';

/**
 * The OOXML writer, fetched the first time a block is inserted or refreshed (before the Word.run
 * that writes, so no sync waits on it): the task pane's first load does not carry it.
 */
function ooxmlWriter(): Promise<typeof OoxmlModule> {
  return import('../../report/ooxml');
}
import { fingerprintText, makeTag, parseTag } from '../../report/tag';
import { findOurBlocks } from './refresh';
import type {
  ChangeTracking,
  IControlSnapshot,
  IDocumentSource,
  IFoundBlock,
  IInsertOutcome,
  IRefreshItem,
  IRefreshOutcome,
  IWordDocument
} from './types';

/** The document setting that keeps the paper's data source. */
export const SOURCE_SETTING: string = 'ProgrammeHighlights.Source';

function isSource(value: unknown): value is IDocumentSource {
  const v = value as IDocumentSource;
  return !!v && typeof v.siteUrl === 'string' && typeof v.periodId === 'number';
}

/** Whether the host supports a Word requirement set. Guards every part of `Office` being absent. */
export function wordApiSupported(version: string): boolean {
  try {
    const office: typeof Office | undefined = typeof Office === 'undefined' ? undefined : Office;
    const requirements: Office.RequirementSetSupport | undefined = office && office.context ? office.context.requirements : undefined;
    return !!requirements && requirements.isSetSupported('WordApi', version);
  } catch {
    return false;
  }
}

/** Word's change-tracking mode (WordApi 1.4) in the pane's terms. */
function trackingOf(mode: string | undefined): ChangeTracking {
  if (mode === undefined) {
    return 'unknown';
  }
  return mode === 'Off' ? 'off' : 'on';
}

/** The code an OfficeExtension.Error carries, or a word for anything else. */
function errorCode(e: unknown): string {
  const code: unknown = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? code : 'GeneralException';
}

/** A block written by a refresh: its plan, its control and Word's text of it before. */
interface IWrite {
  item: IRefreshItem;
  id: number;
  before: string;
}

/** What a written block holds, read back after Word refused a write. */
type BlockState = 'fresh' | 'asBefore' | 'partly' | 'gone';

/** Queues the fresh content, then the tag and title: the tag last but one, so a fresh tag means fresh content. */
function writeFresh(cc: Word.ContentControl, fresh: IBlock, ooxml: typeof OoxmlModule): void {
  cc.insertOoxml(ooxml.blockContentToInsertableOoxml(fresh), 'Replace');
  cc.tag = makeTag(fresh);
  cc.title = ooxml.aliasOf(fresh.title);
}

/** Reads the written blocks back (one sync). */
async function readStates(context: Word.RequestContext, written: IWrite[]): Promise<BlockState[]> {
  const now: Word.ContentControl[] = written.map((w) => {
    const cc: Word.ContentControl = context.document.contentControls.getByIdOrNullObject(w.id);
    cc.load('tag,text');
    return cc;
  });
  await context.sync();
  return written.map((w, i) => {
    const cc: Word.ContentControl = now[i];
    if (cc.isNullObject) {
      return 'gone';
    }
    if (cc.tag === makeTag(w.item.fresh as IBlock)) {
      return 'fresh';
    }
    return cc.tag === w.item.found.control.tag && fingerprintText(cc.text) === fingerprintText(w.before) ? 'asBefore' : 'partly';
  });
}

/** The Word document through Office.js (WordApi 1.3; 1.4 where the host has it). */
export class WordDocument implements IWordDocument {
  private _tracking: ChangeTracking = 'unknown';

  public changeTracking(): ChangeTracking {
    return this._tracking;
  }

  public async insert(blocks: IBlock[]): Promise<IInsertOutcome> {
    if (blocks.length === 0) {
      return { place: 'cursor', tracking: this._tracking };
    }
    const canReadTracking: boolean = wordApiSupported('1.4');
    const writer: typeof OoxmlModule = await ooxmlWriter();
    return Word.run(async (context: Word.RequestContext) => {
      const selection: Word.Range = context.document.getSelection();
      // First sync: where the cursor is. Inside one of our blocks, a block inserted there would be
      // nested in it; inside a table, Word on the web could not list it (office-js #2040, #6752).
      const parentControl: Word.ContentControl = selection.parentContentControlOrNullObject;
      parentControl.load('tag,title');
      const parentTable: Word.Table = selection.parentTableOrNullObject;
      parentTable.load('rowCount');
      if (canReadTracking) {
        context.document.load('changeTrackingMode');
      }
      await context.sync();
      if (canReadTracking) {
        this._tracking = trackingOf(context.document.changeTrackingMode);
      }
      const ooxml: string = writer.blocksToInsertableOoxml(blocks);
      let outcome: IInsertOutcome;
      if (!parentControl.isNullObject && parseTag(parentControl.tag)) {
        parentControl.getRange('Whole').insertOoxml(ooxml, 'After');
        outcome = { place: 'afterBlock', blockTitle: parentControl.title, tracking: this._tracking };
      } else if (!parentTable.isNullObject) {
        // UNCONFIRMED in real Word: a paragraph inserted after the table, then replaced by the
        // blocks, keeps them out of the table (Table.insertParagraph 'After', WordApi 1.3 docs).
        parentTable.insertParagraph('', 'After').insertOoxml(ooxml, 'Replace');
        outcome = { place: 'afterTable', tracking: this._tracking };
      } else {
        // Replacing the selection inserts at the cursor when nothing is selected.
        selection.insertOoxml(ooxml, 'Replace');
        outcome = { place: 'cursor', tracking: this._tracking };
      }
      await context.sync();
      return outcome;
    });
  }

  public async findBlocks(): Promise<IFoundBlock[]> {
    const canReview: boolean = wordApiSupported('1.4');
    // Whether the document's text holds any tracked change at all, asked in the first sync, so that
    // a document with none — the usual case — is read in one. WordApi 1.6 says so itself
    // (Body.getTrackedChanges); on 1.4 and 1.5 the body's text with every change accepted and with
    // every change rejected are the same (Body.getReviewedText).
    const canSeeTracked: boolean = canReview && wordApiSupported('1.6');
    return Word.run(async (context: Word.RequestContext) => {
      const controls: Word.ContentControlCollection = context.document.contentControls;
      // Only the leaf properties read below travel back from Word.
      controls.load('items/id,items/tag,items/title,items/text');
      let firstTracked: Word.TrackedChange | undefined;
      let reviewedBody: { current: OfficeExtension.ClientResult<string>; original: OfficeExtension.ClientResult<string> } | undefined;
      if (canReview) {
        context.document.load('changeTrackingMode');
      }
      if (canSeeTracked) {
        firstTracked = context.document.body.getTrackedChanges().getFirstOrNullObject();
        firstTracked.load('type');
      } else if (canReview) {
        reviewedBody = { current: context.document.body.getReviewedText('Current'), original: context.document.body.getReviewedText('Original') };
      }
      await context.sync();
      this._tracking = canReview ? trackingOf(context.document.changeTrackingMode) : 'unknown';
      const snapshots: IControlSnapshot[] = controls.items.map((c: Word.ContentControl) => ({ id: c.id, tag: c.tag, title: c.title, text: c.text }));
      // With no tracked change in the document, .text is the text as it stands (UNCONFIRMED in
      // Microsoft's docs that the body's tracked changes include those inside content controls;
      // the collection is documented for the body's range, which holds them).
      // On 1.4 and 1.5 a tracked insertion or deletion makes the two texts differ. One that did not
      // would take a deletion undone, to the character, by an insertion of the same text beside it:
      // a block's .text then holds both, so the block reads as the officer's edit and is kept, never
      // overwritten. A formatting-only change leaves the text alone, as it leaves the blocks' texts.
      const noneTracked: boolean = firstTracked ? firstTracked.isNullObject : !!reviewedBody && reviewedBody.current.value === reviewedBody.original.value;
      if (canReview && !noneTracked) {
        // .text keeps words deleted as tracked changes (office-js #559, #1267, #1299): ask for our
        // blocks' text with every change accepted, in one more sync, so that a refresh made under
        // Track Changes does not read as the officer's edit and a block deleted under it is gone.
        const reviewed: Array<OfficeExtension.ClientResult<string> | undefined> = controls.items.map((c: Word.ContentControl, i: number) =>
          parseTag(snapshots[i].tag) ? c.getReviewedText('Current') : undefined
        );
        await context.sync();
        reviewed.forEach((r, i) => {
          if (r) {
            snapshots[i].currentText = r.value;
          }
        });
      }
      return findOurBlocks(snapshots);
    });
  }

  public async applyRefresh(plan: IRefreshItem[], overwriteEdited: ReadonlySet<number>): Promise<IRefreshOutcome> {
    const outcome: IRefreshOutcome = { refreshed: [], kept: [], changedMeanwhile: [], gone: [], failed: [], tracking: this._tracking };
    const targets: IRefreshItem[] = [];
    for (const item of plan) {
      if (!item.fresh) {
        continue;
      }
      if (item.status === 'changed') {
        targets.push(item);
      } else if (item.status === 'edited') {
        (overwriteEdited.has(item.found.control.id) ? targets : outcome.kept).push(item);
      }
    }
    if (targets.length === 0) {
      return outcome;
    }
    const canReadTracking: boolean = wordApiSupported('1.4');
    const writer: typeof OoxmlModule = await ooxmlWriter();
    return Word.run(async (context: Word.RequestContext) => {
      const controls: Word.ContentControl[] = targets.map((t) => {
        const cc: Word.ContentControl = context.document.contentControls.getByIdOrNullObject(t.found.control.id);
        cc.load('id,text');
        return cc;
      });
      if (canReadTracking) {
        context.document.load('changeTrackingMode');
      }
      await context.sync();
      if (canReadTracking) {
        this._tracking = trackingOf(context.document.changeTrackingMode);
        outcome.tracking = this._tracking;
      }
      const written: IWrite[] = [];
      targets.forEach((item, i) => {
        const cc: Word.ContentControl = controls[i];
        if (cc.isNullObject) {
          outcome.gone.push(item);
          return;
        }
        // The officer may have typed in the block while looking at the plan: then it is left alone.
        if (fingerprintText(cc.text) !== fingerprintText(item.found.control.text)) {
          outcome.changedMeanwhile.push(item);
          return;
        }
        writeFresh(cc, item.fresh as IBlock, writer);
        written.push({ item, id: item.found.control.id, before: cc.text });
      });
      if (written.length === 0) {
        return outcome;
      }
      try {
        await context.sync();
        outcome.refreshed.push(...written.map((w) => w.item));
        return outcome;
      } catch (e) {
        // The writes went in one batch and Word stopped at one of them: the ones before it were
        // made, the rest were not (UNCONFIRMED: Office.js documents the batch, not what a failed
        // one leaves). Read every block back to tell the officer which is which, whatever Word did.
        await this._afterFailedWrite(written, errorCode(e), outcome, writer);
        return outcome;
      }
    });
  }

  /**
   * After a failed batch of writes: what each block holds now, in a new request context. A block
   * with its fresh tag was written (the tag goes after the content in the same batch); one as it
   * was is written again on its own, so that only the block Word refuses stays unwritten; anything
   * else was partly written, and the officer is told which.
   */
  private async _afterFailedWrite(written: IWrite[], code: string, outcome: IRefreshOutcome, writer: typeof OoxmlModule): Promise<void> {
    await Word.run(async (context: Word.RequestContext) => {
      const states: BlockState[] = await readStates(context, written);
      const again: IWrite[] = [];
      written.forEach((w, i) => {
        if (states[i] === 'fresh') {
          outcome.refreshed.push(w.item);
        } else if (states[i] === 'asBefore') {
          again.push(w);
        } else if (states[i] === 'gone') {
          outcome.gone.push(w.item);
        } else {
          outcome.failed.push({ item: w.item, code, partial: true });
        }
      });
      // One sync per block from here: slow, but only after Word has refused something.
      for (const w of again) {
        const cc: Word.ContentControl = context.document.contentControls.getById(w.id);
        writeFresh(cc, w.item.fresh as IBlock, writer);
        try {
          await context.sync();
          outcome.refreshed.push(w.item);
        } catch (e) {
          const [state] = await readStates(context, [w]);
          if (state === 'fresh') {
            outcome.refreshed.push(w.item);
          } else {
            outcome.failed.push({ item: w.item, code: errorCode(e), partial: state !== 'asBefore' });
          }
        }
      }
    });
  }

  public getSource(): IDocumentSource | undefined {
    const raw: unknown = Office.context.document.settings.get(SOURCE_SETTING);
    if (typeof raw !== 'string') {
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(raw);
      return isSource(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  public setSource(source: IDocumentSource): Promise<void> {
    Office.context.document.settings.set(SOURCE_SETTING, JSON.stringify(source));
    return new Promise<void>((resolve, reject) => {
      Office.context.document.settings.saveAsync((result: Office.AsyncResult<void>) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          resolve();
        } else {
          reject(new Error(`Could not save the paper's data source in the document: ${result.error ? result.error.message : 'unknown error'}.`));
        }
      });
    });
  }
}
