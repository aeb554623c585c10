/**
 * What each person may see of a period's reports, and which period they land on: the one rule
 * (domain/visibility.ts) the dashboard, the report's draft marking and the task pane ask. Tried on
 * the seeded programme and on a differently shaped one built here (monthly periods, six lettered
 * themes, nobody shared between them).
 */
import {
  BOARD_READER,
  defaultPeriod,
  isDraftReport,
  isWorkstreamPerson,
  maySeeReport,
  ratingsSeenBy,
  reportVisibility,
  seesAnyDrafts,
  seesDrafts,
  type IPeriod,
  type IReportStanding,
  type IViewer,
  type IWorkstream,
  type StatusReportState
} from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';

const SEED = IMPROVEMENT_PLAN_PHASE_2;

function period(id: number, start: string, state: 'Open' | 'Locked'): IPeriod {
  return { id, title: `Period ${id}`, start, end: start, state };
}

/** Phase 1 of another authority: six lettered themes, each with its own people (ids 200 up). */
const THEMES: IWorkstream[] = 'ABCDEF'.split('').map((letter, i) => ({
  id: 50 + i,
  code: `T${letter}`,
  title: `Theme ${letter}: a long title of two full sentences. It says what the theme will change.`,
  description: '',
  outcomes: [],
  sponsor: { id: 200 + i * 3, name: `Sponsor ${letter}` },
  projectManagers: [{ id: 201 + i * 3, name: `Manager ${letter}` }],
  pmoSupport: i % 2 === 0 ? [{ id: 202 + i * 3, name: `Support ${letter}` }] : [],
  order: i + 1
}));
/** Monthly periods, deliberately out of order: January to April 2022, March still open. */
const MONTHS: IPeriod[] = [period(14, '2022-04-01', 'Open'), period(11, '2022-01-01', 'Locked'), period(13, '2022-03-01', 'Open'), period(12, '2022-02-01', 'Locked')];

const reader: IViewer = { userId: 999, programmeOffice: false };
const office: IViewer = { userId: 1, programmeOffice: true };
const writer: IViewer = { userId: 998, programmeOffice: false, writesReports: true };

describe("who sees a workstream's drafts", () => {
  it("is the programme office, report writers and the workstream's own people, matched by user id, not by name", () => {
    const themeC: IWorkstream = THEMES[2];
    const own: number[] = [206, 207, 208];
    for (const id of own) {
      expect(isWorkstreamPerson({ userId: id, programmeOffice: false }, themeC)).toBe(true);
      expect(seesDrafts({ userId: id, programmeOffice: false }, themeC)).toBe(true);
    }
    // Theme B's sponsor is nobody on theme C; a same-named person with another id is nobody either.
    expect(seesDrafts({ userId: 203, programmeOffice: false }, themeC)).toBe(false);
    expect(isWorkstreamPerson({ programmeOffice: false }, themeC)).toBe(false);
    expect(seesDrafts(office, themeC)).toBe(true);
    expect(seesDrafts(writer, themeC)).toBe(true);
    expect(seesDrafts(reader, themeC)).toBe(false);
    expect(seesDrafts(BOARD_READER, undefined)).toBe(false);
    expect(seesAnyDrafts({ userId: 216, programmeOffice: false }, THEMES)).toBe(true);
    expect(seesAnyDrafts(reader, THEMES)).toBe(false);
  });
});

describe("what a viewer may see of a report", () => {
  const open: IPeriod = MONTHS[0];
  const locked: IPeriod = MONTHS[1];
  const states: StatusReportState[] = ['Draft', 'Submitted', 'Returned', 'Approved'];

  it.each(states)('in an open period, a %s report', (state) => {
    const approved: boolean = state === 'Approved';
    expect(isDraftReport(open, state)).toBe(!approved);
    expect(reportVisibility(reader, open, THEMES[0], { state })).toBe(approved ? 'final' : 'withheld');
    expect(reportVisibility(BOARD_READER, open, THEMES[0], { state })).toBe(approved ? 'final' : 'withheld');
    expect(reportVisibility(office, open, THEMES[0], { state })).toBe(approved ? 'final' : 'draft');
    expect(reportVisibility({ userId: 200, programmeOffice: false }, open, THEMES[0], { state })).toBe(approved ? 'final' : 'draft');
    expect(maySeeReport(reader, open, THEMES[0], { state })).toBe(approved);
    expect(maySeeReport(office, open, THEMES[0], { state })).toBe(true);
  });

  it.each(states)('in a locked period, a %s report is final for everyone: it is what went to the Board', (state) => {
    expect(isDraftReport(locked, state)).toBe(false);
    for (const viewer of [reader, office, writer, BOARD_READER]) {
      expect(reportVisibility(viewer, locked, THEMES[1], { state })).toBe('final');
    }
  });

  it('shows nothing for a workstream with no report', () => {
    expect(reportVisibility(office, open, THEMES[0], undefined)).toBe('none');
    expect(maySeeReport(office, open, THEMES[0], undefined)).toBe(false);
  });

  it("follows the seeded November/December states: only Project Plans and Delivery's approved report reaches an IIB member", () => {
    const novDec: IPeriod = SEED.periods.filter((p) => p.title === 'November/December 2023')[0];
    const shown: string[] = SEED.statusReports
      .filter((r) => r.periodId === novDec.id)
      .filter((r) => maySeeReport(reader, novDec, SEED.workstreams.filter((w) => w.id === r.workstreamId)[0], r))
      .map((r) => SEED.workstreams.filter((w) => w.id === r.workstreamId)[0].title);
    expect(shown).toEqual(['Project Plans and Delivery']);
  });
});

describe('the period a viewer lands on', () => {
  const standings = (entries: Array<[number, StatusReportState]>): IReportStanding[] => entries.map(([periodId, state]) => ({ periodId, state }));

  it('takes readers to the latest locked period or one with an approved report; those who see drafts to the latest open one', () => {
    // March is open with one approved report; April is open and has only drafts.
    const s = standings([
      [13, 'Approved'],
      [13, 'Draft'],
      [14, 'Draft'],
      [14, 'Submitted']
    ]);
    expect((defaultPeriod(MONTHS, s, false) as IPeriod).id).toBe(13);
    expect((defaultPeriod(MONTHS, s, true) as IPeriod).id).toBe(14);
    // Without March's approval, readers land on February, the latest that went to the Board.
    expect((defaultPeriod(MONTHS, standings([[13, 'Submitted']]), false) as IPeriod).id).toBe(12);
  });

  it('keeps readers on the period they read when the programme office locks it and starts a new, empty one', () => {
    const seeded: IPeriod[] = SEED.periods.map((p) => ({ ...p }));
    const novDec: IPeriod = seeded.filter((p) => p.title === 'November/December 2023')[0];
    const reports: IReportStanding[] = SEED.statusReports.map((r) => ({ periodId: r.periodId, state: r.state }));
    expect(defaultPeriod(seeded, reports, false)).toBe(novDec);
    const after: IPeriod[] = [...seeded.map((p) => (p === novDec ? { ...p, state: 'Locked' as const } : p)), { id: 3, title: 'January 2024', start: '2024-01-01', end: '2024-01-31', state: 'Open' }];
    expect((defaultPeriod(after, reports, false) as IPeriod).title).toBe('November/December 2023');
    expect((defaultPeriod(after, reports, true) as IPeriod).title).toBe('January 2024');
  });

  it('falls back on the latest period when nothing went to the Board yet, and on nothing without periods', () => {
    const fresh: IPeriod[] = [period(1, '2024-01-01', 'Open'), period(2, '2024-02-01', 'Open')];
    expect((defaultPeriod(fresh, [], false) as IPeriod).id).toBe(2);
    expect(defaultPeriod([], [], false)).toBeUndefined();
    // Everything locked: those who see drafts land on the latest too.
    expect((defaultPeriod(MONTHS.filter((p) => p.state === 'Locked'), [], true) as IPeriod).id).toBe(12);
  });
});

describe('ratingsSeenBy', () => {
  const periods: IPeriod[] = [period(1, '2022-01-01', 'Locked'), period(2, '2022-02-01', 'Open')];
  const entries: Array<{ periodId: number; workstreamId: number; rag?: 'Amber' | 'Red' | 'Green'; previousRag?: 'Amber' | null; state?: StatusReportState; withheld?: boolean }> = [
    { periodId: 1, workstreamId: 50, rag: 'Amber' as const, previousRag: null, state: 'Submitted' as StatusReportState },
    { periodId: 2, workstreamId: 50, rag: 'Red' as const, previousRag: 'Amber' as const, state: 'Submitted' as StatusReportState },
    { periodId: 2, workstreamId: 51, rag: 'Green' as const, state: 'Approved' as StatusReportState },
    { periodId: 2, workstreamId: 52, rag: 'Green' as const }
  ];

  it("withholds a reader's unapproved ratings of an open period, values and all, and keeps the rest as they are", () => {
    const seen = ratingsSeenBy(BOARD_READER, periods, THEMES, entries);
    expect(seen[0]).toBe(entries[0]);
    expect(seen[1]).toEqual({ periodId: 2, workstreamId: 50, state: 'Submitted', withheld: true });
    expect(seen[2]).toBe(entries[2]);
    // No state recorded counts as a draft.
    expect(seen[3]).toEqual({ periodId: 2, workstreamId: 52, withheld: true });
    expect(entries[1].rag).toBe('Red');
  });

  it("shows a workstream's own people its drafts, and the programme office every draft", () => {
    const sponsorOfA: IViewer = { programmeOffice: false, userId: THEMES[0].sponsor!.id };
    const seen = ratingsSeenBy(sponsorOfA, periods, THEMES, entries);
    expect(seen[1]).toBe(entries[1]);
    expect(seen[3].withheld).toBe(true);
    expect(ratingsSeenBy({ programmeOffice: true }, periods, THEMES, entries)).toEqual(entries);
  });
});
