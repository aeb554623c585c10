/**
 * No lost update: two people edit the same milestone, status report and sponsor comments — from
 * the dashboard (PnPjs) and from the add-in (Graph), in every order and at the same moment. The
 * first save stands; the second is refused as a conflict carrying the first one's version, so the
 * person who lost sees both theirs and the current one; only a deliberate "keep mine" (with the
 * current ETag) writes over it.
 */
import { isDataError, type DataError } from '../../src/data/errors';
import type { EntityChanges, EntityKind, IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { graph, pnp, startStack, USERS } from '../data/support/stack';
import { record } from './support/counts';

const NOVDEC = 2;

type Make = (emu: Emulator, login: string) => IProgrammeRepository;
const SIDES: Array<[string, Make]> = [
  ['dashboard', pnp],
  ['add-in', graph]
];

/** What each kind's editors change, and who may edit it. */
const CASES: Array<{ kind: EntityKind; first: string; second: string; id: (p: Awaited<ReturnType<IProgrammeRepository['getPeriodPicture']>>) => number; field: string }> = [
  { kind: 'milestone', first: USERS.manager, second: USERS.lead, id: (p) => p.milestones.filter((m) => m.workstreamId === 2)[0].id, field: 'status' },
  // Procurement's November/December report is still a draft, so its manager may edit it.
  { kind: 'statusReport', first: USERS.manager, second: USERS.lead, id: (p) => p.statusReports.filter((r) => r.workstreamId === 2)[0].id, field: 'keyActivities' },
  { kind: 'sponsorComment', first: USERS.sponsor, second: USERS.lead, id: (p) => p.sponsorComments.filter((c) => c.workstreamId === 1)[0].id, field: 'text' }
];

async function conflict(work: Promise<unknown>): Promise<DataError> {
  try {
    await work;
  } catch (e) {
    if (isDataError(e, 'conflict')) {
      return e;
    }
    throw e;
  }
  throw new Error('Expected a conflict: the second save went through over the first.');
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startStack();
});
afterAll(() => emu.close());

describe.each(CASES)('two people editing the same $kind', ({ kind, first, second, id, field }) => {
  const orders: Array<[string, string]> = [];
  for (const [a] of SIDES) {
    for (const [b] of SIDES) {
      orders.push([a, b]);
    }
  }
  const side = (name: string): Make => SIDES.filter(([n]) => n === name)[0][1];

  it.each(orders)('from the %s, then from the %s: the second is refused, sees both versions, and may keep theirs only knowingly', async (a, b) => {
    const one = side(a)(emu, first);
    const two = side(b)(emu, second);
    const target: number = id(await one.getPeriodPicture(NOVDEC));
    const readOne = await one.get(kind, target);
    const readTwo = await two.get(kind, target);
    const mine = `First editor's words ${Math.random()}`;
    const theirs = `Second editor's words ${Math.random()}`;
    await one.update(kind, target, { [field]: mine } as EntityChanges<typeof kind>, readOne.etag);
    const refused = await conflict(two.update(kind, target, { [field]: theirs } as EntityChanges<typeof kind>, readTwo.etag));
    // The loser sees the current version (the first editor's) beside what they typed, which they still hold.
    expect((refused.current as { [k: string]: unknown })[field]).toBe(mine);
    expect(((await one.get(kind, target)) as unknown as { [k: string]: unknown })[field]).toBe(mine);
    // Keeping theirs is a deliberate second save with the current ETag.
    const kept = await two.update(kind, target, { [field]: theirs } as EntityChanges<typeof kind>, (refused.current as { etag: string }).etag);
    expect((kept as unknown as { [k: string]: unknown })[field]).toBe(theirs);
    record(`Conflicts: two editors (${kind})`, { inputs: 1 });
  });

  it('at the same moment: exactly one save stands, the other is refused with it', async () => {
    const one = pnp(emu, first);
    const two = graph(emu, second);
    const target: number = id(await one.getPeriodPicture(NOVDEC));
    const [a, b] = await Promise.all([one.get(kind, target), two.get(kind, target)]);
    const results = await Promise.allSettled([
      one.update(kind, target, { [field]: 'Saved from the dashboard' } as EntityChanges<typeof kind>, a.etag),
      two.update(kind, target, { [field]: 'Saved from the add-in' } as EntityChanges<typeof kind>, b.etag)
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDataError(lost[0].reason, 'conflict')).toBe(true);
    const stored = (await one.get(kind, target)) as unknown as { [k: string]: unknown };
    expect((lost[0].reason as DataError).current).toMatchObject({ [field]: stored[field] });
    record(`Conflicts: two editors (${kind})`, { inputs: 1 });
  });
});

describe('the sponsor rule, whichever way in', () => {
  it('refuses a sponsor writing another workstream\'s comments, from either side', async () => {
    for (const [, make] of SIDES) {
      const repo = make(emu, USERS.sponsor);
      const picture = await repo.getPeriodPicture(NOVDEC);
      const other = picture.sponsorComments.filter((c) => c.workstreamId === 4)[0];
      const refused = await repo.update('sponsorComment', other.id, { text: 'Not mine to write' }, other.etag).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(isDataError(refused, 'forbidden')).toBe(true);
      expect((await repo.get('sponsorComment', other.id)).text).toBe(other.text);
    }
    record('Conflicts: product rules', { inputs: 2 });
  });
});
