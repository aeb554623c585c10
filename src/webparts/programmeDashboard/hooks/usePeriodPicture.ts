import type { IEditablePeriodPicture, IProgrammePicture, IProgrammeRepository } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';

/**
 * One period's picture — for one workstream, or for the whole programme when no workstream is
 * given (the programme office view) — with the ETags editing needs. Choosing another period
 * drops the old picture and ignores any answer still on its way for it.
 */
export function usePeriodPicture(
  repository: IProgrammeRepository,
  periodId: number | undefined,
  workstreamId?: number
): IAsyncResult<IEditablePeriodPicture | undefined> {
  return useAsync<IEditablePeriodPicture | undefined>(
    // With no period (none set up yet, or none to load) there is nothing to load.
    () =>
      periodId === undefined
        ? Promise.resolve(undefined)
        : repository.getPeriodPicture(periodId, workstreamId === undefined ? undefined : { workstreamId }),
    [repository, periodId, workstreamId]
  );
}

/**
 * What the programme view shows of a period — its workstreams, key risks and sections — for the
 * whole programme: a locked period's from the small programme part its lock stored, not its whole
 * snapshot (see IProgrammeOnly); an open period's from its listed risks and sections alone, not
 * its whole picture. Nothing is read without a
 * repository or a period.
 */
export function useProgrammePart(repository: IProgrammeRepository | undefined, periodId: number | undefined): IAsyncResult<IProgrammePicture | undefined> {
  return useAsync<IProgrammePicture | undefined>(
    () => (periodId === undefined || !repository ? Promise.resolve(undefined) : repository.getPeriodPicture(periodId, { programmeOnly: true })),
    [repository, periodId]
  );
}
