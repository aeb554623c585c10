/**
 * Refreshing a paper, up to the point where the officer decides: find the blocks in the
 * document, load the data of every period they name, build each block afresh and plan what
 * would change. And the words that tell the officer what the plan and its outcome are.
 */
import type { IPeriod, IPeriodPicture } from '../../domain';
import { isDataError } from '../../data/errors';
import type { IProgrammeRepository } from '../../data/repository';
import { buildBlock } from '../../report/build';
import { buildCloseDownBlock } from '../../report/closeDown';
import { closeDownThemes } from '../../data/PhaseRepository';
import { PHASE_BLOCK_KINDS } from '../../report/model';
import type { IBlock } from '../../report/model';
import type { IBlockTag } from '../../report/tag';
import { planRefresh, type BlockBuilder } from '../word/refresh';
import type { ChangeTracking, IFoundBlock, IRefreshFailure, IRefreshItem, IRefreshOutcome, ITextChange, IWordDocument, RefreshStatus } from '../word/types';
import { format, plural, wordsFor } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';

/** Plans a refresh from the blocks found and a builder of fresh blocks. */
export type RefreshPlanner = (found: readonly IFoundBlock[], build: BlockBuilder) => IRefreshItem[];

/** Tells the officer what the pane is doing now. */
export type ProgressReporter = (message: string) => void;

/** How many changes each block lists before "and N more". */
export const CHANGES_SHOWN: number = 3;
/** How many words of would-be-lost text are quoted before an ellipsis. */
const LOST_WORDS_SHOWN: number = 40;

/**
 * Finds the blocks, loads the pictures of the periods they name (once each) and the close-downs of
 * the phases they name, and plans the refresh.
 * A block whose period or workstream no longer exists is planned as missing; any other failure
 * to load data is thrown (a DataError) so the officer sees it and nothing is changed.
 */
export async function prepareRefresh(
  word: IWordDocument,
  repository: IProgrammeRepository,
  progress: ProgressReporter,
  planner: RefreshPlanner = planRefresh
): Promise<IRefreshItem[]> {
  progress(STRINGS.RefreshFinding);
  const found: IFoundBlock[] = await word.findBlocks();
  if (found.length === 0) {
    return [];
  }
  const periods: IPeriod[] = await repository.getPeriods();
  const pictures: Map<number, IPeriodPicture | undefined> = new Map<number, IPeriodPicture | undefined>();
  // A phase's close-down (issue 16): read once per phase, as the insert reads it (a locked one from its snapshot).
  const closeDowns: Map<number, IBlock | undefined> = new Map<number, IBlock | undefined>();
  const phaseIds: number[] = found.filter((f) => PHASE_BLOCK_KINDS.indexOf(f.tag.kind) >= 0).map((f) => f.tag.periodId);
  if (phaseIds.length > 0) {
    const workstreams = (await repository.getProgrammeSummary()).workstreams;
    for (const phaseId of phaseIds.filter((id, i) => phaseIds.indexOf(id) === i)) {
      try {
        const closeDown = await repository.phases().getCloseDown(phaseId);
        progress(format(STRINGS.RefreshLoading, closeDown.phase.title));
        closeDowns.set(phaseId, buildCloseDownBlock({ phase: closeDown.phase, items: closeDown.items, workstreams: closeDownThemes(closeDown, workstreams) }));
      } catch (e) {
        if (isDataError(e, 'notFound')) {
          closeDowns.set(phaseId, undefined);
        } else {
          throw e;
        }
      }
    }
  }
  for (const f of found.filter((x) => PHASE_BLOCK_KINDS.indexOf(x.tag.kind) < 0)) {
    const periodId: number = f.tag.periodId;
    if (pictures.has(periodId)) {
      continue;
    }
    const period: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
    if (!period) {
      pictures.set(periodId, undefined);
      continue;
    }
    progress(format(STRINGS.RefreshLoading, period.title));
    try {
      pictures.set(periodId, await repository.getPeriodPicture(periodId));
    } catch (e) {
      if (isDataError(e, 'notFound')) {
        pictures.set(periodId, undefined);
      } else {
        throw e;
      }
    }
  }
  const build: BlockBuilder = (tag: IBlockTag): IBlock | undefined => {
    if (PHASE_BLOCK_KINDS.indexOf(tag.kind) >= 0) {
      return closeDowns.get(tag.periodId);
    }
    const picture: IPeriodPicture | undefined = pictures.get(tag.periodId);
    if (!picture) {
      return undefined;
    }
    try {
      return buildBlock(picture, tag.kind, tag.workstreamId, tag.sectionId);
    } catch {
      // The workstream is no longer part of the period: the block's data is gone.
      return undefined;
    }
  };
  return planner(found, build);
}

/** A block's name: the fresh block's title, else the content control's. */
export function itemTitle(item: IRefreshItem): string {
  return (item.fresh && item.fresh.title) || item.found.control.title || item.found.control.tag;
}

/** Each refresh status in the pane's strings. */
const STATUS_KEYS: { readonly [K in RefreshStatus]?: keyof typeof STRINGS } = {
  changed: 'StatusChanged',
  edited: 'StatusEdited',
  unchanged: 'StatusUnchanged'
};

/** A status in words. */
export function statusText(status: RefreshStatus): string {
  return wordsFor(STATUS_KEYS, status, STRINGS, STRINGS.StatusMissing);
}

function clip(text: string, words: number): string {
  const all: string[] = text.split(/\s+/).filter((w) => w !== '');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/** One change in words: "was “Amber”, now “Green”". */
export function changeText(change: ITextChange): string {
  if (change.removed && change.added) {
    return format(STRINGS.ChangeWasNow, clip(change.removed, 25), clip(change.added, 25));
  }
  return change.added ? format(STRINGS.ChangeAdded, clip(change.added, 25)) : format(STRINGS.ChangeRemoved, clip(change.removed, 25));
}

/** The first few changes of a block in words, and how many more there are. */
export function changesShown(item: IRefreshItem, max: number = CHANGES_SHOWN): { lines: string[]; more: number } {
  return { lines: item.changes.slice(0, max).map(changeText), more: Math.max(0, item.changes.length - max) };
}

/** "and N more changes", or '' when there are none. */
export function moreText(more: number): string {
  return more > 0 ? plural(more, STRINGS.ChangesMoreOne, STRINGS.ChangesMoreMany) : '';
}

/** The document's words that refreshing an edited block would remove, quoted; '' when none. */
export function wouldLose(item: IRefreshItem): string {
  const removed: string = item.changes
    .map((c) => c.removed)
    .filter((r) => r !== '')
    .join(' … ');
  return removed ? `\u201c${clip(removed, LOST_WORDS_SHOWN)}\u201d` : '';
}

/** "1 block" / "3 blocks". */
export function blocksText(count: number): string {
  return plural(count, STRINGS.BlocksOne, STRINGS.BlocksMany);
}

/** How many planned items have each status. */
export function countByStatus(plan: readonly IRefreshItem[]): { [status in RefreshStatus]: number } {
  const counts: { [status in RefreshStatus]: number } = { unchanged: 0, changed: 0, edited: 0, missing: 0 };
  for (const item of plan) {
    counts[item.status]++;
  }
  return counts;
}

/** How many blocks applying the plan would refresh, given the edited blocks the officer chose to replace. */
export function refreshCount(plan: readonly IRefreshItem[], overwrite: ReadonlySet<number>): number {
  return plan.filter((i) => i.status === 'changed' || (i.status === 'edited' && overwrite.has(i.found.control.id))).length;
}

function titles(items: readonly IRefreshItem[]): string {
  return items.map(itemTitle).join('; ');
}

/** The outcome of a refresh as sentences, most important first. */
export function outcomeLines(outcome: IRefreshOutcome): string[] {
  const lines: string[] = [];
  if (outcome.refreshed.length > 0) {
    lines.push(format(STRINGS.OutcomeRefreshed, `${blocksText(outcome.refreshed.length)} (${titles(outcome.refreshed)})`));
  }
  if (outcome.kept.length > 0) {
    lines.push(format(STRINGS.OutcomeKept, `${blocksText(outcome.kept.length)} (${titles(outcome.kept)})`));
  }
  if (outcome.changedMeanwhile.length > 0) {
    lines.push(format(STRINGS.OutcomeChangedMeanwhile, `${blocksText(outcome.changedMeanwhile.length)} (${titles(outcome.changedMeanwhile)})`));
  }
  if (outcome.gone.length > 0) {
    lines.push(format(STRINGS.OutcomeGone, `${blocksText(outcome.gone.length)} (${titles(outcome.gone)})`));
  }
  const failed: IRefreshFailure[] = outcome.failed || [];
  const untouched: IRefreshFailure[] = failed.filter((f) => !f.partial);
  const partial: IRefreshFailure[] = failed.filter((f) => f.partial);
  const codes = (fs: IRefreshFailure[]): string => fs.map((f) => f.code).filter((c, i, all) => all.indexOf(c) === i).join(', ');
  if (partial.length > 0) {
    // Most important of all: these blocks hold neither the old text nor the new.
    lines.unshift(format(STRINGS.OutcomePartial, `${blocksText(partial.length)} (${titles(partial.map((f) => f.item))})`, codes(partial)));
  }
  if (untouched.length > 0) {
    lines.push(format(STRINGS.OutcomeFailed, `${blocksText(untouched.length)} (${titles(untouched.map((f) => f.item))})`, codes(untouched)));
  }
  if (outcome.refreshed.length > 0 && outcome.tracking === 'on') {
    lines.push(STRINGS.OutcomeTracked);
  }
  if (lines.length === 0) {
    lines.push(STRINGS.OutcomeNothing);
  }
  return lines;
}

/** Whether an outcome needs the officer's attention (shown as a warning, not a success). */
export function outcomeTroubled(outcome: IRefreshOutcome): boolean {
  return outcome.changedMeanwhile.length > 0 || outcome.gone.length > 0 || (outcome.failed || []).length > 0;
}

/** What the officer is told before refreshing about Track Changes; '' when it is off. */
export function trackingNotice(tracking: ChangeTracking): string {
  return tracking === 'on' ? STRINGS.RefreshTrackingOn : tracking === 'unknown' ? STRINGS.RefreshTrackingUnknown : '';
}
