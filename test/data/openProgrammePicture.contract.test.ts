/**
 * An open period in the programme view (issue 14): its key risks and sections are read without
 * the rest of its picture (no reports, milestones, sponsor comments or feedback), and are the
 * same as its whole picture gives — over PnPjs, Graph and the in-memory transport alike, for the
 * seeded programme and for one shaped differently: a later period, risks raised after the period,
 * closed in it and closed later, and a retired workstream with risks but no records in the period.
 * The sections stay editable: their ETags are the ones a save is guarded by.
 */
import type { IEditablePeriodPicture, IProgrammePicture, IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, memorySiteOf, startStack, USERS } from './support/stack';

const NOVDEC = 2;

/** What the view shows of the key risks and sections, ETags kept (both reads are of the live lists). */
function shown(p: IProgrammePicture): unknown {
  return JSON.parse(
    JSON.stringify({
      period: { id: p.period.id, state: p.period.state, title: p.period.title },
      periods: p.periods.map((x) => x.id),
      workstreams: p.workstreams.map((w) => ({ id: w.id, title: w.title, shortTitle: w.shortTitle, order: w.order })),
      risks: p.risks.map((r) => ({ id: r.id, workstreamId: r.workstreamId, description: r.description, mitigation: r.mitigation, order: r.order })),
      sections: p.sections
    })
  );
}

describe.each([...IMPLEMENTATIONS, [MEMORY_NAME, memory] as const])('%s: an open period in the programme view', (name, make) => {
  let emu: Emulator;
  const wire: boolean = name !== MEMORY_NAME;
  const calls = {
    reset: (): void => (wire ? emu.resetStats() : void memorySiteOf(emu).site.calls.splice(0)),
    count: (): number => (wire ? emu.stats.roundTrips : memorySiteOf(emu).site.calls.length)
  };
  /** The lists read on the wire since the reset (by their titles in the paths). */
  const listsRead = (): string => [...emu.stats.recent, ...emu.stats.recentParts].map((r) => decodeURIComponent(r.path)).join('\n');

  beforeAll(async () => {
    emu = await startStack();
    // The programme's own sections, one with this period's text.
    const lead: IProgrammeRepository = make(emu, USERS.lead);
    const purpose = await lead.addSectionDefinition('Purpose of the paper');
    await lead.addSectionDefinition('Also to note');
    await lead.savePeriodSection(NOVDEC, purpose.key, 'To note the programme’s progress.', undefined);
  });
  afterAll(() => emu.close());

  async function expectSameAsWhole(periodId: number, retired: boolean = false): Promise<IProgrammePicture> {
    const whole: IEditablePeriodPicture = await make(emu, USERS.iib).getPeriodPicture(periodId);
    // Landing as the programme view does: the summary, then the key risks and sections asking at once.
    const reader: IProgrammeRepository = make(emu, USERS.iib);
    await reader.getProgrammeSummary({ landing: { periodId } });
    calls.reset();
    const [risks, sections] = await Promise.all([reader.getPeriodPicture(periodId, { programmeOnly: true }), reader.getPeriodPicture(periodId, { programmeOnly: true })]);
    // One read for both, in one round trip.
    expect(risks).toBe(sections);
    expect(calls.count()).toBe(1);
    if (wire) {
      const read: string = listsRead();
      expect(read).toMatch(/Risks/);
      expect(read).toMatch(/Period Sections/);
      for (const title of ['IIB Feedback', 'Reporting Periods', 'Workstreams', 'Readiness Acknowledgements']) {
        expect(read.indexOf(title)).toBeLessThan(0);
      }
      // Of the reports, comments and milestones: only their workstreams (the period they are read
      // by is the filter's), and only when a workstream is retired.
      const records: string[] = read.split('\n').filter((line) => /Status Reports|Sponsor Comments|Milestones/.test(line));
      expect(records.length).toBe(retired ? 3 : 0);
      expect(records.every((line) => /select=(Id,)?(id,)?Workstream(Id|LookupId)(&|\))/.test(line))).toBe(true);
    }
    expect(shown(risks)).toEqual(shown(whole));
    expect('statusReports' in risks).toBe(false);
    // Without a summary beside it (nothing kept): the same, the periods and workstreams read with it.
    const cold: IProgrammePicture = await make(emu, USERS.iib).getPeriodPicture(periodId, { programmeOnly: true });
    expect(shown(cold)).toEqual(shown(whole));
    return risks;
  }

  it('reads the risks it lists and its sections only, the same as its whole picture', async () => {
    const part: IProgrammePicture = await expectSameAsWhole(NOVDEC);
    expect(part.risks.length).toBeGreaterThan(0);
    expect(part.sections && part.sections.length).toBeGreaterThan(0);
    expect(part.snapshot).toBeUndefined();
  });

  it('keeps its sections editable: a save with the ETag read succeeds, and shows next time', async () => {
    const lead: IProgrammeRepository = make(emu, USERS.lead);
    await lead.getProgrammeSummary({});
    const part: IProgrammePicture = await lead.getPeriodPicture(NOVDEC, { programmeOnly: true });
    const section = part.sections![0];
    const text: string = `${section.text || ''} Checked by the programme office.`.trim();
    await lead.savePeriodSection(NOVDEC, section.key, text, section.etag, section.author);
    const again: IProgrammePicture = await lead.getPeriodPicture(NOVDEC, { programmeOnly: true });
    expect(again.sections!.filter((s) => s.key === section.key)[0].text).toBe(text);
    await expectSameAsWhole(NOVDEC);
  });

  it('lists the same risks and workstreams for a programme shaped differently: a later period, risks raised after, closed in and after the period, a retired workstream', async () => {
    const lead: IProgrammeRepository = make(emu, USERS.lead);
    const later = await lead.createPeriod({ title: 'January 2024', start: '2024-01-01', end: '2024-01-31' });
    const before: IEditablePeriodPicture = await lead.getPeriodPicture(NOVDEC);
    expect(before.risks.length).toBeGreaterThanOrEqual(2);
    const [closedLater, closedNow] = before.risks;
    await lead.update('risk', closedLater.id, { state: 'Closed', closedPeriodId: later.id }, closedLater.etag);
    await lead.update('risk', closedNow.id, { state: 'Closed', closedPeriodId: NOVDEC }, closedNow.etag);
    const workstreamId: number = before.workstreams[0].id;
    const raisedLater = await lead.create('risk', {
      workstreamId,
      description: 'Raised after the period.',
      mitigation: 'None yet.',
      state: 'Open',
      raisedPeriodId: later.id,
      order: 99
    });
    // A workstream with an open risk and nothing reported in the period, retired.
    const retired = await lead.saveWorkstream({ code: 'OLD', title: 'A workstream since retired' });
    const retiredRisk = await lead.create('risk', { workstreamId: retired.id, description: 'Left behind.', mitigation: 'Handed over.', state: 'Open', raisedPeriodId: NOVDEC, order: 1 });
    const etagOf = async (id: number): Promise<string> => (await lead.getWorkstreams()).filter((w) => w.id === id)[0].etag;
    await lead.setWorkstreamRetired(retired.id, true, await etagOf(retired.id));
    // A workstream retired after reporting in the period stays in it, with its risks.
    const reporting: number = before.statusReports[before.statusReports.length - 1].workstreamId;
    expect(before.risks.some((r) => r.workstreamId === reporting && r.id !== closedNow.id)).toBe(true);
    await lead.setWorkstreamRetired(reporting, true, await etagOf(reporting));

    const part: IProgrammePicture = await expectSameAsWhole(NOVDEC, true);
    const ids: number[] = part.risks.map((r) => r.id);
    expect(ids).toContain(closedLater.id);
    expect(ids).not.toContain(closedNow.id);
    expect(ids).not.toContain(raisedLater.id);
    expect(part.workstreams.map((w) => w.id)).not.toContain(retired.id);
    expect(part.workstreams.map((w) => w.id)).toContain(reporting);
    expect(part.risks.some((r) => r.workstreamId === reporting)).toBe(true);
    // The later period (open, no records yet) lists what was raised in it, the same way.
    const laterPart: IProgrammePicture = await expectSameAsWhole(later.id, true);
    expect(laterPart.risks.map((r) => r.id)).toContain(raisedLater.id);
    expect(laterPart.risks.map((r) => r.id)).not.toContain(closedLater.id);
    expect(retiredRisk.id).toBeGreaterThan(0);
  });
});
