/**
 * Acknowledging a readiness finding (issue 12) in Chromium against the real `npm start`, at
 * 400 px: the programme office opens a workstream of the seeded open period, acknowledges one of
 * its findings with a reason by keyboard, reloads the page and finds the finding in the
 * collapsed "Acknowledged (1)" group and the office's count one lower; axe-core finds nothing
 * wrong in the three themes, and the page does not scroll sideways. Screenshots in
 * test-results/screenshots.
 */
import { applyAcknowledgements, checkReadiness, findingKey, mayAcknowledge, tableTitle, type IReadinessFinding, type IWorkstream } from '../../src/domain';
import { summariseReadiness, findingCountWords } from '../../src/webparts/programmeDashboard/components/reportCycle';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, horizontalOverflow, LEAD, themeQuery, THEMES, type TestPage } from './support/session';

const e2e = browserSession();
const REASON: string = 'Agreed at the Board: the paper stands as the workstream wrote it, and this is for the next period.';

/** The office's row for a workstream once readiness is checked (the landing shows where reports stand; findings need every report read). */
async function officeRowText(page: TestPage, periodTitle: string, title: string): Promise<string> {
  const table = page.getByRole('table', { name: `Where each workstream's report for ${periodTitle} stands` });
  await table.waitFor();
  await page.getByRole('button', { name: `Check readiness for ${periodTitle}` }).click();
  await page.getByRole('columnheader', { name: 'Readiness findings' }).waitFor();
  const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Open ${title}` }) });
  return (await row.locator('td').allTextContents()).join(' | ');
}

describe('acknowledging a readiness finding', () => {
  it('takes it out of the counts, and it stays so after a reload', async () => {
    const repo = e2e.repository(LEAD);
    const periods = await repo.getPeriods();
    const open = periods.filter((p) => p.state === 'Open')[0];
    const picture = await repo.getPeriodPicture(open.id);
    const findings: IReadinessFinding[] = checkReadiness(picture);
    // A workstream with a finding that need not be fixed, whichever the seed has.
    const finding: IReadinessFinding = findings.filter((f) => f.where.workstreamId !== undefined && mayAcknowledge(f))[0];
    const ws: IWorkstream = picture.workstreams.filter((w) => w.id === finding.where.workstreamId)[0];
    const title: string = tableTitle(ws);
    const before: string = findingCountWords(summariseReadiness(picture).byWorkstream[ws.id]);
    const after: string = findingCountWords(summariseReadiness({ ...picture, acknowledgements: [{ id: 0, periodId: open.id, findingKey: findingKey(finding), reason: 'x', at: '', etag: '' }] }).byWorkstream[ws.id]);
    expect(after).not.toBe(before);

    const office: TestPage = await e2e.openDashboard(LEAD, { width: 400 });
    expect(await officeRowText(office, open.title, title)).toContain(before);
    await office.close();

    const address: string = `/?as=${encodeURIComponent(LEAD)}&phPeriod=${open.id}&phWorkstream=${encodeURIComponent(ws.code)}`;
    const page: TestPage = await e2e.open(address, { width: 400 });
    const readiness = page.locator('section', { has: page.getByRole('heading', { name: 'Ready for the Board?' }) });
    await readiness.getByText(finding.message).waitFor();
    const acknowledge = readiness.getByRole('button', { name: 'Acknowledge…', exact: true }).and(page.locator(`[data-focus-key="acknowledge-${findingKey(finding)}"]`));
    await acknowledge.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Acknowledge a finding' });
    const reasonBox = dialog.getByRole('textbox', { name: /^Why it does not apply/ });
    await reasonBox.waitFor();
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await reasonBox.fill(REASON);
    await page.screenshot({ path: screenshotPath('acknowledge-finding-panel-400'), fullPage: false });
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await reasonBox.waitFor({ state: 'detached' });
    const toggle = readiness.getByRole('button', { name: 'Acknowledged (1)' });
    await toggle.waitFor();
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    // After a reload: still acknowledged, listed apart with the reason, and not counted.
    await page.reload();
    await readiness.getByRole('button', { name: 'Acknowledged (1)' }).waitFor();
    expect(await readiness.getByRole('button', { name: 'Acknowledged (1)' }).getAttribute('aria-expanded')).toBe('false');
    await readiness.getByRole('button', { name: 'Acknowledged (1)' }).click();
    await readiness.getByText(`Reason: ${REASON}`).waitFor();
    expect(await readiness.getByText(/^Acknowledged by Heidi Robinson on \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\./).count()).toBe(1);
    expect(await readiness.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await readiness.screenshot({ path: screenshotPath('acknowledged-findings-400') });
    expect(page.errors).toEqual([]);
    await page.close();

    for (const theme of THEMES) {
      const themed: TestPage = await e2e.open(`${address}${themeQuery(theme)}`, { width: 400 });
      const section = themed.locator('section', { has: themed.getByRole('heading', { name: 'Ready for the Board?' }) });
      await section.getByRole('button', { name: 'Acknowledged (1)' }).click();
      await section.getByText(`Reason: ${REASON}`).waitFor();
      expect({ theme, violations: await axeViolations(themed) }).toEqual({ theme, violations: [] });
      if (theme === 'contrast') {
        await section.screenshot({ path: screenshotPath('acknowledged-findings-contrast-400') });
      }
      await themed.close();
    }

    const reloaded: TestPage = await e2e.openDashboard(LEAD, { width: 400 });
    expect(await officeRowText(reloaded, open.title, title)).toContain(after);
    await reloaded.close();
    const stored = await e2e.repository(LEAD).getPeriodPicture(open.id);
    expect(applyAcknowledgements(checkReadiness(stored), stored.acknowledgements).acknowledged.map((a) => a.acknowledgement.reason)).toEqual([REASON]);
  }, 120000);
});
