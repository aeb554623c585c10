/**
 * The programme's ratings over time past SharePoint's 5,000-item page: a returning page asks for
 * Status Reports' second page in the same $batch as the first, from where the session saw the
 * first page end (PnpTransport._twoPages), and every rating comes once — also when the hint is
 * behind or ahead of the list. PnPjs over real HTTP to the emulator, with a portfolio of 5,160
 * status reports.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IProgrammeSummary, IRagHistoryEntry } from '../../src/data/repository';
import { loadPortfolio, makePortfolio } from '../../src/cli/portfolio';
import { screenPeople } from '../../src/cli/benchScreens';
import { startEmulator, type Emulator } from '../../src/emulator/server';

/** A session's storage, as sessionStorage would keep it. */
function hints(): ISessionHints & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

const KEY: string = 'firstPageEnd:statusReports';

describe("the programme's ratings past one page, with the session's hint", () => {
  let emu: Emulator;
  let dataDir: string;
  let reader: string;
  let reports: number;
  const repository = (session?: ISessionHints): PnpRepository =>
    new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(reader)), { hints: session });
  const ratings = (s: IProgrammeSummary): string[] => s.history.map((h: IRagHistoryEntry) => `${h.workstreamId}/${h.periodId}/${h.rag}/${h.state}`).sort();
  const statusReportPages = (): number => emu.stats.recent.filter((r) => /Status%20Reports|Status Reports/.test(r.path) && /skiptoken/.test(r.path)).length;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-pages-'));
    const portfolio = makePortfolio({ workstreams: 60, periods: 2, archivePeriods: 84, milestonesPerMonth: 0, risksPerWorkstream: 0, feedbackPerMonth: 0 });
    emu = await startEmulator({ dataDir, users: portfolio.users, host: '127.0.0.1' });
    const counts = await loadPortfolio(emu, portfolio);
    reports = counts['Status Reports'];
    reader = screenPeople(portfolio).reader;
  }, 120000);

  afterAll(async () => {
    await emu.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the second page with the first on a return: one round trip, every rating once', async () => {
    expect(reports).toBeGreaterThan(5000);
    const session = hints();
    // A first visit: the second page follows the first's next link (and the milestones due theirs).
    emu.resetStats();
    const first: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(3);
    expect(first.history).toHaveLength(reports);
    expect(Number(session.get(KEY))).toBeGreaterThanOrEqual(5000);
    // The page again in the same session: both pages, the milestones due and the rest in one $batch.
    emu.resetStats();
    const again: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(statusReportPages()).toBe(0);
    expect(ratings(again)).toEqual(ratings(first));
  }, 60000);

  it('keeps each rating once when the hint is behind the first page (the pages overlap)', async () => {
    const session = hints();
    const right: IProgrammeSummary = await repository(session).getProgrammeSummary();
    const end: number = Number(session.get(KEY));
    session.set(KEY, String(end - 300));
    emu.resetStats();
    const summary: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(summary.history).toHaveLength(reports);
    expect(ratings(summary)).toEqual(ratings(right));
    expect(session.get(KEY)).toBe(String(end));
  }, 60000);

  it("follows the first page's own next link when the hint is ahead of it: one more round trip, nothing missed", async () => {
    const session = hints();
    const right: IProgrammeSummary = await repository(session).getProgrammeSummary();
    const end: number = Number(session.get(KEY));
    session.set(KEY, String(end + 40));
    emu.resetStats();
    const summary: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(2);
    expect(ratings(summary)).toEqual(ratings(right));
    expect(session.get(KEY)).toBe(String(end));
  }, 60000);
});
