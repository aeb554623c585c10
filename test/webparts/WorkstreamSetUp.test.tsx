/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { PeriodHistory } from '../../src/webparts/programmeDashboard/components/PeriodHistory';
import '@testing-library/jest-dom';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { MemoryRepository } from '../support/memoryProgramme';
import { officeView, panel, renderDashboard, renderOver, type User } from './dashboardKit';

/** The set-up panel's workstreams, as each item's heading reads. */
function listed(dialog: HTMLElement): string[] {
  const list = within(dialog).getByRole('list', { name: 'Workstreams in the order the report uses' });
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent || '');
}

async function openSetUp(user: User): Promise<HTMLElement> {
  const office = await officeView();
  await user.click(within(office).getByRole('button', { name: 'Workstreams…' }));
  const dialog = await panel('Workstreams');
  await within(dialog).findByRole('list', { name: 'Workstreams in the order the report uses' });
  return dialog;
}

/** Chooses people in a labelled combo box by typing and picking the option. */
async function pick(user: User, dialog: HTMLElement, label: string, name: string): Promise<void> {
  const box = within(dialog).getByRole('combobox', { name: label });
  await user.click(box);
  await user.click(await screen.findByRole('option', { name }));
}

const LONG: string =
  'Theme G – Procurement and contract management. Contracts are let and managed openly, with the evidence the Board needs to test them. ' +
  'Officers and members are trained, and the register of contracts is published and kept up to date every month.';

describe('setting up workstreams in the dashboard (programme office)', () => {
  it('lists a first-phase programme’s six themes by short title with each full title, and moves one with the keyboard', async () => {
    const { user, repository } = renderDashboard({ seed: FIRST_PHASE });
    const dialog = await openSetUp(user);
    expect(listed(dialog)).toEqual([
      '1. THEME-A – Theme A – Culture and leadership',
      '2. THEME-B – Theme B – Governance',
      '3. THEME-C – Theme C – Finance',
      '4. THEME-D – Theme D – Transport',
      '5. THEME-E – Theme E – Skills',
      '6. THEME-F – Theme F – Housing'
    ]);
    expect(within(dialog).getByText(FIRST_PHASE.workstreams[0].title)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Move up: THEME-A' })).toBeDisabled();
    // Keyboard only: focus the button, press Enter.
    within(dialog).getByRole('button', { name: 'Move up: THEME-C' }).focus();
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('THEME-C is now number 2 of 6.')).toBeInTheDocument();
    expect(listed(dialog).slice(0, 3)).toEqual(['1. THEME-A – Theme A – Culture and leadership', '2. THEME-C – Theme C – Finance', '3. THEME-B – Theme B – Governance']);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Move up: THEME-C' })).toHaveFocus());
    expect((await repository.getWorkstreams()).map((w) => w.code).slice(0, 3)).toEqual(['THEME-A', 'THEME-C', 'THEME-B']);
  });

  it('adds a workstream with a long title and people from the site, refusing a code already used beside the field', async () => {
    const { user, repository } = renderDashboard({ seed: FIRST_PHASE });
    const dialog = await openSetUp(user);
    await user.click(within(dialog).getByRole('button', { name: 'Add a workstream' }));
    const form = await within(await panel('Add a workstream')).findByRole('form', { name: 'Add a workstream' });
    // The button that opened the form is gone: focus is in the form's first field, so typing goes there.
    await waitFor(() => expect(within(form).getByRole('textbox', { name: /^Code/ })).toHaveFocus());
    await user.keyboard('theme-a');
    expect(within(form).getByRole('textbox', { name: /^Code/ })).toHaveValue('theme-a');
    await user.click(within(form).getByRole('textbox', { name: /^Full title/ }));
    await user.paste(LONG);
    expect(within(form).getByText(/theme-a is already the code of Theme A/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Code/ })).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(form).getByRole('button', { name: 'Add a workstream' }));
    expect(await repository.getWorkstreams()).toHaveLength(6);
    await user.clear(within(form).getByRole('textbox', { name: /^Code/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Code/ }), 'THEME-G');
    await user.type(within(form).getByRole('textbox', { name: /^Short title/ }), 'Theme G – Procurement');
    await pick(user, form, 'Sponsor', 'Nick Bell');
    await pick(user, form, 'Project managers', 'Louisa Simpson');
    await user.click(within(form).getByRole('button', { name: 'Add a workstream' }));
    const list = await panel('Workstreams');
    expect(await within(list).findByText('THEME-G is added, last in the order.')).toBeInTheDocument();
    expect(listed(list)[6]).toBe('7. THEME-G – Theme G – Procurement');
    const stored = (await repository.getWorkstreams())[6];
    expect(stored).toMatchObject({ code: 'THEME-G', title: LONG, shortTitle: 'Theme G – Procurement', order: 7 });
    expect(stored.sponsor && stored.sponsor.name).toBe('Nick Bell');
    expect(stored.projectManagers.map((p) => p.name)).toEqual(['Louisa Simpson']);
  });

  it('retires a theme, which the next period leaves out, and restores it', async () => {
    const { user, repository } = renderDashboard({ seed: FIRST_PHASE });
    const dialog = await openSetUp(user);
    await user.click(within(dialog).getByRole('button', { name: 'Retire THEME-F' }));
    expect(await within(dialog).findByText(/^THEME-F is retired: it stays in the periods it reported in/)).toBeInTheDocument();
    expect(listed(dialog)[5]).toBe('6. THEME-F – Theme F – Housing (retired)');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Restore THEME-F' })).toHaveFocus());
    const april = await repository.createPeriod({ title: 'April 2023', start: '01/04/2023', end: '30/04/2023' });
    expect((await repository.getPeriodPicture(april.id)).workstreams.map((w) => w.code)).not.toContain('THEME-F');
    expect((await repository.getPeriodPicture(1)).workstreams.map((w) => w.code)).toContain('THEME-F');
    await user.click(within(dialog).getByRole('button', { name: 'Restore THEME-F' }));
    expect(await within(dialog).findByText(/^THEME-F is restored/)).toBeInTheDocument();
    expect((await repository.getPeriodPicture(april.id)).workstreams.map((w) => w.code)).toContain('THEME-F');
  });

  it('shows both versions when someone else changed the workstream, and keeps what was typed', async () => {
    const { user, repository } = renderDashboard();
    const dialog = await openSetUp(user);
    const [first] = await repository.getWorkstreams();
    await user.click(within(dialog).getByRole('button', { name: `Edit ${first.code}` }));
    const form = await within(await panel(`Change ${first.code}`)).findByRole('form');
    const shortTitle = within(form).getByRole('textbox', { name: /^Short title/ });
    await user.clear(shortTitle);
    await user.type(shortTitle, 'Mine');
    repository.site.change('workstreams', first.id, { ShortTitle: 'Theirs' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const conflict = await panel(`Change ${first.code}`);
    expect(await within(conflict).findByText(/Someone else changed this workstream/)).toBeInTheDocument();
    const field = within(conflict).getByRole('group', { name: 'Short title' });
    expect(field).toHaveTextContent('Mine');
    expect(field).toHaveTextContent('Theirs');
    await user.click(within(conflict).getByRole('button', { name: 'Edit from the current version' }));
    expect(within(conflict).getByRole('textbox', { name: /^Short title/ })).toHaveValue('Theirs');
    expect(within(conflict).getByText('Your version:').parentElement).toHaveTextContent('Mine');
    await user.clear(within(conflict).getByRole('textbox', { name: /^Short title/ }));
    await user.type(within(conflict).getByRole('textbox', { name: /^Short title/ }), 'Agreed');
    await user.click(within(conflict).getByRole('button', { name: 'Save' }));
    expect(await within(await panel('Workstreams')).findByText(`${first.code} is saved.`)).toBeInTheDocument();
    expect((await repository.getWorkstreams())[0].shortTitle).toBe('Agreed');
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('is not offered to %s', async (persona) => {
    renderDashboard({ persona, seed: FIRST_PHASE });
    await screen.findAllByRole('table');
    expect(screen.queryByRole('button', { name: 'Workstreams…' })).not.toBeInTheDocument();
  });
});

describe('the Board meeting date a lock records (dashboard)', () => {
  it('checks the date as typed, records it with the lock, and Period History says it', async () => {
    // Every report approved before the dashboard opens, so that it offers the lock.
    const repository = new MemoryRepository({ seed: FIRST_PHASE });
    const picture = await repository.getPeriodPicture(1);
    for (const r of picture.statusReports) {
      const submitted = await repository.transitionReport(r.id, 'submit', r.etag);
      await repository.transitionReport(r.id, 'approve', submitted.etag);
    }
    const { user } = renderOver(repository);
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock March 2023?');
    const date = within(dialog).getByRole('textbox', { name: /^Board meeting date/ });
    await user.type(date, '31/04/2023');
    expect(await within(dialog).findByText(/April 2023 has 30 days/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));
    expect(await within(dialog).findByText(/April 2023 has 30 days/)).toBeInTheDocument();
    expect((await repository.getPeriods())[0].state).toBe('Open');
    await user.clear(date);
    await user.type(date, '12/04/2023');
    await user.click(within(dialog).getByRole('button', { name: 'Lock period' }));
    expect(await screen.findByText(/^March 2023 is locked\./)).toBeInTheDocument();
    expect(await screen.findByText('No reporting period is open. Start a new period to begin the next cycle.')).toBeInTheDocument();
    const [period] = await repository.getPeriods();
    expect(period).toMatchObject({ state: 'Locked', boardMeetingDate: '2023-04-12' });
    const lock = (await repository.getPeriodHistory(1)).filter((h) => h.action === 'Locked')[0];
    expect(lock.boardMeetingDate).toBe('2023-04-12');
    // Period History shows it beside when and by whom the period was locked.
    const shown = render(<PeriodHistory periodTitle="March 2023" history={{ data: [lock], loading: false, error: undefined, reload: () => undefined }} />);
    expect(within(shown.container).getByRole('listitem')).toHaveTextContent(/^Locked on \d\d\/\d\d\/\d{4} by Heidi Robinson For the Board meeting of 12\/04\/2023\.$/);
  });
});
