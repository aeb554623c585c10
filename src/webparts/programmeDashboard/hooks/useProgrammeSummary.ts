import type { IProgrammeRepository, IProgrammeSummary } from '../../../data/repository';
import { type IAsyncResult, useAsync } from './useAsync';

/** The programme at a glance (every workstream's rating in every period, and counts). */
export function useProgrammeSummary(repository: IProgrammeRepository): IAsyncResult<IProgrammeSummary> {
  return useAsync(() => repository.getProgrammeSummary(), [repository]);
}
