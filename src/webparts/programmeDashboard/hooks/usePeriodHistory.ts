import type { IPeriodHistoryEntry, IProgrammeRepository } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';

/** Every lock and reopening of a period (who, when, why), earliest first; nothing when not wanted. */
export function usePeriodHistory(
  repository: IProgrammeRepository,
  periodId: number | undefined
): IAsyncResult<IPeriodHistoryEntry[] | undefined> {
  return useAsync<IPeriodHistoryEntry[] | undefined>(
    () => (periodId === undefined ? Promise.resolve(undefined) : repository.getPeriodHistory(periodId)),
    [repository, periodId]
  );
}
