/**
 * Phases and the close-down (issue 16) held to one contract over PnPjs (SharePoint REST) and
 * graph-client (Microsoft Graph) against the emulator over real HTTP, and over the in-memory
 * list transport: the seeded programme's Phase 2 with the paper's close-down, and a differently
 * shaped programme built here whose close-down is drafted from its records, edited and locked.
 */
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { PHASE_STACKS, type Factory } from './support/phaseStacks';
import { USERS } from './support/stack';
import { failure } from '../support/dataFailure';
import { lockPeriodsOf } from '../support/phasedProgramme';

/**
 * A recovery plan of two themes and two phases: the first (both periods, themes GOV and PPD
 * renamed) open, the second not yet begun with one theme of its own; no close-down yet.
 */
function recoveryPlan(): ISeedProgramme {
  const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const keep: number[] = [1, 3];
  const mine = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((i) => keep.indexOf(i.workstreamId) >= 0);
  return {
    ...seed,
    programme: { ...seed.programme, title: 'Recovery Plan' },
    // Both periods open: a period's picture lists every workstream, the next phase's too, so a
    // lock of Quarter 1 would ask for the next phase's report (see the report to the lead).
    periods: seed.periods.map((p) => ({ ...p, state: 'Open', title: p.id === 1 ? 'Quarter 1' : 'Quarter 3' })),
    workstreams: [
      ...seed.workstreams.filter((w) => keep.indexOf(w.id) >= 0).map((w) => ({ ...w, title: `${w.code} recovery` })),
      { ...seed.workstreams[1], id: 6, code: 'NEXT', title: 'Continuous improvement', order: 9 }
    ],
    statusReports: mine(seed.statusReports),
    sponsorComments: mine(seed.sponsorComments),
    milestones: mine(seed.milestones),
    risks: mine(seed.risks),
    feedback: [],
    phases: [
      { id: 1, title: 'Recovery year one', start: '2023-04-01', state: 'Open', periodIds: [1, 2], workstreamIds: [1, 3] },
      { id: 2, title: 'Recovery year two', start: '2024-04-01', state: 'Open', periodIds: [], workstreamIds: [6] }
    ],
    closeDown: []
  };
}

describe.each(PHASE_STACKS)('%s', (_name, factory) => {
  describe('the seeded programme', () => {
    let stack: Awaited<ReturnType<Factory>>;
    beforeAll(async () => {
      stack = await factory(IMPROVEMENT_PLAN_PHASE_2);
    });
    afterAll(() => stack && stack.close());

    it('reads Phase 2, closing, with both periods and all five workstreams', async () => {
      const { phases, periodPhase, workstreamPhase } = await stack.as(USERS.manager).getPhases();
      expect(phases.map((p) => [p.title, p.start, p.end, p.state])).toEqual([['Phase 2', '2023-04-01', '2024-01-31', 'Closing']]);
      expect(periodPhase).toEqual({ 1: phases[0].id, 2: phases[0].id });
      expect(Object.keys(workstreamPhase).map(Number)).toEqual([1, 2, 3, 4, 5]);
      expect(phases[0].closeDownNote).toContain('1, Strateguc ambitions and priorities');
    });

    it("reads the paper's close-down in its order, faults as written, and finds what it leaves out", async () => {
      const closeDown = await stack.as(USERS.iib).getCloseDown(1);
      expect(closeDown.items).toHaveLength(21);
      expect(closeDown.items[0]).toMatchObject({ task: 'Revise/embed Constitution & Governance improvements.', workstreamId: 1, destination: 'NextPhaseTheme', destinationAsWritten: 'Continuous Improvement Improvement theme (Phase 3)' });
      expect(closeDown.items.map((i) => i.order)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(closeDown.items.filter((i) => i.destination === 'Completed').map((i) => i.task)).toEqual(['Independent Councillor committee representation']);
      expect(closeDown.items.filter((i) => i.destination === 'KeepUnderReview')).toHaveLength(1);
      expect(closeDown.items.some((i) => i.destinationAsWritten === 'Culture Change Improvement them (Phase 3)')).toBe(true);
      expect(closeDown.items.every((i) => typeof i.etag === 'string' && i.etag.length > 0)).toBe(true);
      // Every outstanding item has a destination; what the paper does not cite is reported.
      expect(closeDown.findings.filter((f) => f.rule === 'closedown-no-destination')).toEqual([]);
      expect(closeDown.findings.filter((f) => f.rule === 'closedown-dropped').length).toBeGreaterThan(0);
      expect(closeDown.records.periods).toHaveLength(2);
    });

    it('refuses to lock a close-down that drops open milestones and risks, changing nothing', async () => {
      const office = stack.as(USERS.lead);
      const error = await failure(office.lockCloseDown(1, { boardMeetingDate: '25/01/2024' }));
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/^Could not lock the close-down: \d+ things need putting right first\. The open /);
      expect((await office.getPhases()).phases[0].state).toBe('Closing');
    });

    it('lets no one but the programme office lock or draft', async () => {
      expect((await failure(stack.as(USERS.manager).lockCloseDown(1, { boardMeetingDate: '25/01/2024' }))).kind).toBe('forbidden');
      const refused = await failure(stack.as(USERS.manager).draftCloseDown(1));
      expect({ kind: refused.kind, message: refused.message }).toEqual({ kind: 'forbidden', message: 'Could not draft the close-down: only the programme office does this.' });
    });

    it('refuses a second draft over an existing close-down', async () => {
      const error = await failure(stack.as(USERS.lead).draftCloseDown(1));
      expect(error.kind).toBe('validation');
      expect(error.message).toBe('Phase 2 already has a close-down of 21 rows: edit it instead of drafting another.');
    });

    it("refuses a row's change over someone else's, carrying the row as it now is", async () => {
      const office = stack.as(USERS.lead);
      const [row] = (await office.getCloseDown(1)).items;
      const theirs = await office.updateCloseDownItem(row.id, { evidence: 'Minutes of the Board, 23/03/2023' }, row.etag);
      const error = await failure(office.updateCloseDownItem(row.id, { evidence: 'Mine' }, row.etag));
      expect(error.kind).toBe('conflict');
      expect(error.current).toMatchObject({ id: row.id, task: row.task, evidence: 'Minutes of the Board, 23/03/2023', etag: theirs.etag });
    });
  });

  describe('a differently shaped programme', () => {
    let stack: Awaited<ReturnType<Factory>>;
    beforeAll(async () => {
      stack = await factory(recoveryPlan());
    });
    afterAll(() => stack && stack.close());

    it('drafts the close-down from the phase records, edits it, and locks it once every outstanding item has a destination', async () => {
      const office = stack.as(USERS.lead);
      const { phases, workstreamPhase } = await office.getPhases();
      expect(phases.map((p) => [p.title, p.state])).toEqual([
        ['Recovery year one', 'Open'],
        ['Recovery year two', 'Open']
      ]);
      expect(Object.values(workstreamPhase)).toEqual([phases[0].id, phases[0].id, phases[1].id]);
      const first: number = phases[0].id;
      expect((await office.getCloseDown(first)).items).toEqual([]);

      const drafted = await office.draftCloseDown(first);
      expect(drafted.phase.state).toBe('Closing');
      expect(drafted.items.length).toBeGreaterThan(0);
      // Only the phase's two themes, each row citing its record; completed rows carry evidence.
      expect(new Set(drafted.items.map((i) => i.workstreamId))).toEqual(new Set([1, 2]));
      expect(drafted.items.every((i) => i.sources.length === 1)).toBe(true);
      expect(drafted.items.filter((i) => i.destination === 'Completed').every((i) => /^Reported complete in Quarter (1|3)/.test(i.evidence || ''))).toBe(true);
      expect(drafted.findings.filter((f) => f.rule === 'closedown-dropped')).toEqual([]);
      const undecided = drafted.items.filter((i) => i.destination === undefined);
      expect(undecided.length).toBeGreaterThan(0);
      expect(drafted.findings.filter((f) => f.rule === 'closedown-no-destination').map((f) => f.itemId)).toEqual(undecided.map((i) => i.id));

      // Locked refused while one has no destination; nothing changes.
      const refused = await failure(office.lockCloseDown(first, { boardMeetingDate: '25/01/2024' }));
      expect(refused.kind).toBe('validation');
      expect(refused.message).toContain('has activity outstanding but no destination');
      expect((await office.getPhases()).phases[0].state).toBe('Closing');

      // The lead decides each destination: the first into the next phase's theme, the rest kept under review.
      const [head, ...rest] = undecided;
      await office.updateCloseDownItem(head.id, { destination: 'NextPhaseTheme', destinationWorkstreamId: 3 }, head.etag);
      for (const item of rest) {
        await office.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
      }
      const ready = await office.getCloseDown(first);
      // Every row decided: what is left is the phase's periods, still open.
      expect(ready.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['closedown-period-open']);
      expect(ready.items.filter((i) => i.id === head.id)[0]).toMatchObject({ destination: 'NextPhaseTheme', destinationWorkstreamId: 3 });

      // The phase's periods are still open: refused, naming them, nothing written.
      const periodsOpen = await failure(office.lockCloseDown(first, { boardMeetingDate: '25/01/2024' }));
      expect(periodsOpen.kind).toBe('validation');
      expect(periodsOpen.message).toBe(
        'Could not lock the close-down: 1 thing needs putting right first. The periods Quarter 1, Quarter 3 of Recovery year one are still open: lock each once its report has gone to the Board, then lock the close-down.'
      );
      expect((await office.getPhases()).phases[0]).toMatchObject({ state: 'Closing', boardMeetingDate: undefined });
      await lockPeriodsOf(stack.programme(USERS.lead), ready.records.periods);

      // A Board meeting date that is not a date, or none, is refused before anything is read or written.
      for (const [given, message] of [
        ['31/06/23', /^Board meeting date: "31\/06\/23" is not a date/],
        ['  ', /^Board meeting date: give the date of the Board meeting the close-down went to, as dd\/mm\/yyyy\.$/],
        ['next Tuesday', /^Board meeting date: "next Tuesday" is not a date/]
      ] as Array<[string, RegExp]>) {
        const bad = await failure(office.lockCloseDown(first, { boardMeetingDate: given }));
        expect({ given, kind: bad.kind, field: bad.field }).toEqual({ given, kind: 'validation', field: 'boardMeetingDate' });
        expect(bad.message).toMatch(message);
        expect((await office.getPhases()).phases[0]).toMatchObject({ state: 'Closing', boardMeetingDate: undefined });
        expect((await office.getCloseDown(first)).snapshot).toBeUndefined();
      }

      const asLocked = await office.getCloseDown(first);
      const closed = await office.lockCloseDown(first, { boardMeetingDate: '25/01/2024' });
      expect(closed).toMatchObject({ state: 'Closed', boardMeetingDate: '2024-01-25' });
      const locked = await office.getCloseDown(first);
      expect(locked.snapshot).toMatchObject({ boardMeetingDate: '2024-01-25' });
      expect(locked.snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
      // The themes its rows name, as they were named when it was locked.
      expect(locked.snapshot?.workstreams.map((w) => w.title).sort()).toEqual(['Continuous improvement', 'GOV recovery', 'PPD recovery']);
      const strip = (items: typeof asLocked.items): unknown => items.map(({ etag, ...rest }) => rest);
      expect(strip(locked.items)).toEqual(strip(asLocked.items));
      expect(locked.findings).toEqual([]);

      // A closed phase's close-down is not changed again through the product...
      const after = locked.items[0];
      expect((await failure(office.updateCloseDownItem(after.id, { outstanding: 'Changed' }, after.etag))).kind).toBe('locked');
      // ...and what the Board saw stands when its rows are changed round the product, straight in the list.
      await stack.changeRow(after.id, { ActivityOutstanding: 'Rewritten after the Board met', Title: 'A different task' });
      await stack.changeRow(head.id, { Destination: 'Directorate business plans', DestinationWorkstreamId: null });
      const reread = await office.getCloseDown(first);
      expect(strip(reread.items)).toEqual(strip(asLocked.items));
      expect(reread.items.filter((i) => i.id === head.id)[0]).toMatchObject({ destination: 'NextPhaseTheme', destinationWorkstreamId: 3 });
      expect(reread.items.some((i) => i.task === 'A different task' || i.outstanding === 'Rewritten after the Board met')).toBe(false);
      // A second lock is refused: the phase is closed.
      expect((await failure(office.lockCloseDown(first, { boardMeetingDate: '25/01/2024' }))).kind).toBe('locked');
    });

    it('starts the next phase from the locked close-down: themes, outstanding items as milestones linked to their row, open risks carried or closed with a reason', async () => {
      const office = stack.as(USERS.lead);
      const { phases } = await office.getPhases();
      const [first, second] = phases;
      const closeDown = await office.getCloseDown(first.id);
      const moving = closeDown.items.filter((i) => i.destination === 'NextPhaseTheme');
      expect(moving).toHaveLength(1);
      const openRisks = closeDown.records.risks.filter((r) => r.state === 'Open');
      expect(openRisks.length).toBeGreaterThan(0);
      const plan = {
        existingPhaseId: second.id,
        title: '',
        start: '',
        period: { title: 'Quarter 1 of year two', start: '01/04/2024', end: '30/06/2024' },
        themes: [{ existingId: 3 }, { code: 'CUL', title: 'Culture change' }]
      };

      // Every open risk must be decided: refused, naming the first, with nothing written.
      const undecided = await failure(office.startNextPhase(first.id, plan));
      expect(undecided.kind).toBe('validation');
      expect(undecided.message).toMatch(/^The open risk .* of Recovery year one: carry it into a theme of the next phase, or close it with a reason\.$/);
      const blankReason = await failure(office.startNextPhase(first.id, { ...plan, risks: Object.fromEntries(openRisks.map((r) => [r.id, { closeReason: ' ' }])) }));
      expect(blankReason.kind).toBe('validation');
      expect((await office.getCloseDown(second.id)).records.periods).toEqual([]);

      const [carried, ...closing] = openRisks;
      const risks = Object.fromEntries([[carried.id, { carryTo: 1 }], ...closing.map((r) => [r.id, { closeReason: 'Superseded by the Best Value Notice.' }])]);
      const started = await office.startNextPhase(first.id, { ...plan, risks });
      expect(started.phase.id).toBe(second.id);
      expect(started.period).toMatchObject({ title: 'Quarter 1 of year two', start: '2024-04-01', end: '2024-06-30', state: 'Open' });
      const next = await office.getCloseDown(second.id);
      expect(next.records.workstreams.map((w) => w.title).sort()).toEqual(['Continuous improvement', 'Culture change']);
      expect(next.records.periods.map((p) => p.id)).toEqual([started.period.id]);
      // The row that moves is a milestone of its theme in the new period, linked back to the row.
      expect(next.records.milestones.map((m) => ({ ws: m.workstreamId, title: m.title, origin: m.origin }))).toEqual([{ ws: 3, title: moving[0].task.trim(), origin: `closeDown:${first.id}:${moving[0].id}` }]);
      // The carried risk is raised again in the new theme; every old one is closed in the new period, saying why.
      expect(next.records.risks.map((r) => ({ ws: r.workstreamId, description: r.description, state: r.state }))).toEqual([{ ws: started.workstreamIds[1], description: carried.description, state: 'Open' }]);
      const old = (await office.getCloseDown(first.id)).records.risks.filter((r) => openRisks.some((o) => o.id === r.id));
      expect(old.every((r) => r.state === 'Closed' && r.closedPeriodId === started.period.id)).toBe(true);
      expect(old.filter((r) => r.id !== carried.id).every((r) => r.mitigation.endsWith('Closed at the close-down of Recovery year one: Superseded by the Best Value Notice.'))).toBe(true);
      expect(old.filter((r) => r.id === carried.id)[0].mitigation).toMatch(/Carried into Recovery year two as a risk of its theme\.$/);
      // Once only: a second start is refused, adding nothing.
      const again = await failure(office.startNextPhase(first.id, { ...plan, period: { title: 'Quarter 2 of year two', start: '01/07/2024', end: '30/09/2024' }, risks }));
      expect(again.message).toBe('Could not start the next phase: the close-down of Recovery year one has already been carried into the next phase.');
      expect((await office.getCloseDown(second.id)).records.milestones).toHaveLength(1);
    });

    it('refuses bad input with a clear error, changing nothing', async () => {
      const office = stack.as(USERS.lead);
      const second: number = (await office.getPhases()).phases[1].id;
      const blank = await failure(office.createCloseDownItem({ phaseId: second, task: '  ', sources: [], order: 1 }));
      expect(blank.kind).toBe('validation');
      expect(blank.message).toBe('Tasks/actions: a close-down row needs its task or action.');
      const wrong = await failure(office.createCloseDownItem({ phaseId: second, task: 'A task', destination: 'Elsewhere' as never, sources: [], order: 1 }));
      expect(wrong.message).toBe('Where it goes next: "Elsewhere" is not a destination.');
      expect((await office.getCloseDown(second)).items).toEqual([]);
    });
  });
});
