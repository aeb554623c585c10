/**
 * A programme set up entirely in the product, in Chromium at Teams' phone width (400 px), against
 * the real `npm start -- --empty`: the programme office, with the keyboard and mouse only, gives
 * the programme's details and what it reports (no ratings, no sponsor comments, milestones or
 * sign-off, one table of key risks), adds six themes whose full titles are two or three sentences
 * (over 255 characters) with short titles for tables, sets up the first period and writes its
 * overview, writes each theme's update as bullets with one risk and its mitigation, submits and
 * approves every report, and locks the period with the date of the Board meeting. Nothing is
 * written by REST and nothing comes from the seed. The set-up screens have no axe-core violations
 * in the default, dark and high-contrast themes.
 *
 * Then the real `npm run report` writes the locked period's .docx: no "None reported." table, no
 * "Not rated", no RAG key, one key-risks table of six rows, and each full title once as its
 * section's heading. LibreOffice renders it; its pages are kept as PNGs beside the screenshots
 * (test-results/screenshots/set-up-in-product-report-page-N.png).
 *
 * Needs Chromium, soffice, pdftotext and pdftoppm (bash config/install-system-packages.sh).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { convertToPdf, pdfPageImage, pdfPages, requireRenderingTools } from '../report/support/render';
import { axeViolations, launchBrowser, screenshotPath } from './support/browser';
import { startLocalStack, type ILocalStack } from './support/server';

const REPORT: string = path.resolve(__dirname, '../../dist/node/report.js');
const LEAD = 'heidi.robinson@improvement.example';
const PHONE = 400;
const PERIOD = 'March 2023';

const TOPICS: string[] = ['Culture and leadership', 'Governance', 'Finance', 'Transport', 'Skills', 'Housing'];
const THEMES = TOPICS.map((topic, i) => {
  const letter: string = 'ABCDEF'[i];
  return {
    code: `THEME-${letter}`,
    short: `Theme ${letter} – ${topic}`,
    title:
      `Theme ${letter} – ${topic}. The authority puts right the weaknesses the best value notice found in ${topic.toLowerCase()}, with clear ownership by members and officers and evidence the Board can test. ` +
      `Progress is reported to the Independent Improvement Board every month, and what is learned is built into the directorate plans so that the change lasts beyond the first phase.`,
    bullets: [1, 2, 3].map((n) => `${topic}: progress point ${n} for theme ${letter}`),
    risk: `Capacity to deliver ${topic.toLowerCase()} alongside business as usual (theme ${letter})`,
    mitigation: `Interim support for theme ${letter} agreed and reviewed monthly`
  };
});
const OVERVIEW: string = 'Good progress across all six themes this month.\n\nThe Board is asked to note the key risks.';

let stack: ILocalStack;
let browser: Browser;
let page: Page;
let out: string;

beforeAll(async () => {
  requireRenderingTools();
  stack = await startLocalStack(['--empty']);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: PHONE, height: 860 } });
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-set-up-'));
}, 60000);

afterAll(async () => {
  if (browser) {
    await browser.close();
  }
  if (stack) {
    expect(await stack.stop()).toBe(0);
  }
  if (out) {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

const THEME_NAMES: Array<[string, string]> = [
  ['default', ''],
  ['dark', '&theme=dark'],
  ['contrast', '&theme=contrast']
];

function address(theme: string = ''): string {
  return `${stack.url}/?as=${encodeURIComponent(LEAD)}&host=teams${theme}`;
}

/** What has focus, as a person hears it: its accessible name or label. */
async function focused(p: Page = page): Promise<string> {
  return p.evaluate(() => {
    const el: Element | null = document.activeElement;
    if (!el) {
      return '';
    }
    const labelledBy: string | null = el.getAttribute('aria-labelledby');
    const label: string =
      el.getAttribute('aria-label') ||
      (labelledBy ? labelledBy.split(' ').map((id) => (document.getElementById(id) || { textContent: '' }).textContent || '').join(' ') : '') ||
      (el.id ? (document.querySelector(`label[for="${el.id}"]`) || { textContent: '' }).textContent || '' : '') ||
      el.textContent ||
      '';
    return label.trim();
  });
}

/** Waits (up to 5 s) until `read` gives what `ok` accepts, and returns its last reading. */
async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number = 5000): Promise<T> {
  const until: number = Date.now() + ms;
  let value: T = await read();
  while (!ok(value) && Date.now() < until) {
    await page.waitForTimeout(100);
    value = await read();
  }
  return value;
}

/** No axe-core violations and nothing wider than the phone. */
async function fits(p: Page = page): Promise<void> {
  expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await axeViolations(p)).toEqual([]);
}

/** The panel (dialog) open now. */
const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });

async function officeButton(name: string): Promise<void> {
  const button = page.getByRole('region', { name: 'Programme office: reporting cycle' }).getByRole('button', { name, exact: true });
  // A button may be shown before what it acts on has loaded: disabled but focusable (Fluent's
  // allowDisabledFocus, aria-disabled), where Enter does nothing. Press it once it is offered.
  await button.waitFor();
  const offered = async (): Promise<boolean> => (await button.getAttribute('aria-disabled')) !== 'true' && (await button.isEnabled());
  expect(await settled(offered, (v) => v, 20000)).toBe(true);
  await button.focus();
  await page.keyboard.press('Enter');
}

describe('a programme set up entirely in the dashboard', () => {
  it('offers the programme office the set-up screen, with no axe-core violations in any theme', async () => {
    for (const [name, query] of THEME_NAMES) {
      const p: Page = await browser.newPage({ viewport: { width: PHONE, height: 860 } });
      await p.goto(address(query));
      await p.getByRole('heading', { name: 'Set up your programme' }).waitFor();
      await fits(p);
      await p.screenshot({ path: screenshotPath(`set-up-in-product-programme-${name}`), fullPage: true });
      await p.close();
    }
  }, 90000);

  it("takes the programme's details and what it reports from the keyboard", async () => {
    await page.goto(address());
    await page.getByRole('heading', { name: 'Set up your programme' }).waitFor();
    await page.getByRole('textbox', { name: /^Programme/ }).focus();
    await page.keyboard.type('Improvement Plan Phase 1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A Combined Authority');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Independent Improvement Board');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Workstream ratings/);
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByRole('option', { name: 'Not rated yet' }).waitFor();
    // The five levels are chosen now; the last option is "Not rated yet".
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // The list closes and focus is back on the drop-down, showing the choice.
    expect(await settled(() => focused(), (v) => v === 'Workstream ratings Not rated yet')).toBe('Workstream ratings Not rated yet');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    // Sponsor comments, milestones and sign-off off; one table of key risks on; empty tables not printed.
    for (const [box, press] of [
      ['Sponsors comment on each period', true],
      ['Milestones this period and planned for next', true],
      ['Sign-off: who completed each report, and when', true],
      ['One table of key risks by workstream, instead of risks in each section', true],
      ['Print empty tables and details rows ("None reported.")', false]
    ] as Array<[string, boolean]>) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(box);
      if (press) {
        await page.keyboard.press('Space');
      }
    }
    for (const [box, checked] of [
      ['Sponsors comment on each period', false],
      ['Milestones this period and planned for next', false],
      ['Sign-off: who completed each report, and when', false],
      ['One table of key risks by workstream, instead of risks in each section', true],
      ['Print empty tables and details rows ("None reported.")', false]
    ] as Array<[string, boolean]>) {
      expect({ box, checked: await page.getByRole('checkbox', { name: box }).isChecked() }).toEqual({ box, checked });
    }
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Set up the programme');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Improvement Plan Phase 1' }).waitFor();
    await page.getByRole('region', { name: 'Programme office: reporting cycle' }).waitFor();
    await fits();
  }, 60000);

  it('adds six themes with full titles of two or three sentences and short titles for tables', async () => {
    await officeButton('Workstreams…');
    const panel = dialog('Workstreams');
    await panel.getByRole('button', { name: 'Add a workstream' }).waitFor();
    for (const t of THEMES) {
      expect(t.title.length).toBeGreaterThan(255);
      await dialog('Workstreams').getByRole('button', { name: 'Add a workstream' }).click();
      const form = page.getByRole('form', { name: 'Add a workstream' });
      await form.waitFor();
      // Focus is in the code field: type, Tab to the full title, Tab to the short title, Enter.
      expect(await settled(() => focused(), (v) => /^Code/.test(v))).toMatch(/^Code/);
      await page.keyboard.type(t.code);
      await page.keyboard.press('Tab');
      expect(await focused()).toMatch(/^Full title/);
      if (t.code === 'THEME-A') {
        // The first full title is typed key by key, past SharePoint's 255 characters.
        await page.keyboard.type(t.title);
      } else {
        // The others are pasted, as officers paste them from the improvement plan: one input,
        // through the same field (about 1,800 keystrokes fewer for the suite to wait on).
        await page.keyboard.insertText(t.title);
      }
      await page.keyboard.press('Tab');
      expect(await focused()).toMatch(/^Short title/);
      await page.keyboard.type(t.short);
      if (t.code === 'THEME-A') {
        await fits();
        await page.screenshot({ path: screenshotPath('set-up-in-product-add-theme'), fullPage: true });
      }
      await page.keyboard.press('Enter');
      await panel.getByText(`${t.code} is added, last in the order.`).waitFor();
    }
    const list = panel.getByRole('list', { name: 'Workstreams in the order the report uses' });
    expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toEqual(THEMES.map((t, i) => `${i + 1}. ${t.code} – ${t.short}`));
    // Each full title is shown whole, not cut to SharePoint's 255 characters.
    for (const t of THEMES) {
      expect(await list.getByText(t.title, { exact: true }).count()).toBe(1);
    }
    await fits();
    await page.screenshot({ path: screenshotPath('set-up-in-product-themes'), fullPage: true });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const matrix = page.getByRole('table', { name: /^Each workstream with its open risks/ });
    const shorts: string[] = THEMES.map((t) => t.short);
    expect(await settled(() => matrix.locator('tbody th').allTextContents(), (v) => v.join('|') === shorts.join('|'))).toEqual(shorts);
  }, 120000);

  it('sets up the first period, typed dd/mm/yyyy, and writes its overview', async () => {
    await officeButton('Start a new period');
    const panel = dialog('Start a new reporting period');
    await panel.getByRole('textbox', { name: /^Period/ }).waitFor();
    expect(await settled(() => focused(), (v) => /^Period/.test(v))).toMatch(/^Period/);
    await page.keyboard.type(PERIOD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('01/03/2023');
    await page.keyboard.press('Tab');
    await page.keyboard.type('31/03/2023');
    await fits();
    await page.screenshot({ path: screenshotPath('set-up-in-product-new-period'), fullPage: true });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Set up the period');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    await page.getByText(`${PERIOD} is set up and open for reports.`).waitFor();

    await officeButton(`Write the overview for ${PERIOD}`);
    const overview = dialog('Lead Executive Director overview');
    await overview.getByRole('textbox', { name: /^Overview \*/ }).waitFor();
    // A programme that does not rate is not asked for an overall rating.
    expect(await overview.getByText(/RAG/).count()).toBe(0);
    expect(await settled(() => focused(), (v) => /^Overview/.test(v))).toMatch(/^Overview/);
    await page.keyboard.type(OVERVIEW);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lead Executive Director');
    await fits();
    await page.screenshot({ path: screenshotPath('set-up-in-product-overview'), fullPage: true });
    await overview.getByRole('button', { name: 'Save' }).click();
    await overview.waitFor({ state: 'detached' });
    await page.getByText('Good progress across all six themes this month.').first().waitFor();
  }, 60000);

  it("writes each theme's update as bullets and its one risk with mitigation, and submits it unrated", async () => {
    for (const t of THEMES) {
      await page.getByRole('button', { name: `Open ${t.short}`, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: t.title }).waitFor();
      const status = page.getByRole('region', { name: 'Project status' });
      await status.getByRole('button', { name: 'Start the status report' }).click();
      const form = dialog('Start the status report');
      await form.getByRole('textbox', { name: 'Key activities' }).waitFor();
      // No rating, sponsor comment or sign-off is asked for.
      expect(await form.getByText(/RAG|Project status this period|Completed by|Completion date/).count()).toBe(0);
      expect(await settled(() => focused(), (v) => v === 'Key activities')).toBe('Key activities');
      await page.keyboard.type(t.bullets.map((b) => `- ${b}`).join('\n'));
      if (t.code === 'THEME-A') {
        await fits();
        await page.screenshot({ path: screenshotPath('set-up-in-product-update'), fullPage: true });
      }
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      await status.getByRole('listitem').filter({ hasText: t.bullets[2] }).waitFor();

      const risks = page.getByRole('region', { name: 'Project risks' });
      await risks.getByRole('button', { name: 'Add a risk' }).click();
      const risk = dialog('Add a risk');
      await risk.getByRole('textbox', { name: /^Risk description/ }).waitFor();
      expect(await settled(() => focused(), (v) => v === 'Number')).toBe('Number');
      await page.keyboard.press('Tab');
      await page.keyboard.type(t.risk);
      await page.keyboard.press('Tab');
      await page.keyboard.type(t.mitigation);
      if (t.code === 'THEME-A') {
        await fits();
        await page.screenshot({ path: screenshotPath('set-up-in-product-risk'), fullPage: true });
      }
      await risk.getByRole('button', { name: 'Save' }).click();
      await risk.waitFor({ state: 'detached' });
      await risks.getByRole('cell', { name: t.mitigation }).waitFor();

      await status.getByRole('button', { name: 'Submit to the programme office' }).click();
      const submit = dialog('Submit the status report');
      await submit.getByRole('button', { name: 'Submit to the programme office' }).click();
      await submit.waitFor({ state: 'detached' });
      await page.getByText('Submitted to the programme office.').waitFor();
      await page.getByRole('button', { name: 'Back to programme' }).click();
      await page.getByRole('region', { name: 'Programme office: reporting cycle' }).waitFor();
    }
    const office = page.getByRole('region', { name: 'Programme office: reporting cycle' });
    await office.getByText('0 of 6 reports approved; 6 waiting for approval.').waitFor();
  }, 240000);

  it('has no axe-core violations on the set-up panels in the dark and high-contrast themes', async () => {
    for (const [name, query] of THEME_NAMES.slice(1)) {
      const p: Page = await browser.newPage({ viewport: { width: PHONE, height: 860 } });
      await p.goto(address(query));
      const office = p.getByRole('region', { name: 'Programme office: reporting cycle' });
      await office.getByRole('table').waitFor();
      await fits(p);
      await p.screenshot({ path: screenshotPath(`set-up-in-product-office-${name}`), fullPage: true });
      const panels: Array<[string, string, string]> = [
        ['Workstreams…', 'Workstreams', 'themes'],
        ['Start a new period', 'Start a new reporting period', 'new-period'],
        [`Edit the overview for ${PERIOD}`, 'Lead Executive Director overview', 'overview']
      ];
      for (const [button, title, shot] of panels) {
        await office.getByRole('button', { name: button, exact: true }).click();
        const panel = p.getByRole('dialog', { name: title });
        await panel.getByRole('button', { name: /Cancel|Close this panel/ }).first().waitFor();
        if (shot === 'themes') {
          await panel.getByRole('list').waitFor();
        }
        await fits(p);
        await p.screenshot({ path: screenshotPath(`set-up-in-product-${shot}-${name}`), fullPage: true });
        if (shot === 'themes') {
          await panel.getByRole('button', { name: 'Edit THEME-A' }).click();
          await p.getByRole('dialog', { name: 'Change THEME-A' }).getByRole('form', { name: 'Change the workstream' }).waitFor();
          await fits(p);
          await p.screenshot({ path: screenshotPath(`set-up-in-product-edit-theme-${name}`), fullPage: true });
        }
        await p.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
      }
      await p.close();
    }
  }, 120000);

  it('approves every report and locks the period with the Board meeting date', async () => {
    const office = page.getByRole('region', { name: 'Programme office: reporting cycle' });
    for (const t of THEMES) {
      // One "More actions" menu a row; Playwright waits for Fluent's callout to be positioned.
      await office.getByRole('button', { name: `More actions: ${t.short}`, exact: true }).click();
      await page.getByRole('menuitem', { name: `Approve: ${t.short}`, exact: true }).click();
      await page.getByText(`${t.short}'s status report for ${PERIOD} is approved.`, { exact: false }).waitFor();
    }
    await office.getByText('6 of 6 reports approved; 0 waiting for approval.').waitFor();
    // Nothing the programme does not use is chased: no readiness findings at all.
    expect(await office.getByRole('cell', { name: /must be fixed|to check/ }).count()).toBe(0);
    await fits();
    await page.screenshot({ path: screenshotPath('set-up-in-product-approved'), fullPage: true });

    await officeButton('Lock period');
    const lock = dialog(`Lock ${PERIOD}?`);
    await lock.getByRole('textbox', { name: /^Board meeting date/ }).fill('12/04/2023');
    await fits();
    await page.screenshot({ path: screenshotPath('set-up-in-product-lock'), fullPage: true });
    await lock.getByRole('button', { name: 'Lock period' }).click();
    await lock.waitFor({ state: 'detached' });
    await page.getByText(`${PERIOD} is locked. Its snapshot is now the record of what went to the Board.`).waitFor();
  }, 90000);

  it('writes a report of what the programme has: no empty tables, no ratings, no RAG key, one key-risks table', async () => {
    const file: string = path.join(out, 'set-up-in-product.docx');
    const { stdout } = await promisify(execFile)(process.execPath, [REPORT, '--site', `${stack.url}/sites/improvement`, '--period', PERIOD, '--out', file], { encoding: 'utf8' });
    expect(stdout).toContain(`Wrote ${file}: ${PERIOD}`);
    expect(stdout).not.toContain('Readiness:');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml: string = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
    const paragraphs = xml.split(/<\/w:p>/).map((p) => ({
      style: (/<w:pStyle w:val="([^"]+)"/.exec(p) || ['', ''])[1],
      text: Array.from(p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g))
        .map((m) => m[1])
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
    }));
    const text: string = paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('Improvement Plan Phase 1');
    expect(text).toContain('Good progress across all six themes this month.');
    expect(text).not.toContain('None reported.');
    expect(text).not.toContain('Not rated');
    expect(text).not.toContain('RAG Rating Methodology');
    expect(text).not.toMatch(/RAG key/i);
    // Each full title once, as its section's heading.
    for (const t of THEMES) {
      const headings = paragraphs.filter((p) => p.text === t.title);
      expect({ code: t.code, count: text.split(t.title).length - 1, headings: headings.map((h) => /^Heading/.test(h.style)) }).toEqual({ code: t.code, count: 1, headings: [true] });
      for (const b of t.bullets) {
        expect(text).toContain(b);
      }
    }
    // The key risks table: a header row and one row per theme, by short title, in order.
    const after: string = xml.slice(xml.indexOf('Key Risks by Workstream'));
    const table: string = after.slice(after.indexOf('<w:tbl>'), after.indexOf('</w:tbl>'));
    const rows: string[] = table
      .split('</w:tr>')
      .slice(0, -1)
      .map((r) => Array.from(r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)).map((m) => m[1]).join(' '));
    expect(rows).toHaveLength(7);
    expect(rows.slice(1)).toEqual(THEMES.map((t) => `${t.short} ${t.risk} ${t.mitigation}`));

    // As a reader sees it: rendered by LibreOffice, each page kept as a picture.
    const [pdf] = convertToPdf([file], out);
    const pages: string[] = pdfPages(pdf);
    const all: string = pages.join(' ').replace(/\s+/g, ' ');
    expect(all).not.toContain('None reported');
    expect(all).not.toContain('Not rated');
    expect(all).toContain('Key Risks by Workstream');
    expect(pages.length).toBeLessThanOrEqual(THEMES.length + 2);
    for (let n = 1; n <= pages.length; n++) {
      const prefix: string = path.join(out, `page-${n}`);
      pdfPageImage(pdf, n, 60, prefix);
      fs.copyFileSync(`${prefix}.png`, screenshotPath(`set-up-in-product-report-page-${n}`));
    }
  }, 120000);
});
