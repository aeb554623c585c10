import type { IPeriod } from '../../../domain/model';
import { type Rag, ragRank } from '../../../domain/rag';
import type { IRagHistoryEntry } from '../../../data/repository';

/** A workstream's latest rating: the one of the latest period that rated it. */
export interface ILatestRating {
  rag: Rag;
  period: IPeriod;
}

/**
 * The workstream's rating in the latest of the given periods that has one (periods earliest
 * first), or undefined when no period rated it. A period just opened, with no report yet, does
 * not hide what the workstream was last rated.
 */
export function latestRating(periods: readonly IPeriod[], history: readonly IRagHistoryEntry[], workstreamId: number): ILatestRating | undefined {
  for (let i = periods.length - 1; i >= 0; i--) {
    const entry: IRagHistoryEntry | undefined = history.filter((h) => h.workstreamId === workstreamId && h.periodId === periods[i].id && h.rag)[0];
    if (entry && entry.rag) {
      return { rag: entry.rag, period: periods[i] };
    }
  }
  return undefined;
}

/** Amber, Amber/Red or Red. */
export function isAmberOrWorse(rag: Rag | undefined): boolean {
  return rag !== undefined && ragRank(rag) >= ragRank('Amber');
}
