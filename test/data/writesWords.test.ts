/**
 * The words of the messages only the writes give (src/ui/writeWords.ts) are not in the table the
 * first loads carry (src/ui/messages.ts): the repositories bring them with their writes' part
 * (src/data/writesPart.ts), as installMessageWords sets. A page as the web part and the task pane
 * load it — only installMessageWords called, not the tests' own set-up that installs every word —
 * over the phased recovery plan (not the seeded programme).
 */

// The tests' set-up (test/support/messageWords.ts) installed every word: start from modules as a page loads them.
jest.resetModules();
/* eslint-disable @typescript-eslint/no-var-requires -- the modules of a fresh page, required after the reset above */
const { installMessageWords } = require('../../src/ui/messages');
const { message, wordOf } = require('../../src/domain/messages');
const { MemoryRepository } = require('../support/memoryProgramme');
const { recoveryPlan } = require('../support/phasedProgramme');
/* eslint-enable @typescript-eslint/no-var-requires */

describe("the writes' messages on a page that has not written yet", () => {
  beforeAll(() => installMessageWords());

  it('read as their codes until the writes come, and in words once they have', async () => {
    // The first load's words are there; the writes' are not.
    expect(wordOf(message('recordGone', { action: 'save the risk' }))).toBe('Could not save the risk: it no longer exists. Someone may have deleted it.');
    expect(wordOf(message('notLocked', { period: 'Quarter 9' }))).toBe('notLocked {"period":"Quarter 9"}');
    const office = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const open = (await office.getPeriods()).filter((p: { state: string }) => p.state === 'Open')[0];
    // The first write's own refusal is worded: its words came with it.
    await expect(office.reopenPeriod(open.id, 'A late correction')).rejects.toMatchObject({ kind: 'validation', message: `${open.title} is not locked.` });
    expect(wordOf(message('notLocked', { period: 'Quarter 9' }))).toBe('Quarter 9 is not locked.');
  });
});
