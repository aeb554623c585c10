/**
 * A period locked by someone else after this page read the periods: its picture is what the Board
 * saw (the snapshot the lock recorded), not the lists as they are now — the page's own list of
 * periods still says Open, and the live read is what tells it otherwise.
 */
import { MemoryRepository } from '../support/memoryProgramme';

const NOVDEC = 2;
const LOCK = { allowUnapproved: true, reason: 'The Board meets on 10 January.', overrideReason: 'The paper goes as it is.' };

describe('a period locked elsewhere since the periods were read here', () => {
  it('is shown from its snapshot, with who locked it and when', async () => {
    const page = new MemoryRepository({ persona: 'projectManager' });
    const before = await page.getPeriods();
    expect(before.filter((p) => p.id === NOVDEC)[0].state).toBe('Open');

    await page.as('programmeOffice').lockPeriod(NOVDEC, LOCK);

    const picture = await page.getPeriodPicture(NOVDEC);
    expect(picture.period.state).toBe('Locked');
    expect(picture.snapshot).toBeDefined();
    expect(picture.snapshot?.takenBy?.name).toBe('Heidi Robinson');
    // The page's periods are now as the site has them.
    expect((await page.getPeriods()).filter((p) => p.id === NOVDEC)[0].state).toBe('Locked');
  });

  it('is read live while it stays open', async () => {
    const page = new MemoryRepository({ persona: 'projectManager' });
    await page.getPeriods();
    const picture = await page.getPeriodPicture(NOVDEC);
    expect(picture.period.state).toBe('Open');
    expect(picture.snapshot).toBeUndefined();
  });
});
