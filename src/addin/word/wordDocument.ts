/**
 * The Word document: the only code in the product that touches Word. Every operation is one
 * Word.run with as few syncs as it can have — inserting is one call and one sync however many
 * blocks; finding blocks is one sync; applying a refresh is two (check, then write), so a whole
 * refresh is at most three whatever the number of blocks.
 */
import type { IBlock } from '../../report/model';
import { aliasOf, blockContentToInsertableOoxml, blocksToInsertableOoxml } from '../../report/ooxml';
import { fingerprintText, makeTag } from '../../report/tag';
import { findOurBlocks } from './refresh';
import type { IControlSnapshot, IDocumentSource, IFoundBlock, IRefreshItem, IRefreshOutcome, IWordDocument } from './types';

/** The document setting that keeps the paper's data source. */
export const SOURCE_SETTING: string = 'ProgrammeHighlights.Source';

function isSource(value: unknown): value is IDocumentSource {
  const v = value as IDocumentSource;
  return !!v && typeof v.siteUrl === 'string' && typeof v.periodId === 'number';
}

/** The Word document through Office.js (WordApi 1.3). */
export class WordDocument implements IWordDocument {
  public async insert(blocks: IBlock[]): Promise<void> {
    if (blocks.length === 0) {
      return;
    }
    await Word.run(async (context: Word.RequestContext) => {
      // Replacing the selection inserts at the cursor when nothing is selected.
      context.document.getSelection().insertOoxml(blocksToInsertableOoxml(blocks), 'Replace');
      await context.sync();
    });
  }

  public async findBlocks(): Promise<IFoundBlock[]> {
    return Word.run(async (context: Word.RequestContext) => {
      const controls: Word.ContentControlCollection = context.document.contentControls;
      // Only the leaf properties read below travel back from Word.
      controls.load('items/id,items/tag,items/title,items/text');
      await context.sync();
      const snapshots: IControlSnapshot[] = controls.items.map((c: Word.ContentControl) => ({ id: c.id, tag: c.tag, title: c.title, text: c.text }));
      return findOurBlocks(snapshots);
    });
  }

  public async applyRefresh(plan: IRefreshItem[], overwriteEdited: ReadonlySet<number>): Promise<IRefreshOutcome> {
    const outcome: IRefreshOutcome = { refreshed: [], kept: [], changedMeanwhile: [], gone: [] };
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
    return Word.run(async (context: Word.RequestContext) => {
      const controls: Word.ContentControl[] = targets.map((t) => {
        const cc: Word.ContentControl = context.document.contentControls.getByIdOrNullObject(t.found.control.id);
        cc.load('id,text');
        return cc;
      });
      await context.sync();
      let writes: number = 0;
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
        const fresh: IBlock = item.fresh as IBlock;
        cc.insertOoxml(blockContentToInsertableOoxml(fresh), 'Replace');
        cc.tag = makeTag(fresh);
        cc.title = aliasOf(fresh.title);
        outcome.refreshed.push(item);
        writes++;
      });
      if (writes > 0) {
        await context.sync();
      }
      return outcome;
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
