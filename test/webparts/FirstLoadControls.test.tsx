/** @jest-environment jsdom */
/**
 * The controls the dashboard draws itself so that its first load (and a Teams tab's, opening on
 * a workstream) does not carry Fluent's Button, menus, callouts, Dropdown and MessageBar: they
 * keep what Fluent's gave — keyboard operation, what a screen reader hears, and the operating
 * system's colours in high contrast — and hand over to Fluent's own controls, fetched later,
 * without losing focus.
 */
let mockControlsFail: boolean = false;
let mockControlsLoads: number = 0;
jest.mock('../../src/webparts/programmeDashboard/components/fluentControls', () => {
  mockControlsLoads++;
  if (mockControlsFail) {
    throw new Error('Loading chunk ph-controls failed.');
  }
  return jest.requireActual('../../src/webparts/programmeDashboard/components/fluentControls');
});

import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { Button } from '../../src/webparts/programmeDashboard/components/Button';
import { OutcomeMessage } from '../../src/webparts/programmeDashboard/components/OutcomeMessage';
import { PeriodPicker } from '../../src/webparts/programmeDashboard/components/PeriodPicker';
import { RowActions } from '../../src/webparts/programmeDashboard/components/RowActions';
import type { IPeriod } from '../../src/domain';

const HIGH_CONTRAST: string = 'forced-colors: active';

/** The CSS rules in force for a class name where the operating system forces its colours (high contrast). */
function highContrastRules(className: string): string {
  const found: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSMediaRule && rule.conditionText.includes(HIGH_CONTRAST)) {
        for (const inner of Array.from(rule.cssRules)) {
          if ((inner as CSSStyleRule).selectorText && (inner as CSSStyleRule).selectorText.includes(className)) {
            found.push(inner.cssText);
          }
        }
      }
    }
  }
  return found.join('\n');
}

/** The class merge-styles gave an element for a style set's entry (the last one, the most specific). */
function classesOf(el: HTMLElement): string[] {
  return el.className.split(' ').filter((c) => c !== '');
}

describe("the dashboard's own button", () => {
  it('is a native button that Enter and Space press, drawn in the system colours in high contrast', async () => {
    const user = userEvent.setup();
    const pressed = jest.fn();
    render(<Button text="Add a risk" onClick={pressed} />);
    const button: HTMLElement = screen.getByRole('button', { name: 'Add a risk' });
    expect(button.tagName).toBe('BUTTON');
    expect(button).toHaveAttribute('type', 'button');
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(pressed).toHaveBeenCalledTimes(2);
    const rules: string = classesOf(button).map(highContrastRules).join('\n');
    expect(rules).toMatch(/border: 1px solid ButtonText/);
    expect(rules).toMatch(/color: ButtonText/);
    expect(rules).toMatch(/:disabled[^{]*\{[^}]*color: GrayText/);
  });

  it("draws the primary action in the system's highlight colours in high contrast", () => {
    render(<Button primary text="Submit to the programme office" onClick={() => undefined} />);
    const rules: string = classesOf(screen.getByRole('button', { name: 'Submit to the programme office' })).map(highContrastRules).join('\n');
    expect(rules).toMatch(/background: Highlight/);
    expect(rules).toMatch(/color: HighlightText/);
  });

  it('stays reachable when unavailable with allowDisabledFocus, says so, and does nothing when pressed', async () => {
    const user = userEvent.setup();
    const pressed = jest.fn();
    render(
      <>
        <Button text="Approve" disabled={true} allowDisabledFocus={true} ariaDescription="Approves the report" onClick={pressed} />
        <Button text="Send back" disabled={true} onClick={pressed} />
      </>
    );
    const approve: HTMLElement = screen.getByRole('button', { name: 'Approve' });
    expect(approve).not.toHaveAttribute('disabled');
    expect(approve).toHaveAttribute('aria-disabled', 'true');
    expect(approve).toHaveAccessibleDescription('Approves the report');
    await user.tab();
    expect(approve).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(approve);
    // Fluent's plain `disabled`: out of the tab order altogether.
    const sendBack: HTMLElement = screen.getByRole('button', { name: 'Send back' });
    expect(sendBack).toBeDisabled();
    await user.tab();
    expect(sendBack).not.toHaveFocus();
    expect(pressed).not.toHaveBeenCalled();
  });
});

describe('an outcome message', () => {
  it('is announced politely on success and at once on failure, and its "×" dismisses it from the keyboard', async () => {
    const user = userEvent.setup();
    const dismissed = jest.fn();
    const { rerender } = render(<OutcomeMessage outcome={{ kind: 'success', text: 'Saved as Programme.xlsx.' }} onDismiss={dismissed} />);
    expect(screen.getByRole('status')).toHaveTextContent('Saved as Programme.xlsx.');
    rerender(<OutcomeMessage outcome={{ kind: 'error', text: 'The export failed.' }} onDismiss={dismissed} />);
    const alert: HTMLElement = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The export failed.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    // A border of its own where the operating system forces its colours (the coloured edge is gone there).
    expect(classesOf(alert.parentElement as HTMLElement).map(highContrastRules).join('\n')).toMatch(/border: 1px solid WindowText/);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dismiss this message' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(dismissed).toHaveBeenCalledTimes(1);
  });
});

describe('the period picker before and after Fluent\'s drop-down arrives', () => {
  const period = (id: number, title: string, start: string): IPeriod => ({ id, title, start, end: start, status: 'Open' }) as unknown as IPeriod;
  const periods: IPeriod[] = [period(1, 'May 2023', '2023-05-01'), period(2, 'June 2023', '2023-06-01'), period(3, 'July 2023', '2023-07-01')];

  it('shows the period in a labelled combobox meanwhile; opened from the keyboard then, it hands focus to the drop-down, open', async () => {
    const user = userEvent.setup();
    const chosen = jest.fn();
    // The chunk cannot be fetched at first: the placeholder stays, and says so.
    mockControlsFail = true;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<PeriodPicker periods={periods} selectedId={2} onChange={chosen} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the dashboard could not be loaded.');
    const placeholder: HTMLElement = screen.getByRole('combobox', { name: 'Reporting period' });
    expect(placeholder).toHaveTextContent('June 2023');
    expect(placeholder).toHaveAttribute('aria-expanded', 'false');
    expect(classesOf(placeholder).map(highContrastRules).join('\n')).toMatch(/border: 1px solid WindowText/);
    const loadsBefore: number = mockControlsLoads;

    // Reaching the field tries again; still no connection.
    await user.tab();
    expect(placeholder).toHaveFocus();
    await waitFor(() => expect(mockControlsLoads).toBeGreaterThan(loadsBefore));
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the dashboard could not be loaded.');

    // The connection is back: opening the field from the keyboard fetches the drop-down, which
    // takes the focus and opens.
    mockControlsFail = false;
    await user.keyboard('{Enter}');
    const listbox: HTMLElement = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['July 2023', 'June 2023', 'May 2023']);
    // Open, the drop-down's list is modal at this (jsdom's) width: the field is hidden behind it.
    const dropdown: HTMLElement = screen.getByRole('combobox', { name: /^Reporting period/, hidden: true });
    expect(dropdown).not.toBe(placeholder);
    expect(placeholder).not.toBeInTheDocument();
    expect(dropdown).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(listbox).getByRole('option', { name: 'May 2023' }));
    expect(chosen).toHaveBeenCalledWith(1);
    logged.mockRestore();
  });

  it("is Fluent's drop-down at once once it has been fetched", () => {
    render(<PeriodPicker periods={periods} selectedId={3} onChange={() => undefined} />);
    const dropdown: HTMLElement = screen.getByRole('combobox', { name: /^Reporting period/ });
    expect(dropdown).toHaveAttribute('aria-haspopup', 'listbox');
    expect(dropdown).toHaveTextContent('July 2023');
    expect(dropdown).not.toHaveAttribute('aria-busy');
  });
});

describe('a row\'s "More actions"', () => {
  const actions = (done: jest.Mock): Array<{ key: string; text: string; ariaLabel: string; onClick: () => void; disabled?: boolean }> => [
    { key: 'edit', text: 'Edit', ariaLabel: 'Edit: milestone 3 (Launch the hub)', onClick: () => done('edit') },
    { key: 'up', text: 'Move up', ariaLabel: 'Move up: milestone 3 (Launch the hub)', onClick: () => done('up'), disabled: true },
    { key: 'delete', text: 'Delete', ariaLabel: 'Delete: milestone 3 (Launch the hub)', onClick: () => done('delete') }
  ];

  it("is a menu button: Enter opens Fluent's menu, every action listed; Escape closes it and focus returns", async () => {
    const user = userEvent.setup();
    const done = jest.fn();
    render(<RowActions rowLabel="milestone 3 (Launch the hub)" actions={actions(done)} />);
    const button: HTMLElement = screen.getByRole('button', { name: 'More actions: milestone 3 (Launch the hub)' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    await user.keyboard('{Enter}');
    const menu: HTMLElement = await screen.findByRole('menu', { name: 'More actions: milestone 3 (Launch the hub)' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items: HTMLElement[] = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Edit: milestone 3 (Launch the hub)', 'Move up: milestone 3 (Launch the hub)', 'Delete: milestone 3 (Launch the hub)']);
    // Unavailable actions stay listed, disabled.
    expect(items[1]).toHaveAttribute('aria-disabled', 'true');
    // In a browser Fluent's menu puts focus on its first item once its callout is placed, and the
    // arrows move it (test/e2e/teamsTab.test.ts); jsdom lays nothing out, so focus goes there by hand.
    items[0].focus();
    // Fluent reads the key's code, which user-event leaves out: the key as a browser sends it.
    fireEvent.keyDown(items[0], { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(done).not.toHaveBeenCalled();
  });

  it("opens with Down too, and Enter on an item does it with focus left on the row's button", async () => {
    const user = userEvent.setup();
    const done = jest.fn();
    render(<RowActions rowLabel="milestone 3 (Launch the hub)" actions={actions(done)} />);
    const button: HTMLElement = screen.getByRole('button', { name: 'More actions: milestone 3 (Launch the hub)' });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    const menu: HTMLElement = await screen.findByRole('menu');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    within(menu).getByRole('menuitem', { name: /^Delete/ }).focus();
    await user.keyboard('{Enter}');
    expect(done).toHaveBeenCalledWith('delete');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
  });
});
