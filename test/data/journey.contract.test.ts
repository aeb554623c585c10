/**
 * A workstream's journey across phases (issue 16), read by PhaseRepository.getJourney over PnPjs
 * (SharePoint REST) and graph-client (Microsoft Graph) against the emulator over real HTTP, and
 * over the in-memory list transport: the seeded programme (one phase, closing) and a programme of
 * two phases built here whose first close-down is locked and carried into the second — one row by
 * its destination theme, one placed in a new theme (only its milestone's Origin says so).
 */
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { PHASE_STACKS, type IStack } from './support/phaseStacks';
import { USERS } from './support/stack';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

describe.each(PHASE_STACKS)('%s', (_name, factory) => {
  describe('the seeded programme (one phase, its close-down drafted)', () => {
    let stack: IStack;
    beforeAll(async () => {
      stack = await factory(IMPROVEMENT_PLAN_PHASE_2);
    });
    afterAll(() => stack && stack.close());

    it("gives a theme's rows of Phase 2's close-down in their order, going nowhere yet, and nothing it came from", async () => {
      const journey = await stack.as(USERS.iib).getJourney(1);
      expect(journey.membership.phases.map((p) => [p.title, p.state])).toEqual([['Phase 2', 'Closing']]);
      const all = (await stack.as(USERS.iib).getCloseDown(1)).items.filter((i) => i.workstreamId === 1);
      expect(all.length).toBeGreaterThan(0);
      expect(journey.rows.map((r) => r.item.task)).toEqual(all.map((i) => i.task));
      expect(journey.rows[0].item).toMatchObject({ destination: 'NextPhaseTheme', destinationAsWritten: 'Continuous Improvement Improvement theme (Phase 3)' });
      // The paper names Phase 3's themes in words only: no theme of the programme to link to.
      expect(journey.rows.every((r) => r.wentTo.length === 0)).toBe(true);
      expect(journey.cameFrom).toEqual([]);
      expect(journey.themes.map((t) => t.id)).toEqual([1]);
    });
  });

  describe('a programme of two phases, the first locked and carried into the second', () => {
    let stack: IStack;
    let first: number;
    let intoNext: number;
    let placed: number;
    let culture: number;
    beforeAll(async () => {
      stack = await factory(recoveryPlan());
      const office = stack.as(USERS.lead);
      const { phases } = await office.getPhases();
      first = phases[0].id;
      const drafted = await office.draftCloseDown(first);
      const undecided = drafted.items.filter((i) => i.destination === undefined && i.workstreamId === 1);
      expect(undecided.length).toBeGreaterThanOrEqual(2);
      const [a, b] = undecided;
      intoNext = a.id;
      placed = b.id;
      await office.updateCloseDownItem(a.id, { destination: 'NextPhaseTheme', destinationWorkstreamId: 3 }, a.etag);
      await office.updateCloseDownItem(b.id, { destination: 'NextPhaseTheme', destinationAsWritten: 'Culture theme (year two)' }, b.etag);
      for (const item of drafted.items.filter((i) => i.destination === undefined && i.id !== a.id && i.id !== b.id)) {
        await office.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
      }
      const ready = await office.getCloseDown(first);
      await lockPeriodsOf(stack.programme(USERS.lead), ready.records.periods);
      await office.lockCloseDown(first, { boardMeetingDate: '25/01/2024' });
      const risks = Object.fromEntries(ready.records.risks.filter((r) => r.state === 'Open').map((r) => [r.id, { closeReason: 'Superseded.' }]));
      const started = await office.startNextPhase(first, {
        existingPhaseId: phases[1].id,
        title: '',
        start: '',
        period: { title: 'Quarter 1 of year two', start: '01/04/2024', end: '30/06/2024' },
        themes: [{ existingId: 3 }, { code: 'CUL', title: 'Culture change' }],
        placements: { [b.id]: 1 },
        risks
      });
      culture = started.workstreamIds[1];
    });
    afterAll(() => stack && stack.close());

    it("follows a first-phase theme's outstanding items to the themes they went to: by destination, and by the milestone carried from the row", async () => {
      const journey = await stack.as(USERS.manager).getJourney(1);
      expect(journey.membership.phases.map((p) => [p.title, p.state])).toEqual([
        ['Recovery year one', 'Closed'],
        ['Recovery year two', 'Open']
      ]);
      expect(journey.rows.every((r) => r.phaseId === first)).toBe(true);
      const wentTo = Object.fromEntries(journey.rows.filter((r) => r.wentTo.length > 0).map((r) => [r.item.id, r.wentTo]));
      expect(wentTo).toEqual({ [intoNext]: [3], [placed]: [culture] });
      expect(journey.themes.map((t) => t.title).sort()).toEqual(['Continuous improvement', 'Culture change', 'GOV recovery']);
      expect(journey.cameFrom).toEqual([]);
    });

    it('gives a next-phase theme the rows it came from, whether named by destination or only by a carried milestone', async () => {
      const next = await stack.as(USERS.iib).getJourney(3);
      expect(next.cameFrom.map((r) => [r.item.id, r.item.workstreamId, r.phaseId])).toEqual([[intoNext, 1, first]]);
      expect(next.rows).toEqual([]);
      const culturalJourney = await stack.as(USERS.iib).getJourney(culture);
      expect(culturalJourney.cameFrom.map((r) => r.item.id)).toEqual([placed]);
      expect(culturalJourney.themes.map((t) => t.title)).toEqual(['Culture change', 'GOV recovery']);
    });

    it('shows the locked close-down as the Board saw it, whatever is changed in its list afterwards', async () => {
      const before = await stack.as(USERS.iib).getJourney(1);
      await stack.changeRow(intoNext, { ActivityOutstanding: 'Rewritten after the Board met', DestinationWorkstreamId: null, Destination: 'Completed' });
      const after = await stack.as(USERS.iib).getJourney(1);
      expect(after.rows).toEqual(before.rows);
      expect(after.rows.some((r) => r.item.outstanding === 'Rewritten after the Board met')).toBe(false);
    });
  });
});
