/**
 * The programme's domain model, in the programme office's words.
 *
 * Pure TypeScript: nothing here may import SPFx, PnPjs, Graph, Office or Node modules
 * (enforced by the lint profile). Dates that come from a report as written are kept as
 * written (`...AsWritten` fields are strings) so that the readiness rules can find the
 * faults real reports contain, such as 31/06/23; dates the product itself enters are ISO
 * `yyyy-mm-dd` strings.
 */
import type { Rag } from './rag';

/** An ISO calendar date, `yyyy-mm-dd`. */
export type IsoDate = string;

/** A person as SharePoint knows them: the site user id when known, and a display name. */
export interface IPerson {
  /** Site user id (SharePoint `UserInfo` id), when the person is a site user. */
  id?: number;
  /** Display name, as it appears on the report. */
  name: string;
  /** Login or e-mail, when known. */
  login?: string;
}

/** The programme: one improvement plan phase reported to one board. */
export interface IProgramme {
  /** e.g. "Improvement Plan Phase 2". */
  title: string;
  /** The body that reports, e.g. "Cambridgeshire and Peterborough Combined Authority". */
  organisation: string;
  /** The board the report goes to, e.g. "Independent Improvement Board". */
  board: string;
  /** Text printed before the RAG key. */
  ragKeyIntroduction: string;
  /** The RAG levels' definitions, in scale order. */
  ragDefinitions: IRagDefinition[];
  /**
   * What the programme reports (see {@link reportingOptionsOf}); absent on programmes and
   * snapshots older than the option, which report everything on the five-level scale.
   */
  reporting?: IReportingOptions;
}

/** The RAG scale a programme rates on: the five levels, or plain Red/Amber/Green. */
export type RagScaleName = 'five' | 'three';

/**
 * What a programme reports: a programme in its first phase may not rate its workstreams yet,
 * nor have sponsor comments, milestones or sign-off lines. Where it does not use a part, nothing
 * requires it, readiness does not flag its absence, the dashboard does not offer it and the
 * report does not print it.
 */
export interface IReportingOptions {
  /** Whether workstreams are rated (RAG) yet. */
  rated: boolean;
  /** The scale ratings use, when rated. */
  ragScale: RagScaleName;
  /** Whether sponsors write comments on each period. */
  sponsorComments: boolean;
  /** Whether reports list milestones this period and planned for next. */
  milestones: boolean;
  /** Whether a report is signed off: completed by, completion date. */
  signOff: boolean;
  /**
   * Whether the report prints what is empty — milestone and risk tables saying "None reported.",
   * details rows with nothing in them — so a reader sees nothing was lost. Off: only what the
   * programme has is printed.
   */
  printEmpty: boolean;
  /**
   * Whether the report carries one table of key risks by workstream (after the status table), as
   * first-phase papers do, instead of a risks table in each workstream's section.
   */
  keyRisks: boolean;
}

/** Today's behaviour: everything reported, five levels, empty parts printed, risks in each section. */
export const DEFAULT_REPORTING_OPTIONS: Readonly<IReportingOptions> = Object.freeze({
  rated: true,
  ragScale: 'five',
  sponsorComments: true,
  milestones: true,
  signOff: true,
  printEmpty: true,
  keyRisks: false
});

/**
 * A programme's reporting options, every one given: what the programme chose, the defaults
 * (today's behaviour) for anything it has not said — an existing site or an older snapshot.
 */
export function reportingOptionsOf(programme: Pick<IProgramme, 'reporting'> | undefined): IReportingOptions {
  const given: Partial<IReportingOptions> = (programme && programme.reporting) || {};
  const pick = <K extends keyof IReportingOptions>(key: K): IReportingOptions[K] =>
    given[key] === undefined || given[key] === null ? DEFAULT_REPORTING_OPTIONS[key] : (given[key] as IReportingOptions[K]);
  return {
    rated: pick('rated'),
    ragScale: pick('ragScale') === 'three' ? 'three' : 'five',
    sponsorComments: pick('sponsorComments'),
    milestones: pick('milestones'),
    signOff: pick('signOff'),
    printEmpty: pick('printEmpty'),
    keyRisks: pick('keyRisks')
  };
}

/** What one RAG level means to this organisation. */
export interface IRagDefinition {
  rag: Rag;
  definition: string;
}

/** The state of a reporting period. */
export type PeriodState = 'Open' | 'Locked';

/** A reporting period, e.g. "November/December 2023". */
export interface IPeriod {
  id: number;
  title: string;
  start: IsoDate;
  end: IsoDate;
  state: PeriodState;
  /** The lead executive director's overview for the period. */
  overview?: string;
  /** The overall programme rating the overview gives, if any. */
  overallRag?: Rag;
  /** Who wrote the overview. */
  overviewAuthor?: string;
  /** The date of the Board meeting the period's report went to (recorded with a lock). */
  boardMeetingDate?: IsoDate;
}

/** A group of project outcomes, optionally under a sub-heading ("Leadership:"). */
export interface IOutcomeGroup {
  heading?: string;
  items: string[];
}

/** A workstream (a theme of the improvement plan). */
export interface IWorkstream {
  id: number;
  /** Short stable code, e.g. "GOV". */
  code: string;
  /** The full title, of any length (a first-phase theme's is often two or three sentences). */
  title: string;
  /** A short title for tables and pickers; the full title when there is none. */
  shortTitle?: string;
  description: string;
  outcomes: IOutcomeGroup[];
  sponsor?: IPerson;
  projectManagers: IPerson[];
  pmoSupport: IPerson[];
  /** Current agreed completion date, as written. */
  agreedCompletionAsWritten?: string;
  /** Current forecast completion date, as written. */
  forecastCompletionAsWritten?: string;
  order: number;
  /**
   * Retired: the workstream no longer reports. It stays in the periods it reported in (and their
   * snapshots) and is not offered in new ones; the programme office can restore it.
   */
  retired?: boolean;
}

/**
 * A workstream without its long texts (description and outcomes): what the programme view's
 * summary reads and lists (IProgrammeSummary.workstreams). A view that shows the long texts reads
 * the whole workstream (a period's picture, the workstreams' set-up); a heading is not one.
 */
export type IWorkstreamHeading = Omit<IWorkstream, 'description' | 'outcomes'>;

/** The title a workstream goes by in tables: its short title, else its full title. */
export function tableTitle(workstream: Pick<IWorkstream, 'title' | 'shortTitle'>): string {
  const short: string = (workstream.shortTitle || '').trim();
  return short !== '' ? short : workstream.title;
}

/** Where a status report is in the reporting cycle. */
export type StatusReportState = 'Draft' | 'Submitted' | 'Approved' | 'Returned';

/**
 * One workstream's highlight report for one period.
 *
 * Mature reports split the update into key activities, engagement and concerns/issues;
 * early reports have one project manager update instead (`managerUpdate`). Long texts are
 * plain text: paragraphs separated by a blank line, list items on lines starting "- ".
 */
export interface IStatusReport {
  id: number;
  workstreamId: number;
  periodId: number;
  rag?: Rag;
  /**
   * The previous period's rating as this report states it: a level, `null` when the
   * report says "N/A" (not rated), undefined when the report does not say.
   */
  previousRag?: Rag | null;
  /**
   * Why the report states a last-period rating other than the one recorded for the previous
   * period. Without it the recorded rating stands (see {@link lastPeriodRating}).
   */
  previousRagReason?: string;
  keyActivities?: string;
  engagement?: string;
  concernsIssues?: string;
  managerUpdate?: string;
  ragRationale?: string;
  /** Agreed completion date as this report gives it. */
  agreedCompletionAsWritten?: string;
  /** Forecast completion date as this report gives it. */
  forecastCompletionAsWritten?: string;
  /** Why the agreed completion date moved, when it did. */
  completionDateChangeNote?: string;
  /** Reporting period as the report writes it, e.g. "01/11/2023 – 31/12/2023". */
  reportingPeriodAsWritten?: string;
  /** How the report itself names the workstream, where it differs (imported papers). */
  namesAsWritten?: string[];
  completedBy?: string;
  completionDateAsWritten?: string;
  state: StatusReportState;
  /** Why the programme office sent the report back. */
  returnReason?: string;
}

/**
 * Who wrote an item and when on the site an import brought it from (`npm run import`): SharePoint
 * makes the importer its author, so the original writer is kept beside it, never in its place.
 */
export interface IRecordedOrigin {
  by?: IPerson;
  /** ISO date-time. */
  on?: string;
}

/** The workstream sponsor's comments on a period. */
export interface ISponsorComment {
  id: number;
  workstreamId: number;
  periodId: number;
  text: string;
  /** Who created the item on this site (SharePoint's Created By). */
  author?: IPerson;
  /** Who wrote it on the site it was imported from, when it was imported. */
  recorded?: IRecordedOrigin;
}

/** Whether a milestone is reported this period or planned for the next one. */
export type MilestoneTiming = 'ThisPeriod' | 'NextPeriod';

/** The category behind a milestone's free-text status, for counting and colour. */
export type MilestoneStatusCategory = 'NotStarted' | 'InProgress' | 'Ongoing' | 'Complete' | 'Delayed';

/** A key milestone or activity, as one period's report lists it. */
export interface IMilestone {
  id: number;
  workstreamId: number;
  /** The period whose report lists the milestone. */
  periodId: number;
  /** Reported on this period, or planned for the next period. */
  timing: MilestoneTiming;
  /** The row number as written ("7"); may repeat or be missing in imported papers. */
  number?: string;
  title: string;
  /** Free-text status, e.g. "In progress – set for 1st February". */
  status?: string;
  statusCategory?: MilestoneStatusCategory;
  dueDate?: IsoDate;
  order: number;
  /**
   * Where the milestone came from when it was carried from a phase's close-down (issue 16):
   * "closeDown:<phase id>:<row id>" (see domain/phases.ts, closeDownOrigin).
   */
  origin?: string;
}

/** Whether a risk is still live. */
export type RiskState = 'Open' | 'Closed';

/**
 * A project risk. Risks live across periods: one appears in the report of every period
 * from the one it was raised in until the one it was closed in (exclusive).
 */
export interface IRisk {
  id: number;
  workstreamId: number;
  number?: string;
  description: string;
  mitigation: string;
  /** 1 (rare) to 5 (almost certain). */
  likelihood?: number;
  /** 1 (minimal) to 5 (severe). */
  impact?: number;
  state: RiskState;
  owner?: string;
  raisedPeriodId: number;
  /** The first period whose report no longer lists the risk. */
  closedPeriodId?: number;
  order: number;
}

/** What kind of note an IIB member records. */
export type FeedbackKind = 'Challenge' | 'Feedback';

/** Challenge or feedback an IIB member records against a workstream and period. */
export interface IIibFeedback {
  id: number;
  workstreamId: number;
  periodId: number;
  kind: FeedbackKind;
  text: string;
  /** Who created the item on this site (SharePoint's Created By): the rules' author. */
  author?: IPerson;
  /** ISO date-time the feedback was recorded. */
  created?: string;
  /** Who recorded it and when on the site it was imported from, when it was imported. */
  recorded?: IRecordedOrigin;
  /**
   * The reported (locked) period a challenge is about, when it was raised in a later period: a
   * locked period's log is not added to, so the challenge lives in the open period and refers back.
   */
  aboutPeriodId?: number;
  /** The workstream's response, with who gave it and when (ISO date-time). */
  response?: string;
  respondedBy?: IPerson;
  respondedAt?: string;
  /** Set once the programme office has closed the challenge: who, when (ISO date-time), and an optional note. */
  closedBy?: IPerson;
  closedAt?: string;
  closingNote?: string;
}

/**
 * One of the sections a programme's papers carry besides the overview ("Purpose", "Background",
 * "Also to note", an update on the Board itself, "Implications"), with one period's text of it.
 * The programme office names and orders the sections once for the programme; each period then
 * has its own text for each, written as the overview is (plain text: paragraphs separated by a
 * blank line, list items on lines starting "- ").
 */
export interface IPeriodSection {
  /** The section's stable key within the programme, e.g. "also-to-note". */
  key: string;
  /** The section's heading, e.g. "Also to note". */
  name: string;
  /** Where the section comes among the programme's sections (ascending). */
  order: number;
  /** The period's text; empty when nobody has written it yet. */
  text: string;
  /** Who wrote the period's text, as the paper names them. */
  author?: string;
}

/**
 * What a period's picture holds of the previous period's reports: their rating (the "last
 * period" column and arrows), completion dates (whether the agreed one moved; what a new report
 * starts from) and state. A picture reads no more of them (data/picture.ts reads these keys'
 * columns), so their text is not there to use.
 */
export const PREVIOUS_STATUS_REPORT_KEYS = ['id', 'workstreamId', 'periodId', 'rag', 'agreedCompletionAsWritten', 'forecastCompletionAsWritten', 'state'] as const;

/** The previous period's report in a period's picture: {@link PREVIOUS_STATUS_REPORT_KEYS}. */
export type IPreviousStatusReport = Pick<IStatusReport, (typeof PREVIOUS_STATUS_REPORT_KEYS)[number]>;

/** What a period's picture holds of the previous period's milestones planned for this one, to check each was reported. */
export const PREVIOUS_MILESTONE_KEYS = ['id', 'workstreamId', 'periodId', 'timing', 'number', 'title', 'order'] as const;

/** The previous period's milestone in a period's picture: {@link PREVIOUS_MILESTONE_KEYS}. */
export type IPreviousMilestone = Pick<IMilestone, (typeof PREVIOUS_MILESTONE_KEYS)[number]>;

/**
 * Everything one period's report shows: the data a readiness check, a dashboard view or a
 * board paper needs, loaded in one go.
 */
export interface IPeriodPicture {
  programme: IProgramme;
  period: IPeriod;
  /** The period before, when there is one. */
  previousPeriod?: IPeriod;
  /** The period after, when it exists. */
  nextPeriod?: IPeriod;
  workstreams: IWorkstream[];
  statusReports: IStatusReport[];
  /** The previous period's reports, as far as this period's columns, checks and forms use them. */
  previousStatusReports: IPreviousStatusReport[];
  sponsorComments: ISponsorComment[];
  /** This period's milestones (both timings). */
  milestones: IMilestone[];
  /** The previous period's milestones planned for the next period (this one), to check each was reported. */
  previousMilestones: IPreviousMilestone[];
  /** Risks listed in this period's report. */
  risks: IRisk[];
  feedback: IIibFeedback[];
  /**
   * The programme's period sections with this period's text, in the programme's order. Absent
   * from pictures made before there were period sections (read as none).
   */
  sections?: IPeriodSection[];
  /**
   * Reports this version of the picture leaves out because its reader may not see them yet (the
   * Board's version of an open period: visibility.ts's pictureSeenBy). Absent: nothing left out.
   */
  withheld?: IWithheldReport[];
}

/** A workstream's report left out of a version of a period's picture, and where it stands. */
export interface IWithheldReport {
  workstreamId: number;
  state: StatusReportState;
}
