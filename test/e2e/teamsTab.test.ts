/**
 * The dashboard as a workstream group's Teams tab, which runs in the site behind its team
 * (/sites/gov), not the programme's: it finds the programme site from the tenant setting and shows
 * GOV's status from there; the tab's settings check a programme site and offer its workstreams;
 * a wrong programme site gets a message that says what is wrong. In Chromium against the real
 * `npm start`, in Teams' three themes, with screenshots in test-results/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshotPath } from './support/browser';
import { startLocalStack, type ILocalStack } from './support/server';

const MANAGER = 'louisa.simpson@improvement.example';
const LEAD = 'heidi.robinson@improvement.example';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rest(path: string, login: string = LEAD): Promise<{ status: number; json: any }> {
  const res = await fetch(`${stack.url}${path}`, { headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer ${login}` } });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** GOV's status report for the latest period, as the programme site's lists hold it. */
async function govStatus(): Promise<{ periodTitle: string; rag: string }> {
  const ws = await rest(`/sites/improvement/_api/web/lists/getByTitle('Workstreams')/items?$filter=Code eq 'GOV'&$select=Id`);
  const periods = await rest(`/sites/improvement/_api/web/lists/getByTitle('Reporting%20Periods')/items?$select=Id,Title,PeriodStart&$orderby=PeriodStart desc`);
  const latest = periods.json.value[0];
  const reports = await rest(`/sites/improvement/_api/web/lists/getByTitle('Status%20Reports')/items?$filter=WorkstreamId eq ${ws.json.value[0].Id} and ReportingPeriodId eq ${latest.Id}&$select=Rag`);
  return { periodTitle: latest.Title, rag: reports.json.value[0].Rag };
}

async function newPage(): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage({ viewport: { width: 1024, height: 800 } })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

describe('a Teams tab on the GOV team\'s site', () => {
  it('has a site of its own without the programme lists', async () => {
    expect((await rest('/sites/gov/_api/web')).status).toBe(200);
    expect((await rest(`/sites/gov/_api/web/lists/getByTitle('Workstreams')`)).status).toBe(404);
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`shows GOV's status from the programme site, in Teams' ${theme} theme`, async () => {
      const expected = await govStatus();
      const page = await newPage();
      await page.goto(`${stack.url}/?host=teams&web=/sites/gov&workstream=GOV&as=${encodeURIComponent(MANAGER)}${theme === 'default' ? '' : `&theme=${theme}`}`);
      await page.getByRole('heading', { name: 'Key milestones/activities this period' }).waitFor({ timeout: 20000 });
      expect(await page.getByRole('heading', { name: 'Governance and Decision Making', exact: true }).count()).toBe(1);
      const status = page.locator('section', { has: page.getByRole('heading', { name: 'Project status' }) });
      const thisPeriod = await status.locator('dt', { hasText: /^This period$/ }).locator('xpath=following-sibling::dd[1]').innerText();
      expect(thisPeriod).toContain(expected.rag);
      expect(await page.getByText(expected.periodTitle).count()).toBeGreaterThan(0);
      // The address is the view: it still says where the tab runs and what it shows.
      expect(new URL(page.url()).searchParams.get('web')).toBe('/sites/gov');
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`teams-tab-gov-site-${theme}`), fullPage: true });
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60000);
  }

  it('lists the programme site\'s workstreams in the tab\'s settings', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/?host=teams&web=/sites/gov&workstream=GOV&settings=1&as=${encodeURIComponent(MANAGER)}`);
    const settings = page.getByRole('form', { name: 'Tab settings' });
    await settings.getByText(/^Using the programme site /).waitFor({ timeout: 20000 });
    expect(await settings.getByText(`Using the programme site ${stack.url}/sites/improvement.`).count()).toBe(1);
    await settings.getByRole('combobox', { name: 'Workstream' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    const workstreams = await rest(`/sites/improvement/_api/web/lists/getByTitle('Workstreams')/items?$select=Title,Code&$orderby=SortOrder`);
    expect(options).toEqual(['The whole programme', ...workstreams.json.value.map((w: { Title: string; Code: string }) => `${w.Title} (${w.Code})`)]);
    await page.getByRole('option', { name: 'Procurement (PROC)' }).click();
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Procurement', exact: true }).waitFor({ timeout: 20000 });
    expect(new URL(page.url()).searchParams.get('workstream')).toBe('PROC');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 60000);

  it('says plainly what is wrong with a wrong programme site, in the settings and in the tab', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/?host=teams&web=/sites/gov&workstream=GOV&settings=1&as=${encodeURIComponent(MANAGER)}`);
    const settings = page.getByRole('form', { name: 'Tab settings' });
    await settings.getByText(/^Using the programme site /).waitFor({ timeout: 20000 });
    const field = settings.getByRole('textbox', { name: 'Programme site' });
    // A site that is there but holds none of the programme's lists: the team's own.
    await field.fill(`${stack.url}/sites/gov`);
    await settings.getByRole('button', { name: 'Check the site' }).click();
    await settings.getByText(`The site ${stack.url}/sites/gov does not hold the programme's lists. Check the address, or ask the programme office to set up the lists on that site.`).waitFor();
    expect(await settings.getByRole('combobox', { name: 'Workstream' }).count()).toBe(0);
    expect(await settings.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // No site at all.
    await field.fill('/sites/nowhere');
    await settings.getByRole('button', { name: 'Check the site' }).click();
    await settings.getByText(`There is no site at ${stack.url}/sites/nowhere. Check the programme site's address.`).waitFor();
    await page.screenshot({ path: screenshotPath('teams-tab-settings-wrong-site'), fullPage: true });
    await page.close();

    // A tab whose own setting names a wrong site shows the same words instead of the dashboard.
    const tab = await newPage();
    await tab.goto(`${stack.url}/?host=teams&web=/sites/gov&workstream=GOV&programme=/sites/nowhere&as=${encodeURIComponent(MANAGER)}`);
    await tab.getByRole('alert').filter({ hasText: `There is no site at ${stack.url}/sites/nowhere.` }).waitFor({ timeout: 20000 });
    expect(await tab.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(await axeViolations(tab, 'main')).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.close();
  }, 60000);
});
