/**
 * The dashboard as a workstream group's Teams tab, which runs in the site behind its team
 * (/sites/gov), not the programme's: it finds the programme site from the tenant setting and shows
 * GOV's status from there; the tab's settings check a programme site and offer its workstreams;
 * a wrong programme site gets a message that says what is wrong; whoever manages a site's lists
 * can set the lists up there, or bring older ones up to date. In Chromium against the real
 * `npm start`, in Teams' three themes, with screenshots in test-results/screenshots.
 */
import { provisionSite } from '../../src/data/provisioning/provision';
import { LIST_SCHEMAS } from '../../src/data/provisioning/schema';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, IIB, LEAD, MANAGER, themeQuery, THEMES, type IRestAnswer, type TestPage } from './support/session';

const e2e = browserSession();

/** A GET of the stack's SharePoint REST API, as the programme office, without OData metadata. */
function rest(path: string): Promise<IRestAnswer> {
  return e2e.rest(path, { headers: { Accept: 'application/json;odata=nometadata' } });
}

/** GOV's status report for the latest period, as the programme site's lists hold it. */
async function govStatus(): Promise<{ periodTitle: string; rag: string }> {
  const ws = await rest(`/sites/improvement/_api/web/lists/getByTitle('Workstreams')/items?$filter=Code eq 'GOV'&$select=Id`);
  const periods = await rest(`/sites/improvement/_api/web/lists/getByTitle('Reporting%20Periods')/items?$select=Id,Title,PeriodStart&$orderby=PeriodStart desc`);
  const latest = periods.json.value[0];
  const reports = await rest(`/sites/improvement/_api/web/lists/getByTitle('Status%20Reports')/items?$filter=WorkstreamId eq ${ws.json.value[0].Id} and ReportingPeriodId eq ${latest.Id}&$select=Rag`);
  return { periodTitle: latest.Title, rag: reports.json.value[0].Rag };
}

function newPage(): Promise<TestPage> {
  return e2e.newPage({ width: 1024, height: 800 });
}

describe('a Teams tab on the GOV team\'s site', () => {
  it('has a site of its own without the programme lists', async () => {
    expect((await rest('/sites/gov/_api/web')).status).toBe(200);
    expect((await rest(`/sites/gov/_api/web/lists/getByTitle('Workstreams')`)).status).toBe(404);
  });

  for (const theme of THEMES) {
    it(`shows GOV's status from the programme site, in Teams' ${theme} theme`, async () => {
      const expected = await govStatus();
      const page = await newPage();
      await page.goto(`${e2e.url}/?host=teams&web=/sites/gov&workstream=GOV&as=${encodeURIComponent(MANAGER)}${themeQuery(theme)}`);
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

  for (const width of [400, 1280]) {
    it(`keeps Fluent's keyboard behaviour for the controls it fetches after the first view, at ${width} px in high contrast`, async () => {
      const page = await e2e.newPage({ width, height: 900 });
      await page.goto(`${e2e.url}/?host=teams&web=/sites/gov&workstream=GOV&as=${encodeURIComponent(MANAGER)}${themeQuery('contrast')}`);
      await page.getByRole('heading', { name: 'Key milestones/activities this period' }).waitFor({ timeout: 20000 });
      // The period picker becomes Fluent's drop-down once its chunk is in: Enter opens its list, Escape closes it.
      const picker = page.getByRole('combobox', { name: /^Reporting period/ });
      await page.waitForFunction(() => !document.querySelector('[role="combobox"][aria-busy]'));
      expect(await picker.getAttribute('class')).toContain('ms-Dropdown');
      expect(await picker.innerText()).toContain((await govStatus()).periodTitle);
      await picker.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      // A row's "More actions": a menu button whose menu opens on its first item, arrows move, Escape returns.
      const button = page.getByRole('button', { name: /^More actions: milestone / }).first();
      expect(await button.getAttribute('aria-haspopup')).toBe('menu');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const name: string = (await button.getAttribute('aria-label')) || '';
      await button.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await menu.waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const focusedLabel = (): Promise<string | null> => page.evaluate(() => (document.activeElement ? document.activeElement.getAttribute('aria-label') : null));
      const items: string[] = await menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
      await page.waitForFunction((first) => !!document.activeElement && document.activeElement.getAttribute('aria-label') === first, items[0]);
      await page.keyboard.press('ArrowDown');
      expect(await focusedLabel()).toBe(items[1]);
      await page.keyboard.press('ArrowUp');
      expect(await focusedLabel()).toBe(items[0]);
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`teams-tab-gov-row-menu-contrast-${width}`) });
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      expect(await focusedLabel()).toBe(name);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await page.screenshot({ path: screenshotPath(`teams-tab-gov-contrast-${width}`), fullPage: true });
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60000);
  }

  it('lists the programme site\'s workstreams in the tab\'s settings', async () => {
    const page = await newPage();
    await page.goto(`${e2e.url}/?host=teams&web=/sites/gov&workstream=GOV&settings=1&as=${encodeURIComponent(MANAGER)}`);
    const settings = page.getByRole('form', { name: 'Tab settings' });
    await settings.getByText(/^Using the programme site /).waitFor({ timeout: 20000 });
    expect(await settings.getByText(`Using the programme site ${e2e.url}/sites/improvement.`).count()).toBe(1);
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
    await page.goto(`${e2e.url}/?host=teams&web=/sites/gov&workstream=GOV&settings=1&as=${encodeURIComponent(MANAGER)}`);
    const settings = page.getByRole('form', { name: 'Tab settings' });
    await settings.getByText(/^Using the programme site /).waitFor({ timeout: 20000 });
    const field = settings.getByRole('textbox', { name: 'Programme site' });
    // A site that is there but holds none of the programme's lists: the team's own.
    await field.fill(`${e2e.url}/sites/gov`);
    await settings.getByRole('button', { name: 'Check the site' }).click();
    await settings.getByText(`The site ${e2e.url}/sites/gov does not hold the programme's lists. Check the address, or ask the programme office to set up the lists on that site.`).waitFor();
    expect(await settings.getByRole('combobox', { name: 'Workstream' }).count()).toBe(0);
    expect(await settings.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // No site at all.
    await field.fill('/sites/nowhere');
    await settings.getByRole('button', { name: 'Check the site' }).click();
    await settings.getByText(`There is no site at ${e2e.url}/sites/nowhere. Check the programme site's address.`).waitFor();
    await page.screenshot({ path: screenshotPath('teams-tab-settings-wrong-site'), fullPage: true });
    await page.close();

    // A tab whose own setting names a wrong site shows the same words instead of the dashboard.
    const tab = await newPage();
    await tab.goto(`${e2e.url}/?host=teams&web=/sites/gov&workstream=GOV&programme=/sites/nowhere&as=${encodeURIComponent(MANAGER)}`);
    await tab.getByRole('alert').filter({ hasText: `There is no site at ${e2e.url}/sites/nowhere.` }).waitFor({ timeout: 20000 });
    expect(await tab.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(await axeViolations(tab, 'main')).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.close();
  }, 60000);
});

describe('Set up this site', () => {
  it('is offered to whoever manages a site\'s lists where the lists are missing, and creates them', async () => {
    // Someone who may only read the PPD team's site is told what is wrong, and offered nothing.
    const reader = await newPage();
    await reader.goto(`${e2e.url}/?web=/sites/ppd&programme=/sites/ppd&as=${encodeURIComponent(IIB)}`);
    await reader.getByRole('alert').filter({ hasText: 'does not hold the programme\'s lists' }).waitFor({ timeout: 20000 });
    await reader.waitForTimeout(500);
    expect(await reader.getByRole('button', { name: 'Set up this site' }).count()).toBe(0);
    await reader.close();

    // Its owner (the programme office) is offered to set it up.
    const page = await newPage();
    await page.goto(`${e2e.url}/?web=/sites/ppd&programme=/sites/ppd&as=${encodeURIComponent(LEAD)}`);
    const setUp = page.getByRole('button', { name: 'Set up this site' });
    await setUp.waitFor({ timeout: 20000 });
    expect(await page.getByText(`you can create the programme's lists on ${e2e.url}/sites/ppd now`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('set-up-this-site'), fullPage: true });
    await setUp.click();
    // The lists are there and empty: the programme office is led to set the programme up.
    await page.getByRole('heading', { name: 'Set up your programme' }).waitFor({ timeout: 30000 });
    for (const schema of LIST_SCHEMAS) {
      expect({ list: schema.title, status: (await rest(`/sites/ppd/_api/web/lists/getByTitle('${encodeURIComponent(schema.title)}')`)).status }).toEqual({ list: schema.title, status: 200 });
    }
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90000);

  it('offers to bring an older site\'s lists up to date, and does it', async () => {
    const site = `${e2e.url}/sites/part`;
    const older = LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') } : l));
    await provisionSite(e2e.sp(LEAD, '/sites/part'), site, { schemas: older });
    const page = await newPage();
    await page.goto(`${e2e.url}/?web=/sites/part&programme=/sites/part&as=${encodeURIComponent(LEAD)}`);
    const update = page.getByRole('button', { name: 'Bring the lists up to date' });
    await update.waitFor({ timeout: 20000 });
    expect(await page.getByText(`The programme's lists on ${site} are out of date (changes to make: 1).`, { exact: false }).count()).toBe(1);
    await update.click();
    await page.getByText(`The programme's lists on ${site} are set up (changes made: 1).`).waitFor({ timeout: 20000 });
    expect((await rest(`/sites/part/_api/web/lists/getByTitle('Risks')/fields/getbyinternalnameortitle('Mitigation')`)).status).toBe(200);
    expect(page.errors).toEqual([]);
    await page.close();

    // Nobody is bothered once the lists are up to date.
    const again = await newPage();
    await again.goto(`${e2e.url}/?web=/sites/part&programme=/sites/part&as=${encodeURIComponent(LEAD)}`);
    await again.getByRole('heading', { name: 'Set up your programme' }).waitFor({ timeout: 20000 });
    await again.waitForTimeout(1000);
    expect(await again.getByRole('button', { name: 'Bring the lists up to date' }).count()).toBe(0);
    await again.close();
  }, 90000);
});
