/**
 * Shared steps for the dashboard's tests: render it over the real repository on an in-memory site, open a
 * workstream, pick from a Fluent drop-down, find a panel.
 */
import * as React from 'react';
import { fireEvent, render, type RenderResult, screen, within } from '@testing-library/react';
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

/** The programme office view's section, once its table has loaded. */
export async function officeView(): Promise<HTMLElement> {
  await screen.findByRole('table', { name: /^Where each workstream's report for/ });
  return screen.getByRole('heading', { level: 3, name: 'Programme office: reporting cycle' }).closest('section') as HTMLElement;
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
  return screen.findByRole('menuitem', { name: item });
}

/** Chooses one of a table row's actions from its "More actions" menu. */
export async function rowAction(user: User, row: string | RegExp, item: string | RegExp): Promise<void> {
  await user.click(await rowMenuItem(user, row, item));
}
