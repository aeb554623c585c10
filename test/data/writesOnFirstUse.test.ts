/**
 * The repositories' writes are a part loaded when a write is first asked for (README,
 * Performance: src/data/writes.ts, with repositoryWrites.ts and phaseWrites.ts). When that part cannot be
 * fetched — the connection dropped — the write is refused as a network failure the views have
 * words for, and nothing is written. Over a programme other than the seeded one (the phased
 * recovery plan), the module loader made to fail as a browser's does for a chunk it cannot fetch.
 */
import { MemoryRepository } from '../support/memoryProgramme';
import { recoveryPlan } from '../support/phasedProgramme';

/** Which parts the loader fails to fetch (the seeded site, made first, locks its periods). */
const mockUnreachable: { [part: string]: boolean } = {};
/** A page whose parts loaded on first use were never fetched, and `part` cannot be. */
function pageWithout(part: string): MemoryRepository {
  mockUnreachable[part] = true;
  jest.resetModules();
  return new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
}
function mockPart(part: string, path: string): unknown {
  if (mockUnreachable[part]) {
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return jest.requireActual(path);
}
// The programme's and the close-down's writes are one part (src/data/writes.ts), one chunk.
// eslint-disable-next-line @rushstack/hoist-jest-mock -- babel-jest/ts-jest hoist this above the imports
jest.mock('../../src/data/writes', () => mockPart('writes', '../../src/data/writes'));
// The words of the writes' messages come with the writes (src/ui/writeWords.ts, in the same chunk as SPFx bundles it).
// eslint-disable-next-line @rushstack/hoist-jest-mock -- babel-jest/ts-jest hoist this above the imports
jest.mock('../../src/ui/writeWords', () => mockPart('words', '../../src/ui/writeWords'));

describe('a write whose part cannot be fetched', () => {
  it("is refused as a network failure, and the programme's items are as they were", async () => {
    const office = pageWithout('writes');
    const before = await office.getWorkstreams();
    expect(before.length).toBeGreaterThan(1);
    await expect(office.moveWorkstream(before[0].id, 'down')).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/nothing was changed/) });
    expect((await office.getWorkstreams()).map((w) => [w.id, w.order, w.etag])).toEqual(before.map((w) => [w.id, w.order, w.etag]));
  });

  it("is refused for a phase's close-down too, and the phase stays open", async () => {
    const office = pageWithout('writes');
    const phase = (await office.phases().getPhases()).phases[0];
    expect(phase.state).toBe('Open');
    await expect(office.phases().draftCloseDown(phase.id)).rejects.toMatchObject({ kind: 'network' });
    expect((await office.phases().getPhases()).phases[0]).toEqual(phase);
  });

  it('goes through once the part can be fetched', async () => {
    mockUnreachable.writes = false;
    jest.resetModules();
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const before = await office.getWorkstreams();
    const moved = await office.moveWorkstream(before[0].id, 'down');
    expect(moved.map((w) => w.id).indexOf(before[0].id)).toBe(1);
  });
});

describe("the words of the writes' messages (src/ui/writeWords.ts)", () => {
  it('that cannot be fetched refuse the write as the part not loaded, and nothing is written', async () => {
    mockUnreachable.writes = false;
    const office = pageWithout('words');
    const before = await office.getWorkstreams();
    await expect(office.moveWorkstream(before[0].id, 'down')).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/nothing was changed/) });
    expect((await office.getWorkstreams()).map((w) => [w.id, w.order, w.etag])).toEqual(before.map((w) => [w.id, w.order, w.etag]));
  });
});
