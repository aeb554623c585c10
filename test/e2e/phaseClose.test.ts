/**
 * Closing a phase, in Chromium against the real `npm start -- --empty` with a programme built
 * here over SharePoint REST (not the seed): "Phase 2" of a recovery plan with two themes, one
 * period, a completed milestone, two open ones and an open risk. The programme office drafts the
 * close-down from those records, edits each outstanding row's destination, is refused the lock
 * while one has none, approves and locks it, starts Phase 3 with two new themes — each
 * outstanding item placed in one, the risk closed with a reason — and finds the items there as
 * milestones that link back to the close-down. axe-core passes on the programme office's
 * close-down view and the start form. Screenshots: test-results/screenshots (phase-close-*.png).
 */
import type { Browser, Page } from 'playwright-core';
import { phaseRecord } from '../../src/data/PhaseRepository';
import { periodValues, programmeValues, toValues, workstreamValues } from '../../src/data/mapping';
import { axeViolations, launchBrowser, screenshotPath } from './support/browser';
import { startLocalStack, type ILocalStack } from './support/server';
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import { lockPeriodsOf } from '../support/phasedProgramme';
import { restBody } from '../support/restBody';

const LEAD = 'heidi.robinson@improvement.example';
const LISTS = '/sites/improvement/_api/web/lists';

let stack: ILocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack(['--empty']);
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

async function post(list: string, record: object): Promise<number> {
  const res: Response = await fetch(`${stack.url}${LISTS}/getByTitle('${encodeURIComponent(list)}')/items`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${LEAD}` },
    body: JSON.stringify(restBody(list, record))
  });
  const text: string = await res.text();
  expect({ list, status: res.status, text: res.status === 201 ? '' : text }).toEqual({ list, status: 201, text: '' });
  return (JSON.parse(text) as { Id: number }).Id;
}

const DONE = 'Scheme of delegation approved';
const OPEN_A = 'Members’ code of conduct training';
const OPEN_B = 'Procurement pipeline published';
const RISK = 'Interim officers leave before the new structure is in place';

/** Chooses an option of a Fluent drop-down by its label (a pattern, or text the name contains). */
async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens the editing panel of the close-down row whose task starts with `task`, sets where it goes, and saves. */
async function sendTo(page: Page, task: string, destination: string, words?: string): Promise<void> {
  await page.getByRole('button', { name: `Edit close-down row: ${task}` }).click();
  // A Fluent panel's root counts as hidden to Playwright while it animates: its fields are what is waited for.
  const panel = page.getByRole('dialog', { name: 'Edit close-down row' });
  await choose(page, /^Where it goes next/, destination);
  if (words) {
    await panel.getByRole('textbox', { name: 'Where it goes, in words' }).fill(words);
  }
  await panel.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Close-down row saved.' }).waitFor();
}

describe('the programme office closes a phase and starts the next', () => {
  it('drafts, edits, locks, starts Phase 3 with two themes, and finds the outstanding items there linked to their origin', async () => {
    // A programme of one phase, built over SharePoint REST.
    await post('Programme', programmeValues({ title: 'Recovery Plan', organisation: 'A District Council', board: 'Improvement Board', ragKeyIntroduction: '', ragDefinitions: [] }).programme);
    const phase: number = await post('Phases', phaseRecord({ title: 'Phase 2', start: '2024-04-01', state: 'Open' }));
    const period: number = await post('Reporting Periods', { ...periodValues({ title: 'Quarter 4 2024/25', start: '2025-01-01', end: '2025-03-31', state: 'Open' }), Phase: phase });
    const gov: number = await post('Workstreams', { ...workstreamValues({ code: 'GOV', title: 'Governance', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 1 }), Phase: phase });
    const proc: number = await post('Workstreams', { ...workstreamValues({ code: 'PROC', title: 'Procurement', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 2 }), Phase: phase });
    await post('Milestones', toValues('milestone', { workstreamId: gov, periodId: period, timing: 'ThisPeriod', number: '1', title: DONE, status: 'Approved by Council on 12/02/2025', statusCategory: 'Complete', order: 1 }));
    await post('Milestones', toValues('milestone', { workstreamId: gov, periodId: period, timing: 'ThisPeriod', number: '2', title: OPEN_A, status: 'Half of members trained', statusCategory: 'InProgress', order: 2 }));
    await post('Milestones', toValues('milestone', { workstreamId: proc, periodId: period, timing: 'NextPeriod', number: '1', title: OPEN_B, order: 1 }));
    await post('Risks', toValues('risk', { workstreamId: proc, number: '1', description: RISK, mitigation: 'Extend two interim contracts', state: 'Open', raisedPeriodId: period, order: 1 }));

    const page: Page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/?as=${encodeURIComponent(LEAD)}`);
    const nav = page.getByRole('navigation', { name: 'Close-down of phases' });
    await nav.getByRole('button', { name: 'Phase 2 close-down' }).click();

    // Drafted from the phase's own records.
    await page.getByRole('button', { name: "Draft from the phase's records" }).click();
    const table = page.getByRole('table', { name: 'Close-down of Phase 2' });
    await table.waitFor();
    await page.getByRole('status').filter({ hasText: 'Drafted 4 rows from the records of Phase 2.' }).waitFor();
    const done = table.getByRole('row').filter({ hasText: DONE });
    expect(await done.innerText()).toContain('Evidence: Reported complete in Quarter 4 2024/25 (milestone 1): Approved by Council on 12/02/2025');
    expect(await done.innerText()).toContain('Completed – no further action');
    for (const open of [OPEN_A, OPEN_B, RISK]) {
      expect(await table.getByRole('row').filter({ hasText: open }).innerText()).toContain('No destination yet');
    }
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: screenshotPath('phase-close-drafted'), fullPage: true });

    // Not lockable yet: the refusal says why, and the phase stays closing.
    await page.getByRole('textbox', { name: 'Board meeting date' }).fill('31/06/25');
    await page.getByRole('button', { name: 'Approve and lock the close-down' }).click();
    await page.getByRole('alert').filter({ hasText: 'Board meeting date: "31/06/25" is not a date' }).waitFor();
    await page.getByRole('textbox', { name: 'Board meeting date' }).fill('24/04/2025');
    await page.getByRole('button', { name: 'Approve and lock the close-down' }).click();
    // Three rows without a destination, and the phase's period still open.
    await page.getByRole('alert').filter({ hasText: /^Could not lock the close-down: 4 things need putting right first\./ }).waitFor();

    await sendTo(page, OPEN_A, 'Moves to a theme of the next phase', 'Culture theme (Phase 3)');
    await sendTo(page, OPEN_B, 'Moves to a theme of the next phase', 'Commercial theme (Phase 3)');
    await sendTo(page, 'Risk 1: Interim officers leave', 'Kept under review');
    // The phase's period went to the Board and is locked (over SharePoint REST, as the programme office's dashboard would).
    const site: string = `${stack.url}/sites/improvement`;
    await lockPeriodsOf(new PnpRepository(spfi(site).using(SPBrowser({ baseUrl: site }), BearerLogin(LEAD))), [{ id: period, state: 'Open' }]);
    await page.reload();
    await page.getByRole('table', { name: 'Close-down of Phase 2' }).waitFor();
    await page.getByRole('textbox', { name: 'Board meeting date' }).fill('24/04/2025');
    await page.getByText(/^Ready to lock: every outstanding item has a destination/).waitFor();
    await page.getByRole('button', { name: 'Approve and lock the close-down' }).click();
    await page.getByRole('status').filter({ hasText: 'The close-down of Phase 2 is approved and locked; the phase is closed.' }).waitFor();
    await page.getByText('Locked: this is the close-down as approved, and it is not changed again. As it went to the Board meeting of 24/04/2025.').waitFor();
    expect(await page.getByRole('button', { name: /^Edit close-down row/ }).count()).toBe(0);

    // Phase 3 from it: two new themes, each item placed, the risk closed with a reason.
    const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Start the next phase' }) });
    await form.getByRole('textbox', { name: /^Next phase/ }).fill('Phase 3');
    await form.getByRole('textbox', { name: 'Start of the next phase' }).fill('01/04/2025');
    await form.getByRole('textbox', { name: /^Period( \*)?$/ }).fill('Quarter 1 2025/26');
    await form.getByRole('textbox', { name: 'Period start' }).fill('01/04/2025');
    await form.getByRole('textbox', { name: 'Period end' }).fill('30/06/2025');
    await form.getByRole('textbox', { name: 'Theme 1: code' }).fill('CUL');
    await form.getByRole('textbox', { name: 'Theme 1: title' }).fill('Culture change');
    await form.getByRole('button', { name: 'Add a theme' }).click();
    await form.getByRole('textbox', { name: 'Theme 2: code' }).fill('COM');
    await form.getByRole('textbox', { name: 'Theme 2: title' }).fill('Commercial');
    await choose(page, `Theme for: ${OPEN_A}`, 'Culture change');
    await choose(page, `Theme for: ${OPEN_B}`, 'Commercial');
    await choose(page, `Risk 1 ${RISK}`, 'Close it, with a reason');
    await form.getByRole('textbox', { name: `Reason for closing risk 1 ${RISK}` }).fill('The new structure was agreed by Council.');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: screenshotPath('phase-close-start-next'), fullPage: true });
    await form.getByRole('button', { name: 'Start the next phase' }).click();
    await page.getByRole('status').filter({ hasText: 'Phase 3 has started with its first period, Quarter 1 2025/26: 2 items moved into its themes as milestones, 0 risks carried, 1 closed.' }).waitFor();

    // The items are milestones of Phase 3's themes, each linking back to the close-down.
    await page.getByRole('button', { name: 'Back to programme' }).click();
    const matrix = page.getByRole('table', { name: /RAG status of each workstream/ });
    await matrix.waitFor();
    expect(await matrix.locator('tbody th').allInnerTexts()).toEqual(['Governance', 'Procurement', 'Culture change', 'Commercial']);
    for (const [theme, item] of [
      ['Culture change', OPEN_A],
      ['Commercial', OPEN_B]
    ]) {
      await matrix.getByRole('button', { name: theme, exact: true }).click();
      const milestones = page.getByRole('table', { name: `Key milestones/activities this period: ${theme}, Quarter 1 2025/26` });
      await milestones.waitFor();
      const row = milestones.getByRole('row').filter({ hasText: item });
      expect(await row.innerText()).toContain("From a phase's close-down");
      if (theme === 'Commercial') {
        await page.screenshot({ path: screenshotPath('phase-close-milestone'), fullPage: true });
        await row.getByRole('button', { name: /^Open the close-down that milestone .* came from$/ }).click();
        await page.getByRole('table', { name: 'Close-down of Phase 2' }).waitFor();
        expect(new URL(page.url()).searchParams.get('phCloseDown')).toBe(String(phase));
      } else {
        await page.getByRole('button', { name: 'Back to programme' }).click();
        await matrix.waitFor();
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 180000);
});
