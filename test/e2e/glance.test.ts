/**
 * Trends at a glance, the "Amber or worse" filter and the programme's risk matrix in Chromium
 * against the real `npm start`: axe-core in the three themes at a phone's width (Teams) and at
 * 1400 px (SharePoint), no word broken inside itself, the page never scrolling sideways, each band
 * on its colour. Screenshots: test-results/screenshots/glance-*.png.
 */
import type { Page } from 'playwright-core';
import { RAG_COLOURS } from '../../src/domain';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, IIB, THEMES, themeQuery, type IBrowserSession, type TestPage } from './support/session';

/** Adds open risks through SharePoint's REST API, as the programme office. */
async function addRisks(session: IBrowserSession): Promise<void> {
  const risks: Array<{ [k: string]: unknown }> = [
    { Title: 'Partners withdraw from the joint board', RiskDescription: 'Partners withdraw from the joint board', WorkstreamId: 4, RiskNumber: '6', Likelihood: 4, Impact: 5, RiskOwner: 'Director of Partnerships' },
    { Title: 'Hub supplier goes into administration', RiskDescription: 'Hub supplier goes into administration', WorkstreamId: 2, RiskNumber: '6', Likelihood: 3, Impact: 4 },
    { Title: 'Constitution review slips', RiskDescription: 'Constitution review slips', WorkstreamId: 1, RiskNumber: '4', Likelihood: 2, Impact: 2 }
  ];
  for (const fields of risks) {
    await session.addItem('Risks', { RiskState: 'Open', RaisedPeriodId: 2, Mitigation: 'In hand.', SortOrder: 9, ...fields });
  }
}

const e2e = browserSession({ setUp: addRisks });

async function open(query: string, width: number): Promise<TestPage> {
  const page: TestPage = await e2e.open(`/?as=${encodeURIComponent(IIB)}${query}`, { width });
  await page.getByRole('heading', { name: 'Trends at a glance' }).waitFor();
  await page.getByRole('table', { name: /Open risks across the programme/ }).waitFor();
  return page;
}

/** Words in the trends and the matrix that the browser laid out across more than one line. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const roots = Array.from(document.querySelectorAll('section')).filter((s) => /Trends at a glance|Risk matrix/.test(s.querySelector('h3')?.textContent || ''));
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text: string = node.textContent || '';
        const el = node.parentElement as HTMLElement;
        // Screen-reader-only text is clipped to a pixel on purpose.
        if (el.getBoundingClientRect().width <= 1) {
          continue;
        }
        const re = /\S+/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) {
            broken.push(m[0]);
          }
        }
      }
    }
    return broken;
  });
}

describe('trends, the filter and the risk matrix', () => {
  const views: Array<[string, string, number]> = [];
  for (const theme of THEMES) {
    const t: string = themeQuery(theme);
    views.push([`Teams, ${theme}, 400 px`, `&host=teams${t}`, 400]);
    views.push([`SharePoint, ${theme}, 1400 px`, t, 1400]);
  }

  for (const [name, query, width] of views) {
    it(`passes axe-core, breaks no word and fits the width: ${name}`, async () => {
      const page = await open(query, width);
      // A cell's list open, so that it is checked too.
      await page.getByRole('button', { name: /^1 risk, likelihood 4, impact 5, Very high severity/ }).click();
      await page.getByRole('region', { name: /^Likelihood 4 Likely, impact 5 Severe/ }).getByText('Owner: Director of Partnerships').waitFor();
      expect(await axeViolations(page, 'main')).toEqual([]);
      expect(await brokenWords(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const shot: string = `glance-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      await page.screenshot({ path: screenshotPath(shot), fullPage: true });
      for (const heading of ['Trends at a glance', 'Risk matrix']) {
        await page.getByRole('region', { name: heading, exact: true }).screenshot({ path: screenshotPath(`${shot}-${heading.split(' ')[0].toLowerCase()}`) });
      }
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60000);
  }

  it('shows each band on its colour with its label, and filters to Amber or worse from the keyboard', async () => {
    const page = await open('', 1400);
    const cell = page.getByRole('button', { name: /^1 risk, likelihood 4, impact 5/ }).locator('xpath=..');
    const look = await cell.evaluate((td) => ({ text: (td as HTMLElement).innerText, background: getComputedStyle(td).backgroundColor }));
    expect(look.text).toMatch(/1\s+Very high/);
    expect(look.background).toBe('rgb(192, 0, 0)');
    expect(RAG_COLOURS.Red.fill).toBe('C00000');
    await page.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' }).focus();
    await page.keyboard.press('Space');
    // An IIB member: November/December's drafts await approval, so each workstream's latest rating they may see is June's — Partnership Working's Amber.
    await page.getByText('Showing 1 of 5 workstreams: those whose latest rating is Amber, Amber/Red or Red.').waitFor();
    expect(await page.getByRole('table', { name: /RAG status of each workstream/ }).getByRole('rowheader').allTextContents()).toEqual(['Partnership Working']);
    await page.keyboard.press('Space');
    await page.getByText('Showing all 5 workstreams.').waitFor();
    expect(await page.getByRole('table', { name: /RAG status of each workstream/ }).getByRole('rowheader').count()).toBe(5);
    await page.close();
  }, 60000);
});
