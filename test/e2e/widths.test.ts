/**
 * The dashboard at every width it meets: a Teams tab on a phone (400 px), a laptop (1200 px) and a
 * wide screen (1400 px), in SharePoint's and Teams' clothes. No word on the page is ever split
 * across lines ("O/pe/n"); below 600 px of container every table is a stack of cards, above it
 * a table; each row's actions are one menu; and axe-core passes at 400 px in the light, dark and
 * high-contrast themes. Screenshots are kept in test-results/screenshots (widths-*.png).
 */
import type { Page } from 'playwright-core';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, LEAD, THEMES, themeQuery, type TestPage } from './support/session';

const e2e = browserSession();

type Host = 'sharepoint' | 'teams';

async function open(width: number, host: Host, theme: string = 'default'): Promise<TestPage> {
  const page: TestPage = await e2e.openDashboard(LEAD, { query: `${host === 'teams' ? '&host=teams' : ''}${themeQuery(theme)}`, width });
  // The programme office's table loads on its own.
  await page.getByRole('table', { name: /^Where each workstream's report for/ }).waitFor();
  return page;
}

async function openWorkstream(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).first().click();
  await page.getByRole('heading', { name: 'Project risks' }).waitFor();
  await page.getByRole('table', { name: /^Project risks/ }).waitFor();
}

/**
 * Every word in `main` whose letters the browser laid out on more than one line: for each run of
 * letters and digits in each visible text node, the line boxes of a Range over it. A word that
 * fits keeps one line box top; a split word has two or more.
 */
async function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root: Element | null = document.querySelector('main');
    if (!root) {
      return ['(no main element)'];
    }
    const walker: TreeWalker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const word: RegExp = /[\p{L}\p{N}']{2,}/gu;
    for (let node: Node | null = walker.nextNode(); node; node = walker.nextNode()) {
      const parent: HTMLElement | null = node.parentElement;
      if (!parent || parent.getBoundingClientRect().width <= 1 || getComputedStyle(parent).visibility === 'hidden') {
        continue;
      }
      const text: string = node.textContent || '';
      word.lastIndex = 0;
      for (let m: RegExpExecArray | null = word.exec(text); m; m = word.exec(text)) {
        const range: Range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops: number[] = [];
        Array.prototype.forEach.call(range.getClientRects(), (r: DOMRect) => {
          if (r.width > 0 && tops.every((t) => Math.abs(t - r.top) > 2)) {
            tops.push(r.top);
          }
        });
        if (tops.length > 1) {
          found.push(`${m[0]} (in "${text.slice(0, 60)}")`);
        }
      }
    }
    return found;
  });
}

/** How each table region is laid out ("cards" or "table"), named by its label and width. */
async function layouts(page: Page): Promise<Array<{ label: string; width: number; layout: string }>> {
  return page.locator('main [data-layout]').evaluateAll((regions) =>
    regions.map((r) => ({ label: r.getAttribute('aria-label') || '', width: Math.round(r.getBoundingClientRect().width), layout: r.getAttribute('data-layout') || '' }))
  );
}

/** Regions whose layout does not follow their own width: cards below 600 px, a table from 600 px. */
function misfits(regions: Array<{ label: string; width: number; layout: string }>): string[] {
  return regions.filter((r) => r.layout !== (r.width < 600 ? 'cards' : 'table')).map((r) => `${r.label}: ${r.layout} at ${r.width} px`);
}

/** Captions shown narrower than their table (a caption squeezed into a column a few words wide). */
async function narrowCaptions(page: Page): Promise<string[]> {
  return page.locator('main table > caption').evaluateAll((captions) =>
    captions
      .filter((c) => c.getBoundingClientRect().width > 1)
      .filter((c) => c.getBoundingClientRect().width < 0.9 * (c.parentElement as HTMLElement).getBoundingClientRect().width)
      .map((c) => `${(c.textContent || '').slice(0, 60)}: ${Math.round(c.getBoundingClientRect().width)} of ${Math.round((c.parentElement as HTMLElement).getBoundingClientRect().width)} px`)
  );
}

describe('no word is split across lines', () => {
  it('is checked by a detector that does find a word split letter by letter', async () => {
    const page: Page = await open(400, 'sharepoint');
    await page.evaluate(() => {
      const probe: HTMLDivElement = document.createElement('div');
      probe.id = 'probe';
      probe.style.cssText = 'width: 12px; overflow-wrap: anywhere';
      probe.textContent = 'Open';
      (document.querySelector('main') as HTMLElement).appendChild(probe);
    });
    expect(await splitWords(page)).toEqual(['Open (in "Open")']);
    await page.close();
  }, 60000);

  for (const host of ['sharepoint', 'teams'] as Host[]) {
    for (const width of [400, 1200, 1400]) {
      it(`at ${width} px in ${host === 'teams' ? "Teams'" : "SharePoint's"} clothes, on the programme and a workstream view`, async () => {
        const page: Page = await open(width, host);
        expect(await splitWords(page)).toEqual([]);
        expect(await narrowCaptions(page)).toEqual([]);
        const programme = await layouts(page);
        expect(programme.length).toBeGreaterThanOrEqual(2);
        expect(misfits(programme)).toEqual([]);
        if (width === 400) {
          expect(new Set(programme.map((r) => r.layout))).toEqual(new Set(['cards']));
        }
        // The page itself never scrolls sideways.
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath(`widths-${host}-programme-${width}`), fullPage: true });

        await openWorkstream(page, 'Procurement');
        expect(await splitWords(page)).toEqual([]);
        expect(await narrowCaptions(page)).toEqual([]);
        const workstream = await layouts(page);
        expect(workstream.length).toBeGreaterThanOrEqual(3);
        expect(misfits(workstream)).toEqual([]);
        // The milestone and risk tables span the view: cards on a phone, columns on a laptop or wider.
        const main = workstream.filter((r) => /milestones|risks/i.test(r.label));
        expect(main.length).toBeGreaterThanOrEqual(3);
        expect(new Set(main.map((r) => r.layout))).toEqual(new Set([width === 400 ? 'cards' : 'table']));
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath(`widths-${host}-workstream-${width}`), fullPage: true });
        await page.close();
      }, 90000);
    }
  }
});

describe('at phone width', () => {
  for (const theme of THEMES) {
    it(`has no axe-core violations on the programme and workstream views in the ${theme} theme`, async () => {
      const page: Page = await open(400, 'teams', theme);
      expect(await axeViolations(page, 'main')).toEqual([]);
      await openWorkstream(page, 'Procurement');
      expect(await axeViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`widths-teams-workstream-400-${theme}`), fullPage: true });
      await page.close();
    }, 90000);
  }

  it("gives each milestone row one actions menu, named for the row, that the keyboard opens and closes", async () => {
    const page: Page = await open(400, 'teams');
    await openWorkstream(page, 'Procurement');
    const milestones = page.getByRole('table', { name: /^Key milestones\/activities this period/ });
    const rows: number = (await milestones.locator('tbody tr').count());
    expect(rows).toBeGreaterThan(1);
    const menus = milestones.getByRole('button', { name: /^More actions: milestone / });
    expect(await menus.count()).toBe(rows);
    const button = menus.nth(2);
    const name: string = (await button.getAttribute('aria-label')) || '';
    expect(name).toBe('More actions: milestone 3 (Launch Procurement Hub)');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Change status', 'Edit', 'Move up', 'Move down', 'Delete']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('widths-teams-row-menu-400') });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label'))).toBe(name);
    await page.close();
  }, 90000);
});
