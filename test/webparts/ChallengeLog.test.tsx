/** @jest-environment jsdom */
/**
 * The IIB challenge log in the workstream view, over the real rules (ProgrammeRepository on the
 * in-memory site): responding (the workstream's project managers), closing (the programme
 * office), each challenge's history from the version history, and a locked period's log, which is
 * not added to — new challenges about it go to the open period and show under both. Run on the
 * seeded programme and on a differently shaped one built here.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import axe from 'axe-core';
import type { ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { MemoryRepository, prepareSeededSite } from '../support/memoryProgramme';
import { choose, openWorkstream, panel, renderOver, section } from './dashboardKit';

const NOVDEC = 2;
const JUNE = 1;
/** Procurement: Louisa Simpson (the projectManager persona) is its project manager. */
const PROCUREMENT = 2;

/** A section of the view while a panel may be open. */
function feedback(): HTMLElement {
  return section('IIB challenge and feedback', true);
}

async function challengeByIib(repository: MemoryRepository, text: string, workstreamId: number = PROCUREMENT, periodId: number = NOVDEC): Promise<number> {
  const created = await repository.as('iibMember').create('feedback', { workstreamId, periodId, kind: 'Challenge', text });
  return created.id;
}


/** Axe's findings (colour contrast needs layout, which jsdom lacks; landmarks are the host page's). */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// jsdom has no canvas; axe then skips its icon-font check instead of logging that it cannot draw.
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('the IIB challenge log (seeded programme)', () => {
  it("offers the workstream's project manager Respond, saves the response with who and when, and shows it", async () => {
    const office = new MemoryRepository();
    await office.ready;
    const id = await challengeByIib(office, 'Why is the contract manager post still vacant?');
    const manager = office.as('projectManager');
    const { user } = renderOver(manager);
    await openWorkstream(user, 'Procurement');
    const log = feedback();
    expect(within(log).getByRole('heading', { level: 4, name: 'Challenge (open)' })).toBeInTheDocument();
    // Not the author, not the programme office: nothing to edit or close, but a response to give.
    expect(within(log).queryByRole('button', { name: /^Edit: / })).not.toBeInTheDocument();
    expect(within(log).queryByRole('button', { name: /^Close the challenge/ })).not.toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: /^Respond to the challenge: Why is the contract manager post/ }));
    const dialog = await panel('Respond to the challenge');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    // Nothing to save until there is a response (disabled, yet focusable for screen readers).
    expect(save).toHaveAttribute('aria-disabled', 'true');
    await user.type(within(dialog).getByRole('textbox', { name: /^Response/ }), 'Interviews are on 12/01/2024.');
    await user.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(feedback()).findByText('Interviews are on 12/01/2024.')).toBeInTheDocument();
    expect(within(feedback()).getByRole('heading', { level: 4, name: 'Challenge (responded to)' })).toBeInTheDocument();
    expect(within(feedback()).getByText(/^Response from Louisa Simpson, 31\/01\/2024, 17:00:/)).toBeInTheDocument();
    expect(office.stored('feedback', id)).toMatchObject({ response: 'Interviews are on 12/01/2024.', respondedBy: { name: 'Louisa Simpson' } });
  });

  it("offers no Respond to a project manager of another workstream, nor to IIB members or sponsors", async () => {
    const office = new MemoryRepository();
    await office.ready;
    // The seeded challenge is on Partnership, whose project manager is Pete Tonks.
    for (const persona of ['projectManager', 'iibMember', 'sponsor'] as const) {
      const { user, unmount } = renderOver(office.as(persona));
      await openWorkstream(user, 'Partnership Working');
      expect(within(feedback()).getByRole('heading', { level: 4, name: 'Challenge (open)' })).toBeInTheDocument();
      expect(within(feedback()).queryByRole('button', { name: /^Respond/ })).not.toBeInTheDocument();
      expect(within(feedback()).queryByRole('button', { name: /^Close the challenge/ })).not.toBeInTheDocument();
      unmount();
    }
  });

  it('lets the programme office close a challenge with a note; then nobody is offered a change, and the repository refuses one', async () => {
    const office = new MemoryRepository();
    await office.ready;
    const id = await challengeByIib(office, 'Is the procurement code agreed?');
    const { user, unmount } = renderOver(office);
    await openWorkstream(user, 'Procurement');
    await user.click(within(feedback()).getByRole('button', { name: 'Close the challenge: Is the procurement code agreed?' }));
    const dialog = await panel('Close the challenge');
    await user.type(within(dialog).getByRole('textbox', { name: /^Closing note/ }), 'Agreed at the Board on 18/01/2024.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(feedback()).findByRole('heading', { level: 4, name: 'Challenge (closed)' })).toBeInTheDocument();
    expect(within(feedback()).getByText(/^Closed by Heidi Robinson, 31\/01\/2024, 17:00\. Note: Agreed at the Board on 18\/01\/2024\.$/)).toBeInTheDocument();
    unmount();

    // The author and the workstream's project manager are offered nothing more.
    for (const persona of ['iibMember', 'projectManager'] as const) {
      const other = renderOver(office.as(persona));
      await openWorkstream(other.user, 'Procurement');
      const closed = within(feedback()).getByRole('heading', { level: 4, name: 'Challenge (closed)' }).closest('article') as HTMLElement;
      expect(within(closed).queryByRole('button', { name: /^(Edit|Respond|Close the challenge)/ })).not.toBeInTheDocument();
      expect(within(closed).getByRole('button', { name: /^History of the/ })).toBeInTheDocument();
      other.unmount();
    }
    const stored = office.stored('feedback', id);
    await expect(office.as('iibMember').update('feedback', id, { text: 'Rewritten' }, stored?.etag as string)).rejects.toMatchObject({ code: 'challengeClosed' });
  });

  it("offers no Edit of a locked period's challenge, even to its author, while its project manager may still respond", async () => {
    const office = new MemoryRepository();
    await office.ready;
    await challengeByIib(office, 'Is the contract register complete?');
    await office.lockPeriod(NOVDEC, { allowUnapproved: true, reason: 'The Board met on 10 January.', overrideReason: 'The paper went as it was.' });

    const author = renderOver(office.as('iibMember'));
    await openWorkstream(author.user, 'Procurement');
    await choose(author.user, 'Reporting period', 'November/December 2023');
    const mine = (await within(feedback()).findByText('Is the contract register complete?')).closest('article') as HTMLElement;
    expect(within(mine).queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: /^History of the/ })).toBeInTheDocument();
    author.unmount();

    const manager = renderOver(office.as('projectManager'));
    await openWorkstream(manager.user, 'Procurement');
    await choose(manager.user, 'Reporting period', 'November/December 2023');
    const theirs = (await within(feedback()).findByText('Is the contract register complete?')).closest('article') as HTMLElement;
    expect(within(theirs).getByRole('button', { name: /^Respond to the challenge: Is the contract register complete/ })).toBeInTheDocument();
  });

  it("shows a challenge's history on request — who changed it when, and what it said — as an expandable list", async () => {
    const office = new MemoryRepository();
    await office.ready;
    const iib = office.as('iibMember');
    const id = await challengeByIib(office, 'What is the timetable?');
    office.setNow('2024-02-01T09:15:00Z');
    await iib.update('feedback', id, { text: 'What is the timetable for the new code?' }, (office.stored('feedback', id) as { etag: string }).etag);
    office.setNow('2024-02-02T14:30:00Z');
    await office.as('projectManager').respondToChallenge(id, 'March 2024.', (office.stored('feedback', id) as { etag: string }).etag);

    const { user } = renderOver(iib);
    await openWorkstream(user, 'Procurement');
    const toggle = within(feedback()).getByRole('button', { name: 'History of the Challenge: What is the timetable for the new code?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const list = await within(feedback()).findByRole('list', { name: 'History, newest first (3 versions)' });
    const shown = within(feedback()).getByRole('button', { name: /^Hide history of the Challenge/ });
    expect(shown).toHaveAttribute('aria-expanded', 'true');
    expect(shown.getAttribute('aria-controls')).toBe(list.parentElement?.id);
    const entries = within(list).getAllByRole('listitem');
    expect(entries.map((e) => e.querySelector('p')?.textContent)).toEqual([
      'Version 3.0 (now) by Louisa Simpson, 02/02/2024, 14:30: responded to',
      'Version 2.0 by Alex Morgan, 01/02/2024, 09:15: wording changed',
      'Version 1.0 by Alex Morgan, 31/01/2024, 17:00: recorded'
    ]);
    expect(within(entries[2]).getByText('What is the timetable?')).toBeInTheDocument();
    expect(within(entries[0]).getByText('Response then: March 2024.')).toBeInTheDocument();
    expect(await violations()).toEqual([]);
    await user.click(shown);
    expect(within(feedback()).queryByRole('list', { name: /^History/ })).not.toBeInTheDocument();
  });

  it("does not add to a locked period's log: a challenge about June goes to the open period and shows under both", async () => {
    const iib = new MemoryRepository({ persona: 'iibMember' });
    await iib.ready;
    const { user } = renderOver(iib);
    await openWorkstream(user, 'Procurement');
    await choose(user, 'Reporting period', 'June 2023');
    await screen.findByText(/this is what went to the Board/);
    expect(within(feedback()).queryByRole('button', { name: 'Record challenge or feedback' })).not.toBeInTheDocument();
    await user.click(within(feedback()).getByRole('button', { name: 'Record a challenge about June 2023' }));
    const dialog = await panel('Record challenge or feedback about June 2023');
    expect(within(dialog).getByText("June 2023 is locked, so its log is not added to: this goes in November/December 2023's log, about June 2023, and shows under both.")).toBeInTheDocument();
    await choose(user, 'Kind', 'Challenge', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: /^Challenge or feedback/ }), 'Was the procurement code agreed in June?');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(feedback()).findByText('Was the procurement code agreed in June?')).toBeInTheDocument();
    expect(within(feedback()).getByText("Raised after the period, in November/December 2023's log")).toBeInTheDocument();
    expect(iib.all('feedback').find((f) => f.text === 'Was the procurement code agreed in June?')).toMatchObject({ periodId: NOVDEC, aboutPeriodId: JUNE, workstreamId: PROCUREMENT });

    await choose(user, 'Reporting period', 'November/December 2023');
    await waitFor(() => expect(within(feedback()).getByText('About June 2023')).toBeInTheDocument());
    expect(within(feedback()).getByText('Was the procurement code agreed in June?')).toBeInTheDocument();
  });
});

/** A differently shaped programme: two workstreams, renamed, with other project managers and periods. */
function smallProgramme(): ISeedProgramme {
  const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const keep: number[] = [2, 4];
  const louisa = seed.workstreams.filter((w) => w.id === 2)[0].projectManagers[0];
  const mine = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((i) => keep.indexOf(i.workstreamId) >= 0);
  return {
    ...seed,
    programme: { ...seed.programme, title: 'Recovery Plan' },
    periods: seed.periods.map((p) => ({ ...p, title: p.state === 'Locked' ? 'Spring review' : 'Autumn review', overview: p.state === 'Locked' ? p.overview : undefined, overviewAuthor: undefined })),
    workstreams: seed.workstreams
      .filter((w) => keep.indexOf(w.id) >= 0)
      // Louisa leads the second one here (Pete Tonks leads it in the seeded programme).
      .map((w) => ({ ...w, title: w.id === 2 ? 'Commissioning' : 'Place partnerships', projectManagers: [louisa] })),
    statusReports: mine(seed.statusReports),
    sponsorComments: mine(seed.sponsorComments),
    milestones: mine(seed.milestones),
    risks: mine(seed.risks),
    feedback: mine(seed.feedback)
  };
}

describe('the IIB challenge log (a differently shaped programme)', () => {
  const seed: ISeedProgramme = smallProgramme();
  beforeAll(() => prepareSeededSite(seed));

  it("follows the programme's own people and periods: the responder is whoever leads that workstream here", async () => {
    const manager = new MemoryRepository({ persona: 'projectManager', seed });
    await manager.ready;
    const { user } = renderOver(manager);
    await openWorkstream(user, 'Place partnerships');
    await user.click(within(feedback()).getByRole('button', { name: /^Respond to the challenge: However, the IIB also reflected/ }));
    const dialog = await panel('Respond to the challenge');
    await user.type(within(dialog).getByRole('textbox', { name: /^Response/ }), 'Case studies go to the Board in March.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(feedback()).findByText('Case studies go to the Board in March.')).toBeInTheDocument();

    await choose(user, 'Reporting period', 'Spring review');
    await screen.findByText(/this is what went to the Board/);
    // The workstream's own people respond; they do not record the IIB's challenges.
    expect(within(feedback()).queryByRole('button', { name: /^Record/ })).not.toBeInTheDocument();
  });

  it("sends an IIB member's challenge about the locked period to this programme's open period", async () => {
    const iib = new MemoryRepository({ persona: 'iibMember', seed });
    await iib.ready;
    const { user } = renderOver(iib);
    await openWorkstream(user, 'Commissioning');
    await choose(user, 'Reporting period', 'Spring review');
    await screen.findByText(/this is what went to the Board/);
    await user.click(within(feedback()).getByRole('button', { name: 'Record a challenge about Spring review' }));
    const dialog = await panel('Record challenge or feedback about Spring review');
    expect(within(dialog).getByText("Spring review is locked, so its log is not added to: this goes in Autumn review's log, about Spring review, and shows under both.")).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Challenge or feedback/ }), 'How were suppliers consulted?');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(feedback()).findByText('How were suppliers consulted?')).toBeInTheDocument();
    expect(within(feedback()).getByText("Raised after the period, in Autumn review's log")).toBeInTheDocument();
  });
});
