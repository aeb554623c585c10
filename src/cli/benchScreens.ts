/**
 * The bench's screens: what each person meets, measured through the product itself. Pages are
 * the built dashboard and task pane (dist/web) opened in headless Chromium against the emulator,
 * as the site's people; the cycle's actions (save, lock, new period) are the repository calls the
 * dashboard makes. Each screen is counted from a clean slate (the emulator's counters reset) until
 * the page has shown what it is for and the network is quiet.
 */
import * as fs from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { latestPeriod, type IPeriod } from '../domain';
import type { IProgrammeRepository } from '../data/repository';
import type { Emulator } from '../emulator/server';
import type { ISeedProgramme } from '../fixtures/improvementPlanPhase2';
import { countingWaits, PAGE_BINDING, PAGE_COUNTING_SCRIPT, WaitCounter } from './waits';

/** What one screen or action cost. */
export interface IScreenLoad {
  /**
   * Waits on the network (src/cli/waits.ts): a request sent while another of the screen's is in
   * flight shares its wait. Counted where the product's code runs, plus any HTTP request the
   * emulator answered that the count did not see (each a wait of its own), so never fewer.
   */
  roundTrips: number;
  /** HTTP requests the emulator answered (a $batch once). */
  httpRequests: number;
  /** HTTP requests, with each part of a $batch counted and the $batch itself not. */
  requests: number;
  kilobytes: number;
  ms: number;
  /** Each round trip as "METHOD path" (a $batch's parts are not listed), in order. */
  calls: string[];
  /** Each request inside a $batch as "METHOD path", with the bytes of its answer, in order. */
  parts: Array<{ call: string; bytes: number }>;
}

/** Who opens which screen. */
export interface IScreenPeople {
  /** An IIB member: reads the programme. */
  reader: string;
  /** The programme office: the programme view with the reporting cycle below it. */
  office: string;
  /** A workstream's project manager, whose Teams tab opens on that workstream. */
  manager: string;
  /** The workstream the manager's tab and the reader's click open. */
  workstream: { code: string; title: string };
}

/**
 * The screens' names, as bench.json records them under `screens`. `teamsTabFirst` is measured with
 * `teamsTab` (its first open in the browser, before `teamsTab` opens it again in a new session),
 * `programmeOfficeFirst` likewise with `programmeOffice`; `cycle` (the programme office checking the open period's readiness, which reads every report)
 * on the page `programmeOffice` landed on.
 */
export type PageScreen = 'programme' | 'programmeOffice' | 'programmeOfficeFirst' | 'cycle' | 'workstream' | 'teamsTab' | 'teamsTabFirst' | 'taskPane';

/** The cycle's actions' names, as bench.json records them under `screens`. */
export type ActionScreen = 'save' | 'lock' | 'newPeriod';

/** Every page screen, in the order they are measured. */
export const PAGE_SCREENS: ReadonlyArray<PageScreen> = ['programme', 'programmeOffice', 'cycle', 'workstream', 'teamsTab', 'taskPane'];

/** Every action, in the order they are measured. */
export const ACTION_SCREENS: ReadonlyArray<ActionScreen> = ['save', 'lock', 'newPeriod'];

const CHROMIUM: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless Chromium, as the browser tests launch it; undefined (with why) when it is not installed. */
export async function launchChromium(): Promise<{ browser?: Browser; why?: string }> {
  if (!fs.existsSync(CHROMIUM)) {
    return { why: `Chromium is not installed at ${CHROMIUM} (bash config/install-system-packages.sh installs it)` };
  }
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-certificate-errors']
  });
  return { browser };
}

/** A request's path and query as a person reads it ("getByTitle('Risks')", not "%27Risks%27"). */
function readable(pathAndQuery: string): string {
  try {
    return decodeURIComponent(pathAndQuery.replace(/\+/g, ' '));
  } catch {
    return pathAndQuery;
  }
}

/**
 * The emulator's counters since they were last reset, with the waits `counted` where the requests
 * were sent; an HTTP request the emulator answered and the count did not see is a wait of its own.
 */
export function countsSince(emu: Emulator, started: number, counted: WaitCounter): IScreenLoad {
  const batches: number = (emu.stats.byKind['sp-batch'] || 0) + (emu.stats.byKind['graph-batch'] || 0);
  const unseen: number = Math.max(0, emu.stats.roundTrips - counted.httpRequests);
  return {
    roundTrips: counted.waits + unseen,
    httpRequests: emu.stats.roundTrips,
    requests: emu.stats.roundTrips - batches + emu.stats.batchParts,
    kilobytes: Math.round(emu.stats.bytesOut / 1024),
    ms: Math.round(performance.now() - started),
    calls: emu.stats.recent.map((r) => `${r.method} ${readable(r.path)}`),
    parts: emu.stats.recentParts.map((r) => ({ call: `${r.method} ${readable(r.path)}`, bytes: r.bytes }))
  };
}

/** Measures an action run in this process: counters reset, the work (its requests counted as they are sent), the counts. */
export async function measureAction(emu: Emulator, work: () => Promise<unknown>): Promise<IScreenLoad> {
  emu.resetStats();
  const counted: WaitCounter = new WaitCounter();
  const started: number = performance.now();
  await countingWaits(counted, work);
  return countsSince(emu, started, counted);
}

/** What the pages the bench opens have sent since the last screen began (one screen is measured at a time). */
const PAGE_WAITS: WaitCounter = new WaitCounter();

/**
 * Has every page of `target` (a page, or a browser context and so all its pages) count its
 * requests to the API as it sends them, into {@link PAGE_WAITS}.
 */
async function countPageWaits(target: Page | BrowserContext): Promise<void> {
  await target.exposeBinding(PAGE_BINDING, (_source: unknown, newWait: unknown) => PAGE_WAITS.noted(newWait === true));
  await target.addInitScript({ content: PAGE_COUNTING_SCRIPT });
}

/**
 * Opens a page (or does something on one) and counts until `shown` resolves — the time — and
 * until the network is quiet — the round trips and bytes, so nothing the screen loads late is
 * missed.
 */
async function measurePage(emu: Emulator, page: Page, open: () => Promise<unknown>, shown: () => Promise<unknown>): Promise<IScreenLoad> {
  // Nothing the last screen still asks for is counted against this one.
  await quiet(emu);
  emu.resetStats();
  PAGE_WAITS.reset();
  const started: number = performance.now();
  await open();
  await shown();
  const ms: number = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  await quiet(emu);
  return { ...countsSince(emu, started, PAGE_WAITS), ms };
}

/**
 * Waits until the emulator has had no request for a while: on a loaded machine the page may take
 * longer than Chromium's half-second of network idle to render an answer and ask the next thing,
 * which would otherwise be counted against the next screen.
 */
async function quiet(emu: Emulator, forMs: number = 1500): Promise<void> {
  let seen: number = emu.stats.roundTrips;
  let since: number = performance.now();
  while (performance.now() - since < forMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (emu.stats.roundTrips !== seen) {
      seen = emu.stats.roundTrips;
      since = performance.now();
    }
  }
}

const PROGRAMME_TABLE: RegExp = /RAG status of each workstream/;
const WORKSTREAM_HEADING: string = 'Key milestones/activities this period';
const OFFICE_HEADING: string = 'Programme office: reporting cycle';
const OFFICE_TABLE: RegExp = /^Where each workstream's report for /;
const CHECK_READINESS: RegExp = /^Check readiness for /;
const READINESS_COLUMN: string = 'Readiness findings';
const TIMEOUT_MS: number = 120000;

/** An address opened the first time in a browser, then again in a new session of it. */
interface IFirstAndAgain {
  first: IScreenLoad;
  again: IScreenLoad;
  /** The page opened again, left open for what is measured on it next. */
  page: Page;
  /** Closes the browser (its context) and its pages. */
  close: () => Promise<void>;
}

/**
 * Opens an address in a browser of its own (a new context: nothing kept), counted until `shown`
 * resolves; then in a new page of the same browser, as a person opens it again another day: the
 * session's storage is new, the browser's lasting storage and cache are there.
 */
async function openFirstAndAgain(emu: Emulator, browser: Browser, address: string, shown: (page: Page) => Promise<unknown>): Promise<IFirstAndAgain> {
  const browsing: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await countPageWaits(browsing);
  const open = async (): Promise<{ page: Page; load: IScreenLoad }> => {
    const page: Page = await browsing.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    return { page, load: await measurePage(emu, page, () => page.goto(address), () => shown(page)) };
  };
  const first = await open();
  await first.page.close();
  const again = await open();
  return { first: first.load, again: again.load, page: again.page, close: () => browsing.close() };
}

/**
 * The page screens at the emulator's current data: the programme view (reader and programme
 * office), a workstream opened from it, a Teams tab opening on a workstream, and the task pane.
 */
export async function measurePageScreens(emu: Emulator, browser: Browser, people: IScreenPeople, only?: ReadonlySet<string>): Promise<Partial<{ [screen in PageScreen]: IScreenLoad }>> {
  // Only the screens asked for (every one when not asked); a workstream is opened from the programme
  // view; a tab's first open in the browser comes before its open in a new session.
  const wanted = (screen: PageScreen): boolean =>
    !only || only.has(screen) || (screen === 'teamsTabFirst' && only.has('teamsTab')) || (screen === 'programmeOfficeFirst' && only.has('programmeOffice'));
  const base: string = emu.url;
  const as = (login: string): string => `as=${encodeURIComponent(login)}`;
  const newPage = async (): Promise<Page> => {
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT_MS);
    await countPageWaits(page);
    return page;
  };
  const results: Partial<{ [screen in PageScreen]: IScreenLoad }> = {};

  // The landing page, as an IIB member; then a workstream opened from it.
  if (wanted('programme') || wanted('workstream')) {
    const reader: Page = await newPage();
    // A first visit warms Chromium's cache of the scripts, as a returning reader's browser has it.
    await reader.goto(`${base}/?${as(people.reader)}`);
    await reader.getByRole('table', { name: PROGRAMME_TABLE }).waitFor();
    await reader.waitForLoadState('networkidle');
    results.programme = await measurePage(
      emu,
      reader,
      () => reader.reload(),
      () => reader.getByRole('table', { name: PROGRAMME_TABLE }).waitFor()
    );
    results.workstream = await measurePage(
      emu,
      reader,
      () => reader.getByRole('button', { name: people.workstream.title, exact: true }).first().click(),
      () => reader.getByRole('heading', { name: WORKSTREAM_HEADING }).first().waitFor()
    );
    await reader.close();
  }

  // The programme office's landing: the programme view with the reporting cycle (where each
  // report stands) on it — the first time in this browser (`programmeOfficeFirst`), then in a new
  // session of the same browser (`programmeOffice`: the session's storage new, the browser's
  // lasting hints of the landing's periods there); then checking the open period's readiness
  // there (`cycle`).
  if (wanted('programmeOffice') || wanted('programmeOfficeFirst') || wanted('cycle')) {
    const office: IFirstAndAgain = await openFirstAndAgain(emu, browser, `${base}/?${as(people.office)}`, async (page) => {
      await page.getByRole('heading', { name: OFFICE_HEADING }).waitFor();
      await page.getByRole('table', { name: OFFICE_TABLE }).waitFor();
    });
    // The new session first: the table words the first time as "the same" screen, under it.
    results.programmeOffice = office.again;
    results.programmeOfficeFirst = office.first;
    results.cycle = await measurePage(
      emu,
      office.page,
      () => office.page.getByRole('button', { name: CHECK_READINESS }).click(),
      () => office.page.getByRole('columnheader', { name: READINESS_COLUMN }).waitFor()
    );
    await office.close();
  }

  // A workstream group's Teams tab, opening straight on its workstream: the first time in this
  // browser (nothing kept: `teamsTabFirst`), then again in a new session of the same browser, as a
  // person opens their team's tab day after day (`teamsTab`): the session's storage is new (the
  // site is guessed and checked, the reference lists read whole), and the browser's lasting hint
  // of where the tab landed (ids only, localStorage) is there.
  if (wanted('teamsTab') || wanted('teamsTabFirst')) {
    const tabAddress: string = `${base}/?host=teams&workstream=${encodeURIComponent(people.workstream.code)}&${as(people.manager)}`;
    const tab: IFirstAndAgain = await openFirstAndAgain(emu, browser, tabAddress, (page) => page.getByRole('heading', { name: WORKSTREAM_HEADING }).first().waitFor());
    results.teamsTab = tab.again;
    results.teamsTabFirst = tab.first;
    await tab.close();
  }

  // The task pane outside Word: its period list and the preview of the latest period.
  if (wanted('taskPane')) {
    const pane: Page = await newPage();
    results.taskPane = await measurePage(
      emu,
      pane,
      () => pane.goto(`${base}/addin/taskpane.html`, { waitUntil: 'domcontentloaded' }),
      () => pane.getByRole('region', { name: /^Preview of / }).waitFor()
    );
    await pane.close();
  }
  for (const screen of Object.keys(results) as PageScreen[]) {
    if (!wanted(screen)) {
      delete results[screen];
    }
  }
  return results;
}

/** The month after a period, as the programme office would start it. */
export function nextMonth(period: IPeriod): { title: string; start: string; end: string } {
  const end: Date = new Date(`${period.end}T00:00:00Z`);
  const start: Date = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1));
  const last: Date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  return { title: start.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }), start: iso(start), end: iso(last) };
}

/**
 * The cycle's actions as the dashboard makes them, through the programme office's repository:
 * saving an edit to a workstream's status report in the open period, locking that period, and
 * starting the next (milestones carried forward) — or only those `only` names. `save` is missing
 * when the workstream has no report in the open period.
 */
export async function measureActions(
  emu: Emulator,
  office: IProgrammeRepository,
  workstreamId: number,
  only: ReadonlyArray<ActionScreen> = ACTION_SCREENS
): Promise<Partial<{ [screen in ActionScreen]: IScreenLoad }>> {
  const into: Partial<{ [screen in ActionScreen]: IScreenLoad }> = {};
  const open: IPeriod = latestPeriod(await office.getPeriods()) as IPeriod;
  if (only.indexOf('save') >= 0) {
    const own = await office.getPeriodPicture(open.id, { workstreamId });
    const report = own.statusReports.filter((r) => r.workstreamId === workstreamId)[0];
    if (report) {
      into.save = await measureAction(emu, () => office.update('statusReport', report.id, { managerUpdate: `${report.managerUpdate || ''} Checked by the bench.` }, report.etag));
    }
  }
  if (only.indexOf('lock') >= 0) {
    into.lock = await measureAction(emu, () => office.lockPeriod(open.id, { allowUnapproved: true, reason: 'Measured by the bench', overrideReason: 'Measured by the bench' }));
  }
  if (only.indexOf('newPeriod') >= 0) {
    into.newPeriod = await measureAction(emu, () => office.createPeriod(nextMonth(open)));
  }
  return into;
}

/** Who opens the screens: the portfolio's people, and its first workstream. */
export function screenPeople(portfolio: ISeedProgramme): IScreenPeople {
  const inGroup = (group: string): string => portfolio.users.filter((u) => (u.groups as string[]).indexOf(group) >= 0)[0].login;
  const ws = portfolio.workstreams[0];
  const manager: string = ws.projectManagers && ws.projectManagers[0] ? (ws.projectManagers[0].login as string) : inGroup('Workstream Leads');
  return { reader: inGroup('IIB Members'), office: inGroup('Programme Office'), manager, workstream: { code: ws.code, title: ws.title } };
}
