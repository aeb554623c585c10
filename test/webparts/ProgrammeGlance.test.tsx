/** @jest-environment jsdom */
/**
 * Trends at a glance, the "Amber or worse" filter and the programme's 5 × 5 risk matrix, over the
 * real repository and rules on an in-memory site: the seeded programme, and a first-phase-shaped
 * programme built here (six workstreams with sentence-long titles, no ratings yet, one risk each).
 */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { RAG_COLOURS, type IRisk, type IWorkstream } from '../../src/domain';
import { MemoryRepository, prepareSeededSite } from '../support/memoryProgramme';
import { programmeTable, renderDashboard, renderOver } from './dashboardKit';

async function trends(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 3, name: 'Trends at a glance' });
  return heading.closest('section') as HTMLElement;
}

async function riskMatrix(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: /Open risks across the programme by likelihood and impact/ });
}

/** The matrix cell at a likelihood (row) and impact (column), by the headers' numbers. */
function matrixCell(table: HTMLElement, likelihood: number, impact: number): HTMLElement {
  const column = within(table)
    .getAllByRole('columnheader')
    .findIndex((h) => (h.textContent || '').startsWith(`${impact} `));
  const row = within(table)
    .getAllByRole('rowheader')
    .filter((h) => (h.textContent || '').startsWith(`${likelihood} `))[0]
    .closest('tr') as HTMLElement;
  // The corner cell is not a column header, so the row's cells sit one along.
  return row.children[column + 1] as HTMLElement;
}

function trendOf(section: HTMLElement, workstream: string): HTMLElement {
  return within(section).getByRole('list', { name: `${workstream}: rating in each period, earliest first` });
}

const LONG_TITLES: string[] = [
  'Ensure that the authority has effective governance arrangements in place, with clear decision making, and that members and officers understand their roles and responsibilities in a combined authority.',
  'Build an organisational culture grounded in trust, openness and respect, in which staff feel able to raise concerns and are confident that they will be heard and acted upon.',
  'Put in place a medium-term financial strategy and a robust budget setting process that gives members confidence that resources are aligned to the priorities of the authority.',
  'Strengthen the authority’s relationships with its constituent councils and partners so that the region’s leaders work together towards shared ambitions for growth.',
  'Make sure procurement and contract management follow the rules, achieve value for money and are overseen by members with the information they need to challenge.',
  'Develop the capacity and capability of the workforce, with a plan for recruitment and retention that reduces reliance on interim staff in key statutory roles.'
];

/**
 * A programme shaped like a first phase: one open period, six themes lettered A–F with long
 * titles, no ratings, no reports; one risk each, three of them scored into the same cell.
 */
function firstPhaseSeed(): ISeedProgramme {
  const base: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const workstreams: IWorkstream[] = LONG_TITLES.map((title, i) => ({
    id: i + 1,
    code: String.fromCharCode(65 + i),
    title,
    description: '',
    outcomes: [],
    projectManagers: [],
    pmoSupport: [],
    order: i + 1
  }));
  const risks: IRisk[] = workstreams.map((w, i) => ({
    id: i + 1,
    workstreamId: w.id,
    number: '1',
    description: `Work-Stream ${w.code} risk: capacity to deliver theme ${w.code}.`,
    mitigation: 'Interim resource agreed.',
    likelihood: i < 3 ? 3 : undefined,
    impact: i < 3 ? 4 : undefined,
    owner: i === 0 ? 'Chief Executive' : undefined,
    state: 'Open',
    raisedPeriodId: 1,
    order: 1
  }));
  return {
    programme: { ...base.programme, title: 'Improvement Plan Phase 1' },
    users: base.users,
    periods: [{ id: 1, title: 'March 2023', start: '2023-03-01', end: '2023-03-31', state: 'Open' }],
    workstreams,
    statusReports: [],
    sponsorComments: [],
    milestones: [],
    risks,
    feedback: []
  };
}

describe('trends at a glance', () => {
  it("shows each seeded workstream's rating in every period as label and colour, and each point's period and rating in words", async () => {
    renderDashboard({ persona: 'projectManager' });
    const section = await trends();
    const partnership = trendOf(section, 'Partnership Working');
    const points = within(partnership).getAllByRole('listitem');
    // November/December is open and Partnership's report not yet approved: a draft, said and drawn dashed.
    expect(points.map((p) => p.textContent)).toEqual(['AJune 2023: Amber', 'G/ANovember/December 2023: Green/Amber (draft, not yet approved)']);
    expect(points[0]).toHaveStyle({ backgroundColor: `#${RAG_COLOURS.Amber.fill}` });
    expect(points[1]).toHaveStyle({ backgroundColor: `#${RAG_COLOURS['Green/Amber'].fill}` });
    expect(points[0]).not.toHaveAttribute('data-draft');
    expect(points[1]).toHaveAttribute('data-draft', 'true');
    // The short labels are for the eye (the key spells them out); screen readers hear the words.
    expect(within(points[0]).getByText('A')).toHaveAttribute('aria-hidden', 'true');
    const item = partnership.closest('li') as HTMLElement;
    expect(within(item).getByText('Latest (November/December 2023):')).toBeInTheDocument();
    const key = within(section).getByRole('list', { name: 'Key to the trends' });
    expect(within(key).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'G Green',
      'G/A Green/Amber',
      'A Amber',
      'A/R Amber/Red',
      'R Red',
      '– Not rated',
      '– Dashed: a draft rating, not yet approved'
    ]);
  });

  it('never shows an IIB member a rating awaiting approval: the point says so, and the latest rating is the last one they may see', async () => {
    renderDashboard({ persona: 'iibMember' });
    const section = await trends();
    const partnership = trendOf(section, 'Partnership Working');
    const points = within(partnership).getAllByRole('listitem');
    expect(points.map((p) => p.textContent)).toEqual(['AJune 2023: Amber', '…November/December 2023: Awaiting approval']);
    expect(points[1].getAttribute('style') || '').not.toMatch(/background/);
    expect(within(partnership.closest('li') as HTMLElement).getByText('Latest (June 2023):')).toBeInTheDocument();
    // Project Plans and Delivery's November/December report is approved: its rating is there.
    expect(within(trendOf(section, 'Project Plans and Delivery')).getAllByRole('listitem')[1].textContent).toMatch(/^G.*November\/December 2023: Green$/);
    const key = within(section).getByRole('list', { name: 'Key to the trends' });
    expect(within(key).getAllByRole('listitem').map((li) => li.textContent)).toContain('… Awaiting approval');
    expect(section.textContent).not.toMatch(/draft/i);
  });

  it('says "Not rated" for a period a workstream has no rating in', async () => {
    const { repository } = renderDashboard();
    // Confidence, Culture and Capacity's June report, gone.
    repository.deleteAsOtherUser('statusReport', 5);
    const section = await trends();
    const points = within(trendOf(section, 'Confidence, Culture and Capacity')).getAllByRole('listitem');
    expect(points[0]).toHaveTextContent('June 2023: Not rated');
    expect(within(points[0]).getByText('–')).toBeInTheDocument();
  });
});

describe('the "Amber or worse" filter', () => {
  it("filters the programme view's workstreams by their latest rating, announces the count, and clears", async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' });
    // Procurement's November/December report now says Amber; Partnership was Amber in June only.
    repository.changeAsOtherUser('statusReport', 7, { rag: 'Amber' });
    const table = await programmeTable();
    const box = screen.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' });
    expect(box).not.toBeChecked();
    expect(screen.getByText('Showing all 5 workstreams.')).toHaveAttribute('role', 'status');

    await user.click(box);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Procurement']);
    expect(screen.getByText('Showing 1 of 5 workstreams: those whose latest rating is Amber, Amber/Red or Red.')).toHaveAttribute('role', 'status');
    const section = await trends();
    expect(within(section).getAllByRole('list', { name: /rating in each period/ })).toHaveLength(1);
    expect(trendOf(section, 'Procurement')).toBeInTheDocument();

    await user.click(box);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(5);
    expect(screen.getByText('Showing all 5 workstreams.')).toBeInTheDocument();
    expect(within(await trends()).getAllByRole('list', { name: /rating in each period/ })).toHaveLength(5);
  });

  it("filters an IIB member's view by the latest rating they may see, never by a draft's", async () => {
    const { user, repository } = renderDashboard({ persona: 'iibMember' });
    // Procurement's draft now says Amber: not approved, so not what the filter goes by for a reader.
    repository.changeAsOtherUser('statusReport', 7, { rag: 'Amber' });
    const table = await programmeTable();
    await user.click(screen.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' }));
    // Partnership Working's latest rating an IIB member may see is June's Amber (its November/December report awaits approval).
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Partnership Working']);
    expect(within(await trends()).getAllByRole('listitem').map((p) => p.textContent)).toContain('…November/December 2023: Awaiting approval');
  });

  it('works from the keyboard, and says so when no workstream is Amber or worse', async () => {
    const { user } = renderDashboard();
    const table = await programmeTable();
    screen.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' }).focus();
    await user.keyboard(' ');
    // Every seeded workstream's latest rating (November/December 2023) is Green or Green/Amber.
    expect(screen.getByText("No workstream's latest rating is Amber or worse. Clear the filter to see them all.")).toBeInTheDocument();
    expect(within(table).queryAllByRole('rowheader')).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Trends at a glance' })).toBeNull();
    await user.keyboard(' ');
    expect(within(table).getAllByRole('rowheader')).toHaveLength(5);
  });
});

describe('the risk matrix', () => {
  it('is a table with likelihood rows and impact columns, each cell its count and severity in words on its colour', async () => {
    const repository = new MemoryRepository({ persona: 'iibMember' });
    const office = repository.as('programmeOffice');
    await office.create('risk', { workstreamId: 4, number: '6', description: 'Partners withdraw from the joint board', mitigation: 'Chief executives meet monthly', likelihood: 4, impact: 5, owner: 'Director of Partnerships', state: 'Open', raisedPeriodId: 2, order: 6 });
    await office.create('risk', { workstreamId: 2, number: '6', description: 'Hub supplier goes into administration', mitigation: 'Step-in rights', likelihood: 4, impact: 5, state: 'Open', raisedPeriodId: 2, order: 6 });
    await office.create('risk', { workstreamId: 1, number: '4', description: 'Constitution review slips', mitigation: 'Extra legal resource', likelihood: 1, impact: 2, state: 'Open', raisedPeriodId: 2, order: 4 });
    renderOver(repository);
    const table = await riskMatrix();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['1 Minimal', '2 Minor', '3 Moderate', '4 Major', '5 Severe']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['5 Almost certain', '4 Likely', '3 Possible', '2 Unlikely', '1 Rare']);
    within(table)
      .getAllByRole('columnheader')
      .forEach((h) => expect(h).toHaveAttribute('scope', 'col'));

    const veryHigh = matrixCell(table, 4, 5);
    expect(veryHigh).toHaveTextContent('2Very high');
    expect(veryHigh).toHaveStyle({ backgroundColor: `#${RAG_COLOURS.Red.fill}`, color: `#${RAG_COLOURS.Red.text}` });
    expect(matrixCell(table, 1, 2)).toHaveTextContent('1Low');
    expect(matrixCell(table, 3, 3)).toHaveTextContent('0Medium');
    expect(matrixCell(table, 3, 4)).toHaveTextContent('0High');
    // The seeded papers score none of their 15 open risks.
    expect(screen.getByRole('button', { name: 'Not scored (no likelihood or impact): 15' })).toBeInTheDocument();
  });

  it("lists a cell's risks with their workstream, number, description and owner, and opens the workstream", async () => {
    const repository = new MemoryRepository({ persona: 'iibMember' });
    await repository.as('programmeOffice').create('risk', { workstreamId: 4, number: '6', description: 'Partners withdraw from the joint board', mitigation: 'Monthly meetings', likelihood: 4, impact: 5, owner: 'Director of Partnerships', state: 'Open', raisedPeriodId: 2, order: 6 });
    const { user } = renderOver(repository);
    const table = await riskMatrix();
    const count = within(matrixCell(table, 4, 5)).getByRole('button', { name: '1 risk, likelihood 4, impact 5, Very high severity: list them' });
    expect(count).toHaveAttribute('aria-pressed', 'false');
    await user.click(count);
    expect(count).toHaveAttribute('aria-pressed', 'true');
    const list = screen.getByRole('region', { name: 'Likelihood 4 Likely, impact 5 Severe (Very high severity): 1 risk' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Partnership Working – 6Partners withdraw from the joint boardOwner: Director of Partnerships']);
    // Announced: the live status says which list appeared.
    expect(screen.getByText('Likelihood 4 Likely, impact 5 Severe (Very high severity): 1 risk', { selector: 'p' })).toHaveAttribute('role', 'status');

    // The same button again closes the list.
    await user.click(count);
    expect(screen.queryByRole('region', { name: /Likelihood 4/ })).toBeNull();

    await user.click(count);
    await user.click(within(screen.getByRole('region', { name: /Likelihood 4/ })).getByRole('button', { name: 'Partnership Working' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Partnership Working' })).toBeInTheDocument();
  });

  it("reads the risks' titles, numbers and owners only when a count is first chosen: once, saying so meanwhile, the focus kept on the count", async () => {
    const repository = new MemoryRepository({ persona: 'iibMember' });
    await repository.as('programmeOffice').create('risk', { workstreamId: 4, number: '6', description: 'Partners withdraw from the joint board', mitigation: 'Monthly meetings', likelihood: 4, impact: 5, owner: 'Director of Partnerships', state: 'Open', raisedPeriodId: 2, order: 6 });
    const { user } = renderOver(repository);
    const table = await riskMatrix();
    expect(repository.callsOf('getOpenRisks')).toHaveLength(0);
    const count = within(matrixCell(table, 4, 5)).getByRole('button', { name: /^1 risk, likelihood 4, impact 5/ });
    count.focus();
    const release = repository.hold();
    await user.keyboard('{Enter}');
    expect(count).toHaveAttribute('aria-pressed', 'true');
    expect(count).toHaveFocus();
    expect(screen.getByText('Reading the risks to list…', { selector: '[role="status"]' })).toBeInTheDocument();
    const list = screen.getByRole('region', { name: 'Likelihood 4 Likely, impact 5 Severe (Very high severity): 1 risk' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    release();
    expect(await within(list).findByText('Owner: Director of Partnerships')).toBeInTheDocument();
    expect(count).toHaveFocus();
    expect(screen.getByText('Likelihood 4 Likely, impact 5 Severe (Very high severity): 1 risk', { selector: 'p' })).toHaveAttribute('role', 'status');
    // Another list, and the same again: what was read is kept.
    await user.click(screen.getByRole('button', { name: 'Not scored (no likelihood or impact): 15' }));
    expect(within(screen.getByRole('region', { name: 'Not scored: 15 risks' })).getAllByRole('listitem')).toHaveLength(15);
    await user.click(count);
    expect(within(screen.getByRole('region', { name: /^Likelihood 4/ })).getAllByRole('listitem')).toHaveLength(1);
    expect(repository.callsOf('getOpenRisks')).toHaveLength(1);
  });

  it("says when the risks' titles cannot be read and reads them on asking again; a risk closed since the matrix was read is listed as such", async () => {
    const repository = new MemoryRepository({ persona: 'iibMember' });
    const office = repository.as('programmeOffice');
    await office.create('risk', { workstreamId: 4, number: '6', description: 'Partners withdraw from the joint board', mitigation: 'Monthly meetings', likelihood: 4, impact: 5, owner: 'Director of Partnerships', state: 'Open', raisedPeriodId: 2, order: 6 });
    const closing = await office.create('risk', { workstreamId: 2, number: '7', description: 'Hub supplier goes into administration', mitigation: 'Step-in rights', likelihood: 4, impact: 5, state: 'Open', raisedPeriodId: 2, order: 7 });
    const { user } = renderOver(repository);
    const table = await riskMatrix();
    repository.changeAsOtherUser('risk', closing.id, { state: 'Closed' });
    repository.failNext('network', 'getOpenRisks');
    await user.click(within(matrixCell(table, 4, 5)).getByRole('button', { name: /^2 risks, likelihood 4, impact 5/ }));
    const list = screen.getByRole('region', { name: /^Likelihood 4 Likely, impact 5 Severe/ });
    expect(await within(list).findByText("Can't reach SharePoint. Check your connection and try again.")).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Try again' }));
    const items = await within(list).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Procurement' + 'No longer open: closed or removed since the matrix was read',
      'Partnership Working – 6Partners withdraw from the joint boardOwner: Director of Partnerships'
    ]);
    expect(repository.callsOf('getOpenRisks')).toHaveLength(2);
  });

  it('lists the risks not scored, none lost', async () => {
    const { user } = renderDashboard();
    // The seed scores none of its open risks: they are offered as a list, not an empty grid.
    await user.click(await screen.findByRole('button', { name: 'No open risk has a likelihood and impact yet: list the 15 risks not scored' }));
    const list = screen.getByRole('region', { name: 'Not scored: 15 risks' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(15);
    // Procurement's five open risks, each with its workstream.
    expect(items.filter((li) => within(li).queryByRole('button', { name: 'Procurement' }))).toHaveLength(5);
  });
});

describe('accessibility of the trends, the filter and the matrix', () => {
  beforeAll(() => {
    // jsdom has no canvas; axe then skips its icon-font check instead of logging that it cannot draw.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  it('finds nothing wrong with axe, filtered and with a list open (contrast and layout are the browser tests\' part)', async () => {
    const { user } = renderDashboard({ seed: firstPhaseSeed() });
    await trends();
    await riskMatrix();
    await user.click(screen.getByRole('button', { name: /^Not scored/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' }));
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('a first-phase programme: six long-titled themes, no ratings yet, one risk each', () => {
  const seed: ISeedProgramme = firstPhaseSeed();
  beforeAll(() => prepareSeededSite(seed));

  it('says each theme is not rated, and the filter finds none Amber or worse', async () => {
    const { user } = renderDashboard({ seed, persona: 'iibMember' });
    const section = await trends();
    const items = within(section).getAllByRole('list', { name: /rating in each period, earliest first$/ });
    expect(items).toHaveLength(6);
    for (const title of LONG_TITLES) {
      const trend = trendOf(section, title);
      expect(within(trend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['–March 2023: Not rated']);
      expect(within(trend.closest('li') as HTMLElement).getByText('Not rated in any period yet')).toBeInTheDocument();
      expect((trend.closest('li') as HTMLElement).firstElementChild).toHaveTextContent(title);
    }
    await user.click(screen.getByRole('checkbox', { name: 'Only workstreams rated Amber or worse' }));
    expect(screen.getByText("No workstream's latest rating is Amber or worse. Clear the filter to see them all.")).toBeInTheDocument();
  });

  it('counts the three scored risks in their cell and the three unscored apart', async () => {
    const { user } = renderDashboard({ seed });
    const table = await riskMatrix();
    expect(matrixCell(table, 3, 4)).toHaveTextContent('3High');
    const zeros = within(table)
      .getAllByRole('cell')
      .filter((c) => /^0/.test(c.textContent || ''));
    expect(zeros).toHaveLength(24);
    await user.click(screen.getByRole('button', { name: 'Not scored (no likelihood or impact): 3' }));
    const list = screen.getByRole('region', { name: 'Not scored: 3 risks' });
    expect(within(list).getAllByRole('listitem').map((li) => within(li).getByRole('button').textContent)).toEqual(LONG_TITLES.slice(3));
    await user.click(within(matrixCell(table, 3, 4)).getByRole('button'));
    const scored = screen.getByRole('region', { name: 'Likelihood 3 Possible, impact 4 Major (High severity): 3 risks' });
    expect(within(scored).getByText('Owner: Chief Executive')).toBeInTheDocument();
    expect(within(scored).getAllByText('No owner given')).toHaveLength(2);
  });
});
