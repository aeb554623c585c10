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
  /** The control's text as Word gives it (paragraphs and cells separated by control characters). */
  text: string;
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
}

/** Where the paper's data comes from, kept in the document so the next officer refreshes from the same place. */
export interface IDocumentSource {
  siteUrl: string;
  periodId: number;
  periodTitle?: string;
}

/** The Word document, as the task pane uses it. */
export interface IWordDocument {
  /** Inserts blocks at the cursor (replacing any selection) in one call and one sync. */
  insert(blocks: IBlock[]): Promise<void>;
  /** Finds every block of ours in the document (one sync). */
  findBlocks(): Promise<IFoundBlock[]>;
  /**
   * Refreshes the planned blocks in place (at most two syncs): each is checked again first, and
   * one changed since the plan was made is left alone. Edited blocks are refreshed only if named
   * in `overwriteEdited` (by control id).
   */
  applyRefresh(plan: IRefreshItem[], overwriteEdited: ReadonlySet<number>): Promise<IRefreshOutcome>;
  /** The data source saved in the document, if any. */
  getSource(): IDocumentSource | undefined;
  /** Saves the data source in the document. */
  setSource(source: IDocumentSource): Promise<void>;
}
