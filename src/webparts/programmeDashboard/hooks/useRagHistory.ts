import type { IProgrammeRepository, IRagHistoryEntry } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';

/** One workstream's rating in every period. */
export function useRagHistory(repository: IProgrammeRepository, workstreamId: number): IAsyncResult<IRagHistoryEntry[]> {
  return useAsync(() => repository.getRagHistory(workstreamId), [repository, workstreamId]);
}
