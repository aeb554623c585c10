/**
 * @jest-environment jsdom
 *
 * Acknowledging readiness findings on the dashboard (issue 12), over the real rules
 * (ProgrammeRepository over the in-memory site), on a programme built here — a first phase whose
 * Theme B gives its risk's mitigation as "TBA", whose Theme F has no report yet, and whose period
 * has no overview: the programme office acknowledges a finding with a reason (a blank one is
 * refused beside the field), sees it set apart in a collapsed "Acknowledged (n)" group with the
 * reason, who and when, and the counts drop; withdraws it and it counts again, focus returning
 * each time (withdrawing, which deletes the reason, asks first). A finding that must be fixed offers no Acknowledge…; other people see the group but
 * may not change it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { MemoryRepository, prepareSeededSite } from '../support/memoryProgramme';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { checkReadiness, officeView, panel, pressEscape, renderDashboard, renderOver, section, type User } from './dashboardKit';

/** The office table's row of a workstream, by its short title. */
function rowWith(office: HTMLElement, title: string): HTMLElement {
  return within(office).getByRole('rowheader', { name: (name: string) => name.includes(title) }).closest('tr') as HTMLElement;
}

/** Opens a workstream from the programme view (an unrated programme's table of open risks). */
async function openWorkstream(user: User, title: string): Promise<void> {
  await screen.findByRole('table', { name: /^Each workstream with its open risks/ });
  await user.click(screen.getAllByRole('button', { name: title })[0]);
  await screen.findByRole('heading', { level: 3, name: 'Project status' });
}

const BUILT: ISeedProgramme = {
  ...FIRST_PHASE,
  programme: { ...FIRST_PHASE.programme, title: 'Recovery Plan Phase 1' },
  periods: FIRST_PHASE.periods.map((p) => ({ ...p, title: 'April 2024', start: '2024-04-01', end: '2024-04-30', overview: '' })),
  statusReports: FIRST_PHASE.statusReports.filter((r) => r.workstreamId !== 6),
  risks: FIRST_PHASE.risks.map((r) => (r.workstreamId === 2 ? { ...r, mitigation: 'TBA' } : r))
};
const THEME_B: string = 'Theme B – Governance';
const FINDING: string = `${THEME_B}'s risks row (unnumbered) gives its mitigation as "TBA".`;
const HOSTILE: string = '<script>window.pwned = 1</script> The paper keeps "TBA" & the Board agreed ]]>';

beforeAll(async () => {
  await prepareSeededSite(BUILT);
});

async function noAxeViolations(): Promise<void> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('the programme office', () => {
  it('acknowledges a finding with a reason, sees it set apart and not counted, and withdraws it', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice', seed: BUILT });
    const office: HTMLElement = await officeView();
    await checkReadiness(user, office);
    expect(within(rowWith(office, THEME_B)).getByText('1 to check')).toBeInTheDocument();

    await openWorkstream(user, THEME_B);
    const readiness: HTMLElement = section('Ready for the Board?');
    expect(within(readiness).getByText(FINDING)).toBeInTheDocument();
    const acknowledge: HTMLElement = within(readiness).getByRole('button', { name: 'Acknowledge…', description: FINDING });
    await user.click(acknowledge);

    // A blank reason is refused beside the field, and nothing is written.
    let dialog: HTMLElement = await panel('Acknowledge a finding');
    expect(within(dialog).getByText(FINDING)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(dialog).findByText(/^Why it does not apply: .*must not be empty\.$/)).toBeInTheDocument();
    expect(repository.callsOf('acknowledgeFinding')).toEqual([]);
    await noAxeViolations();

    // Esc closes it, and focus returns to the finding's button.
    pressEscape();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(section('Ready for the Board?')).getByRole('button', { name: 'Acknowledge…', description: FINDING })).toHaveFocus());

    // By keyboard: open it again, type a reason, acknowledge.
    await user.keyboard('{Enter}');
    dialog = await panel('Acknowledge a finding');
    await user.type(within(dialog).getByRole('textbox', { name: /^Why it does not apply/ }), HOSTILE);
    await user.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const toggle: HTMLElement = await within(section('Ready for the Board?')).findByRole('button', { name: 'Acknowledged (1)' });
    await waitFor(() => expect(toggle).toHaveFocus());
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(section('Ready for the Board?')).queryByRole('button', { name: 'Acknowledge…' })).not.toBeInTheDocument();
    expect(within(section('Ready for the Board?')).getByText(/^Nothing to put right in this workstream's report/)).toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const group: HTMLElement = document.getElementById(toggle.getAttribute('aria-controls') as string) as HTMLElement;
    expect(group).toBeVisible();
    expect(within(group).getByText(FINDING)).toBeInTheDocument();
    expect(within(group).getByText(`Reason: ${HOSTILE}`)).toBeInTheDocument();
    expect(group.textContent).toMatch(/Acknowledged by Heidi Robinson on \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\./);
    expect(document.querySelector('script:not([src])')?.textContent || '').not.toContain('pwned');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    await noAxeViolations();

    // Stored once, keyed by the finding (the item named with its list), and read back on a fresh load.
    const picture = await repository.as('iibMember').getPeriodPicture(1);
    expect(picture.acknowledgements).toEqual([expect.objectContaining({ findingKey: 'placeholder|risk:2|mitigation', reason: HOSTILE })]);

    // Withdraw asks first (it deletes the reason): cancelled, nothing changes and focus goes back to Withdraw.
    await user.click(within(group).getByRole('button', { name: 'Withdraw', description: FINDING }));
    let asking: HTMLElement = await panel('Withdraw an acknowledgement');
    expect(asking).toHaveTextContent('The finding will count again in April 2024, and this acknowledgement and its reason will be deleted');
    expect(within(asking).getByText(FINDING)).toBeInTheDocument();
    expect(within(asking).getByText(`Reason: ${HOSTILE}`)).toBeInTheDocument();
    await noAxeViolations();
    await user.click(within(asking).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Withdraw', description: FINDING })).toHaveFocus());
    expect(await repository.getAcknowledgements(1)).toHaveLength(1);

    // Withdrawn: the finding counts again, and focus goes to its Acknowledge… button.
    await user.click(within(group).getByRole('button', { name: 'Withdraw', description: FINDING }));
    asking = await panel('Withdraw an acknowledgement');
    await user.click(within(asking).getByRole('button', { name: 'Withdraw' }));
    const again: HTMLElement = await within(section('Ready for the Board?')).findByRole('button', { name: 'Acknowledge…', description: FINDING });
    await waitFor(() => expect(again).toHaveFocus());
    expect(within(section('Ready for the Board?')).queryByRole('button', { name: /^Acknowledged/ })).not.toBeInTheDocument();
    expect(await repository.getAcknowledgements(1)).toEqual([]);
  });

  it("counts without acknowledged findings in the office's table, and acknowledges the report's own finding there; a must-fix finding offers no Acknowledge…", async () => {
    // As a page loaded before keys named the item's list would ask: still the same finding, stored under its key today.
    const repository = new MemoryRepository({ persona: 'programmeOffice', seed: BUILT });
    await repository.acknowledgeFinding(1, 'placeholder|item:2|Mitigation', 'The paper writes TBA until the risk workshop.');
    expect((await repository.getAcknowledgements(1)).map((a) => a.findingKey)).toEqual(['placeholder|risk:2|mitigation']);
    const { user } = renderOver(repository);
    const office: HTMLElement = await officeView();
    await checkReadiness(user, office);
    expect(within(rowWith(office, THEME_B)).getByText('None')).toBeInTheDocument();
    expect(within(rowWith(office, 'Theme F – Housing')).getByText('1 must be fixed')).toBeInTheDocument();
    expect(within(office).getByText(/The report as a whole: 1 to check/)).toBeInTheDocument();

    const whole: HTMLElement = section('The report as a whole');
    expect(within(whole).getByText('The period has no lead executive director overview.')).toBeInTheDocument();
    await user.click(within(whole).getByRole('button', { name: 'Acknowledge…' }));
    const dialog: HTMLElement = await panel('Acknowledge a finding');
    await user.type(within(dialog).getByRole('textbox', { name: /^Why it does not apply/ }), 'A first-phase paper has no overview.');
    await user.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(within(section('The report as a whole')).getByRole('button', { name: 'Acknowledged (1)' })).toHaveFocus());
    expect(within(office).queryByText(/The report as a whole: 1 to check/)).not.toBeInTheDocument();

    await openWorkstream(user, 'Theme F – Housing');
    const readiness: HTMLElement = section('Ready for the Board?');
    expect(within(readiness).getByText(/has no status report for April 2024/)).toBeInTheDocument();
    expect(within(readiness).queryByRole('button', { name: 'Acknowledge…' })).not.toBeInTheDocument();
  });
});

it.each([['projectManager']] as const)('the %s (who sees the draft) sees what was acknowledged, but neither acknowledges nor withdraws', async (persona) => {
  const office = new MemoryRepository({ persona: 'programmeOffice', seed: BUILT });
  await office.acknowledgeFinding(1, 'placeholder|risk:2|mitigation', 'Agreed with the Board.');
  const { user } = renderOver(office.as(persona));
  await openWorkstream(user, THEME_B);
  const readiness: HTMLElement = section('Ready for the Board?');
  await user.click(within(readiness).getByRole('button', { name: 'Acknowledged (1)' }));
  expect(within(readiness).getByText('Reason: Agreed with the Board.')).toBeInTheDocument();
  expect(within(readiness).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  expect(within(readiness).queryByRole('button', { name: 'Acknowledge…' })).not.toBeInTheDocument();
});
