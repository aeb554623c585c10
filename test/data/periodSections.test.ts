/**
 * Period sections — the paper's own sections besides the overview, named and ordered once per
 * programme, with each period's text — held to one contract by the PnPjs repository over
 * SharePoint REST, the Graph repository (both over real HTTP against the emulator) and the
 * in-memory transport the dashboard's tests run on: read in the period's one round trip, written
 * by the programme office only, guarded by ETags, frozen with a locked period's snapshot.
 */
import type { IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, memorySiteOf, startStack, USERS } from './support/stack';
import { failure } from '../support/dataFailure';

const NOVDEC = 2;
const JUNE = 1;

describe.each([...IMPLEMENTATIONS, [MEMORY_NAME, memory] as const])('%s', (name, make) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  let otherLead: IProgrammeRepository;
  const trips = {
    reset: (): void => (name === MEMORY_NAME ? void memorySiteOf(emu).site.calls.splice(0) : emu.resetStats()),
    count: (): number => (name === MEMORY_NAME ? memorySiteOf(emu).site.calls.length : emu.stats.roundTrips)
  };
  beforeAll(async () => {
    emu = await startStack();
    lead = make(emu, USERS.lead);
    otherLead = make(emu, USERS.lead);
  });
  afterAll(() => emu.close());

  it('reads a programme with no sections as none, in the period’s one round trip', async () => {
    await lead.getPeriods();
    trips.reset();
    const picture = await lead.getPeriodPicture(NOVDEC);
    expect(trips.count()).toBe(1);
    expect(picture.sections).toEqual([]);
    expect(await lead.getSectionDefinitions()).toEqual([]);
  });

  it('lets the programme office name and order sections once; every period then has them, empty', async () => {
    const purpose = await lead.addSectionDefinition('Purpose');
    const note = await lead.addSectionDefinition('Also to note');
    const board = await lead.addSectionDefinition('Update on the Independent Improvement Board', 0);
    expect([purpose.key, note.key, board.key]).toEqual(['purpose', 'also-to-note', 'update-on-the-independent-improvement-board']);
    expect((await lead.getSectionDefinitions()).map((d) => d.name)).toEqual(['Update on the Independent Improvement Board', 'Purpose', 'Also to note']);
    // Reorder: Purpose first.
    expect((await failure(lead.updateSectionDefinition(purpose.id, { order: -1 }, purpose.etag))).field).toBe('order');
    const moved = await lead.updateSectionDefinition(purpose.id, { order: 0 }, purpose.etag);
    await lead.updateSectionDefinition(board.id, { order: 5 }, board.etag);
    expect(moved.order).toBe(0);
    const picture = await lead.getPeriodPicture(NOVDEC);
    expect(picture.sections!.map((s) => [s.name, s.text])).toEqual([
      ['Purpose', ''],
      ['Also to note', ''],
      ['Update on the Independent Improvement Board', '']
    ]);
  });

  it("writes a period's text of a section, read back in order and in the same one round trip", async () => {
    const saved = await lead.savePeriodSection(NOVDEC, 'purpose', 'To update the Board on the programme.\n\n- Progress\n- Risks', undefined, 'Programme office');
    expect(saved).toMatchObject({ key: 'purpose', name: 'Purpose', text: 'To update the Board on the programme.\n\n- Progress\n- Risks', author: 'Programme office' });
    expect(saved.etag).toBeTruthy();
    trips.reset();
    const picture = await lead.getPeriodPicture(NOVDEC);
    expect(trips.count()).toBe(1);
    expect(picture.sections![0]).toMatchObject({ key: 'purpose', text: saved.text, author: 'Programme office', id: saved.id });
    expect(picture.sections![1]).toMatchObject({ key: 'also-to-note', text: '' });
    // Another period has the same sections, with no text.
    expect((await lead.getPeriodPicture(JUNE)).sections).toEqual([]);
  });

  it("refuses a change over someone else's, with theirs to compare, and changes nothing", async () => {
    const mine = (await lead.getPeriodPicture(NOVDEC)).sections![0];
    const theirs = await otherLead.savePeriodSection(NOVDEC, 'purpose', 'Their purpose.', mine.etag);
    const e = await failure(lead.savePeriodSection(NOVDEC, 'purpose', 'My purpose.', mine.etag));
    expect(e.kind).toBe('conflict');
    expect(e.current).toMatchObject({ key: 'purpose', text: 'Their purpose.' });
    // Both start from an empty section: the second writer does not overwrite the first.
    await otherLead.savePeriodSection(NOVDEC, 'also-to-note', 'First.', undefined);
    const again = await failure(lead.savePeriodSection(NOVDEC, 'also-to-note', 'Second.', undefined));
    expect(again.kind).toBe('conflict');
    expect(again.current).toMatchObject({ text: 'First.' });
    const now = (await lead.getPeriodPicture(NOVDEC)).sections!;
    expect(now.map((s) => s.text)).toEqual(['Their purpose.', 'First.', '']);
    expect(now[0].etag).toBe(theirs.etag);
  });

  it('refuses anyone but the programme office, bad input and unknown sections, writing nothing', async () => {
    const before = (await lead.getPeriodPicture(NOVDEC)).sections!;
    const manager = make(emu, USERS.manager);
    const iib = make(emu, USERS.iib);
    expect((await failure(manager.savePeriodSection(NOVDEC, 'purpose', 'Mine now.', before[0].etag))).kind).toBe('forbidden');
    expect((await failure(iib.addSectionDefinition('Implications'))).kind).toBe('forbidden');
    expect((await failure(manager.updateSectionDefinition(1, { name: 'x' }, '*'))).kind).toBe('forbidden');
    const dup = await failure(lead.addSectionDefinition('  purpose '));
    expect(dup.kind).toBe('validation');
    expect(dup.message).toContain('already has a section called "Purpose"');
    expect((await failure(lead.addSectionDefinition(''))).field).toBe('Section name');
    expect((await failure(lead.addSectionDefinition('x'.repeat(256)))).message).toContain('256 characters');
    expect((await failure(lead.addSectionDefinition('Implications', 1.5))).field).toBe('order');
    const control = await failure(lead.savePeriodSection(NOVDEC, 'purpose', 'Bad \u0007 text', before[0].etag));
    expect(control.kind).toBe('validation');
    expect(control.field).toBe('Purpose');
    expect((await failure(lead.savePeriodSection(NOVDEC, 'no-such-section', 'x', undefined))).kind).toBe('notFound');
    expect((await failure(lead.savePeriodSection(99, 'purpose', 'x', undefined))).kind).toBe('notFound');
    expect((await lead.getPeriodPicture(NOVDEC)).sections).toEqual(before);
    expect((await lead.getSectionDefinitions()).map((d) => d.name)).toEqual(['Purpose', 'Also to note', 'Update on the Independent Improvement Board']);
  });

  it("refuses a locked period's sections", async () => {
    const e = await failure(lead.savePeriodSection(JUNE, 'purpose', 'Rewritten history.', undefined));
    expect(e.kind).toBe('locked');
    expect(e.message).toContain('June 2023 is locked');
    expect((await lead.getPeriodPicture(JUNE)).sections).toEqual([]);
  });

  it("freezes a period's sections with its lock; renaming or removing a section later changes only open periods", async () => {
    await lead.lockPeriod(NOVDEC, { allowUnapproved: true, reason: 'Went to the Board as it stood.', overrideReason: 'Findings noted at the Board.' });
    const locked = await lead.getPeriodPicture(NOVDEC);
    expect(locked.snapshot).toBeDefined();
    expect(locked.sections!.map((s) => [s.name, s.text])).toEqual([
      ['Purpose', 'Their purpose.'],
      ['Also to note', 'First.'],
      ['Update on the Independent Improvement Board', '']
    ]);
    expect(locked.sections![0]).not.toHaveProperty('etag');
    expect((await failure(lead.savePeriodSection(NOVDEC, 'purpose', 'After the Board.', undefined))).kind).toBe('locked');
    const defs = await lead.getSectionDefinitions();
    await lead.updateSectionDefinition(defs[0].id, { name: 'Purpose of the report' }, defs[0].etag);
    await lead.removeSectionDefinition(defs[1].id, defs[1].etag);
    expect((await lead.getPeriodPicture(NOVDEC)).sections!.map((s) => s.name)).toEqual(['Purpose', 'Also to note', 'Update on the Independent Improvement Board']);
    // A new period: the programme's sections, renamed and without the removed one, all empty.
    const jan = await lead.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' });
    expect((await lead.getPeriodPicture(jan.id)).sections!.map((s) => [s.name, s.text])).toEqual([
      ['Purpose of the report', ''],
      ['Update on the Independent Improvement Board', '']
    ]);
    // Reopened, the period's text of the removed section is still there, under the name it was written with.
    await lead.reopenPeriod(NOVDEC, 'A correction.');
    expect((await lead.getPeriodPicture(NOVDEC)).sections!.map((s) => [s.name, s.text])).toEqual([
      ['Purpose of the report', 'Their purpose.'],
      ['Update on the Independent Improvement Board', ''],
      ['Also to note', 'First.']
    ]);
  });
});
