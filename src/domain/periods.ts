/** Periods in order, and what a period's report lists. */
import type { IPeriod, IRisk } from './model';

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
