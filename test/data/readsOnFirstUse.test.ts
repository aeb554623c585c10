/**
 * Parts of the data layer that read, loaded when first asked for so that a first load which does
 * not need them does not carry them: reading snapshots (src/data/snapshot.ts: the migrations and
 * guards; src/data/snapshotPart.ts), when a locked period's record is first asked for; and the
 * reads of a phase's close-down and a workstream's journey (src/data/closeDownReads.ts). When such
 * a part cannot be fetched — the connection dropped — what needs it is refused as a network
 * failure the views have words for, never shown from the lists as they are now; everything else
 * reads as ever; once the part can be fetched, it reads. Over a programme other than the seeded
 * one (the phased recovery plan, its first period locked here), the module loader made to fail as
 * a browser's does for a chunk it cannot fetch.
 */
import type { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { MemoryRepository, PERSONA_LOGINS } from '../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

const mockUnreachable: { snapshot: boolean; closeDown: boolean } = { snapshot: false, closeDown: false };
function mockPart(part: 'snapshot' | 'closeDown', path: string): unknown {
  if (mockUnreachable[part]) {
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return jest.requireActual(path);
}
// eslint-disable-next-line @rushstack/hoist-jest-mock -- babel-jest/ts-jest hoist this above the imports
jest.mock('../../src/data/snapshot', () => mockPart('snapshot', '../../src/data/snapshot'));
// eslint-disable-next-line @rushstack/hoist-jest-mock -- babel-jest/ts-jest hoist this above the imports
jest.mock('../../src/data/closeDownReads', () => mockPart('closeDown', '../../src/data/closeDownReads'));

/**
 * The recovery plan with its first period locked, and a page opened on it afresh (its modules
 * loaded anew: it has fetched no part yet) whose loader cannot fetch the snapshots' reading.
 */
async function lockedThenOffline(part: 'snapshot' | 'closeDown' = 'snapshot'): Promise<{ page: ProgrammeRepository; locked: number; open: number }> {
  mockUnreachable.snapshot = false;
  mockUnreachable.closeDown = false;
  const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
  const periods = await office.getPeriods();
  await lockPeriodsOf(office, periods.slice(0, 1));
  mockUnreachable[part] = true;
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
    await expect(page.getPeriodPicture(locked)).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/reads this could not be loaded, so it is not shown/) });
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

describe("a phase's close-down whose reads cannot be fetched", () => {
  it('is refused as a network failure saying what was not loaded, and the phases still read', async () => {
    const { page } = await lockedThenOffline('closeDown');
    const { phases } = await page.phases().getPhases();
    expect(phases.map((p) => p.title)).toEqual(['Recovery year one', 'Recovery year two']);
    await expect(page.phases().getCloseDown(phases[0].id)).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/reads this could not be loaded, so it is not shown/) });
    await expect(page.phases().getJourney(1)).rejects.toMatchObject({ kind: 'network' });
  });

  it('reads once the part can be fetched', async () => {
    const { page } = await lockedThenOffline('closeDown');
    const { phases } = await page.phases().getPhases();
    await expect(page.phases().getCloseDown(phases[0].id)).rejects.toMatchObject({ kind: 'network' });
    mockUnreachable.closeDown = false;
    const closeDown = await page.phases().getCloseDown(phases[0].id);
    expect(closeDown.phase.id).toBe(phases[0].id);
    expect(closeDown.records.periods.map((p) => p.id).sort()).toEqual([1, 2]);
  });
});
