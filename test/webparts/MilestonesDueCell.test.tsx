/**
 * @jest-environment jsdom
 *
 * The programme view's "Milestones due": the count, the next due date and how many are overdue,
 * in words; a date copied as written that is not a real one is counted, never compared.
 */
import * as React from 'react';
import { render } from '@testing-library/react';
import '@testing-library/jest-dom';
import { MilestonesDueCell } from '../../src/webparts/programmeDashboard/components/MilestonesDueCell';
import type { IsoDate } from '../../src/domain';

const TODAY = '2024-01-15' as IsoDate;

function cell(count: number, dueDates: string[]): HTMLElement {
  return render(<MilestonesDueCell count={count} dueDates={dueDates} today={TODAY} mutedClass="muted" overdueClass="overdue" />).container;
}

describe('milestones due on the programme view', () => {
  it('shows the count, the next due date in en-GB form and the overdue ones in words', () => {
    const c = cell(3, ['2024-02-01', '2024-01-10', '2024-01-31']);
    expect(c).toHaveTextContent('3next due 31/01/2024⚠ 1 overdue');
    expect(c.querySelector('.overdue')).toHaveTextContent('1 overdue');
  });

  it('says several are overdue, with no next date when none is still to come', () => {
    expect(cell(2, ['2023-11-30', '2023-12-01'])).toHaveTextContent(/^2⚠ 2 overdue$/);
  });

  it('counts a date that is not a real one (31/06/23) without comparing it, and one with no date', () => {
    const c = cell(2, ['31/06/23']);
    expect(c).toHaveTextContent(/^2$/);
    expect(c.querySelector('.overdue')).toBeNull();
  });
});
