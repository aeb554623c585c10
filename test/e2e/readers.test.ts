/**
 * Approved is what readers see, in Chromium against the real `npm start`: an IIB member lands on
 * November/December 2023, sees Project Plans and Delivery's approved rating and the others
 * awaiting approval, reaches June 2023 with the period selector, and the address records it; once
 * the programme office has locked November/December and started the next period, IIB members
 * still land on November/December, and the programme office on the new, open period.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from './support/browser';
import { browserSession, IIB, LEAD as OFFICE } from './support/session';

const e2e = browserSession();

describe('an IIB member', () => {
  it('sees the approved report of November/December, the others awaiting approval, and reaches June 2023', async () => {
    const page = await e2e.openDashboard(IIB, { width: 400 });
    const table = page.getByRole('table', { name: /RAG status of each workstream/ });
    expect(await page.getByRole('combobox', { name: /^Reporting period/ }).innerText()).toContain('November/December 2023');
    const cell = async (title: string): Promise<string> => table.getByRole('row').filter({ hasText: title }).locator('td').nth(1).innerText();
    expect(await cell('Project Plans and Delivery')).toMatch(/Green/);
    for (const title of ['Governance and Decision Making', 'Procurement', 'Partnership Working', 'Confidence, Culture and Capacity']) {
      expect(await cell(title)).toContain('Awaiting approval');
    }
    await page.screenshot({ path: screenshotPath('reader-programme-400'), fullPage: true });

    await page.getByRole('combobox', { name: /^Reporting period/ }).click();
    await page.getByRole('option', { name: 'June 2023' }).click();
    await page.getByText(/Overall the programme is rated as Green\/Amber/).waitFor();
    expect(new URL(page.url()).searchParams.get('phPeriod')).toBe('1');
    // The address round-trips: a reload opens on June again.
    await page.reload();
    await table.waitFor();
    expect(await page.getByRole('combobox', { name: /^Reporting period/ }).innerText()).toContain('June 2023');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90000);

  it('still lands on November/December after the programme office locks it and starts the next period', async () => {
    const office = e2e.repository(OFFICE);
    const periods = await office.getPeriods();
    const novDec = periods.filter((p) => p.title === 'November/December 2023')[0];
    const reason: string = 'Went to the Board on 14 December with four reports still in draft';
    await office.lockPeriod(novDec.id, { allowUnapproved: true, reason, overrideReason: reason });
    await office.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' });

    const landing = async (login: string): Promise<string> => {
      const page: Page = await e2e.openDashboard(login, { width: 1200 });
      const chosen: string = await page.getByRole('combobox', { name: /^Reporting period/ }).innerText();
      await page.close();
      return chosen;
    };
    expect(await landing(IIB)).toContain('November/December 2023');
    expect(await landing(OFFICE)).toContain('January 2024');
  }, 90000);
});
