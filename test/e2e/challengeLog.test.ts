/**
 * The IIB challenge log in Chromium against the real `npm start`: an IIB member records a
 * challenge, the workstream's project manager responds in the team's Teams tab at phone width,
 * and the member reads its history — served by the emulator's SharePoint version history
 * through PnPjs — with axe-core finding nothing wrong. Screenshots in test-results/screenshots.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, IIB, LEAD, MANAGER } from './support/session';

const CHALLENGE = 'Who signs off the new constitution, and when?';
const RESPONSE = 'The Board, on 24/01/2024.';

const e2e = browserSession();

/** The GOV team's Teams tab, as a member of the team. */
async function teamsTab(login: string, width: number, period: string = ''): Promise<Page> {
  const p: Page = await e2e.open(`/?host=teams&web=/sites/gov&workstream=GOV&as=${encodeURIComponent(login)}${period ? `&phPeriod=${period}` : ''}`, { width });
  await p.getByRole('heading', { name: 'IIB challenge and feedback' }).waitFor();
  return p;
}

/** The tab's challenge log: its section, without the editing panel beside it. */
function logOf(p: Page): Locator {
  return p.locator('section', { has: p.getByRole('heading', { name: 'IIB challenge and feedback' }) });
}

describe('the IIB challenge log', () => {
  it('is recorded by an IIB member, answered by the project manager at phone width, and its history read back', async () => {
    // GOV's November/December report is not approved yet, so an IIB member lands on June (locked);
    // the challenge is about the open period, chosen by its address.
    const iib = await teamsTab(IIB, 1280, '2');
    await iib.getByRole('button', { name: 'Record challenge or feedback' }).click();
    const record = iib.getByRole('dialog', { name: 'Record challenge or feedback' });
    await record.getByRole('combobox', { name: /^Kind/ }).click();
    await iib.getByRole('option', { name: 'Challenge' }).click();
    await record.getByRole('textbox', { name: /^Challenge or feedback/ }).fill(CHALLENGE);
    await record.getByRole('button', { name: 'Save' }).click();
    // Stored once the log shows it: the log is read again only after the save's answer. (The
    // panel's text box holds the same words while saving — React mirrors a text area's value into
    // its text — so a wait on the whole page ends at once and closes the page before the create
    // is sent on a slow machine.)
    await logOf(iib).getByText(CHALLENGE).waitFor();
    await iib.close();

    // The project manager, in the team's tab on a phone.
    const manager = await teamsTab(MANAGER, 400);
    const log = logOf(manager);
    await log.getByRole('button', { name: /^Respond to the challenge: Who signs off/ }).click();
    const respond = manager.getByRole('dialog', { name: 'Respond to the challenge' });
    await respond.getByRole('textbox', { name: /^Response/ }).fill(RESPONSE);
    await respond.getByRole('button', { name: 'Save' }).click();
    await log.getByText(RESPONSE).waitFor();
    expect(await log.getByRole('heading', { name: 'Challenge (responded to)' }).count()).toBeGreaterThan(0);
    await manager.screenshot({ path: screenshotPath('challenge-log-responded-teams-400'), fullPage: true });
    await manager.close();

    // The member reads the history: two versions, newest first, from SharePoint's version history.
    const reader = await teamsTab(IIB, 400, '2');
    const section = logOf(reader);
    const toggle = section.getByRole('button', { name: /^History of the Challenge: Who signs off/ });
    await toggle.click();
    const history = section.getByRole('list', { name: 'History, newest first (2 versions)' });
    await history.waitFor();
    const lines: string[] = await history.getByRole('listitem').evaluateAll((items) => items.map((li) => (li.querySelector('p') as HTMLElement).textContent || ''));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Version 2\.0 \(now\) by Louisa Simpson, \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}: responded to$/);
    expect(lines[1]).toMatch(/^Version 1\.0 by Alex Morgan, \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}: recorded$/);
    expect(await section.getByRole('button', { name: /^Hide history of the/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(reader)).toEqual([]);
    // At phone width nothing in the log is wider than the tab.
    const overflow: number = await section.evaluate((s) => s.scrollWidth - s.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await reader.screenshot({ path: screenshotPath('challenge-log-history-teams-400'), fullPage: true });
    await section.screenshot({ path: screenshotPath('challenge-log-history-section-400') });
    await reader.close();
  }, 90000);
});

describe('the overview editor', () => {
  it("lets the programme office change the period's overview in a panel axe finds nothing wrong with, and shows it at once", async () => {
    const office = await e2e.openDashboard(LEAD);
    await office.getByRole('button', { name: 'Edit the overview for November/December 2023' }).click();
    const dialog = office.getByRole('dialog', { name: 'Lead Executive Director overview' });
    const author = dialog.getByRole('textbox', { name: /^Overview by/ });
    await author.fill('Angela Probert, Lead Executive Director');
    expect(await axeViolations(office, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await office.getByText('Overview saved.').waitFor();
    await office.getByText('Angela Probert, Lead Executive Director').waitFor();
    await office.close();
  }, 60000);
});
