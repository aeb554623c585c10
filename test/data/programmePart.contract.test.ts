/**
 * A locked period's programme part (issue 14): what the programme view shows of the period — its
 * key risks by workstream and its sections — stored at the lock beside the whole snapshot and read
 * instead of it, over PnPjs, Graph and the in-memory transport alike. It holds exactly what the
 * whole snapshot holds of those; a period locked before there were parts is read from its whole
 * snapshot; a period locked again shows its last lock's part.
 */
import type { IEditablePeriodPicture, IProgrammePicture, IProgrammeRepository } from '../../src/data/repository';
import type { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { programmePartKey } from '../../src/data/snapshot';
import { frozenPicture, makeProgrammePart, documentParts, snapshotRecords } from '../../src/data/snapshotWrites';
import { WRITTEN_TEXTS } from '../../src/ui/writtenTexts';
import type { Emulator } from '../../src/emulator/server';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, memorySiteOf, startStack, USERS } from './support/stack';

const JUNE = 1;
const NOVDEC = 2;

/** What the programme view shows (key risks by workstream, sections), without ETags (each protocol's own; a snapshot's are empty). */
function shown(p: IProgrammePicture): unknown {
  const { period, workstreams, risks, sections } = p;
  return JSON.parse(
    JSON.stringify(
      {
        period,
        workstreams: workstreams.map((w) => ({ id: w.id, title: w.title, shortTitle: w.shortTitle, order: w.order })),
        risks: risks.map((r) => ({ id: r.id, workstreamId: r.workstreamId, description: r.description, mitigation: r.mitigation, order: r.order })),
        sections
      },
      (k, v) => (k === 'etag' ? undefined : v)
    )
  );
}

describe.each([...IMPLEMENTATIONS, [MEMORY_NAME, memory] as const])('%s: a locked period in the programme view', (name, make) => {
  let emu: Emulator;
  const wire: boolean = name !== MEMORY_NAME;
  const calls = {
    reset: (): void => (wire ? emu.resetStats() : void memorySiteOf(emu).site.calls.splice(0)),
    count: (): number => (wire ? emu.stats.roundTrips : memorySiteOf(emu).site.calls.length)
  };
  /** The Period Snapshots requests on the wire since the reset, as read. */
  const snapshotReads = (): string[] =>
    [...emu.stats.recent, ...emu.stats.recentParts].map((r) => decodeURIComponent(r.path)).filter((p) => /Period Snapshots/.test(p));

  /** Removes a period's programme parts: the period as a lock before this version left it. */
  async function forgetParts(periodId: number): Promise<void> {
    const key: string = programmePartKey(periodId);
    if (wire) {
      const list = emu.store.listByTitle('Period Snapshots')!;
      for (const item of Array.from(list.items.values()).filter((i) => i.values.SnapshotId === key)) {
        emu.store.deleteItem(list, item.id);
      }
    } else {
      const { site, ready } = memorySiteOf(emu);
      await ready;
      for (const r of site.records('snapshots').filter((x) => x.SnapshotId === key)) {
        site.delete('snapshots', Number(r.Id));
      }
    }
  }

  /** Stores a part of June's as the lead's lock would (its Period Snapshots records). */
  async function storePart(part: Parameters<typeof snapshotRecords>[0]): Promise<void> {
    const lead = make(emu, USERS.lead) as ProgrammeRepository;
    await lead.listTransport().createMany('snapshots', snapshotRecords(part, JUNE, { programmeOf: 'June 2023' }, WRITTEN_TEXTS), 'store the part');
  }

  /** Stores June's part as a lock before version 2 wrote it: the programme, period, workstreams, risks and sections whole. */
  async function storeVersion1Part(whole: IEditablePeriodPicture): Promise<void> {
    const frozen = frozenPicture(whole);
    const v1 = await documentParts(
      {
        kind: 'periodProgramme',
        schemaVersion: 1,
        snapshotId: whole.snapshot!.id,
        sha256: whole.snapshot!.sha256,
        picture: { programme: frozen.programme, period: frozen.period, workstreams: frozen.workstreams, risks: frozen.risks, sections: frozen.sections }
      },
      programmePartKey(JUNE)
    );
    await storePart(v1);
  }

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it('reads its programme part, not its whole snapshot, in one round trip: the same period, key risks by workstream and sections', async () => {
    const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(JUNE);
    const reader: IProgrammeRepository = make(emu, USERS.iib);
    await reader.getPeriods();
    calls.reset();
    const part: IProgrammePicture = await reader.getPeriodPicture(JUNE, { programmeOnly: true });
    expect(calls.count()).toBe(1);
    if (wire) {
      const reads: string[] = snapshotReads();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((p) => p.indexOf(programmePartKey(JUNE)) >= 0)).toBe(true);
    }
    expect(part.risks.length).toBeGreaterThan(0);
    expect(part.sections).toBeDefined();
    expect(shown(part)).toEqual(shown(whole));
    // The same record of what the Board saw: the whole snapshot's id and checksum.
    expect(part.snapshot).toEqual(whole.snapshot);
    // Nothing else of the period is offered as if it were empty in the report.
    expect('statusReports' in part).toBe(false);
    expect(part.workstreams.every((w) => !('description' in w))).toBe(true);
  });

  it('reads an open period live, for what the view shows only (test/data/openProgrammePicture.contract.test.ts)', async () => {
    const reader: IProgrammeRepository = make(emu, USERS.iib);
    await reader.getPeriods();
    const open: IProgrammePicture = await reader.getPeriodPicture(NOVDEC, { programmeOnly: true });
    expect(open.snapshot).toBeUndefined();
    expect(open.risks.length).toBeGreaterThan(0);
    expect('statusReports' in open).toBe(false);
  });

  it('reads a period locked before there were programme parts from its whole snapshot, the same as before', async () => {
    const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(JUNE);
    await forgetParts(JUNE);
    const reader: IProgrammeRepository = make(emu, USERS.iib);
    await reader.getPeriods();
    const part: IProgrammePicture = await reader.getPeriodPicture(JUNE, { programmeOnly: true });
    expect(shown(part)).toEqual(shown(whole));
    expect(part.snapshot).toEqual(whole.snapshot);
    if (wire) {
      // The part looked for, then the whole snapshot read.
      expect(snapshotReads().some((p) => p.indexOf(programmePartKey(JUNE)) < 0)).toBe(true);
    }
  });

  it('still shows a period whose last lock wrote a version-1 part (before parts held only what the view shows), the same as its whole snapshot', async () => {
    const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(JUNE);
    await forgetParts(JUNE);
    await storeVersion1Part(whole);
    try {
      const reader: IProgrammeRepository = make(emu, USERS.iib);
      await reader.getPeriods();
      calls.reset();
      const part: IProgrammePicture = await reader.getPeriodPicture(JUNE, { programmeOnly: true });
      expect(calls.count()).toBe(1);
      expect(shown(part)).toEqual(shown(whole));
      expect(part.snapshot).toEqual(whole.snapshot);
      expect(part.workstreams.every((w) => !('description' in w))).toBe(true);
    } finally {
      await forgetParts(JUNE);
    }
  });

  it("shows the overview, overall rating and author the Board was shown, not the Periods list as edited after the lock: from its part, a version-1 part and its whole snapshot", async () => {
    const before: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(JUNE);
    const reported = { overview: before.period.overview, overallRag: before.period.overallRag, overviewAuthor: before.period.overviewAuthor };
    expect(reported.overview).toMatch(/\S/);
    expect(reported.overallRag).toBeDefined();
    // Its last lock's part as this version writes it (the tests above leave June with none).
    await forgetParts(JUNE);
    await storePart(await makeProgrammePart({ id: before.snapshot!.id, sha256: before.snapshot!.sha256, parts: [] }, before, JUNE));
    // A site owner edits the locked period's item in SharePoint (the product refuses to).
    const edit = async (values: { [column: string]: unknown }): Promise<void> => {
      if (wire) {
        const list = emu.store.listByTitle('Reporting Periods')!;
        emu.site.updateItem(emu.site.userByLogin(USERS.lead)!, list, JUNE, values, 'SP.Data.PeriodsListItem');
      } else {
        const { site, ready } = memorySiteOf(emu);
        await ready;
        site.change('periods', JUNE, values);
      }
    };
    await edit({ Overview: 'Rewritten after the Board met.', OverallRag: 'Red', OverviewAuthor: 'Someone else' });
    const as = (p: { overview?: string; overallRag?: string; overviewAuthor?: string }): unknown => ({ overview: p.overview, overallRag: p.overallRag, overviewAuthor: p.overviewAuthor });
    try {
      const reader: IProgrammeRepository = make(emu, USERS.iib);
      // The edit is there in the list (the period read whole: the period list reads no locked period's overview)…
      expect(as(await reader.getPeriod(JUNE))).toEqual({ overview: 'Rewritten after the Board met.', overallRag: 'Red', overviewAuthor: 'Someone else' });
      expect((await reader.getPeriods()).filter((p) => p.id === JUNE)[0].overview).toBeUndefined();
      // …and not in what the programme view and the report show of the locked period.
      calls.reset();
      const part: IProgrammePicture = await reader.getPeriodPicture(JUNE, { programmeOnly: true });
      expect(calls.count()).toBe(1);
      expect(part.snapshot).toEqual(before.snapshot);
      expect(as(part.period)).toEqual(reported);
      expect(part.period.state).toBe('Locked');
      const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(JUNE);
      expect(as(whole.period)).toEqual(reported);
      // Read with the programme view's landing (the part in the summary's $batch).
      const landing: IProgrammeRepository = make(emu, USERS.iib);
      await landing.getProgrammeSummary({ landing: { periodId: JUNE } });
      expect(as((await landing.getPeriodPicture(JUNE, { programmeOnly: true })).period)).toEqual(reported);
      // A period locked before there were parts: from the whole snapshot.
      await forgetParts(JUNE);
      const fromWhole: IProgrammePicture = await make(emu, USERS.iib).getPeriodPicture(JUNE, { programmeOnly: true });
      expect(as(fromWhole.period)).toEqual(reported);
      // A version-1 part holds the whole period too.
      await storeVersion1Part(before);
      const fromV1: IProgrammePicture = await make(emu, USERS.iib).getPeriodPicture(JUNE, { programmeOnly: true });
      expect(as(fromV1.period)).toEqual(reported);
    } finally {
      await forgetParts(JUNE);
      await edit({ Overview: reported.overview, OverallRag: reported.overallRag, OverviewAuthor: reported.overviewAuthor });
    }
  });

  it("shows the last lock's part once a period is locked, reopened, changed and locked again", async () => {
    const lead: IProgrammeRepository = make(emu, USERS.lead);
    const lock = (): Promise<unknown> => lead.lockPeriod(NOVDEC, { allowUnapproved: true, reason: 'The Board met.', overrideReason: 'The paper went as it was.' });
    await lock();
    await lead.reopenPeriod(NOVDEC, 'A mitigation was wrong in the paper.');
    const risk = (await lead.getPeriodPicture(NOVDEC)).risks[0];
    await lead.update('risk', risk.id, { mitigation: 'Mitigation as corrected for the Board.' }, risk.etag);
    await lock();
    try {
      const reader: IProgrammeRepository = make(emu, USERS.iib);
      await reader.getPeriods();
      const part: IProgrammePicture = await reader.getPeriodPicture(NOVDEC, { programmeOnly: true });
      expect(part.risks.filter((r) => r.id === risk.id)[0].mitigation).toBe('Mitigation as corrected for the Board.');
      const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(NOVDEC);
      expect(shown(part)).toEqual(shown(whole));
      expect(part.snapshot).toEqual(whole.snapshot);
    } finally {
      await lead.reopenPeriod(NOVDEC, 'Back to the tests.');
    }
  });
});
