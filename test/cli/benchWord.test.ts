/**
 * The bench's Word counts (issue 14: refreshing a 200-block document in at most 3 syncs) over the
 * product's own adapter (WordDocument) and office-addin-mock: guarded here as counts, so that a
 * change to the adapter that adds a sync fails a test, not only the bench's table.
 */
import { countWordSyncs, REFRESH_BLOCKS } from '../../src/cli/benchWord';
import { sortPeriods } from '../../src/domain';
import { MemoryRepository } from '../support/memoryProgramme';

it('inserts in 2 syncs, and refreshes a 200-block document in 3 with nothing tracked, on WordApi 1.6 and on 1.4', async () => {
  const repository = new MemoryRepository();
  const periods = sortPeriods(await repository.getPeriods());
  const picture = await repository.getPeriodPicture(periods[periods.length - 1].id);
  const syncs = await countWordSyncs(picture);
  expect(REFRESH_BLOCKS).toBe(200);
  // Every block's data changed: every block is refreshed.
  expect(syncs.refreshedBlocks).toBe(REFRESH_BLOCKS);
  expect(syncs.insertOne).toBeLessThanOrEqual(2);
  expect(syncs.insertAll).toBeLessThanOrEqual(2);
  expect(syncs.refresh).toBeLessThanOrEqual(3);
  expect(syncs.refreshWordApi14).toBeLessThanOrEqual(3);
});
