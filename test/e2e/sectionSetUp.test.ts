/**
 * "Sections of the paper…" in Chromium against the real `npm start`, at Teams' phone width
 * (400 px): the programme office adds three sections, renames one, moves one up and removes one,
 * by keyboard and mouse through the panel; the programme view's "The paper's sections" then shows
 * them in the new order, and the board report built from the period (buildProgrammeReport over
 * the web part's own PnPjs repository) prints them in that order. The panel has no axe-core
 * violations and nothing wider than the phone in the default, dark and high-contrast themes.
 * The Programme… panel offers the seeded (rated) programme's RAG key introduction as a multi-line
 * field, axe-core clean in the three themes too.
 * Screenshots (the panel as the phone shows it): test-results/screenshots/section-set-up-*.png.
 */
import type { Page } from 'playwright-core';
import { buildProgrammeReport } from '../../src/report';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, LEAD, THEMES, themeQuery, type TestPage } from './support/session';

const PHONE = 400;
const e2e = browserSession();

function phone(query: string = '', lateFrames?: number): Promise<TestPage> {
  return e2e.openDashboard(LEAD, { query: `&host=teams${query}`, width: PHONE, height: 860, lateFrames });
}

/** No axe-core violations and nothing wider than the phone. */
async function fits(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
}

async function openPanel(page: Page): Promise<ReturnType<Page['getByRole']>> {
  const office = page.getByRole('region', { name: 'Programme office: reporting cycle' });
  await office.getByRole('table').waitFor();
  await office.getByRole('button', { name: 'Sections of the paper…', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Sections of the paper' });
  await panel.getByRole('textbox', { name: 'Name of a new section' }).waitFor();
  return panel;
}

/** The sections as the panel lists them. */
async function listed(panel: ReturnType<Page['getByRole']>): Promise<string[]> {
  return panel.getByRole('list', { name: 'Sections in the order the paper prints them' }).getByRole('heading', { level: 2 }).allTextContents();
}

describe("the paper's sections, set up at phone width", () => {
  it('adds, renames, reorders and removes sections; the programme view and the report follow the new order', async () => {
    const page = await phone();
    const panel = await openPanel(page);
    const name = panel.getByRole('textbox', { name: 'Name of a new section' });
    // Focus starts in the name field: type and press Enter.
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
    for (const section of ['Purpose', 'Background', 'Also to note']) {
      await name.fill(section);
      await name.press('Enter');
      await panel.getByRole('status').filter({ hasText: `"${section}" is added as number` }).waitFor();
    }
    expect(await listed(panel)).toEqual(['1. Purpose', '2. Background', '3. Also to note']);
    // A name already used is refused beside the field.
    await name.fill('background');
    await name.press('Enter');
    await panel.getByText('Section name: the programme already has a section called "Background".').waitFor();
    await fits(page);
    await page.screenshot({ path: screenshotPath('section-set-up-refused-phone'), fullPage: false });
    await name.fill('');

    // Rename with the keyboard.
    await panel.getByRole('button', { name: 'Rename: Also to note', exact: true }).focus();
    await page.keyboard.press('Enter');
    const rename = panel.getByRole('textbox', { name: 'New name for Also to note' });
    await rename.fill('For the Board to note');
    await rename.press('Enter');
    await panel.getByText('"Also to note" is now called "For the Board to note".').waitFor();

    // Move Background up with the mouse.
    await panel.getByRole('button', { name: 'Move up: Background', exact: true }).click();
    await panel.getByText('"Background" is now number 1 of 3.').waitFor();
    expect(await listed(panel)).toEqual(['1. Background', '2. Purpose', '3. For the Board to note']);

    // Remove Purpose, asked first.
    await panel.getByRole('button', { name: 'Remove: Purpose', exact: true }).click();
    const question = panel.getByRole('group', { name: 'Remove "Purpose" from the paper?' });
    await question.waitFor();
    await fits(page);
    await page.screenshot({ path: screenshotPath('section-set-up-remove-phone'), fullPage: false });
    await question.getByRole('button', { name: 'Remove section' }).click();
    await panel.getByText('"Purpose" is removed from the paper. Text already written for it is kept.').waitFor();
    expect(await listed(panel)).toEqual(['1. Background', '2. For the Board to note']);
    await fits(page);
    await page.screenshot({ path: screenshotPath('section-set-up-phone'), fullPage: false });

    // As stored.
    const office = e2e.repository(LEAD);
    const definitions = await office.getSectionDefinitions();
    expect(definitions.map((d) => d.name)).toEqual(['Background', 'For the Board to note']);

    // The programme view, once the panel is closed: the sections in the new order.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const card = page.getByRole('region', { name: "The paper's sections" });
    await card.waitFor();
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('h4')).map((h) => h.textContent).join('|').includes('Background|For the Board to note')
    );
    expect(await card.getByRole('heading', { level: 4 }).allTextContents()).toEqual(['Background', 'For the Board to note']);
    await fits(page);
    await page.screenshot({ path: screenshotPath('section-set-up-programme-view-phone'), fullPage: true });
    await card.screenshot({ path: screenshotPath('section-set-up-programme-view-card-phone') });

    // The report prints the sections that have text this period, in the programme's order.
    const period = (await office.getPeriods()).filter((p) => p.state === 'Open').slice(-1)[0];
    const byName = new Map(definitions.map((d) => [d.name, d.key]));
    await office.savePeriodSection(period.id, byName.get('For the Board to note') as string, 'The external auditor has written to the council.', undefined);
    await office.savePeriodSection(period.id, byName.get('Background') as string, 'The Board was set up in 2022.', undefined);
    const blocks = buildProgrammeReport(await office.getPeriodPicture(period.id));
    expect(blocks.filter((b) => b.kind === 'periodSection').map((b) => b.title)).toEqual([`Background – ${period.title}`, `For the Board to note – ${period.title}`]);
    expect(blocks.map((b) => b.kind).slice(0, 4)).toEqual(['reportTitle', 'periodSection', 'periodSection', 'overview']);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 180000);

  it("keeps focus in the new section's name when frames are drawn late, as on a busy machine", async () => {
    // Fluent's focus trap asks, as the panel mounts, for its first control to be focused on the next
    // frame; the sections are read before that frame is drawn, and the name field must keep focus.
    const page = await phone('', 400);
    const panel = await openPanel(page);
    const name = panel.getByRole('textbox', { name: 'Name of a new section' });
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
    await page.waitForTimeout(1500);
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 120000);

  it('has no axe-core violations in the dark and high-contrast themes, listing and asking to remove', async () => {
    for (const theme of THEMES.filter((t) => t !== 'default')) {
      const page = await phone(themeQuery(theme));
      const panel = await openPanel(page);
      await panel.getByRole('list', { name: 'Sections in the order the paper prints them' }).getByRole('heading').first().waitFor();
      await fits(page);
      await page.screenshot({ path: screenshotPath(`section-set-up-${theme}-phone`), fullPage: false });
      await panel.getByRole('button', { name: 'Rename: Background', exact: true }).click();
      await panel.getByRole('button', { name: 'Save name' }).waitFor();
      await fits(page);
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.getByRole('button', { name: 'Remove: Background', exact: true }).click();
      await panel.getByRole('group', { name: 'Remove "Background" from the paper?' }).waitFor();
      await fits(page);
      await page.screenshot({ path: screenshotPath(`section-set-up-remove-${theme}-phone`), fullPage: false });
      expect(page.errors).toEqual([]);
      await page.close();
    }
  }, 180000);

  it("offers a rated programme's RAG key introduction in Programme…, with no axe-core violations in any theme", async () => {
    for (const theme of THEMES) {
      const page = await phone(themeQuery(theme));
      const office = page.getByRole('region', { name: 'Programme office: reporting cycle' });
      await office.getByRole('button', { name: 'Programme…', exact: true }).click();
      const panel = page.getByRole('dialog', { name: 'Programme' });
      const intro = panel.getByRole('textbox', { name: 'RAG key introduction' });
      await intro.waitFor();
      expect(await intro.evaluate((el) => el.tagName)).toBe('TEXTAREA');
      expect(await intro.inputValue()).toContain('Set out below is the methodology adopted.');
      await intro.scrollIntoViewIfNeeded();
      await fits(page);
      await page.screenshot({ path: screenshotPath(`section-set-up-rag-key-introduction-${theme}-phone`), fullPage: false });
      expect(page.errors).toEqual([]);
      await page.close();
    }
  }, 120000);
});
