/**
 * Reading snapshots (./snapshot.ts: the documents' migrations from every earlier version and the
 * guards that check them field by field), loaded when a locked period's or a closed phase's record
 * is first asked for: a first load that shows only open periods does not carry it (README,
 * Performance). Asked for as the read of the snapshot's records goes, so it arrives alongside
 * them; a part that could not be fetched is refused as such, and asked for again next time.
 */
import { readerNotLoaded } from './errors';

let loading: Promise<typeof import('./snapshot')> | undefined;

/** The snapshots' reading, fetched once; a failed fetch is a network DataError saying so, tried again when next asked. */
export function snapshotPart(): Promise<typeof import('./snapshot')> {
  if (!loading) {
    loading = import(/* webpackChunkName: 'ph-snapshot' */ './snapshot').catch(() => {
      loading = undefined;
      throw readerNotLoaded();
    });
  }
  return loading;
}

/** Starts fetching the snapshots' reading, as a read of a snapshot's records is sent. */
export function preloadSnapshotPart(): void {
  snapshotPart().catch(() => {
    // The reading that needs it asks again, and says so if it cannot.
  });
}
