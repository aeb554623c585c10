/**
 * The programme dashboard in Chromium against the real `npm start`: what each kind of person sees
 * and may do, a save that reaches SharePoint's list, a forged write refused, a stale edit shown
 * side by side with nothing lost, axe-core on both views in three themes, and phone width.
 * Screenshots of each view are kept in test-results/screenshots.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { RAG_COLOURS, type Rag } from '../../src/domain';
import { readWorkbook } from '../../src/data/exchange/workbook';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, IIB, LEAD, listApi, MANAGER, THEMES, themeQuery, type TestPage } from './support/session';

const e2e = browserSession();

function open(login: string, query: string = ''): Promise<TestPage> {
  return e2e.openDashboard(login, { query });
}

async function openWorkstream(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: 'Key milestones/activities this period' }).waitFor();
}

function hex(rgb: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(rgb);
  return m ? m.slice(1).map((n) => Number(n).toString(16).padStart(2, '0')).join('').toUpperCase() : rgb;
}

describe('the programme view', () => {
  it('shows the five workstreams with November/December 2023 and the previous ratings as label and colour', async () => {
    const page = await open(LEAD);
    const rows = page.getByRole('table', { name: /RAG status of each workstream/ }).getByRole('row');
    const expected: Array<[string, Rag, Rag]> = [
      ['Governance and Decision Making', 'Green/Amber', 'Green'],
      ['Procurement', 'Green/Amber', 'Green'],
      ['Project Plans and Delivery', 'Green/Amber', 'Green'],
      ['Partnership Working', 'Amber', 'Green/Amber'],
      ['Confidence, Culture and Capacity', 'Green/Amber', 'Green']
    ];
    expect(await rows.count()).toBe(6);
    for (let i = 0; i < expected.length; i++) {
      const [title, june, novDec] = expected[i];
      const row = rows.nth(i + 1);
      expect(await row.getByRole('rowheader').count()).toBe(1);
      expect(await row.locator('th, td').first().innerText()).toContain(title);
      const badges = await row.locator('td').evaluateAll((cells) =>
        cells.slice(0, 2).map((td) => {
          const badge = Array.from(td.querySelectorAll('span')).filter((s) => (s as HTMLElement).style.background)[0] as HTMLElement | undefined;
          return badge ? { label: badge.textContent, background: getComputedStyle(badge).backgroundColor, color: getComputedStyle(badge).color } : undefined;
        })
      );
      expect(badges.map((b) => b && b.label)).toEqual([june, novDec]);
      expect(badges.map((b) => b && hex(b.background))).toEqual([RAG_COLOURS[june].fill, RAG_COLOURS[novDec].fill]);
      // A screen reader hears the rating and its direction, not a colour.
      expect(await row.locator('td').nth(1).innerText()).toContain(novDec);
    }
    // Each arrow compares November/December with the June column beside it: every workstream improved.
    expect(await page.getByText('Improved since last period').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: screenshotPath('programme-view'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60000);
});

describe('a project manager', () => {
  it("changes a milestone's status, and it is in SharePoint's list after a reload", async () => {
    const page = await open(MANAGER);
    await openWorkstream(page, 'Procurement');
    await page.screenshot({ path: screenshotPath('workstream-view'), fullPage: true });
    // Each row's actions are in one menu named for the row.
    await page.getByRole('button', { name: /^More actions: milestone .*Launch Procurement Hub/ }).click();
    await page.getByRole('menuitem', { name: /^Change status: .*Launch Procurement Hub/ }).click();
    const dialog = page.getByRole('dialog');
    const status = dialog.getByRole('textbox', { name: /^Status/ });
    await status.fill('Complete – hub launched on 30/11/2023');
    await dialog.getByRole('combobox', { name: /Status category/ }).click();
    await page.getByRole('option', { name: 'Complete' }).click();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').first().waitFor();

    const items = await e2e.rest(`${listApi('Milestones')}/items?$filter=Title eq 'Launch Procurement Hub'&$select=Id,MilestoneStatus,StatusCategory,ReportingPeriodId`);
    const saved = items.json.value.filter((m: { ReportingPeriodId: number }) => m.ReportingPeriodId === 2)[0];
    expect(saved).toMatchObject({ MilestoneStatus: 'Complete – hub launched on 30/11/2023', StatusCategory: 'Complete' });

    // The address records the workstream: a reload opens Procurement again, read afresh.
    await page.reload();
    await page.getByText('Complete – hub launched on 30/11/2023').waitFor();
    await page.close();
  }, 60000);

  it('sees the conflict view when someone else saved first, with the typed text kept', async () => {
    const page = await open(MANAGER);
    await openWorkstream(page, 'Governance and Decision Making');
    await page.getByRole('button', { name: /^More actions: milestone .*Complete BB governance changes/ }).click();
    await page.getByRole('menuitem', { name: /^Change status: .*Complete BB governance changes/ }).click();
    const dialog = page.getByRole('dialog');
    const mine = 'Complete – approved by the Board on 29/11/2023';
    await dialog.getByRole('textbox', { name: /^Status/ }).fill(mine);

    // Meanwhile the programme office lead changes the same milestone.
    const found = await e2e.rest(`${listApi('Milestones')}/items?$filter=Title eq 'Complete BB governance changes'&$select=Id,ReportingPeriodId,Timing`);
    const target = found.json.value.filter((m: { ReportingPeriodId: number; Timing: string }) => m.ReportingPeriodId === 2 && m.Timing === 'This period')[0];
    const theirs = 'Delayed – waiting for the January Board';
    await e2e.mergeItem('Milestones', target.Id, { MilestoneStatus: theirs });

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const region = page.getByRole('region', { name: 'Your version and the current version' });
    await region.waitFor();
    expect(await region.innerText()).toContain(mine);
    expect(await region.innerText()).toContain(theirs);
    await page.getByText('Your version', { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('conflict-view'), fullPage: true });
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);

    // Keeping my version writes it over theirs, knowingly.
    await page.getByRole('button', { name: 'Keep my version' }).click();
    await page.getByText('Saved.').first().waitFor();
    const after = await e2e.rest(`${listApi('Milestones')}/items(${target.Id})?$select=MilestoneStatus`);
    expect(after.json.MilestoneStatus).toBe(mine);
    await page.close();
  }, 60000);
});

describe('an IIB member', () => {
  it('is offered no editing of status, milestones or risks, and a forged write with their identity is refused', async () => {
    const page = await open(IIB);
    // A workstream whose report is approved, so its milestones and risks are shown to readers.
    await openWorkstream(page, 'Project Plans and Delivery');
    for (const name of [/^More actions/, /Edit status report/, /Start the status report/, /^Change status/, /^Add a milestone/, /^Add a risk/, /^Edit:/, /^Delete/, /^Close risk/, /^Move (up|down)/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    // What they may do: record challenge or feedback (about the period the view shows: for a
    // workstream with no approved report yet, a reader lands on the last locked period).
    expect(await page.getByRole('button', { name: /^Record (challenge or feedback|a challenge about )/ }).count()).toBe(1);

    const before = await e2e.rest(`${listApi('Milestones')}/items(1)?$select=Title,MilestoneStatus`);
    const forged = await page.evaluate(async (login: string) => {
      const res = await fetch("/sites/improvement/_api/web/lists/getByTitle('Milestones')/items(1)", {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${login}`, 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
        body: JSON.stringify({ MilestoneStatus: 'Tampered with' })
      });
      return { status: res.status, body: await res.text() };
    }, IIB);
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)['odata.error'].message.value).toBe('Access denied.');
    const after = await e2e.rest(`${listApi('Milestones')}/items(1)?$select=Title,MilestoneStatus`);
    expect(after.json).toEqual(before.json);
    await page.close();
  }, 60000);
});

describe('accessibility', () => {
  for (const theme of THEMES) {
    it(`has no axe-core violations on the programme and workstream views in the ${theme} theme`, async () => {
      const page = await open(LEAD, themeQuery(theme));
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`programme-view-${theme}`), fullPage: true });
      await openWorkstream(page, 'Partnership Working');
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`workstream-view-${theme}`), fullPage: true });
      await page.close();
    }, 60000);
  }
});

describe('in a Teams tab', () => {
  it("opens straight on the tab's workstream and fits a phone's width", async () => {
    const page = await e2e.open(`/?as=${encodeURIComponent(MANAGER)}&host=teams&tab=PROC&theme=dark`, { width: 360, height: 780 });
    await page.getByRole('heading', { name: 'Key milestones/activities this period' }).waitFor();
    expect(await page.getByRole('button', { name: 'Back to programme' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Procurement', exact: true }).count()).toBe(1);
    // The page itself never scrolls sideways; wide tables scroll inside their own region.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: screenshotPath('teams-tab-phone-dark'), fullPage: true });
    await page.close();
  }, 60000);
});

describe('the reporting cycle', () => {
  const OFFICE = 'Programme office: reporting cycle';

  it("shows the lead the programme office view of the open period's reports, with no axe-core violations", async () => {
    const page = await open(LEAD);
    const office = page.locator('section', { has: page.getByRole('heading', { level: 3, name: OFFICE }) });
    const table = office.getByRole('table', { name: "Where each workstream's report for November/December 2023 stands" });
    await table.waitFor();
    // The landing shows where each report stands; sponsor comments and readiness need every
    // report read, which the office asks for (its status said in a live region).
    expect(await office.getByRole('columnheader', { name: 'Readiness findings' }).count()).toBe(0);
    await office.getByRole('button', { name: 'Check readiness for November/December 2023' }).click();
    await office.getByRole('columnheader', { name: 'Readiness findings' }).waitFor();
    await office.getByRole('status').filter({ hasText: /^Readiness of the reports for November\/December 2023 checked: / }).waitFor();
    const states = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('th')?.textContent, row.querySelectorAll('td')[0]?.textContent, row.querySelectorAll('td')[1]?.textContent])
    );
    expect(states).toEqual([
      ['Governance and Decision Making', 'Submitted to the programme office', 'Written'],
      ['Procurement', 'Draft', 'Written'],
      ['Project Plans and Delivery', 'Approved', 'Written'],
      ['Partnership Working', 'Draft', 'Written'],
      ['Confidence, Culture and Capacity', 'Submitted to the programme office', 'Written']
    ]);
    expect(await office.getByText('1 of 5 reports approved; 2 waiting for approval.').count()).toBe(1);
    // One "More actions" menu a row; approving is offered for a submitted report.
    expect(await office.getByRole('button', { name: /^More actions: / }).count()).toBe(5);
    await office.getByRole('button', { name: 'More actions: Governance and Decision Making' }).click();
    const approve = page.getByRole('menuitem', { name: 'Approve: Governance and Decision Making' });
    expect(await approve.getAttribute('aria-disabled')).toBe('false');
    await page.keyboard.press('Escape');
    await approve.waitFor({ state: 'detached' });
    expect(await office.getByRole('button', { name: 'Lock period' }).count()).toBe(1);
    expect(await office.getByRole('button', { name: 'Start a new period' }).count()).toBe(1);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await office.scrollIntoViewIfNeeded();
    await office.screenshot({ path: screenshotPath('programme-office-view') });
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60000);

  for (const theme of ['dark', 'contrast']) {
    it(`has no axe-core violations on the programme office view and on a locked period in the ${theme} theme`, async () => {
      const page = await open(LEAD, `&theme=${theme}`);
      await page.getByRole('table', { name: "Where each workstream's report for November/December 2023 stands" }).waitFor();
      expect(await axeViolations(page, 'main')).toEqual([]);
      const office = page.locator('section', { has: page.getByRole('heading', { level: 3, name: OFFICE }) });
      await office.scrollIntoViewIfNeeded();
      await office.screenshot({ path: screenshotPath(`programme-office-view-${theme}`) });
      await openWorkstream(page, 'Governance and Decision Making');
      await page.getByRole('combobox', { name: /^Reporting period/ }).click();
      await page.getByRole('option', { name: 'June 2023' }).click();
      await page.getByText(/this is what went to the Board/).waitFor();
      await page.getByRole('heading', { name: 'History of June 2023' }).waitFor();
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`locked-period-${theme}`) });
      await page.close();
    }, 60000);
  }

  it("gives the programme office the status matrix and the open period's records as Excel workbooks, made in the browser", async () => {
    const page = await open(LEAD);
    const [matrix] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    expect(matrix.suggestedFilename()).toMatch(/^Improvement Plan Phase 2 status matrix \d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByText(/^Your browser has the workbook: Improvement Plan Phase 2 status matrix/).waitFor();
    const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await matrix.path());
    const sheet = wb.getWorksheet('Status matrix') as ExcelJS.Worksheet;
    expect(sheet.getCell(4, 2).value).toBe('Governance and Decision Making');
    // Each rating in words, on its own colour.
    const rated: ExcelJS.Cell = sheet.getCell(4, 4);
    const label = /^(Green|Green\/Amber|Amber|Amber\/Red|Red) – /.exec(String(rated.value));
    expect(label).not.toBeNull();
    expect((rated.fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: `FF${RAG_COLOURS[(label as RegExpExecArray)[1] as Rag].fill}` });

    const office = page.getByRole('region', { name: OFFICE });
    const [records] = await Promise.all([page.waitForEvent('download'), office.getByRole('button', { name: 'Export November/December 2023 to Excel' }).click()]);
    expect(records.suggestedFilename()).toBe('November-December 2023 records.xlsx');
    const source = await readWorkbook(new Uint8Array(fs.readFileSync(await records.path())));
    expect(source.problems).toEqual([]);
    expect(source.tables.filter((t) => t.sheet === 'Reporting Periods')[0].rows.map((r) => r.Title)).toEqual(['November/December 2023']);
    expect(source.tables.filter((t) => t.sheet === 'Status Reports')[0].rows).toHaveLength(5);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.close();
  }, 90000);

  it('does not show the programme office view to an IIB member', async () => {
    const page = await open(IIB);
    expect(await page.getByRole('heading', { name: OFFICE }).count()).toBe(0);
    await page.close();
  }, 60000);

  it('shows June 2023 with the locked banner and offers no editing of its records; the lead sees its history', async () => {
    const page = await open(MANAGER);
    await openWorkstream(page, 'Procurement');
    await page.getByRole('combobox', { name: /^Reporting period/ }).click();
    await page.getByRole('option', { name: 'June 2023' }).click();
    const banner = page.getByText(/^Locked on \d{2}\/\d{2}\/\d{4} by Heidi Robinson: this is what went to the Board\. Its records can no longer change; the programme office can reopen it\.$/);
    await banner.waitFor();
    await page.getByRole('heading', { name: 'Key milestones/activities this period' }).waitFor();
    for (const name of [/^More actions/, /Edit status report/, /Start the status report/, /Submit to the programme office/, /^Approve/, /^Send back/, /^Change status/, /^Add a milestone/, /^Add a risk/, /^Edit/, /^Delete/, /^Close risk/, /^Move (up|down)/, /sponsor comments/, /Reopen period/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByText('Approved', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.close();

    const lead = await open(LEAD);
    await openWorkstream(lead, 'Procurement');
    await lead.getByRole('combobox', { name: /^Reporting period/ }).click();
    await lead.getByRole('option', { name: 'June 2023' }).click();
    await lead.getByText(/this is what went to the Board/).waitFor();
    const history = lead.locator('section', { has: lead.getByRole('heading', { name: 'History of June 2023' }) });
    expect(await history.getByRole('listitem').first().innerText()).toMatch(/^Locked on \d{2}\/\d{2}\/\d{4} by Heidi Robinson/);
    expect(await lead.getByRole('button', { name: 'Reopen period' }).count()).toBe(1);
    expect(await lead.getByRole('button', { name: /^(Change status|More actions)/ }).count()).toBe(0);
    expect(await axeViolations(lead, 'main')).toEqual([]);
    await lead.screenshot({ path: screenshotPath('locked-period'), fullPage: true });
    expect(lead.errors).toEqual([]);
    await lead.close();
  }, 90000);

  it("shows a workstream's Teams tab what is still owed for the open period", async () => {
    const page = await e2e.open(`/?as=${encodeURIComponent(MANAGER)}&host=teams&tab=PROC`, { width: 360, height: 780 });
    const owed = page.getByRole('list', { name: 'Still to do for November/December 2023:' });
    await owed.waitFor();
    expect(await owed.getByRole('listitem').allInnerTexts()).toEqual(['submit the status report (it is a draft)']);
    expect(await page.getByRole('button', { name: 'Submit to the programme office' }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: screenshotPath('teams-tab-owed') });
    await page.close();
  }, 60000);
});
