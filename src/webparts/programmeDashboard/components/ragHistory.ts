import { type Direction, directionOfTravel, type IPeriod, type Rag } from '../../../domain';
import type { IRagHistoryEntry } from '../../../data/repository';

/** A workstream's rating in one period, with its direction of travel. */
export interface IRatedPeriod {
  period: IPeriod;
  rag?: Rag;
  direction: Direction;
}

/**
 * One workstream's ratings across the given periods (earliest first), each with its direction
 * of travel. The previous rating is the one the period's report states, when it states one:
 * periods kept in the product may skip months the report itself covers (June, then
 * November/December), and the report knows what "last period" was. Otherwise the previous
 * period's own rating is used.
 */
export function ratedPeriods(periods: readonly IPeriod[], entries: readonly IRagHistoryEntry[], workstreamId: number): IRatedPeriod[] {
  const mine: IRagHistoryEntry[] = entries.filter((e) => e.workstreamId === workstreamId);
  const result: IRatedPeriod[] = [];
  let previous: IRagHistoryEntry | undefined;
  for (const period of periods) {
    const entry: IRagHistoryEntry | undefined = mine.filter((e) => e.periodId === period.id)[0];
    const rag: Rag | undefined = entry ? entry.rag : undefined;
    const before: Rag | null | undefined = entry && entry.previousRag !== undefined ? entry.previousRag : previous ? previous.rag : undefined;
    result.push({ period, rag, direction: directionOfTravel(rag, before) });
    previous = entry;
  }
  return result;
}
