/** @jest-environment jsdom */
/**
 * The forms of sponsor comments, IIB feedback, a period's overview, a new period and a workstream
 * are made from their lists' field tables (src/data/fields.ts): a message goes beside its field by
 * the field's key, whatever the field's label says. Here the labels are changed (as another
 * language's words would change them) and the real repository's refusals still land beside the
 * right field — on a programme built in the test, not the seeded one.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import userEvent from '@testing-library/user-event';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import type { IPeriod, IWorkstream } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { EditPanel } from '../../src/webparts/programmeDashboard/components/EditPanel';
import { RepositoryProvider } from '../../src/webparts/programmeDashboard/components/RepositoryContext';
import { feedbackForm, overviewForm, sponsorCommentForm, type IFormContext } from '../../src/webparts/programmeDashboard/components/formSpecs';
import type { IFormRequest } from '../../src/webparts/programmeDashboard/components/forms';
import { closeDownForm } from '../../src/webparts/programmeDashboard/components/closeDownForm';
import { NewPeriodPanel } from '../../src/webparts/programmeDashboard/components/NewPeriodPanel';
import { WorkstreamForm } from '../../src/webparts/programmeDashboard/components/WorkstreamForm';
import { LockPanel } from '../../src/webparts/programmeDashboard/components/LockPanel';
import { StartNextPhase } from '../../src/webparts/programmeDashboard/components/StartNextPhase';
// The words forms take their labels from (components/forms.ts), and the panels' buttons.
import { strings } from '../../src/webparts/programmeDashboard/loc/formStrings';
import { strings as allStrings } from '../../src/webparts/programmeDashboard/loc/moreStrings';
import { MemoryRepository, PERSONA_LOGINS, prepareSeededSite } from '../support/memoryProgramme';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

setIconOptions({ disableWarnings: true });

const sponsor = IMPROVEMENT_PLAN_PHASE_2.users.filter((u) => u.login === PERSONA_LOGINS.sponsor)[0];

/** A second programme, built here: two workstreams and one open period, none of the seed's names. */
const ESTATES: ISeedProgramme = {
  programme: { title: 'Estates Recovery Programme', organisation: 'A District Council', board: 'Recovery Board', ragKeyIntroduction: '', ragDefinitions: [] },
  users: IMPROVEMENT_PLAN_PHASE_2.users,
  periods: [{ id: 1, title: 'April 2025', start: '2025-04-01', end: '2025-04-30', state: 'Open', overview: 'Surveys under way.' }],
  workstreams: [
    { id: 1, code: 'EST-1', title: 'Car parks and depots', description: '', outcomes: [], sponsor: { name: sponsor.name, login: sponsor.login }, projectManagers: [], pmoSupport: [], order: 1 },
    { id: 2, code: 'EST-2', title: 'Council housing repairs', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 2 }
  ],
  statusReports: [],
  sponsorComments: [],
  milestones: [],
  risks: [],
  feedback: []
};

/** The labels these forms show, changed to words no message uses. */
const RELABELLED: { [key: string]: string } = {
  SponsorCommentsLabel: 'Observations du parrain',
  FeedbackTextLabel: 'Remarque',
  FeedbackKindLabel: 'Genre',
  OverviewLabel: 'Synthèse',
  OverviewAuthorLabel: 'Rédigée par',
  NewPeriodTitleLabel: 'Intitulé',
  NewPeriodStartLabel: 'Début',
  NewPeriodEndLabel: 'Fin',
  WorkstreamCodeLabel: 'Référence',
  CloseDownFieldTask: 'Tâche',
  CloseDownFieldDestinationWords: 'Destination en toutes lettres',
  WorkstreamTitleLabel: 'Nom complet'
};
const original: { [key: string]: unknown } = {};
const table = strings as unknown as { [key: string]: unknown };
/** The labels of the reasons the cycle's steps ask for, and of the next phase's form, changed too. */
const MORE_RELABELLED: { [key: string]: string } = {
  OverrideReasonLabel: 'Motif pour passer outre aux constats',
  NextPhaseTitle: 'Intitulé de la phase',
  NextPhasePeriodTitle: 'Intitulé de la période',
  NextPhasePeriodStart: 'Début de la période',
  NextPhasePeriodEnd: 'Fin de la période'
};
const moreOriginal: { [key: string]: unknown } = {};
const moreTable = allStrings as unknown as { [key: string]: unknown };

beforeAll(async () => {
  await prepareSeededSite(ESTATES);
});

beforeEach(() => {
  for (const key of Object.keys(RELABELLED)) {
    original[key] = table[key];
    table[key] = RELABELLED[key];
  }
  for (const key of Object.keys(MORE_RELABELLED)) {
    moreOriginal[key] = moreTable[key];
    moreTable[key] = MORE_RELABELLED[key];
  }
});

afterEach(() => {
  for (const key of Object.keys(RELABELLED)) {
    table[key] = original[key];
  }
  for (const key of Object.keys(MORE_RELABELLED)) {
    moreTable[key] = moreOriginal[key];
  }
});

async function contextOf(repository: MemoryRepository): Promise<IFormContext> {
  const [workstreams, periods, user] = await Promise.all([repository.getWorkstreams(), repository.getPeriods(), repository.getCurrentUser()]);
  const workstream: IWorkstream = workstreams.filter((w) => w.code === 'EST-1')[0];
  return { workstream, period: periods[0], user };
}

/** The form as if its own checks had let everything through, so that the repository's are what refuse. */
function unchecked(request: IFormRequest): IFormRequest {
  return { ...request, validate: () => [] };
}

function renderPanel(repository: MemoryRepository, request: IFormRequest): jest.Mock {
  const onSaved: jest.Mock = jest.fn();
  render(
    <RepositoryProvider repository={repository}>
      <EditPanel request={request} onSaved={onSaved} onChanged={jest.fn()} onClose={jest.fn()} />
    </RepositoryProvider>
  );
  return onSaved;
}

describe('messages beside their fields by key, whatever the labels say', () => {
  it("puts the repository's refusal of a sponsor's comment beside the comment's field", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'sponsor', seed: ESTATES });
    const user = userEvent.setup();
    const onSaved: jest.Mock = renderPanel(repository, unchecked(sponsorCommentForm(await contextOf(repository), undefined)));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const comment: HTMLElement = within(dialog).getByRole('textbox', { name: 'Observations du parrain' });
    await user.click(comment);
    await user.paste('Depot \u0007 surveys');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(comment).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(comment).toHaveAccessibleDescription(/^Sponsor comments: .*contains a character that cannot be saved/));
    expect(onSaved).not.toHaveBeenCalled();
    expect((await repository.getPeriodPicture((await contextOf(repository)).period.id)).sponsorComments).toEqual([]);
  });

  it("puts the repository's refusal of IIB feedback beside its text, not its kind", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'iibMember', seed: ESTATES });
    const user = userEvent.setup();
    const onSaved: jest.Mock = renderPanel(repository, unchecked(feedbackForm(await contextOf(repository), undefined)));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const text: HTMLElement = within(dialog).getByRole('textbox', { name: 'Remarque' });
    await user.click(text);
    await user.paste('Which depots \u0007 first?');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(text).toHaveAccessibleDescription(/^Feedback: .*contains a character that cannot be saved/));
    expect(within(dialog).getByRole('combobox', { name: /^Genre/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("puts the repository's refusal of an overview's author beside that field, not the overview", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed: ESTATES });
    const user = userEvent.setup();
    const period = (await repository.getPeriods())[0] as IPeriod & { etag?: string };
    const stored = await repository.getPeriod(period.id);
    renderPanel(repository, unchecked(overviewForm(stored)));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const author: HTMLElement = within(dialog).getByRole('textbox', { name: 'Rédigée par' });
    await user.click(author);
    await user.paste('x'.repeat(256));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(author).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(author).toHaveAccessibleDescription(/Overview by: .* is 256 characters long; the most SharePoint keeps is 255\.$/));
    expect(within(dialog).getByRole('textbox', { name: /^Synthèse/ })).not.toHaveAttribute('aria-invalid', 'true');
  });

  it("puts the repository's refusal of a new period beside Start when it overlaps another", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed: ESTATES });
    const user = userEvent.setup();
    render(<NewPeriodPanel repository={repository} onCreated={jest.fn()} onClose={jest.fn()} />);
    const dialog: HTMLElement = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Intitulé/ }), 'Late April 2025');
    const start: HTMLElement = within(dialog).getByRole('textbox', { name: /^Début/ });
    await user.type(start, '20/04/2025');
    await user.type(within(dialog).getByRole('textbox', { name: /^Fin/ }), '15/05/2025');
    await user.click(within(dialog).getByRole('button', { name: allStrings.CreatePeriod }));

    await waitFor(() => expect(start).toHaveAttribute('aria-invalid', 'true'));
    // Fluent shows a field's message a moment after marking it invalid.
    await waitFor(() => expect(start).toHaveAccessibleDescription(/overlaps April 2025/));
    expect(within(dialog).getByRole('textbox', { name: /^Fin/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect((await repository.getPeriods()).map((p) => p.title)).toEqual(['April 2025']);
  });

  it("puts a workstream's taken code beside the code field as typed, and the repository's refusal of it on save", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed: ESTATES });
    const user = userEvent.setup();
    const workstreams = await repository.getWorkstreams();
    // The form knows only the first workstream: the second's code is refused by the list's rules on save.
    render(<WorkstreamForm repository={repository} others={workstreams.filter((w) => w.code === 'EST-1')} people={[]} onSaved={jest.fn()} onCancel={jest.fn()} />);
    const code: HTMLElement = screen.getByRole('textbox', { name: /^Référence/ });
    await user.type(code, 'EST-1');
    await user.type(screen.getByRole('textbox', { name: /^Nom complet/ }), 'Parks');
    await waitFor(() => expect(code).toHaveAccessibleDescription(/EST-1 is already the code of Car parks and depots/));
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await user.clear(code);
    await user.type(code, 'EST-2');
    await waitFor(() => expect(code).not.toHaveAttribute('aria-invalid', 'true'));
    await user.click(screen.getByRole('button', { name: allStrings.AddWorkstream }));
    // Fluent shows a field's message a moment after marking it invalid.
    await waitFor(() => expect(code).toHaveAccessibleDescription(/EST-2 is already the code of/));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: /^Nom complet/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect((await repository.getWorkstreams()).map((w) => w.title)).toEqual(['Car parks and depots', 'Council housing repairs']);
  });

  it("puts the repository's refusal of a close-down row's destination in words beside that field (the list's name for it is not the form's label)", async () => {
    const office: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const user = userEvent.setup();
    const phase = (await office.phases().getPhases()).phases[0];
    const item = (await office.phases().draftCloseDown(phase.id)).items[0];
    const onSaved: jest.Mock = renderPanel(office, unchecked(closeDownForm(phase.title, item, 'Theme', [])));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const words: HTMLElement = within(dialog).getByRole('textbox', { name: /^Destination en toutes lettres/ });
    await user.click(words);
    await user.paste('y'.repeat(256));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(words).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(words).toHaveAccessibleDescription(/at most 255 characters \(this one has 256\)/));
    expect(within(dialog).getByRole('textbox', { name: /^Tâche/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
    expect((await office.phases().getCloseDown(phase.id)).items.filter((i) => i.id === item.id)[0].destinationAsWritten).toBe(item.destinationAsWritten);
  });

  it("asks for the reason to lock over must-fix findings when the repository's refusal names that reason by key, and names it by its label", async () => {
    // Both reports approved, one with a completion date that is no date: a fault the lock must not pass silently.
    const report = (id: number, workstreamId: number, agreed: string): ISeedProgramme['statusReports'][number] =>
      ({ id, workstreamId, periodId: 1, state: 'Approved', rag: 'Green', keyActivities: 'Surveys done.', agreedCompletionAsWritten: agreed, completedBy: 'A. Officer', completionDateAsWritten: '28/04/2025' }) as ISeedProgramme['statusReports'][number];
    const seed: ISeedProgramme = { ...ESTATES, statusReports: [report(1, 1, '31/06/2025'), report(2, 2, '31/03/2026')] };
    const office: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed });
    const user = userEvent.setup();
    const period: IPeriod = (await office.getPeriods())[0];
    const onDone: jest.Mock = jest.fn();
    render(<LockPanel repository={office} period={period} someNotApproved={false} onDone={onDone} onStale={jest.fn()} onClose={jest.fn()} />);
    const dialog: HTMLElement = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: allStrings.LockPeriod }));

    const reason: HTMLElement = await within(dialog).findByRole('textbox', { name: /^Motif pour passer outre aux constats/ });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/31\/06\/2025/);
    // The panel's own check names the reason as its label says.
    await user.click(within(dialog).getByRole('button', { name: allStrings.LockAnyway }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Motif pour passer outre aux constats: \(empty\) must not be empty\.$/));
    expect(onDone).not.toHaveBeenCalled();
    await user.type(reason, 'The sponsor signed it so; corrected next period.');
    await user.click(within(dialog).getByRole('button', { name: allStrings.LockAnyway }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await office.getPeriodHistory(period.id)).map((h) => h.action)).toEqual(['Overridden', 'Locked']);
  });

  it("puts the repository's refusals of the next phase's plan beside their fields by key, whatever the labels say", async () => {
    const office: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice', seed: recoveryPlan() });
    const user = userEvent.setup();
    const phases = office.phases();
    const first = (await phases.getPhases()).phases[0];
    for (const item of (await phases.draftCloseDown(first.id)).items) {
      await phases.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
    }
    await lockPeriodsOf(office, (await phases.getCloseDown(first.id)).records.periods);
    await phases.lockCloseDown(first.id, { boardMeetingDate: '25/01/2024' });
    const onStarted: jest.Mock = jest.fn();
    render(<StartNextPhase repository={office} closeDown={await phases.getCloseDown(first.id)} candidates={[]} onStarted={onStarted} />);
    const title: HTMLElement = screen.getByRole('textbox', { name: /^Intitulé de la phase/ });
    const periodEnd: HTMLElement = screen.getByRole('textbox', { name: /^Fin de la période/ });
    await user.type(title, 'Recovery year two');
    await user.type(screen.getByRole('textbox', { name: 'Start of the next phase' }), '01/04/2025');
    await user.type(screen.getByRole('textbox', { name: /^Intitulé de la période/ }), 'Quarter 1 2025');
    await user.type(screen.getByRole('textbox', { name: /^Début de la période/ }), '01/04/2025');
    await user.type(periodEnd, '31/06/2025');
    const phasesBefore: number = (await phases.getPhases()).phases.length;

    // A date that does not exist: beside the period's end.
    await user.click(screen.getByRole('button', { name: allStrings.NextPhaseStartButton }));
    await waitFor(() => expect(periodEnd).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(periodEnd).toHaveAccessibleDescription(/31\/06\/2025/));
    expect(title).not.toHaveAttribute('aria-invalid', 'true');

    // A phase of that title exists already: beside the title.
    await user.clear(periodEnd);
    await user.type(periodEnd, '30/06/2025');
    await user.click(screen.getByRole('button', { name: allStrings.NextPhaseStartButton }));
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(title).toHaveAccessibleDescription('Phase: there is already a phase called "Recovery year two".'));
    expect(periodEnd).not.toHaveAttribute('aria-invalid', 'true');
    expect((await phases.getPhases()).phases).toHaveLength(phasesBefore);
    expect(onStarted).not.toHaveBeenCalled();
  });
});
