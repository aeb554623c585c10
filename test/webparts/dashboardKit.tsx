/**
 * Shared steps for the dashboard's tests: render it over the real repository on an in-memory site, open a
 * workstream, pick from a Fluent drop-down, find a panel.
 */
import * as React from 'react';
import { act, fireEvent, render, type RenderResult, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { type IProgrammeDashboardProps, ProgrammeDashboard } from '../../src/webparts/programmeDashboard/components/ProgrammeDashboard';
import { MemoryRepository, type IMemoryRepositoryOptions } from '../support/memoryProgramme';

// Hosts register Fluent's icon font; tests do not, and the words beside each icon are what they check.
setIconOptions({ disableWarnings: true });

export type User = ReturnType<typeof userEvent.setup>;

export interface IRendered extends RenderResult {
  user: User;
  repository: MemoryRepository;
}

/** Renders the dashboard over a fresh in-memory repository. */
export function renderDashboard(options: IMemoryRepositoryOptions = {}, props: Partial<IProgrammeDashboardProps> = {}): IRendered {
  const repository: MemoryRepository = new MemoryRepository(options);
  const user: User = userEvent.setup();
  const result: RenderResult = render(<ProgrammeDashboard repository={repository} {...props} />);
  return { ...result, user, repository };
}

/** Renders the dashboard again over an existing in-memory repository (e.g. another persona's, from `as`). */
export function renderOver(repository: MemoryRepository, props: Partial<IProgrammeDashboardProps> = {}): IRendered {
  const user: User = userEvent.setup();
  const result: RenderResult = render(<ProgrammeDashboard repository={repository} {...props} />);
  return { ...result, user, repository };
}

/**
 * Reads the store directly while the dashboard may still be settling (its reload after a save):
 * inside act, so what the screen does meanwhile happens as it would for a user, not behind the
 * test's back. Reads before the dashboard opens need none of this: make them before rendering.
 */
export async function readStore<T>(read: () => Promise<T>): Promise<T> {
  let value: T | undefined;
  await act(async () => {
    value = await read();
  });
  return value as T;
}

/** The programme office view's section, once its table has loaded. */
export async function officeView(): Promise<HTMLElement> {
  await screen.findByRole('table', { name: /^Where each workstream's report for/ });
  return screen.getByRole('heading', { level: 3, name: 'Programme office: reporting cycle' }).closest('section') as HTMLElement;
}

/**
 * Checks readiness in the programme office view (the period's whole picture, every report's text,
 * is read only when asked for) and waits for the findings column it adds.
 */
export async function checkReadiness(user: User, office: HTMLElement): Promise<void> {
  await user.click(within(office).getByRole('button', { name: /^Check readiness for / }));
  await within(office).findByRole('columnheader', { name: 'Readiness findings' });
}

/** Waits for the programme view's matrix. */
export async function programmeTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: /RAG status of each workstream/ });
}

/** Opens a workstream from the programme view and waits for its period to load. */
export async function openWorkstream(user: User, title: string): Promise<void> {
  await programmeTable();
  await user.click(screen.getByRole('button', { name: title }));
  await screen.findByRole('heading', { level: 3, name: 'Project status' });
}

/** A Fluent drop-down by its label (its accessible name is the label followed by the choice). */
export function dropdown(label: string, container: HTMLElement = document.body): HTMLElement {
  return within(container).getByRole('combobox', { name: (name: string) => name === label || name.startsWith(`${label} `) });
}

/** Chooses an option of a Fluent drop-down by its label. */
export async function choose(user: User, label: string, option: string, container: HTMLElement = document.body): Promise<void> {
  await user.click(dropdown(label, container));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** The open panel (a Fluent Panel is a dialog). */
export async function panel(name?: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('dialog', name ? { name } : {});
}

/** A section of the workstream view, by its heading; `behindPanel` finds it while a modal panel hides it. */
export function section(heading: string | RegExp, behindPanel: boolean = false): HTMLElement {
  const h: HTMLElement = screen.getByRole('heading', { level: 3, name: heading, hidden: behindPanel });
  return h.closest('section') as HTMLElement;
}

/** The table row holding the given text. */
export function rowWith(container: HTMLElement, text: string | RegExp): HTMLElement {
  const cells: HTMLElement[] = within(container).getAllByRole('cell', { hidden: true });
  const cell: HTMLElement | undefined = cells.find((c) => (typeof text === 'string' ? c.textContent === text || c.textContent?.includes(text) : text.test(c.textContent || '')));
  if (!cell) {
    throw new Error(`No row with ${String(text)}.`);
  }
  return cell.closest('tr') as HTMLElement;
}

/**
 * Presses Esc where focus is. Fluent's panels read the legacy `which` code, which jsdom's
 * keyboard events (and so user-event's) leave at 0; browsers set it.
 */
export function pressEscape(): void {
  fireEvent.keyDown(document.activeElement || document.body, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
}

/** The "More actions" button of a table row, by how the row is referred to ("milestone 5 (Staff conference planning)"). */
export function rowMenuButton(row: string | RegExp, container: HTMLElement = document.body): HTMLElement {
  const prefix: string = 'More actions: ';
  // The first such row when a pattern matches several.
  return within(container).getAllByRole('button', {
    name: (name: string) => name.startsWith(prefix) && (typeof row === 'string' ? name.slice(prefix.length) === row : row.test(name.slice(prefix.length)))
  })[0];
}

/** Opens a row's "More actions" menu and returns its item of the given accessible name ("Edit: milestone 3 (…)"). */
export async function rowMenuItem(user: User, row: string | RegExp, item: string | RegExp): Promise<HTMLElement> {
  await user.click(rowMenuButton(row));
  const found: HTMLElement = await screen.findByRole('menuitem', { name: item });
  // Fluent's callout stays invisible and unclickable (opacity 0, pointer-events: none) until it
  // has been positioned against its button, a moment after it opens: wait for that, as a person
  // waits to see the menu, or a click lands on a menu not yet there.
  await waitFor(() => {
    for (let el: HTMLElement | null = found; el; el = el.parentElement) {
      if (el.style.pointerEvents === 'none') {
        throw new Error('The menu is not positioned yet.');
      }
    }
  });
  return found;
}

/** Chooses one of a table row's actions from its "More actions" menu. */
export async function rowAction(user: User, row: string | RegExp, item: string | RegExp): Promise<void> {
  await rowMenuItem(user, row, item);
  // A view still loading (a reload after the last change) lists its actions disabled, as Fluent
  // draws them (pointer-events: none): choose the item once it is offered, as a person would.
  const offered: HTMLElement = await waitFor(() => {
    const found: HTMLElement = screen.getByRole('menuitem', { name: item });
    if (found.getAttribute('aria-disabled') === 'true') {
      throw new Error(`"${found.getAttribute('aria-label') || ''}" is not offered yet.`);
    }
    return found;
  });
  await user.click(offered);
}
