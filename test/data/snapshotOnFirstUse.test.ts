/**
 * Reading snapshots (src/data/snapshot.ts: the migrations and guards) is a part loaded when a
 * locked period's record is first asked for (src/data/snapshotPart.ts), so a first load that
 * shows only open periods does not carry it. When that part cannot be fetched — the connection
 * dropped — the locked period is refused as a network failure the views have words for, never
 * shown from the lists as they are now; open periods read as ever; once the part can be fetched,
 * the locked period reads. Over a programme other than the seeded one (the phased recovery plan,
 * its first period locked here), the module loader made to fail as a browser's does for a chunk
 * it cannot fetch.
 */
import type { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { MemoryRepository, PERSONA_LOGINS } from '../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

const mockUnreachable: { snapshot: boolean } = { snapshot: false };
// eslint-disable-next-line @rushstack/hoist-jest-mock -- babel-jest/ts-jest hoist this above the imports
jest.mock('../../src/data/snapshot', () => {
  if (mockUnreachable.snapshot) {
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return jest.requireActual('../../src/data/snapshot');
});

/**
 * The recovery plan with its first period locked, and a page opened on it afresh (its modules
 * loaded anew: it has fetched no part yet) whose loader cannot fetch the snapshots' reading.
 */
async function lockedThenOffline(): Promise<{ page: ProgrammeRepository; locked: number; open: number }> {
  mockUnreachable.snapshot = false;
  const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
  const periods = await office.getPeriods();
  await lockPeriodsOf(office, periods.slice(0, 1));
  mockUnreachable.snapshot = true;
  jest.resetModules();
  // The page's own module instances, as a page opened afresh has, with the product's words installed as the web part installs them.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const repositories: typeof import('../../src/data/ProgrammeRepository') = require('../../src/data/ProgrammeRepository');
  const memory: typeof import('../../src/data/memory/MemoryTransport') = require('../../src/data/memory/MemoryTransport');
  (require('../../src/ui/messages') as typeof import('../../src/ui/messages')).installMessageWords();
  /* eslint-enable @typescript-eslint/no-require-imports */
  const page: ProgrammeRepository = new repositories.ProgrammeRepository(new memory.MemoryTransport(office.site, PERSONA_LOGINS.programmeOffice, Promise.resolve()));
  return { page, locked: periods[0].id, open: periods[1].id };
}

describe("a locked period whose snapshots' reading cannot be fetched", () => {
  it('is refused as a network failure saying what was not loaded, and an open period still reads', async () => {
    const { page, locked, open } = await lockedThenOffline();
    await expect(page.getPeriodPicture(locked)).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/reads what the Board was shown could not be loaded/) });
    const picture = await page.getPeriodPicture(open);
    expect(picture.period.id).toBe(open);
    expect(picture.snapshot).toBeUndefined();
  });

  it('reads, from its snapshot, once the part can be fetched: the failed fetch is tried again', async () => {
    const { page, locked } = await lockedThenOffline();
    await expect(page.getPeriodPicture(locked)).rejects.toMatchObject({ kind: 'network' });
    mockUnreachable.snapshot = false;
    const picture = await page.getPeriodPicture(locked);
    expect(picture.period.state).toBe('Locked');
    expect(picture.snapshot && picture.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
