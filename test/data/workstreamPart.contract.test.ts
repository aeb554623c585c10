/**
 * A locked period's workstream parts (issue 14): what one workstream's view shows of a locked
 * period, stored at the lock beside the whole snapshot and read instead of it, over PnPjs and
 * Graph alike, on a programme built here (not the seed). Each part holds exactly what the whole
 * snapshot holds of its workstreams; a period locked before there were parts (or imported) is
 * read from its whole snapshot, the same, one round trip later; a period locked again shows its
 * last lock's part.
 */
import { makePortfolio } from '../../src/cli/portfolio';
import type { IEditablePeriodPicture, IProgrammeRepository } from '../../src/data/repository';
import { workstreamPartKey } from '../../src/data/snapshot';
import type { Emulator } from '../../src/emulator/server';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { ofWorkstream } from './support/oneWorkstream';
import { IMPLEMENTATIONS, startStack, USERS } from './support/stack';

/** Five workstreams, a locked month and an open one; renamed, so nothing is the seed's. */
function builtProgramme(): ISeedProgramme {
  const built: ISeedProgramme = makePortfolio({ workstreams: 5, periods: 2, archivePeriods: 0, milestonesPerMonth: 3, risksPerWorkstream: 2, feedbackPerMonth: 1 });
  return { ...built, programme: { ...built.programme, title: 'Harbour Renewal Programme' } };
}

/** What a workstream's view shows of a period, without ETags (each protocol's own; a snapshot's are empty). */
function shown(p: IEditablePeriodPicture): unknown {
  const { programme, period, previousPeriod, nextPeriod, workstreams, statusReports, previousStatusReports, sponsorComments, milestones, previousMilestones, risks, feedback, sections, snapshot } = p;
  return JSON.parse(
    JSON.stringify({ programme, period, previousPeriod, nextPeriod, workstreams, statusReports, previousStatusReports, sponsorComments, milestones, previousMilestones, risks, feedback, sections, snapshot }, (k, v) =>
      k === 'etag' ? undefined : v
    )
  );
}

describe.each(IMPLEMENTATIONS)("%s: a locked period in one workstream's view", (_name, make) => {
  const programme: ISeedProgramme = builtProgramme();
  const locked: number = programme.periods[0].id;
  const open: number = programme.periods[1].id;
  const third = programme.workstreams[2];
  let emu: Emulator;

  /** The Period Snapshots reads on the wire since the reset. */
  const snapshotReads = (): string[] =>
    [...emu.stats.recent, ...emu.stats.recentParts].map((r) => decodeURIComponent(r.path)).filter((p) => /Period Snapshots/.test(p));

  /** Removes a period's workstream parts: the period as a lock before this version left it. */
  function forgetParts(periodId: number): void {
    const keys: Set<string> = new Set<string>(programme.workstreams.map((w) => workstreamPartKey(periodId, w.id)));
    const list = emu.store.listByTitle('Period Snapshots')!;
    const mine = Array.from(list.items.values()).filter((i) => keys.has(String(i.values.SnapshotId)));
    expect(mine.length).toBeGreaterThan(0);
    for (const item of mine) {
      emu.store.deleteItem(list, item.id);
    }
  }

  /** A reader's picture of one workstream in a period, and the round trips it took. */
  async function read(periodId: number, workstreamId: number): Promise<{ picture: IEditablePeriodPicture; roundTrips: number }> {
    const reader: IProgrammeRepository = make(emu, USERS.iib);
    await reader.getPeriods();
    emu.resetStats();
    const picture: IEditablePeriodPicture = await reader.getPeriodPicture(periodId, { workstreamId });
    return { picture, roundTrips: emu.stats.roundTrips };
  }

  beforeAll(async () => {
    // Seeded as the stack seeds a programme: its locked month locked through the repository.
    emu = await startStack({ seed: programme });
  }, 120000);
  afterAll(() => emu.close());

  it("reads only its workstream's part, in one round trip: the same as the whole snapshot shows of that workstream", async () => {
    const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(locked);
    expect(whole.snapshot).toBeDefined();
    for (const w of programme.workstreams) {
      const { picture, roundTrips } = await read(locked, w.id);
      expect(roundTrips).toBe(1);
      const reads: string[] = snapshotReads();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((p) => p.indexOf(workstreamPartKey(locked, w.id)) >= 0)).toBe(true);
      expect(picture.workstreams.map((x) => x.title)).toEqual([w.title]);
      expect(picture.statusReports.length).toBe(1);
      expect(shown(picture)).toEqual(shown(ofWorkstream(whole, w.id)));
    }
  });

  it("shows the last lock's part once a period is locked, reopened, changed and locked again", async () => {
    const lead: IProgrammeRepository = make(emu, USERS.lead);
    const lock = (): Promise<unknown> => lead.lockPeriod(open, { allowUnapproved: true, reason: 'The Board met.', overrideReason: 'The paper went as it was.' });
    await lock();
    try {
      const first = await read(open, third.id);
      expect(first.roundTrips).toBe(1);
      expect(snapshotReads().every((p) => p.indexOf(workstreamPartKey(open, third.id)) >= 0)).toBe(true);
      await lead.reopenPeriod(open, 'The key activities were wrong in the paper.');
      const report = (await lead.getPeriodPicture(open, { workstreamId: third.id })).statusReports[0];
      await lead.update('statusReport', report.id, { keyActivities: 'Key activities as corrected for the Board.' }, report.etag);
      await lock();
      const again = await read(open, third.id);
      expect(again.roundTrips).toBe(1);
      expect(again.picture.statusReports[0].keyActivities).toBe('Key activities as corrected for the Board.');
      expect(again.picture.snapshot!.id).not.toBe(first.picture.snapshot!.id);
      const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(open);
      expect(again.picture.snapshot).toEqual(whole.snapshot);
      expect(shown(again.picture)).toEqual(shown(ofWorkstream(whole, third.id)));
    } finally {
      await lead.reopenPeriod(open, 'Back to the tests.');
    }
  });

  it('reads a period locked before there were workstream parts from its whole snapshot: the same picture, one round trip more', async () => {
    const before = await read(locked, third.id);
    expect(before.roundTrips).toBe(1);
    forgetParts(locked);
    const after = await read(locked, third.id);
    expect(after.roundTrips).toBe(2);
    // The part looked for, then the whole snapshot read by the last lock's id.
    expect(snapshotReads().some((p) => p.indexOf(workstreamPartKey(locked, third.id)) < 0 && p.indexOf(String(before.picture.snapshot!.id)) >= 0)).toBe(true);
    expect(shown(after.picture)).toEqual(shown(before.picture));
  });
});
