import type { IPeriod } from '../../../domain/model';
import { type Direction, directionOfTravel, type Rag } from '../../../domain/rag';
import { isDraftReport } from '../../../domain/visibility';
import type { IRagHistoryEntry } from '../../../data/repository';

/** A workstream's rating in one period, with its direction of travel. */
export interface IRatedPeriod {
  period: IPeriod;
  rag?: Rag;
  direction: Direction;
  /** The rating is not yet approved and withheld from the viewer (shown as awaiting approval). */
  withheld?: boolean;
  /** The rating is a draft's (the period is open and its report not approved), shown to those who see drafts. */
  draft?: boolean;
}

/**
 * One workstream's ratings across the given periods (earliest first), each with its direction
 * of travel. The arrow compares the two columns a reader sees side by side: a period's rating
 * with the rating recorded in the column before it. Only the first column, with nothing shown
 * before it, falls back on what its report states about last period.
 */
export function ratedPeriods(periods: readonly IPeriod[], entries: readonly IRagHistoryEntry[], workstreamId: number): IRatedPeriod[] {
  const mine: IRagHistoryEntry[] = entries.filter((e) => e.workstreamId === workstreamId);
  const result: IRatedPeriod[] = [];
  periods.forEach((period: IPeriod, i: number) => {
    const entry: IRagHistoryEntry | undefined = mine.filter((e) => e.periodId === period.id)[0];
    const rag: Rag | undefined = entry ? entry.rag : undefined;
    const before: Rag | null | undefined = i > 0 ? result[i - 1].rag : entry ? entry.previousRag : undefined;
    const rated: IRatedPeriod = { period, rag, direction: directionOfTravel(rag, before) };
    if (entry && entry.withheld) {
      rated.withheld = true;
    } else if (entry && rag && isDraftReport(period, entry.state)) {
      rated.draft = true;
    }
    result.push(rated);
  });
  return result;
}
