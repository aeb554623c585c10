/**
 * What the task pane asks of the Word document. `WordDocument` (wordDocument.ts) is the only code
 * that touches Word; the pane, its tests and the preview outside Word use this interface.
 */
import type { IBlock } from '../../report/model';
import type { IBlockTag } from '../../report/tag';

/** A content control as Word reports it. */
export interface IControlSnapshot {
  /** Word's id for the control. */
  id: number;
  tag: string;
  title: string;
  /**
   * The control's text as Word gives it (paragraphs and cells separated by control characters).
   * Under Track Changes it still holds text deleted as a tracked change (office-js #559, #1267, #1299).
   */
  text: string;
  /**
   * The text with every tracked change accepted: without tracked deletions (WordApi 1.4
   * `getReviewedText('Current')`). Absent where Word lacks that API; then `text` is all there is.
   */
  currentText?: string;
}

/** Whether Word records changes as tracked changes: 'unknown' where the API cannot say (before WordApi 1.4). */
export type ChangeTracking = 'off' | 'on' | 'unknown';

/** Where an insert put the blocks. */
export type InsertPlace =
  /** At the cursor, replacing any selection. */
  | 'cursor'
  /** The cursor was inside one of our blocks: after that block, so no block is nested in another. */
  | 'afterBlock'
  /**
   * The cursor was in a table: after the table. Word on the web does not list content controls
   * inside table cells (office-js #2040, #6752), so a block there could never be refreshed.
   */
  | 'afterTable';

/** What an insert did. */
export interface IInsertOutcome {
  place: InsertPlace;
  /** The title of our block the cursor was in (place 'afterBlock'). */
  blockTitle?: string;
  /** Whether the insert was recorded as a tracked change. */
  tracking: ChangeTracking;
}

/** A block a refresh could not write. */
export interface IRefreshFailure {
  item: IRefreshItem;
  /** Word's error code (OfficeExtension.Error.code), for the message and the logs. */
  code: string;
  /** Part of the block was written before Word stopped: the officer must look at it. */
  partial: boolean;
}

/** One of our blocks found in the document. */
export interface IFoundBlock {
  control: IControlSnapshot;
  tag: IBlockTag;
  /** The officer has changed the text inside the block since it was inserted or last refreshed. */
  edited: boolean;
}

/** What refreshing a block would do. */
export type RefreshStatus =
  /** The data has not changed: nothing to do. */
  | 'unchanged'
  /** The data has changed and the block is as it was inserted: safe to refresh. */
  | 'changed'
  /** The officer edited the block: refreshing would replace their text, so ask first. */
  | 'edited'
  /** The block's data is gone (its workstream or period no longer exists): left as it is. */
  | 'missing';

/** One change in a block's text, in words. */
export interface ITextChange {
  /** Words that go ("" when only added). */
  removed: string;
  /** Words that come ("" when only removed). */
  added: string;
}

/** The plan for one block. */
export interface IRefreshItem {
  found: IFoundBlock;
  status: RefreshStatus;
  /** The block as the data now gives it (absent when missing). */
  fresh?: IBlock;
  /** What would change, word by word, between the document's text and the fresh block's. */
  changes: ITextChange[];
}

/** What applying a refresh did. */
export interface IRefreshOutcome {
  refreshed: IRefreshItem[];
  /** Blocks left alone because the officer chose to keep their edits. */
  kept: IRefreshItem[];
  /** Blocks changed in the document after the plan was made: left alone, to be looked at again. */
  changedMeanwhile: IRefreshItem[];
  /** Blocks deleted from the document after the plan was made. */
  gone: IRefreshItem[];
  /** Blocks Word refused to write, each with whether part of it was written. */
  failed: IRefreshFailure[];
  /** Whether the refresh was recorded as tracked changes. */
  tracking: ChangeTracking;
}

/** Where the paper's data comes from, kept in the document so the next officer refreshes from the same place. */
export interface IDocumentSource {
  siteUrl: string;
  periodId: number;
  periodTitle?: string;
}

/** The Word document, as the task pane uses it. */
export interface IWordDocument {
  /**
   * Inserts blocks at the cursor (replacing any selection) in one call and at most two syncs: the
   * selection is looked at first, and blocks go after our block or the table the cursor is in.
   */
  insert(blocks: IBlock[]): Promise<IInsertOutcome>;
  /**
   * Finds every block of ours in the document (one sync; two where Word can give the text
   * without tracked deletions). A block deleted as a tracked change is not found.
   */
  findBlocks(): Promise<IFoundBlock[]>;
  /** Whether Word tracks changes, as read by the last findBlocks or insert. */
  changeTracking(): ChangeTracking;
  /**
   * Refreshes the planned blocks in place (two syncs; a third only when Word refuses a write):
   * each is checked again first, and one changed since the plan was made is left alone. Edited
   * blocks are refreshed only if named in `overwriteEdited` (by control id). Every block's
   * outcome is reported, whichever of them Word refuses.
   */
  applyRefresh(plan: IRefreshItem[], overwriteEdited: ReadonlySet<number>): Promise<IRefreshOutcome>;
  /** The data source saved in the document, if any. */
  getSource(): IDocumentSource | undefined;
  /** Saves the data source in the document. */
  setSource(source: IDocumentSource): Promise<void>;
}
