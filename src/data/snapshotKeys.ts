/**
 * What the data layer needs of snapshots before it reads one: the keys under which a locked
 * period's parts are found (asked for in the same round trip as the period's history) and how a
 * locked period shows beside its snapshot. Reading a snapshot — its migrations and guards
 * (./snapshot.ts) — is loaded when a locked period's or phase's record is first asked for
 * (./snapshotPart.ts), so that a first load which shows no locked period does not carry it.
 */
import type { IPeriod } from '../domain/model';

/**
 * A locked period as its report went to the Board: the period as the Periods list holds it now
 * (its state, dates and Board meeting, which a lock records) with the overview, overall rating and
 * overview's author its snapshot froze. An edit made to the Periods list after the lock (SharePoint
 * lets a site owner edit any item) never changes what the Board was shown; a field the snapshot
 * does not have is left out, not taken from the live period.
 */
export function periodAsReported(now: IPeriod, frozen: IPeriod): IPeriod {
  const live: IPeriod = { ...now };
  delete live.overview;
  delete live.overallRag;
  delete live.overviewAuthor;
  return {
    ...live,
    ...(frozen.overview !== undefined ? { overview: frozen.overview } : {}),
    ...(frozen.overallRag !== undefined ? { overallRag: frozen.overallRag } : {}),
    ...(frozen.overviewAuthor !== undefined ? { overviewAuthor: frozen.overviewAuthor } : {})
  };
}

/**
 * The SnapshotId (an indexed column) under which a period's programme parts are kept, whichever
 * lock wrote them: the programme view finds them without first reading which snapshot the last
 * lock recorded, so in the same round trip as the period's history. Each lock's part names its
 * whole snapshot; the one named by the last lock is read.
 */
export function programmePartKey(periodId: number): string {
  return `period-${periodId}-programme`;
}

/**
 * How many workstream parts a lock writes at most: workstreams are grouped by id modulo this, so
 * that however many workstreams a programme has, a lock's writes stay well within one $batch
 * (SharePoint REST takes up to 100 requests a batch: pnp/pnpcore #284, UNCONFIRMED in
 * Microsoft's docs). A workstream's view reads its group's part: at 60 workstreams, two.
 */
export const WORKSTREAM_PART_GROUPS: number = 32;

/** The group of a workstream's part. */
export function workstreamPartGroup(workstreamId: number): number {
  return ((workstreamId % WORKSTREAM_PART_GROUPS) + WORKSTREAM_PART_GROUPS) % WORKSTREAM_PART_GROUPS;
}

/**
 * The SnapshotId (an indexed column) under which a period's workstream parts for a workstream's
 * group are kept, whichever lock wrote them: found without first reading which snapshot the last
 * lock recorded, so in the same round trip as the period's history. Each names its whole snapshot.
 */
export function workstreamPartKey(periodId: number, workstreamId: number): string {
  return `period-${periodId}-workstreams-${workstreamPartGroup(workstreamId)}`;
}
