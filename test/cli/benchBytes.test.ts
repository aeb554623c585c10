/**
 * npm run bench's account of where a period picture's bytes go: each SharePoint list's answers,
 * as the emulator counted them for the parts of the picture's $batch.
 */
import { latestPeriod, type IPeriod } from '../../src/domain';
import { bytesByList } from '../../src/cli/bench';
import type { Emulator } from '../../src/emulator/server';
import { pnp, startStack, USERS } from '../data/support/stack';

describe("the bench's bytes by list", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it("adds up a picture's answers by the list each came from, the largest first", async () => {
    const repository = pnp(emu, USERS.lead);
    const latest: IPeriod = latestPeriod(await repository.getPeriods()) as IPeriod;
    emu.resetStats();
    await repository.getPeriodPicture(latest.id);
    const parts = emu.stats.recentParts;
    const byList = bytesByList(parts);
    // Every list the picture reads is named as SharePoint titles it, and no answer is lost.
    expect(byList.map((x) => x.list)).toEqual(expect.arrayContaining(['Status Reports', 'Milestones', 'Risks', 'Workstreams', 'Reporting Periods']));
    expect(byList.reduce((n, x) => n + x.reads, 0)).toBe(parts.length);
    const total: number = parts.reduce((n, p) => n + p.bytes, 0);
    expect(Math.abs(byList.reduce((n, x) => n + x.kilobytes, 0) - total / 1024)).toBeLessThan(0.1 * byList.length);
    expect(byList.map((x) => x.kilobytes)).toEqual([...byList.map((x) => x.kilobytes)].sort((a, b) => b - a));
    // The period list is read twice (every period, and the open one's overview).
    expect(byList.filter((x) => x.list === 'Reporting Periods')[0].reads).toBeGreaterThan(1);
  });

  it("reads a title with an apostrophe, as OData doubles it, and counts what names no list apart", () => {
    const byList = bytesByList([
      { path: "/sites/x/_api/web/lists/getByTitle('Board%20Member''s%20Notes')/items?$top=10", bytes: 2048 },
      { path: "/sites/x/_api/web/lists/getByTitle('Board%20Member''s%20Notes')/items(3)", bytes: 1024 },
      { path: '/sites/x/_api/web/siteUsers', bytes: 512 }
    ]);
    expect(byList).toEqual([
      { list: "Board Member's Notes", reads: 2, kilobytes: 3 },
      { list: 'other requests', reads: 1, kilobytes: 0.5 }
    ]);
  });
});
