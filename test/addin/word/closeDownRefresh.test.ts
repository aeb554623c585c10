/**
 * @jest-environment jsdom
 *
 * Refreshing a phase's close-down block in Word (issue 16), against office-addin-mock's model of
 * Word (reads of what was not loaded fail, as in Office.js): the block found by its tag, its
 * phase's close-down read again through the real repository (a locked one from its snapshot),
 * rebuilt, and written only where its data changed — an officer's edits inside it kept unless they
 * say to overwrite them, as for every other block. The programme is built here (two phases, the
 * first closing), not the seed.
 */
import { prepareRefresh } from '../../../src/addin/flows/refresh';
import { WordDocument } from '../../../src/addin/word/wordDocument';
import { closeDownThemes } from '../../../src/data/PhaseRepository';
import { buildCloseDownBlock } from '../../../src/report/closeDown';
import type { IBlock } from '../../../src/report/model';
import { MemoryRepository } from '../../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../../support/phasedProgramme';
import { FakeWord } from './fakeWord';

afterEach(() => {
  FakeWord.uninstall();
});

/** The close-down block as the pane inserts it now. */
async function closeDownBlock(office: MemoryRepository, phaseId: number): Promise<IBlock> {
  const closeDown = await office.phases().getCloseDown(phaseId);
  const workstreams = (await office.getProgrammeSummary()).workstreams;
  return buildCloseDownBlock({ phase: closeDown.phase, items: closeDown.items, workstreams: closeDownThemes(closeDown, workstreams) });
}

async function drafted(): Promise<{ office: MemoryRepository; phaseId: number }> {
  const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
  const phaseId: number = (await office.phases().getPhases()).phases[0].id;
  await office.phases().draftCloseDown(phaseId);
  return { office, phaseId };
}

const silent = (): void => undefined;

describe("refreshing a phase's close-down in Word", () => {
  it('rebuilds the block from the close-down as it now is, in place, and then finds it up to date', async () => {
    const { office, phaseId } = await drafted();
    const word = new FakeWord().install();
    await new WordDocument().insert([await closeDownBlock(office, phaseId)]);
    const [control] = word.controls;
    expect(control.tag.startsWith(`PH:closeDown:${phaseId}:0:`)).toBe(true);
    expect(control.text).toContain('No destination yet');

    // Since the paper was drafted, the lead decided where an item goes.
    const row = (await office.phases().getCloseDown(phaseId)).items.filter((i) => !i.destination)[0];
    await office.phases().updateCloseDownItem(row.id, { destination: 'DirectoratePlans', destinationAsWritten: 'Directorate Business Plan 2024/25' }, row.etag);

    const doc = new WordDocument();
    const plan = await prepareRefresh(doc, office, silent);
    expect(plan.map((i) => [i.found.control.id, i.status])).toEqual([[control.id, 'changed']]);
    expect(plan[0].changes.some((c) => c.added.indexOf('Directorate Business Plan 2024/25') >= 0)).toBe(true);
    const outcome = await doc.applyRefresh(plan, new Set<number>());
    expect(outcome.refreshed.map((i) => i.found.control.id)).toEqual([control.id]);
    expect(word.controls).toHaveLength(1);
    expect(word.controls[0].text).toContain('Directorate Business Plan 2024/25');
    expect(word.controls[0].endsWithTable).toBe(false);

    const again = await prepareRefresh(new WordDocument(), office, silent);
    expect(again.map((i) => i.status)).toEqual(['unchanged']);
  });

  it("keeps an officer's words typed inside it unless they say to overwrite them", async () => {
    const { office, phaseId } = await drafted();
    const word = new FakeWord().install();
    const block: IBlock = await closeDownBlock(office, phaseId);
    const typed: string = `Agreed at the pre-Board briefing on 10/01/2024. `;
    const inserted = word.addBlock(block);
    inserted.text = `${typed}${inserted.text}`;
    inserted.current = inserted.text;
    const row = (await office.phases().getCloseDown(phaseId)).items.filter((i) => !i.destination)[0];
    await office.phases().updateCloseDownItem(row.id, { destination: 'KeepUnderReview' }, row.etag);

    const doc = new WordDocument();
    const plan = await prepareRefresh(doc, office, silent);
    expect(plan[0].status).toBe('edited');
    expect(plan[0].changes.some((c) => c.removed.indexOf('pre-Board briefing') >= 0)).toBe(true);
    const kept = await doc.applyRefresh(plan, new Set<number>());
    expect(kept.kept.map((i) => i.found.control.id)).toEqual([inserted.id]);
    expect(inserted.text).toContain('pre-Board briefing');

    const overwritten = await doc.applyRefresh(plan, new Set<number>([inserted.id]));
    expect(overwritten.refreshed.map((i) => i.found.control.id)).toEqual([inserted.id]);
    expect(inserted.text).not.toContain('pre-Board briefing');
    expect(inserted.text).toContain('Kept under review');
  });

  it('reads a locked close-down from its snapshot: a block inserted just before the lock is up to date after it', async () => {
    const { office, phaseId } = await drafted();
    for (const item of (await office.phases().getCloseDown(phaseId)).items.filter((i) => !i.destination)) {
      await office.phases().updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
    }
    const word = new FakeWord().install();
    await new WordDocument().insert([await closeDownBlock(office, phaseId)]);
    await lockPeriodsOf(office, (await office.phases().getCloseDown(phaseId)).records.periods);
    await office.phases().lockCloseDown(phaseId, { boardMeetingDate: '25/01/2024' });
    expect((await office.phases().getCloseDown(phaseId)).snapshot).toBeDefined();
    const plan = await prepareRefresh(new WordDocument(), office, silent);
    expect(plan.map((i) => [i.found.control.id, i.status])).toEqual([[word.controls[0].id, 'unchanged']]);
  });

  it('reports the block as missing when its phase is gone, and leaves it as it is', async () => {
    const { office, phaseId } = await drafted();
    const word = new FakeWord().install();
    const block: IBlock = await closeDownBlock(office, phaseId);
    word.addBlock({ ...block, periodId: phaseId + 100 });
    const plan = await prepareRefresh(new WordDocument(), office, silent);
    expect(plan.map((i) => i.status)).toEqual(['missing']);
  });
});
