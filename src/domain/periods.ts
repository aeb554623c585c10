/** Periods in order, and what a period's report lists. */
import type { IPeriod, IRisk, IStatusReport } from './model';
import type { Rag } from './rag';
import { isBlank } from './text';

/** Periods sorted by start date, earliest first (ties by id). */
export function sortPeriods(periods: readonly IPeriod[]): IPeriod[] {
  return periods.slice().sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
}

/** The period before the given one, if any. */
export function previousPeriodOf(periods: readonly IPeriod[], periodId: number): IPeriod | undefined {
  const sorted: IPeriod[] = sortPeriods(periods);
  const i: number = sorted.findIndex((p) => p.id === periodId);
  return i > 0 ? sorted[i - 1] : undefined;
}

/** The period after the given one, if any. */
export function nextPeriodOf(periods: readonly IPeriod[], periodId: number): IPeriod | undefined {
  const sorted: IPeriod[] = sortPeriods(periods);
  const i: number = sorted.findIndex((p) => p.id === periodId);
  return i >= 0 && i < sorted.length - 1 ? sorted[i + 1] : undefined;
}

/** The latest period (by start date), if any. */
export function latestPeriod(periods: readonly IPeriod[]): IPeriod | undefined {
  const sorted: IPeriod[] = sortPeriods(periods);
  return sorted[sorted.length - 1];
}

/**
 * Whether a risk appears in a period's report: raised in that period or before, and not
 * closed in it or an earlier one.
 */
export function isRiskListedIn(risk: IRisk, period: IPeriod, periods: readonly IPeriod[]): boolean {
  const byId: Map<number, IPeriod> = new Map<number, IPeriod>(periods.map((p) => [p.id, p]));
  const raised: IPeriod | undefined = byId.get(risk.raisedPeriodId);
  if (!raised || raised.start > period.start) {
    return false;
  }
  if (risk.closedPeriodId === undefined) {
    return true;
  }
  const closed: IPeriod | undefined = byId.get(risk.closedPeriodId);
  return !!closed && closed.start > period.start;
}

/** Where a report's "last period" rating comes from. */
export type LastPeriodSource = 'recorded' | 'stated' | 'none';

/** A report's last-period rating and where it comes from. */
export interface ILastPeriodRating {
  /** The rating to show and compare with: a level, `null` when not rated, undefined when unknown. */
  rag: Rag | null | undefined;
  source: LastPeriodSource;
  /** The report's reason for stating a rating other than the recorded one. */
  reason?: string;
}

/**
 * Last period's rating for a workstream's report: the rating recorded for the workstream in the
 * previous period when there is one, so the arrow always compares the two columns a reader sees
 * side by side. A report may state a different rating only with a reason (for instance, months
 * the product does not hold came between); without one, what the report states is ignored here
 * and the readiness rules flag the disagreement. With no recorded report, the report's own
 * statement is all there is.
 */
export function lastPeriodRating(
  report: Pick<IStatusReport, 'previousRag' | 'previousRagReason'> | undefined,
  recorded: Pick<IStatusReport, 'rag'> | undefined
): ILastPeriodRating {
  const stated: Rag | null | undefined = report ? report.previousRag : undefined;
  if (recorded) {
    const rag: Rag | null = recorded.rag || null;
    if (report && stated !== undefined && stated !== rag && !isBlank(report.previousRagReason)) {
      return { rag: stated, source: 'stated', reason: report.previousRagReason };
    }
    return { rag, source: 'recorded' };
  }
  return stated !== undefined ? { rag: stated, source: 'stated' } : { rag: undefined, source: 'none' };
}
