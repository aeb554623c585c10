/**
 * @jest-environment jsdom
 *
 * Any programme, any phase, over the real rules (ProgrammeRepository over the in-memory site):
 * - a site with no programme (an empty start): the programme office is led to set it up; everyone
 *   else is told nothing is reported yet;
 * - a first-phase programme (test/support/firstPhaseProgramme): no ratings, sponsor comments,
 *   milestones or sign-off offered anywhere, its themes by their short titles in tables and their
 *   full titles once as headings, its key risks in one table, and its reports submitted,
 *   approved and the period locked without a rating.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { prepareSeededSite } from '../support/memoryProgramme';
import { EMPTY_SITE, FIRST_PHASE } from '../support/firstPhaseProgramme';
import { choose, officeView, panel, pressEscape, renderDashboard, type User } from './dashboardKit';

beforeAll(async () => {
  await prepareSeededSite(EMPTY_SITE);
  await prepareSeededSite(FIRST_PHASE);
});

async function type(user: User, label: string, text: string): Promise<void> {
  const box = screen.getByRole('textbox', { name: (name: string) => name.startsWith(label) });
  await user.clear(box);
  if (text !== '') {
    await user.type(box, text);
  }
}

describe('a site with no programme yet', () => {
  it('leads the programme office to set it up, with what it reports', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice', seed: EMPTY_SITE });
    expect(await screen.findByRole('heading', { level: 2, name: 'Set up your programme' })).toBeInTheDocument();
    await type(user, 'Programme', 'Improvement Plan Phase 1');
    await type(user, 'Organisation', 'A Combined Authority');
    await type(user, 'Board the report goes to', 'Independent Improvement Board');
    await choose(user, 'Workstream ratings', 'Not rated yet');
    for (const box of ['Sponsors comment on each period', 'Milestones this period and planned for next', 'Sign-off: who completed each report, and when']) {
      await user.click(screen.getByRole('checkbox', { name: box }));
    }
    await user.click(screen.getByRole('checkbox', { name: 'One table of key risks by workstream, instead of risks in each section' }));
    await user.click(screen.getByRole('button', { name: 'Set up the programme' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Improvement Plan Phase 1' })).toBeInTheDocument();
    expect(screen.getByText('A Combined Authority: reported to the Independent Improvement Board')).toBeInTheDocument();
    expect(screen.getByText('No workstreams have been set up yet. The programme office sets them up.')).toBeInTheDocument();
    const summary = await repository.getProgrammeSummary();
    expect(summary.programme.reporting).toEqual({ rated: false, ragScale: 'five', sponsorComments: false, milestones: false, signOff: false, printEmpty: false, keyRisks: true });
    // Nothing rated: no RAG key on the page.
    expect(screen.queryByRole('heading', { name: 'RAG key' })).not.toBeInTheDocument();
  });

  it('refuses a programme with no title, says why beside the field, and stores nothing', async () => {
    const { user, repository } = renderDashboard({ persona: 'programmeOffice', seed: EMPTY_SITE });
    await screen.findByRole('heading', { level: 2, name: 'Set up your programme' });
    await type(user, 'Programme', '   ');
    await user.click(screen.getByRole('button', { name: 'Set up the programme' }));
    expect(await screen.findByText('Programme: (empty) must not be empty.')).toBeInTheDocument();
    expect(repository.callsOf('saveProgramme')).toEqual([]);
    expect((await repository.getProgrammeSummary()).programmeEtag).toBeUndefined();
  });

  it.each([['projectManager'], ['sponsor'], ['iibMember']] as const)('tells %s nothing is reported yet, and offers no set-up', async (persona) => {
    renderDashboard({ persona, seed: EMPTY_SITE });
    expect(await screen.findByRole('heading', { level: 2, name: 'Nothing reported yet' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set up the programme' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('a first-phase programme', () => {
  it('shows its themes by short title with their open risks, no ratings and no RAG key, and its key risks in one table', async () => {
    renderDashboard({ persona: 'iibMember', seed: FIRST_PHASE });
    const matrix = await screen.findByRole('table', { name: /^Each workstream with its open risks/ });
    const rows = within(matrix)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent));
    expect(rows).toEqual(FIRST_PHASE.workstreams.map((w) => [w.shortTitle, '1']));
    expect(screen.queryByText('Not rated')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'RAG key' })).not.toBeInTheDocument();
    const keyRisks = await screen.findByRole('table', { name: 'Risks open in March 2023, by workstream, with their mitigation' });
    const riskRows = within(keyRisks).getAllByRole('row').slice(1);
    expect(riskRows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(FIRST_PHASE.workstreams.map((w) => w.shortTitle));
    expect(riskRows[0]).toHaveTextContent(FIRST_PHASE.risks[0].description);
    expect(riskRows[0]).toHaveTextContent(FIRST_PHASE.risks[0].mitigation);
  });

  it('offers its unscored risks as a list, not an empty 5 × 5 grid, each under its theme\'s short title', async () => {
    const { user } = renderDashboard({ persona: 'iibMember', seed: FIRST_PHASE });
    const heading = await screen.findByRole('heading', { name: 'Risk matrix' });
    const section = heading.closest('section') as HTMLElement;
    const list = await within(section).findByRole('button', { name: 'No open risk has a likelihood and impact yet: list the 6 risks not scored' });
    expect(within(section).queryByRole('table')).toBeNull();
    await user.click(list);
    const region = await within(section).findByRole('region');
    expect(within(region).getAllByRole('listitem')).toHaveLength(6);
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(FIRST_PHASE.workstreams.map((w) => w.shortTitle));
  });

  it("opens a theme under its full title, offering no rating, sponsor comments, milestones or sign-off, and submits it unrated", async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice', seed: FIRST_PHASE });
    const theme = FIRST_PHASE.workstreams[0];
    await screen.findByRole('table', { name: /^Each workstream with its open risks/ });
    await user.click(screen.getByRole('button', { name: theme.shortTitle }));
    expect(await screen.findByRole('heading', { level: 2, name: theme.title })).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Project status' });
    expect(screen.getByText('Culture and leadership: progress point 1 for theme A')).toBeInTheDocument();
    for (const absent of [/Sponsor comments/i, /Milestones/i, /RAG history/i]) {
      expect(screen.queryByRole('heading', { name: absent })).not.toBeInTheDocument();
    }
    expect(screen.queryByText('This period')).not.toBeInTheDocument();
    expect(screen.queryByText(/Completed by/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByText(/must be chosen/)).not.toBeInTheDocument();
    // The dialog names the theme by its short title: the full one is the page's heading, once.
    expect(within(dialog).getByText(`Submit ${theme.shortTitle}'s status report for March 2023 to the programme office?`, { exact: false })).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(theme.title);
    await user.click(within(dialog).getByRole('button', { name: 'Submit to the programme office' }));
    await waitFor(() => expect(screen.getByText('Submitted to the programme office')).toBeInTheDocument());
  });

  it('gives the programme office no sponsor column and no rating to chase, and locks the period with nothing to override', async () => {
    const { repository, user } = renderDashboard({ persona: 'programmeOffice', seed: FIRST_PHASE });
    const office = await officeView();
    // The lock says its snapshot holds what this programme reports: no ratings, sponsor comments or milestones.
    await user.click(within(office).getByRole('button', { name: 'Lock period' }));
    const dialog = await panel('Lock March 2023?');
    expect(dialog).toHaveTextContent("everything its report shows — every workstream's status and update, risks and the overview — as the record");
    pressEscape();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const header = within(office).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header).not.toContain('Sponsor comments');
    // Each row's button is named by the short title, not two or three sentences.
    for (const theme of FIRST_PHASE.workstreams) {
      expect(within(office).getByRole('button', { name: `Open ${theme.shortTitle as string}` })).toBeInTheDocument();
    }
    // Every report submitted and approved, with no rating anywhere: the lock needs no reason.
    const picture = await repository.getPeriodPicture(1);
    for (const report of picture.statusReports) {
      const submitted = await repository.transitionReport(report.id, 'submit', report.etag);
      await repository.transitionReport(report.id, 'approve', submitted.etag);
    }
    const locked = await repository.lockPeriod(1);
    expect(locked.state).toBe('Locked');
  });
});
