/**
 * @jest-environment jsdom
 *
 * The programme view's ratings over time on a programme of many periods: the latest 12 at first
 * (the landing reads no more: ISummaryOptions.ratingsWindow), and the earlier ones, read by
 * period, when asked for with a button that keeps the keyboard's place. A programme built here
 * (src/cli/portfolio's generator, 15 periods), over the real rules on the in-memory site.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { makePortfolio } from '../../src/cli/portfolio';
import { prepareSeededSite } from '../support/memoryProgramme';
import { programmeTable, renderDashboard } from './dashboardKit';

const MANY = makePortfolio({ workstreams: 3, periods: 15, archivePeriods: 0, milestonesPerMonth: 1, risksPerWorkstream: 1, feedbackPerMonth: 0 });

beforeAll(async () => {
  await prepareSeededSite(MANY);
  // jsdom has no canvas; axe then skips its icon-font check.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** Axe's findings (colour contrast needs layout; landmarks are the host page's), as in Accessibility.test.tsx. */
async function axeFindings(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => v.id);
}

describe('ratings over time on a programme of many periods', () => {
  it('shows the latest 12 periods, and the earlier ones, read by period, once asked for', async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember', seed: MANY });
    const table = await programmeTable();
    const all = await repository.getPeriods();
    const periods = all.map((p) => p.title);
    expect(periods.length).toBe(15);
    // A reader lands on the latest locked period (the open one's reports are not approved yet):
    // the window's periods up to it.
    const shown: number = all.map((p) => p.state).lastIndexOf('Locked');
    expect(shown).toBeGreaterThan(3);
    const periodHeaders = (): string[] =>
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent || '')
        .filter((t) => periods.indexOf(t) >= 0);
    expect(periodHeaders()).toEqual(periods.slice(3, shown + 1));
    // The landing read only the window's ratings; nothing was read on demand yet.
    const landing = repository.callsOf('getProgrammeSummary')[0].args[0] as { ratingsWindow?: number };
    expect(landing.ratingsWindow).toBe(12);
    expect(repository.callsOf('getRatings')).toEqual([]);
    // Every shown cell has a rating or says it has none: the window's first column included.
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.length).toBe(3);

    expect(await axeFindings()).toEqual([]);
    const more = screen.getByRole('button', { name: 'Show 3 earlier periods' });
    more.focus();
    await user.keyboard('{Enter}');
    const whole = await programmeTable();
    await waitFor(() => expect(within(whole).getAllByRole('columnheader').filter((h) => periods.indexOf(h.textContent || '') >= 0)).toHaveLength(shown + 1));
    expect(repository.callsOf('getRatings')).toHaveLength(1);
    const asked = repository.callsOf('getRatings')[0].args[0] as number[];
    expect(asked).toHaveLength(3);
    // The same button, now to go back; the keyboard's place is kept.
    const fewer = screen.getByRole('button', { name: 'Show only the latest periods' });
    expect(fewer).toHaveFocus();
    expect(fewer).toHaveAttribute('aria-expanded', 'true');
    expect(await axeFindings()).toEqual([]);
    // The earliest period's cells are its ratings as the repository holds them: no gaps.
    const first = (await repository.getPeriods())[0];
    const rated: number = (await repository.getRatings([first.id])).filter((h) => h.rag).length;
    expect(rated).toBeGreaterThan(0);
    const column: number = within(whole).getAllByRole('columnheader').findIndex((h) => h.textContent === first.title);
    const cells: HTMLElement[] = within(whole)
      .getAllByRole('rowheader')
      .map((h) => (h.closest('tr') as HTMLElement).children[column] as HTMLElement);
    expect(cells.filter((c) => !/Not rated/.test(c.textContent || ''))).toHaveLength(rated);
    await user.click(fewer);
    expect(within(await programmeTable()).getAllByRole('columnheader').filter((h) => periods.indexOf(h.textContent || '') >= 0)).toHaveLength(shown - 2);
  });
});
