/**
 * Guards what each screen costs in round trips, HTTP requests and requests (never in time) over
 * real HTTP while the product's own built pages (dist/web) run in Chromium and the cycle's actions
 * run through the repository as the dashboard calls it: the bench's own measurements
 * (src/cli/benchScreens.ts) on a small portfolio, so the file stays quick. Round trips are waits on
 * the network, counted where the product runs (src/cli/waits.ts: requests sent together count
 * once); HTTP requests and requests are the emulator's.
 *
 * Where a screen meets its budget (README, Performance; issue 14) the budget is asserted; where
 * it does not yet, today's count is the ceiling, so it cannot grow unnoticed — lower it with each
 * cut, and replace it with the budget once met.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spfi, SPBrowser } from '@pnp/sp';
import type { Browser } from 'playwright-core';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import { makePortfolio, loadPortfolio } from '../../src/cli/portfolio';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { measureAction, measureActions, measurePageScreens, nextMonth, screenPeople, type IScreenLoad, type IScreenPeople } from '../../src/cli/benchScreens';
import { latestPeriod, type IPeriod } from '../../src/domain';
import { staticFile } from '../../src/cli/webFiles';
import { projectRoot, startEmulator, type Emulator } from '../../src/emulator/server';
import { launchBrowser } from '../e2e/support/browser';

/** Small enough to be quick; big enough that every list has several items per workstream and period. */
const SHAPE = { workstreams: 6, periods: 3, archivePeriods: 2, milestonesPerMonth: 4, risksPerWorkstream: 2, feedbackPerMonth: 1 };

interface ILimit {
  /** Waits on the network (src/cli/waits.ts): requests sent together count once. */
  roundTrips: number;
  /** HTTP requests the emulator answered (a $batch once), so that requests sent together are guarded too. */
  httpRequests: number;
  requests: number;
  /** 'budget' when the screen meets issue 14's budget; otherwise the budget it is still over. */
  budget: string;
  /** The most kilobytes at this file's small portfolio, where bytes are guarded (the bench's figures are at portfolio scale). */
  kilobytes?: number;
}

/**
 * Each screen's most round trips and requests. A ceiling above the budget is today's count:
 * lower it when a change cuts the count (the test prints what was measured). Each period picture
 * reads the period's readiness acknowledgements too: one more part in the picture's $batch, not
 * one more round trip.
 */
const LIMITS: { [screen: string]: ILimit } = {
  // Budget: 1 round trip, ≤ 400 KB at portfolio scale — both met (README, Performance). A
  // reader returning in the same browser session (the page reloaded): one $batch with the check of
  // the site the session remembers (its lists, the tenant setting), the reference lists' stamps
  // (their items kept by the session), the latest periods' ratings (a window, by period), open
  // risks, the latest period's milestones due, who the user is, their rights, the site's time zone,
  // the phases and the shown period's programme part.
  programme: { roundTrips: 1, httpRequests: 1, requests: 33, budget: 'budget' },
  // Budget: 1 round trip, ≤ 400 KB. The programme office's landing in a new
  // session: the programme view (the site guessed and checked in its first $batch) with its
  // reporting-cycle view below it.
  // The site's check and the reference lists' four stamps are parts of the landing's $batch: 4
  // requests more than before (93), one round trip fewer (8).
  // In a new session of a browser that landed there before (the session's storage new): the
  // browser's lasting hint of the window's periods and the latest period (ids only) puts the
  // window's ratings and the milestones due in the first $batch — one round trip fewer (7). The
  // programme view reads the open period's key risks and sections only, not its whole picture
  // (issue 14's open-period read — 13 requests fewer, 84). The site's set-up check for those who
  // manage the lists (its lists, then their fields and content types, then the content types'
  // field links: 4 round trips, 46 requests) is not made while the browser's lasting hint says it
  // found the lists up to date with this schema within 7 days (listsChecked.ts): 2 round trips, 38
  // requests. The open period's key risks and sections go in the landing's $batch where the
  // browser's lasting hints say the view landed on the open period and which period is the latest
  // (checked against the periods read there): one round trip. The open risks are then read once,
  // the key risks' read bringing the counts' and the risk matrix's scores too: 37 requests.
  // Budget: 1 round trip, ≤ 400 KB at portfolio scale — both met (the bench: 390 KB, was 477).
  // The cycle's own picture (every report's text, for readiness) is no longer read on landing.
  // The workstreams are read as headings (no description or outcomes) and the periods bare (no
  // OData metadata, nor who made each and when): 50 KB at this file's portfolio.
  // The periods are read without their overviews, and the open periods' overviews beside them (a
  // locked period's overview is shown from its snapshot): one request more in every read of the
  // periods — here 37 → 38, and one more in each screen below that reads them (the lock two: its
  // picture is read twice) — no round trip; what a screen reads no longer grows with the overviews
  // of past periods.
  programmeOffice: { roundTrips: 1, httpRequests: 1, requests: 38, budget: 'budget', kilobytes: 52 },
  // No budget: the same landing the first time in the browser (no lasting hint): the window's
  // ratings and the open period's key risks and sections after the periods, and the lists' check
  // once the landing's reads are done.
  programmeOfficeFirst: { roundTrips: 7, httpRequests: 7, requests: 85, budget: 'none' },
  // No budget: the programme office checking the open period's readiness — the period's whole
  // picture (every report with its text, sponsor comments, milestones, risks, acknowledgements) in
  // one $batch.
  cycle: { roundTrips: 1, httpRequests: 1, requests: 17, budget: 'none' },
  // Budget: 1 round trip (≤ 300 KB at portfolio scale) — met: a locked period from its
  // workstream's part of the snapshot (88 KB at the bench's scale; the whole snapshot was 804 KB).
  workstream: { roundTrips: 1, httpRequests: 1, requests: 9, budget: 'budget' },
  // Budget: 1 round trip (≤ 300 KB) — met. A tab opened again in a new session of the browser: the site
  // (guessed: the page's own site) checked in the first $batch with the reference lists, their
  // stamps, user, rights and time zone, no rating and no programme counts
  // (ISummaryOptions.withoutRatings), and, from the browser's hint of where the tab landed, the
  // workstream's picture with its own ratings (ISummaryOptions.pinned). The summary reads the
  // workstreams' headings only, so the tab's own workstream is read whole (its description and
  // outcomes) in the same $batch, by its id: one request more (41 → 42), no round trip. The open
  // periods' overviews beside the periods: one more (43).
  teamsTab: { roundTrips: 1, httpRequests: 1, requests: 43, budget: 'budget' },
  // No budget: the same tab's first open in a browser, with no hint of where it lands: the summary's
  // $batch, then the workstream's picture and ratings.
  teamsTabFirst: { roundTrips: 2, httpRequests: 2, requests: 48, budget: 'none' },
  // No budget: its count must not grow. 5 HTTP requests in 3 waits: the site's id (asked once,
  // its answer shared) and the time zone go together; the period list and the phases both follow
  // the site's id, together; the preview's picture follows the period list. (It was 6 in 3 or 4
  // waits while the period list and the phases each asked for the site's id.) The period list
  // reads the open periods' overviews beside the periods, none of a locked one's: 23 requests.
  taskPane: { roundTrips: 3, httpRequests: 5, requests: 24, budget: 'none' },
  // No budget: its count must not grow.
  save: { roundTrips: 2, httpRequests: 2, requests: 23, budget: 'none' },
  // Budget: ≤ 3 round trips — met, at the bench's scale too (its parts grow with the workstreams,
  // not its round trips): the rights, the period and its picture; the lock against the period's ETag with
  // the snapshot and its programme part (one $batch); the picture again, to see nothing changed
  // between the read and the lock, with the history entry naming the snapshot and the snapshot's
  // workstream parts (one $batch; one part per group of workstreams, at most 32: here 6).
  lock: { roundTrips: 3, httpRequests: 3, requests: 46, budget: 'budget' },
  // Budget: ≤ 3 round trips — met (the rights and periods; the period's create with what the
  // last period planned; the carried milestones in $batches of up to 100, SharePoint's limit,
  // sent together: one wait however many are carried — see the guard below). The periods with
  // the open ones' overviews: 10 requests.
  newPeriod: { roundTrips: 3, httpRequests: 3, requests: 10, budget: 'budget' }
};

describe('What each screen costs, in round trips and requests', () => {
  let emu: Emulator;
  let browser: Browser;
  let dataDir: string;
  let portfolio: ISeedProgramme;
  const measured: { [screen: string]: IScreenLoad } = {};

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-perf-'));
    portfolio = makePortfolio(SHAPE);
    const webRoot: string = path.join(projectRoot(), 'dist', 'web');
    emu = await startEmulator({
      dataDir,
      users: portfolio.users,
      host: '127.0.0.1',
      pages: (req) => staticFile(webRoot, req.url.pathname === '/' ? '/index.html' : req.url.pathname)
    });
    await loadPortfolio(emu, portfolio);
    browser = await launchBrowser();
    const people: IScreenPeople = screenPeople(portfolio);
    Object.assign(measured, await measurePageScreens(emu, browser, people));
    const office = new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(people.office)));
    Object.assign(measured, await measureActions(emu, office, portfolio.workstreams[0].id));
    for (const [screen, load] of Object.entries(measured)) {
      // What was measured, for lowering a ceiling after a cut.
      process.stdout.write(`${screen}: ${load.roundTrips} round trips, ${load.httpRequests} HTTP requests, ${load.requests} requests, ${load.kilobytes} KB\n  ${load.calls.join('\n  ')}\n`);
      process.stdout.write(`  parts:\n    ${load.parts.map((p) => `${p.bytes} B ${p.call}`).join('\n    ')}\n`);
    }
  }, 120000);

  afterAll(async () => {
    if (browser) {
      await browser.close();
    }
    if (emu) {
      await emu.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(Object.keys(LIMITS))('%s stays within its round trips, HTTP requests and requests', (screen: string) => {
    const load: IScreenLoad | undefined = measured[screen];
    expect(load).toBeDefined();
    const limit: ILimit = LIMITS[screen];
    expect(load!.roundTrips).toBeLessThanOrEqual(limit.roundTrips);
    expect(load!.httpRequests).toBeLessThanOrEqual(limit.httpRequests);
    expect(load!.requests).toBeLessThanOrEqual(limit.requests);
    if (limit.kilobytes !== undefined) {
      expect(load!.kilobytes).toBeLessThanOrEqual(limit.kilobytes);
    }
  });

  it('the programme view reads its ratings over time bare, by period: no OData metadata, nor who made each report and when', () => {
    // The landing's reads of status reports are its ratings: the latest periods', filtered on the
    // indexed period column (ISummaryOptions.ratingsWindow), never the whole list.
    const ratings = measured.programme.parts.filter((p) => /getByTitle\('Status Reports'\)\/items\?/.test(p.call));
    expect(ratings).toHaveLength(1);
    expect(ratings[0].call).toMatch(/\$filter=\(?ReportingPeriodId eq \d+( or ReportingPeriodId eq \d+)*\)?$/);
    expect(ratings[0].call).not.toMatch(/AuthorId|Created|Modified/);
    // A bare report is about 120 bytes ({"Id":7,"WorkstreamId":1,"ReportingPeriodId":2,"Rag":"Green/Amber",
    // "PreviousRag":"Green","ReportState":"Approved","ID":7}); with OData's metadata (type, id, ETag,
    // edit link) and the audit columns it was about 390.
    expect(ratings[0].bytes).toBeLessThanOrEqual(160 * portfolio.statusReports.length + 1000);
  });

  it("the programme view reads the open risks' scores, not their titles, numbers or owners (read when a matrix cell is chosen)", () => {
    const risks = measured.programme.parts.filter((p) => /getByTitle\('Risks'\)\/items\?/.test(p.call));
    expect(risks).toHaveLength(1);
    const select: string[] = (/\$select=([^&]*)/.exec(risks[0].call) || ['', ''])[1].split(',');
    expect(select).toEqual(expect.arrayContaining(['WorkstreamId', 'Likelihood', 'Impact']));
    expect(select.filter((c) => ['Title', 'RiskNumber', 'RiskOwner', 'SortOrder'].indexOf(c) >= 0)).toEqual([]);
  });

  it("a returning programme view takes the reference lists from the session's copy, checked by their stamps", () => {
    const parts = measured.programme.parts.map((p) => p.call);
    // Programme, RAG key, periods and workstreams: each list's stamp, not its items (the session
    // read them on the first visit, and none has changed since).
    for (const title of ['Programme', 'RAG Definitions', 'Reporting Periods', 'Workstreams']) {
      expect(parts.filter((c) => c.indexOf(`getByTitle('${title}')?$select=LastItemModifiedDate,LastItemDeletedDate,ItemCount`) >= 0)).toHaveLength(1);
    }
    // (The phases' own read of which phase each period and workstream is in selects Id,PhaseId only.)
    expect(parts.filter((c) => /getByTitle\('(Programme|RAG Definitions|Workstreams|Reporting Periods)'\)\/items\?\$select=Id,(?!PhaseId)/.test(c))).toEqual([]);
    // The remembered site is checked in the same $batch: its lists, and the tenant setting.
    expect(parts.filter((c) => /\/web\/lists\?\$select=Title$/.test(c))).toHaveLength(1);
    expect(parts.filter((c) => /getStorageEntity/i.test(c))).toHaveLength(1);
  });

  it('the programme view asks for the phases and its period\'s programme part with the summary: each once, the periods once', () => {
    const parts = measured.programme.parts.map((p) => p.call);
    const count = (re: RegExp): number => parts.filter((c) => re.test(c)).length;
    // Every read is in the landing's one $batch.
    expect(measured.programme.calls).toHaveLength(1);
    expect(measured.programme.calls[0]).toMatch(/\$batch$/);
    expect(count(/getByTitle\('Phases'\)\/items/)).toBe(1);
    expect(count(/getByTitle\('Period Snapshots'\)\/items/)).toBe(1);
    expect(count(/getByTitle\('Period History'\)\/items/)).toBe(1);
    // The programme part is checked against the summary's periods (here the session's copy), not a second read of them.
    expect(count(/getByTitle\('Reporting Periods'\)\/items\?\$select=Id,Title/)).toBeLessThanOrEqual(1);
    expect(count(/\/siteUsers/)).toBe(1);
  });

  it("the programme office's landing in a new session reads its window's ratings and milestones due in its first $batch, once", () => {
    const parts = measured.programmeOffice.parts.map((p) => p.call);
    expect(measured.programmeOffice.calls[0]).toMatch(/\$batch$/);
    // Once each: the hint's window was right, so nothing was read again after the periods came.
    expect(parts.filter((c) => /getByTitle\('Status Reports'\)\/items\?\$select=Id,WorkstreamId,ReportingPeriodId,Rag,PreviousRag,ReportState&/.test(c))).toHaveLength(1);
    expect(parts.filter((c) => /getByTitle\('Milestones'\)\/items\?\$select=Id,WorkstreamId,StatusCategory,DueDate&/.test(c))).toHaveLength(1);
    // The first time in the browser they came one round trip after the periods.
    const first: IScreenLoad = measured.programmeOfficeFirst;
    // (Its landing: the round trips before the lists' check, made only the first time. The open
    // period's key risks and sections came after the summary had named the period, too.)
    const landing: number = first.calls.findIndex((c) => /\/web\/lists\?\$select=Title,Id$/.test(c));
    expect(landing).toBe(measured.programmeOffice.roundTrips + 2);
  });

  it("the programme office's landing reads the workstreams' headings and the periods bare: no description or outcomes, no OData metadata", () => {
    const items = (title: string): Array<{ call: string; bytes: number }> => measured.programmeOffice.parts.filter((p) => p.call.indexOf(`getByTitle('${title}')/items?$select=Id,Title`) >= 0);
    const select = (call: string): string[] => (/\$select=([^&]*)/.exec(call) || ['', ''])[1].split(',');
    const workstreams = items('Workstreams');
    const periods = items('Reporting Periods');
    expect(workstreams).toHaveLength(1);
    expect(periods).toHaveLength(1);
    // The long texts are read by the views that show them (a period's picture, the set-up).
    expect(select(workstreams[0].call).filter((c) => ['Description', 'Outcomes', 'AuthorId', 'Created', 'Modified'].indexOf(c) >= 0)).toEqual([]);
    expect(select(workstreams[0].call)).toEqual(expect.arrayContaining(['Code', 'FullTitle', 'ShortTitle', 'SortOrder', 'Retired', 'SponsorId']));
    expect(select(periods[0].call).filter((c) => ['AuthorId', 'Created', 'Modified', 'Overview'].indexOf(c) >= 0)).toEqual([]);
    // Overviews are read for the open periods only (a locked one's is shown from its snapshot).
    const overviews = measured.programmeOffice.parts.filter((p) => p.call.indexOf("getByTitle('Reporting Periods')/items?") >= 0 && select(p.call).indexOf('Overview') >= 0);
    expect(overviews).toHaveLength(1);
    expect(decodeURIComponent(overviews[0].call)).toMatch(/\$filter=PeriodState eq 'Open'/);
    // A heading is about 300 bytes (its title, code, people's ids, dates as written, order); whole,
    // with OData's metadata and the description and outcomes, it was about 1,300 at this shape.
    expect(workstreams[0].bytes).toBeLessThanOrEqual(450 * portfolio.workstreams.length + 1000);
    // A bare period is about 220 bytes at this portfolio; with OData's metadata and the audit
    // columns, about 500, and each period's overview about 1,500 more: the landing reads none of
    // a locked period's, so it does not grow with the overviews of past periods.
    expect(periods[0].bytes).toBeLessThanOrEqual(300 * portfolio.periods.length + 1000);
  });

  it("checks the site's lists for the programme office the first time in the browser, after the landing's reads; not again while it found them up to date", () => {
    const first: IScreenLoad = measured.programmeOfficeFirst;
    const checkCall = (c: string): boolean => /\/web\/lists\?\$select=Title,Id$/.test(c);
    const fieldsPart = (c: string): boolean => /\/web\/lists\('[^']+'\)\/(fields|contentTypes)/.test(c);
    // The check's first call comes after every read of the landing (the summary, the ratings the
    // hint missed, the open period), and the check's parts go in the round trips after it.
    const at: number = first.calls.findIndex(checkCall);
    expect(at).toBeGreaterThanOrEqual(3);
    expect(first.parts.filter((p) => fieldsPart(p.call)).length).toBeGreaterThan(0);
    // A new session of the same browser: no check at all.
    expect(measured.programmeOffice.calls.filter(checkCall)).toHaveLength(0);
    expect(measured.programmeOffice.parts.filter((p) => fieldsPart(p.call))).toHaveLength(0);
  });

  it("the programme office's landing reads the open period's reports in full at most once; checking readiness reads them in one $batch", () => {
    const whole = (load: IScreenLoad): string[] =>
      load.parts.map((p) => p.call).filter((c) => /getByTitle\('Status Reports'\)\/items\?\$select=Id,WorkstreamId,Rag,PreviousRag,PreviousRagReason,KeyActivities/.test(c));
    // None: the programme view reads an open period's listed risks and sections only, and the cycle the summary's report states.
    expect(whole(measured.programmeOffice).length).toBe(0);
    expect(measured.cycle.calls).toHaveLength(1);
    expect(measured.cycle.calls[0]).toMatch(/\$batch$/);
    expect(whole(measured.cycle).length).toBeGreaterThan(0);
  });

  it("a Teams tab reads no programme counts and no programme ratings: only its workstream's", () => {
    const calls = measured.teamsTab.parts.map((p) => p.call);
    // The programme view's counts; the workstream's own picture reads its risks and milestones by period.
    expect(calls.filter((c) => /getByTitle\('Risks'\)\/items\?.*\$filter=RiskState eq 'Open'$/.test(c))).toEqual([]);
    expect(calls.filter((c) => /getByTitle\('Milestones'\)\/items\?\$select=Id,WorkstreamId,StatusCategory,DueDate&/.test(c))).toEqual([]);
    // No rating of every workstream (ISummaryOptions.withoutRatings): the workstream's own ratings,
    // by its indexed id (which they then need not carry: the filter says it).
    expect(calls.filter((c) => /getByTitle\('Status Reports'\)\/items\?\$select=Id,WorkstreamId,ReportingPeriodId,Rag,PreviousRag,ReportState&/.test(c))).toEqual([]);
    const ratings = calls.filter((c) => /getByTitle\('Status Reports'\)\/items\?\$select=Id,ReportingPeriodId,Rag,PreviousRag,ReportState&/.test(c));
    expect(ratings.length).toBeGreaterThan(0);
    for (const call of ratings) {
      expect(call).toMatch(/\$filter=WorkstreamId eq \d+$/);
    }
  });

  it("a workstream's view of a locked period reads its workstream's part of the snapshot, never the whole one", () => {
    // What one workstream's view shows of a locked period comes from the part its lock stored for
    // its group of workstreams (src/data/snapshot.ts), found by key in the indexed SnapshotId column.
    const reads = measured.workstream.parts.filter((p) => /getByTitle\('Period Snapshots'\)\/items/.test(p.call));
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read.call).toMatch(/\$filter=SnapshotId eq 'period-\d+-workstreams-\d+'/);
    }
  });

  it("the programme view reads the shown locked period's programme part, never its whole snapshot", () => {
    // Key risks and the period's sections come from the small part its lock stored beside the
    // whole snapshot (src/data/snapshot.ts), found by its key in the indexed SnapshotId column.
    const reads = measured.programme.parts.filter((p) => /getByTitle\('Period Snapshots'\)\/items/.test(p.call));
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read.call).toMatch(/\$filter=SnapshotId eq 'period-\d+-programme'/);
    }
  });
});

describe('Starting a period that carries forward more than 100 milestones', () => {
  // 55 workstreams, each of whose reports planned 4 milestones for the next period: 220 carried,
  // three $batches' worth.
  const shape = { workstreams: 55, periods: 2, archivePeriods: 0, milestonesPerMonth: 10, risksPerWorkstream: 1, feedbackPerMonth: 0 };
  let emu: Emulator;
  let dataDir: string;
  let portfolio: ISeedProgramme;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-perf-carry-'));
    portfolio = makePortfolio(shape);
    emu = await startEmulator({ dataDir, users: portfolio.users, host: '127.0.0.1' });
    await loadPortfolio(emu, portfolio);
  }, 120000);

  afterAll(async () => {
    if (emu) {
      await emu.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries them in $batches of 100 sent together: three round trips, however many are carried', async () => {
    const people: IScreenPeople = screenPeople(portfolio);
    const office = new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(people.office)));
    const open: IPeriod = latestPeriod(await office.getPeriods()) as IPeriod;
    const planned: number = (await office.getPeriodPicture(open.id)).milestones.filter((m) => m.timing === 'NextPeriod' && (m.title || '').trim() !== '').length;
    expect(planned).toBeGreaterThan(200);
    const load: IScreenLoad = await measureAction(emu, () => office.createPeriod(nextMonth(open)));
    process.stdout.write(`newPeriod, ${planned} carried: ${load.roundTrips} round trips, ${load.httpRequests} HTTP requests, ${load.requests} requests\n  ${load.calls.join('\n  ')}\n`);
    const created: IPeriod = latestPeriod(await office.getPeriods()) as IPeriod;
    expect(created.id).not.toBe(open.id);
    expect((await office.getPeriodPicture(created.id)).milestones.filter((m) => m.timing === 'ThisPeriod')).toHaveLength(planned);
    // The rights and the periods; the period's create with what the last period planned; then
    // the carried milestones, 100 to a $batch (SharePoint's limit), the batches sent together:
    // one wait on the network for all of them (README, Performance).
    expect(load.roundTrips).toBeLessThanOrEqual(3);
    expect(load.httpRequests).toBe(2 + Math.ceil(planned / 100));
    // The rights (one part a list: 15), the periods and the open ones' overviews, the planned
    // milestones, the create, and one part a carried milestone: nothing asked for twice.
    expect(load.requests).toBeLessThanOrEqual(19 + planned);
  }, 120000);
});
