/**
 * Any programme, any phase, in Chromium against the real `npm start -- --empty`, at Teams' phone
 * width (400 px): before set-up, others are told nothing is reported yet and the programme office
 * is led to set the programme up; the programme office sets up a first-phase programme (no
 * ratings, no sponsor comments, milestones or sign-off, risks in one table); six themes with
 * long titles, bullets and one risk each are added; the dashboard shows their short titles, the
 * key risks table and no RAG anywhere, a theme's full title once as its heading, with no
 * axe-core violations and nothing wider than the phone. Screenshots: test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { periodValues, toValues, workstreamValues } from '../../src/data/mapping';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, IIB, LEAD } from './support/session';

const PHONE = 400;

const TOPICS: string[] = ['Culture and leadership', 'Governance', 'Finance', 'Transport', 'Skills', 'Housing'];
const THEMES = TOPICS.map((topic, i) => {
  const letter: string = 'ABCDEF'[i];
  return {
    code: `THEME-${letter}`,
    short: `Theme ${letter} – ${topic}`,
    title:
      `Theme ${letter} – ${topic}. The authority puts right the weaknesses the best value notice found in ${topic.toLowerCase()}, with clear ownership by members and officers and evidence the Board can test. ` +
      `Progress is reported to the Independent Improvement Board every month, and what is learned is built into the directorate plans.`
  };
});

const e2e = browserSession({ stackArgs: ['--empty'] });

function phone(login: string): Promise<Page> {
  return e2e.open(`/?as=${encodeURIComponent(login)}&host=teams`, { width: PHONE, height: 860 });
}

async function fits(page: Page): Promise<void> {
  // The page itself never scrolls sideways; wide tables scroll inside their own region.
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
}

describe('an empty start, at phone width', () => {
  it('tells an IIB member nothing is reported yet', async () => {
    const page = await phone(IIB);
    await page.getByRole('heading', { name: 'Nothing reported yet' }).waitFor();
    expect(await page.getByRole('button', { name: 'Set up the programme' }).count()).toBe(0);
    await fits(page);
    await page.screenshot({ path: screenshotPath('empty-start-nothing-reported-phone'), fullPage: true });
    await page.close();
  }, 60000);

  it('leads the programme office through setting the programme up, with what it reports', async () => {
    const page = await phone(LEAD);
    await page.getByRole('heading', { name: 'Set up your programme' }).waitFor();
    await fits(page);
    await page.getByRole('textbox', { name: /^Programme/ }).fill('Improvement Plan Phase 1');
    await page.getByRole('textbox', { name: 'Organisation' }).fill('A Combined Authority');
    await page.getByRole('textbox', { name: 'Board the report goes to' }).fill('Independent Improvement Board');
    await page.getByRole('combobox', { name: /^Workstream ratings/ }).click();
    await page.getByRole('option', { name: 'Not rated yet' }).click();
    for (const box of ['Sponsors comment on each period', 'Milestones this period and planned for next', 'Sign-off: who completed each report, and when']) {
      // Fluent draws the box over the input: a person clicks the label.
      await page.getByText(box, { exact: true }).click();
      expect(await page.getByRole('checkbox', { name: box }).isChecked()).toBe(false);
    }
    const keyRisksBox: string = 'One table of key risks by workstream, instead of risks in each section';
    await page.getByText(keyRisksBox, { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: keyRisksBox }).isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('empty-start-set-up-phone'), fullPage: true });
    await page.getByRole('button', { name: 'Set up the programme' }).click();
    await page.getByRole('heading', { name: 'Improvement Plan Phase 1' }).waitFor();
    await page.close();
  }, 60000);

  it('shows six long-titled, unrated themes by short title, their key risks in one table, and no RAG anywhere', async () => {
    const periodId: number = await e2e.addItem('Reporting Periods', periodValues({ title: 'March 2023', start: '2023-03-01', end: '2023-03-31', state: 'Open', overview: 'Good progress across all six themes.' }));
    for (const [i, t] of THEMES.entries()) {
      const id: number = await e2e.addItem('Workstreams', workstreamValues({ code: t.code, title: t.title, shortTitle: t.short, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: i + 1 }));
      await e2e.addItem('Status Reports', {
        ...toValues('statusReport', { workstreamId: id, periodId, managerUpdate: `- ${TOPICS[i]}: first point\n- second point\n- third point`, state: 'Draft' }),
        Title: `${t.code} – March 2023`
      });
      await e2e.addItem('Risks', toValues('risk', { workstreamId: id, description: `Capacity to deliver ${TOPICS[i].toLowerCase()}`, mitigation: `Interim support for theme ${'ABCDEF'[i]}`, state: 'Open', raisedPeriodId: periodId, order: 1 }));
    }
    const page = await phone(IIB);
    const matrix = page.getByRole('table', { name: /^Each workstream with its open risks/ });
    await matrix.waitFor();
    expect(await matrix.locator('tbody th').allTextContents()).toEqual(THEMES.map((t) => t.short));
    const keyRisks = page.getByRole('table', { name: 'Risks open in March 2023, by workstream, with their mitigation' });
    await keyRisks.waitFor();
    expect(await keyRisks.locator('tbody tr').count()).toBe(6);
    const text: string = await page.locator('body').innerText();
    expect(text).not.toContain('Not rated');
    expect(text).not.toContain('RAG key');
    await fits(page);
    await page.screenshot({ path: screenshotPath('first-phase-programme-phone'), fullPage: true });

    await page.getByRole('button', { name: THEMES[0].short, exact: true }).click();
    await page.getByRole('heading', { name: 'Project status' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: THEMES[0].title }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /milestones/i }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /sponsor comments/i }).count()).toBe(0);
    await fits(page);
    await page.screenshot({ path: screenshotPath('first-phase-theme-phone'), fullPage: true });
    await page.close();
  }, 90000);
});
