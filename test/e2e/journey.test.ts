/**
 * A workstream's journey across phases (issue 16) in Chromium against the real `npm start`:
 *
 * - on the seeded programme, with Phase 3 and its Continuous Improvement theme set up here over
 *   SharePoint REST and one of Phase 2's close-down rows sent to it: an IIB member opens
 *   Governance and Decision Making, its journey (its Phase 2 ratings in words, its close-down
 *   rows), follows the row's link to the Phase 3 theme — whose journey says where it came from —
 *   and back, by keyboard;
 * - on a programme shaped differently, built here on an empty stack (three phases, a theme that
 *   went on into a later phase only through a milestone carried from its row, Milestones.Origin).
 *
 * axe-core passes on the journey in the light, dark and high-contrast themes, and at 400 px (a
 * Teams tab on a phone) the page does not scroll sideways. Screenshots: test-results/screenshots
 * (journey-*.png).
 */
import type { Locator } from 'playwright-core';
import { phaseRecord } from '../../src/data/PhaseRepository';
import { periodValues, programmeValues, toValues, workstreamValues } from '../../src/data/mapping';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, IIB, LEAD, THEMES, themeQuery, type IBrowserSession, type TestPage } from './support/session';

const GOV = 'Governance and Decision Making';

async function openJourney(session: IBrowserSession, code: string, options: { width: number; theme?: string; login?: string }): Promise<TestPage> {
  const page: TestPage = await session.open(`/?as=${encodeURIComponent(options.login || IIB)}&phJourney=${encodeURIComponent(code)}${themeQuery(options.theme || 'default')}`, { width: options.width });
  await page.getByRole('heading', { level: 2, name: /: journey across phases$/ }).waitFor();
  await page.getByRole('heading', { level: 3 }).first().waitFor();
  return page;
}

/** Each body row of a table as its cells' text, tab-separated. */
async function rowTexts(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c as HTMLElement).innerText.trim().replace(/\s+/g, ' ')).join('\t')));
}

describe('the seeded programme, with a Phase 3 theme set up here', () => {
  let ciTitle: string;
  let task: string;
  const e2e = browserSession({
    setUp: async (session) => {
      const phase3: number = await session.addItem('Phases', phaseRecord({ title: 'Phase 3', start: '2024-02-01', state: 'Open' }));
      ciTitle = 'Continuous Improvement';
      const ci: number = await session.addItem('Workstreams', { ...workstreamValues({ code: 'CI', title: ciTitle, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 9 }), Phase: phase3 });
      // Phase 2's first row names "Continuous Improvement Improvement theme (Phase 3)" in words: now the theme too.
      const phases = session.repository(LEAD).phases();
      const row = (await phases.getCloseDown(1)).items.filter((i) => i.workstreamId === 1 && i.destination === 'NextPhaseTheme')[0];
      task = row.task.trim();
      await phases.updateCloseDownItem(row.id, { destinationWorkstreamId: ci }, row.etag);
    }
  });

  it("opens a Phase 2 theme's journey from its view, follows its row to the Phase 3 theme and back, by keyboard", async () => {
    const page: TestPage = await e2e.open(`/?as=${encodeURIComponent(IIB)}&phWorkstream=GOV`, { width: 1280 });
    const history = page.getByRole('table', { name: `RAG status of ${GOV} in each reporting period, earliest first` });
    await history.waitFor();
    const expected: string[] = await rowTexts(history);
    await page.getByRole('button', { name: `Journey across phases of ${GOV}` }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: `${GOV}: journey across phases` });
    await heading.waitFor();
    await page.getByRole('heading', { level: 3, name: 'Phase 2 (closing)' }).waitFor();
    // Focus moves to the view's heading, as opening a workstream does.
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('phJourney')).toBe('GOV');
    // Its ratings in Phase 2's periods, as the workstream's RAG history shows them: in words.
    const ratings = page.getByRole('table', { name: `Rating of ${GOV} in each period of Phase 2` });
    expect(await rowTexts(ratings)).toEqual(expected);
    expect(expected.every((r) => /\t.*(Green|Amber|Red|Awaiting approval)/.test(r))).toBe(true);
    const rows = page.getByRole('table', { name: `Rows of ${GOV} in the close-down of Phase 2` });
    const row = rows.getByRole('row').filter({ hasText: task });
    expect(await row.innerText()).toContain('Continuous Improvement Improvement theme (Phase 3)');
    await page.screenshot({ path: screenshotPath('journey-seed-phase2'), fullPage: true });

    const link = row.getByRole('button', { name: `Journey of ${ciTitle}, a theme of Phase 3` });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: `${ciTitle}: journey across phases` }).waitFor();
    const from = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: `Where ${ciTitle} came from` }) });
    await from.waitFor();
    expect(await from.innerText()).toContain(`From ${GOV}, at the close-down of Phase 2:`);
    expect(await from.innerText()).toContain(task);
    expect(await page.getByText(`${ciTitle} is a theme of this phase.`).count()).toBe(1);
    expect(await page.getByText('Phase 3 has no reporting periods yet.').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('phJourney')).toBe('CI');
    await page.screenshot({ path: screenshotPath('journey-seed-phase3'), fullPage: true });

    await from.getByRole('button', { name: `Journey of ${GOV}, a theme of Phase 2` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: `${GOV}: journey across phases` }).waitFor();
    await page.getByRole('table', { name: `Rows of ${GOV} in the close-down of Phase 2` }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120000);

  it('passes axe in the three themes and does not scroll sideways at 400 px', async () => {
    for (const theme of THEMES) {
      for (const code of ['GOV', 'CI']) {
        const page: TestPage = await openJourney(e2e, code, { width: 400, theme });
        await page.getByRole('heading', { level: 3 }).first().waitFor();
        expect({ theme, code, violations: await axeViolations(page, 'main') }).toEqual({ theme, code, violations: [] });
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        if (theme !== 'default' || code === 'GOV') {
          await page.screenshot({ path: screenshotPath(`journey-400-${code}-${theme}`), fullPage: true });
        }
        expect(page.errors).toEqual([]);
        await page.close();
      }
    }
  }, 180000);
});

describe('a programme shaped differently, built here: three phases, an item carried on only by its milestone', () => {
  const ids: { [name: string]: number } = {};
  const e2e = browserSession({
    stackArgs: ['--empty'],
    setUp: async (session) => {
      const add = (list: string, record: object): Promise<number> => session.addItem(list, record);
      await add('Programme', programmeValues({ title: 'Harbour Recovery', organisation: 'A Port Authority', board: 'Recovery Board', ragKeyIntroduction: '', ragDefinitions: [] }).programme);
      ids.alpha = await add('Phases', phaseRecord({ title: 'Stabilise', start: '2022-04-01', state: 'Closing' }));
      ids.beta = await add('Phases', phaseRecord({ title: 'Rebuild', start: '2023-04-01', state: 'Open' }));
      ids.gamma = await add('Phases', phaseRecord({ title: 'Sustain', start: '2024-04-01', state: 'Open' }));
      ids.p1 = await add('Reporting Periods', { ...periodValues({ title: 'Spring 2022', start: '2022-04-01', end: '2022-06-30', state: 'Open' }), Phase: ids.alpha });
      ids.p2 = await add('Reporting Periods', { ...periodValues({ title: 'Spring 2023', start: '2023-04-01', end: '2023-06-30', state: 'Open' }), Phase: ids.beta });
      const ws = (code: string, title: string, order: number, phase: number): Promise<number> =>
        add('Workstreams', { ...workstreamValues({ code, title, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order }), Phase: phase });
      ids.fin = await ws('FIN', 'Finance', 1, ids.alpha);
      ids.ops = await ws('OPS', 'Harbour operations', 2, ids.beta);
      ids.peo = await ws('PEO', 'People', 3, ids.gamma);
      await add('Status Reports', toValues('statusReport', { workstreamId: ids.fin, periodId: ids.p1, rag: 'Amber', state: 'Approved' }));
      await add('Status Reports', toValues('statusReport', { workstreamId: ids.ops, periodId: ids.p2, rag: 'Green', state: 'Approved' }));
      ids.row = await add('Close-down Items', { Title: 'Reconcile the 2021/22 accounts', PhaseId: ids.alpha, WorkstreamId: ids.fin, ActivityOutstanding: 'Two ledgers to close', Destination: 'Next phase theme', DestinationAsWritten: 'The operations theme', SortOrder: 1 });
      await add('Close-down Items', { Title: 'Set the treasury policy', PhaseId: ids.alpha, WorkstreamId: ids.fin, ActivityUndertaken: 'Policy adopted', Evidence: 'Board minute 14', Destination: 'Completed', SortOrder: 2 });
      // Carried into Rebuild's operations theme as a milestone whose Origin names the row; the row names the theme only in words.
      await add('Milestones', { ...toValues('milestone', { workstreamId: ids.ops, periodId: ids.p2, timing: 'ThisPeriod', number: '1', title: 'Reconcile the 2021/22 accounts', statusCategory: 'InProgress', order: 1 }), Origin: `closeDown:${ids.alpha}:${ids.row}` });
    }
  });

  it('follows Finance to Harbour operations through the carried milestone, and back; a theme of a phase with nothing yet says so', async () => {
    const page: TestPage = await openJourney(e2e, 'FIN', { width: 400, login: LEAD });
    await page.getByRole('heading', { level: 3, name: 'Stabilise (closing)' }).waitFor();
    expect(await rowTexts(page.getByRole('table', { name: 'Rating of Finance in each period of Stabilise' }))).toEqual([expect.stringMatching(/^Spring 2022\t.*Amber/)]);
    const rows = page.getByRole('table', { name: 'Rows of Finance in the close-down of Stabilise' });
    const carried = rows.getByRole('row').filter({ hasText: 'Reconcile the 2021/22 accounts' });
    expect(await carried.innerText()).toContain('The operations theme');
    expect(await rows.getByRole('row').filter({ hasText: 'Set the treasury policy' }).innerText()).toContain('Evidence: Board minute 14');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: screenshotPath('journey-other-finance'), fullPage: true });

    await carried.getByRole('button', { name: 'Journey of Harbour operations, a theme of Rebuild' }).click();
    await page.getByRole('heading', { level: 2, name: 'Harbour operations: journey across phases' }).waitFor();
    const from = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: 'Where Harbour operations came from' }) });
    await from.waitFor();
    expect(await from.innerText()).toContain('From Finance, at the close-down of Stabilise:');
    expect(await rowTexts(page.getByRole('table', { name: 'Rating of Harbour operations in each period of Rebuild' }))).toEqual([expect.stringMatching(/^Spring 2023\t.*Green/)]);
    expect(await page.getByText('The close-down of Rebuild is not drafted yet.').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('journey-other-operations'), fullPage: true });
    await from.getByRole('button', { name: 'Journey of Finance, a theme of Stabilise' }).click();
    await page.getByRole('heading', { level: 2, name: 'Finance: journey across phases' }).waitFor();
    await page.close();

    const people: TestPage = await openJourney(e2e, 'PEO', { width: 400, login: LEAD });
    await people.getByRole('heading', { level: 3, name: 'Sustain (open)' }).waitFor();
    expect(await people.getByText('No outstanding item of an earlier phase went into People.').count()).toBe(1);
    expect(await people.getByText('Sustain has no reporting periods yet.').count()).toBe(1);
    expect(people.errors).toEqual([]);
    await people.close();
  }, 120000);
});
