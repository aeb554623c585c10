/**
 * A phase's close-down table on the dashboard (issue 16), in Chromium against the real `npm start`:
 * an IIB member reaches Phase 2's close-down from the programme view, reads it in the paper's
 * columns with its colour key, the address records it and a reload reopens it; below 600 px of
 * container it is a stack of cards with no sideways scroll; axe-core passes in the light, dark and
 * high-contrast themes. Screenshots in test-results/screenshots (closedown-*.png).
 */
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshotPath } from './support/browser';
import { startLocalStack, type ILocalStack } from './support/server';

const IIB = 'alex.morgan@improvement.example';

let stack: ILocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack();
  browser = await launchBrowser();
}, 60000);

afterAll(async () => {
  if (browser) {
    await browser.close();
  }
  if (stack) {
    expect(await stack.stop()).toBe(0);
  }
});

const COLUMNS: string[] = ['Theme', 'Phase 2 Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase'];
const KEY: string[] = ['Completed – no further action', 'Moves to a theme of the next phase', 'Moves to directorate business plans', 'Kept under review'];

async function openCloseDown(page: Page): Promise<void> {
  await page.getByRole('table', { name: /RAG status of each workstream/ }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Close-down of phases' });
  await nav.getByRole('button', { name: 'Phase 2 close-down' }).click();
  await page.getByRole('table', { name: 'Close-down of Phase 2' }).waitFor();
}

describe("Phase 2's close-down", () => {
  it('is reached from the programme view in the paper’s columns with its colour key, and its address reopens it', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/?as=${encodeURIComponent(IIB)}`);
    await openCloseDown(page);
    const table = page.getByRole('table', { name: 'Close-down of Phase 2' });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(COLUMNS);
    expect(await page.locator('[data-layout]').filter({ has: table }).getAttribute('data-layout')).toBe('table');
    // Every theme of the paper's table, as written.
    const themes: string[] = await table.getByRole('rowheader').locator('[data-theme]').allInnerTexts();
    expect(Array.from(new Set(themes))).toEqual([
      'Governance & Decision Making Improvent theme (Phase 2)',
      'Project, Plans and Delivery Improvent theme (Phase 2)',
      'Procurement Improvent theme (Phase 2)',
      'Partnerships Improvent theme (Phase 2)',
      'Confidence, culture and capacity Improvent theme (Phase 2)'
    ]);
    const key = page.getByRole('list', { name: 'Colour key' });
    expect(await key.getByRole('listitem').allInnerTexts()).toEqual(KEY);
    // Each key entry is its label on its colour.
    const fills: string[] = await key.locator('[data-destination]').evaluateAll((marks) => marks.map((m) => getComputedStyle(m).backgroundColor));
    expect(fills).toEqual(['rgb(198, 224, 180)', 'rgb(189, 215, 238)', 'rgb(248, 203, 173)', 'rgb(255, 230, 153)']);
    await page.screenshot({ path: screenshotPath('closedown-1200'), fullPage: true });

    const phase: string | null = new URL(page.url()).searchParams.get('phCloseDown');
    expect(phase).toMatch(/^\d+$/);
    await page.reload();
    await table.waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Phase 2 – close down of activity');
    await page.getByRole('button', { name: 'Back to programme' }).click();
    await page.getByRole('table', { name: /RAG status of each workstream/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('phCloseDown')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 90000);

  it('is a stack of cards at 400 px with nothing to scroll sideways', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    await page.goto(`${stack.url}/?as=${encodeURIComponent(IIB)}&host=teams`);
    await openCloseDown(page);
    const table = page.getByRole('table', { name: 'Close-down of Phase 2' });
    expect(await page.locator('[data-layout]').filter({ has: table }).getAttribute('data-layout')).toBe('cards');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('list', { name: 'Colour key' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('closedown-400') });
    await page.close();
  }, 90000);

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`has no axe-core violations in the ${theme} theme`, async () => {
      const page: Page = await browser.newPage({ viewport: { width: 400, height: 900 } });
      await page.goto(`${stack.url}/?as=${encodeURIComponent(IIB)}${theme === 'default' ? '' : `&theme=${theme}`}`);
      await openCloseDown(page);
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`closedown-400-${theme}`), fullPage: true });
      await page.close();
    }, 90000);
  }
});
