/**
 * The programme office's data, in its own terms: one interface, two implementations with
 * identical behaviour — PnPjs over SharePoint REST (the web part, the Teams tab) and the
 * Microsoft Graph client (the Word add-in, the command line). Everything it returns is a
 * domain object; every failure is a {@link DataError}.
 */
import type {
  IIibFeedback,
  IMilestone,
  IPeriod,
  IPeriodPicture,
  IPerson,
  IProgramme,
  IReportingOptions,
  IRisk,
  ISponsorComment,
  IStatusReport,
  IWorkstream,
  IWorkstreamHeading,
  StatusReportState
} from '../domain/model';
import type { Rag } from '../domain/rag';
import type { IReadinessAcknowledgement } from '../domain/readiness';

import type { IExchangeFile } from './exchange/tables';
import type { PhaseRepository } from './PhaseRepository';
import type { IEditablePeriodSection, ISavedSectionDefinition } from './sections';
import type { ProgrammePartRisk, ProgrammePartWorkstream } from './snapshot';

/** The lists the product uses, by key. */
export type ListKey =
  | 'programme'
  | 'ragDefinitions'
  | 'workstreams'
  | 'periods'
  | 'statusReports'
  | 'sponsorComments'
  | 'milestones'
  | 'risks'
  | 'feedback'
  | 'snapshots'
  | 'history'
  | 'periodSections'
  | 'phases'
  | 'closeDown'
  | 'acknowledgements';

/** SharePoint list titles, as provisioned by sharepoint/assets/elements.xml. */
export const LIST_TITLES: { readonly [list in ListKey]: string } = {
  programme: 'Programme',
  ragDefinitions: 'RAG Definitions',
  workstreams: 'Workstreams',
  periods: 'Reporting Periods',
  statusReports: 'Status Reports',
  sponsorComments: 'Sponsor Comments',
  milestones: 'Milestones',
  risks: 'Risks',
  feedback: 'IIB Feedback',
  snapshots: 'Period Snapshots',
  history: 'Period History',
  periodSections: 'Period Sections',
  phases: 'Phases',
  closeDown: 'Close-down Items',
  acknowledgements: 'Readiness Acknowledgements'
};

/** What the current user may do on one list, read from SharePoint's effective permissions. */
export interface IListRights {
  view: boolean;
  add: boolean;
  edit: boolean;
  delete: boolean;
  /** SharePoint's Approve Items: the programme office approves, sends back and locks. */
  approve: boolean;
  /** SharePoint's Manage Lists. */
  manage: boolean;
}

/** The current user's rights on every list. */
export type UserRights = { readonly [list in ListKey]: IListRights };

/**
 * Whether the user is the programme office: SharePoint's Approve Items right on Status Reports.
 * Not Manage Lists: every member of a default site has that (the Members group's Edit level),
 * and not a group's name, which differs from site to site. Approve Items comes with Design and
 * Full Control, or a custom level the programme office grants on the list.
 */
export function isProgrammeOffice(rights: UserRights): boolean {
  return rights.statusReports.approve;
}

/** The signed-in user as SharePoint knows them. */
export interface ICurrentUser extends IPerson {
  id: number;
  login: string;
  email?: string;
}

/** A stored item with the ETag that guards its next update. */
export type Saved<T> = T & { etag: string };

/** The entities users create, update and delete, by kind. */
export interface IEntities {
  statusReport: IStatusReport;
  sponsorComment: ISponsorComment;
  milestone: IMilestone;
  risk: IRisk;
  feedback: IIibFeedback;
}

/** A kind of editable entity. */
export type EntityKind = keyof IEntities;

/** The list each kind of entity lives in. */
export const ENTITY_LISTS: { readonly [kind in EntityKind]: ListKey } = {
  statusReport: 'statusReports',
  sponsorComment: 'sponsorComments',
  milestone: 'milestones',
  risk: 'risks',
  feedback: 'feedback'
};

/** An entity before it is stored: everything but its id. */
export type NewEntity<K extends EntityKind> = Omit<IEntities[K], 'id'>;

/** Changes to an entity: any of its fields but its id. */
export type EntityChanges<K extends EntityKind> = Partial<NewEntity<K>>;

/** Where a locked period's picture came from: the snapshot taken when it was locked. */
export interface ISnapshotInfo {
  id: string;
  /** ISO date-time the period was locked. */
  takenAt: string;
  takenBy?: IPerson;
  sha256: string;
}

/** A period's whole picture, with the ETags the dashboard needs to edit it. */
export interface IEditablePeriodPicture extends IPeriodPicture {
  /**
   * For a locked period: the snapshot the picture was read from, exactly as the period's report
   * went to the Board. Its items carry no ETags: a locked period cannot be changed.
   */
  snapshot?: ISnapshotInfo;
  /** Every period, earliest first, for period pickers. */
  periods: IPeriod[];
  statusReports: Array<Saved<IStatusReport>>;
  sponsorComments: Array<Saved<ISponsorComment>>;
  milestones: Array<Saved<IMilestone>>;
  risks: Array<Saved<IRisk>>;
  feedback: Array<Saved<IIibFeedback>>;
  /** The period's sections in the programme's order, with the items holding their text (none in a snapshot). */
  sections?: IEditablePeriodSection[];
  /**
   * The readiness findings the programme office has acknowledged in the period (domain's
   * applyAcknowledgements sets them apart), with the ETags to withdraw them with. A locked
   * period's are read as they stand: they do not change while it is locked.
   */
  acknowledgements?: Array<Saved<IReadinessAcknowledgement>>;
}

/**
 * What the programme view shows of a period below its matrix — the key risks by workstream and
 * the period's sections — for the whole programme. A locked period's comes from the small
 * programme part its lock stored (only these fields); an open period's is read for these alone —
 * the risks it lists (only the columns that decide and show them) and its sections with the ETags
 * they are edited with — not with the rest of its picture.
 */
export interface IProgrammePicture {
  /** The period; a locked one's overview, overall rating and author as its snapshot holds them (what the Board was shown). */
  period: IPeriod;
  /** Every period, earliest first. */
  periods: IPeriod[];
  workstreams: ProgrammePartWorkstream[];
  /** The risks listed in the period's report, with their text. */
  risks: ProgrammePartRisk[];
  /** The period's sections in the programme's order (an open period's with the items holding their text). */
  sections?: IEditablePeriodSection[];
  /** For a locked period: the whole snapshot the part was cut from (or read whole). */
  snapshot?: ISnapshotInfo;
}

/** One workstream's rating in one period. */
export interface IRagHistoryEntry {
  workstreamId: number;
  periodId: number;
  rag?: Rag;
  /** The previous rating as that period's report states it. */
  previousRag?: Rag | null;
  /** Where the report stands in the cycle (what readers may see of it follows from this). */
  state?: StatusReportState;
  /** Set by the dashboard for a reader when the rating is not yet approved: its values are left out (domain's ratingsSeenBy). */
  withheld?: boolean;
}

/** An open risk as the programme's risk matrix counts it: its workstream and scores, nothing more. */
export interface IOpenRiskScore {
  id: number;
  workstreamId: number;
  /** 1 (rare) to 5 (almost certain); absent when not scored. */
  likelihood?: number;
  /** 1 (minimal) to 5 (severe); absent when not scored. */
  impact?: number;
}

/**
 * An open risk as the risk matrix lists it once a cell is chosen: its scores, number, owner and
 * title, no text beyond ({@link IProgrammeRepository.getOpenRisks}).
 */
export interface IOpenRiskSummary extends IOpenRiskScore {
  number?: string;
  /** The risk's description as the list's Title keeps it (one line, at most 255 characters). */
  title: string;
  owner?: string;
  /** Its place among its workstream's risks. */
  order: number;
}

/** The programme at a glance: what the programme view shows. */
export interface IProgrammeSummary {
  programme: IProgramme;
  /**
   * The ETag of the Programme item, to change it with (saveProgramme); undefined on a site
   * whose programme has not been set up yet.
   */
  programmeEtag?: string;
  /** Every period, earliest first. */
  periods: IPeriod[];
  /**
   * Every workstream, without its description and outcomes (the summary shows neither; a view that
   * does reads the whole workstream).
   */
  workstreams: IWorkstreamHeading[];
  /**
   * Every workstream's rating in every period that has a report — or, when read with
   * `ratingsWindow`, in the periods of {@link IProgrammeSummary.ratingsOf} only.
   */
  history: IRagHistoryEntry[];
  /**
   * The periods whose ratings `history` holds, when it does not hold every period's (read with
   * `ratingsWindow`): the others' are read on demand ({@link IProgrammeRepository.getRatings}).
   */
  ratingsOf?: number[];
  /** Open risks per workstream id. */
  openRisks: { [workstreamId: number]: number };
  /**
   * Every open risk with its likelihood and impact, for the programme's risk matrix (its title,
   * number and owner are read when a cell's risks are listed: {@link IProgrammeRepository.getOpenRisks}).
   */
  openRiskScores: IOpenRiskScore[];
  /** Milestones of the latest period not yet complete, per workstream id. */
  milestonesDue: { [workstreamId: number]: number };
  /** Their due dates as recorded (a date copied as written may not be a real one), per workstream id. */
  milestonesDueDates: { [workstreamId: number]: string[] };
  /** True when read with `ratingsOnly`: the open risks and milestones due above were not read. */
  countsLeftOut?: boolean;
  /** True when read with `withoutRatings`: `history` above was not read, and must not be shown. */
  ratingsLeftOut?: boolean;
}

/** One lock or reopening of a period. */
export interface IPeriodHistoryEntry {
  id: number;
  periodId: number;
  /** Locked, reopened, or a must-fix finding overridden (an approval or lock given over it). */
  action: 'Locked' | 'Reopened' | 'Overridden';
  reason?: string;
  snapshotId?: string;
  /** For a lock: the date of the Board meeting the period's report went to, if given. */
  boardMeetingDate?: string;
  by?: IPerson;
  /** ISO date-time. */
  at: string;
}

/** One version of an item from SharePoint's version history: who saved it, when, and what it said. */
export interface IItemVersion<T> {
  /** SharePoint's version label: "1.0", "2.0"… */
  label: string;
  /** ISO date-time the version was saved. */
  at: string;
  by?: IPerson;
  /** True for the item as it is now. */
  current: boolean;
  value: T;
}

/** The lead executive director's overview of a period, as the programme office edits it. */
export interface IOverviewChanges {
  overview: string;
  /** Who wrote it, as the paper names them (free text, as the seeded periods hold it). */
  overviewAuthor?: string;
  /** The overall programme rating the overview states, if any. */
  overallRag?: Rag;
}

/** A step of the reporting cycle for a status report. */
export type ReportTransition =
  /** The project manager sends the report to the programme office. */
  | 'submit'
  /** The programme office accepts it for the Board. */
  | 'approve'
  /** The programme office sends it back to the project manager, with a reason. */
  | 'return';

/** Options for creating an item. */
export interface ICreateOptions {
  /**
   * The same key (1 to 64 characters) for every attempt to add the same item; made afresh when
   * not given. It is stored with the item in a unique column, so a repeat is found, not added.
   */
  requestKey?: string;
}

/** A new reporting period. */
export interface INewPeriod {
  title: string;
  start: string;
  end: string;
}

/** Options for locking a period. */
export interface ILockOptions {
  /** Lock even though some workstreams have no approved report (the reason says why). */
  allowUnapproved?: boolean;
  /** Why, when locking with reports not approved. */
  reason?: string;
  /**
   * Why the period is locked although readiness finds faults that must be fixed; recorded in
   * Period History with the findings, and printed nowhere else. Without it such a lock is refused.
   */
  overrideReason?: string;
  /**
   * The date of the Board meeting the period's report went to, as typed (dd/mm/yyyy); recorded
   * on the period and in Period History with the lock. Empty: the period's date stands.
   */
  boardMeetingDate?: string;
}

/** What the programme office types to set up the programme (see saveProgramme). */
export interface IProgrammeDetails {
  title: string;
  organisation?: string;
  board?: string;
  ragKeyIntroduction?: string;
  /**
   * What the programme reports. On a change, anything not given (here or above) keeps its saved
   * value; on set-up, it is the default (reported).
   */
  reporting?: Partial<IReportingOptions>;
}

/** What the programme office types for a workstream (see rules.ts, workstreamFaults). */
export interface IWorkstreamInput {
  code: string;
  /** The full title, of any length. */
  title: string;
  /** The title tables use; empty for the full title. */
  shortTitle?: string;
  description?: string;
  /** The outcomes as typed: "- item" lines, grouped under any other line as heading (see parseOutcomes). */
  outcomes?: string;
  sponsorId?: number;
  projectManagerIds?: number[];
  pmoSupportIds?: number[];
}

/** Options for loading a period's picture. */
export interface IPictureOptions {
  /** Load one workstream only (a workstream group's Teams tab). */
  workstreamId?: number;
}

/**
 * Only what the programme view shows of the period (see {@link IProgrammePicture}): a locked
 * period's from the small programme part its lock stored beside the whole snapshot (the whole one
 * for periods locked before there were parts); an open period's from its listed risks and its
 * sections alone, beside the periods and workstreams the summary read.
 */
export interface IProgrammeOnly {
  programmeOnly: true;
}

/** Options for reading the programme summary. */
export interface ISummaryOptions {
  /**
   * The programme view is landing: the phases, and the programme part of the period it will show
   * (`periodId`, else the locked period this browser session last showed there), are read in the
   * same round trip as the summary and kept for the first {@link IProgrammeRepository.getPeriodPicture}
   * (IProgrammeOnly) and PhaseRepository.getPhases that ask for them soon after.
   */
  landing?: { periodId?: number };
  /**
   * Only what a tab pinned to one workstream needs before it opens that workstream: the programme,
   * RAG key, periods, workstreams and every rating. Open risks and milestones due are not read;
   * they come back empty, with `countsLeftOut` set, and must not be shown.
   */
  ratingsOnly?: boolean;
  /**
   * A tab pinned to one workstream: the programme, RAG key, periods and workstreams, and no
   * rating at all (nor counts). `history` comes back empty, with `ratingsLeftOut` and
   * `countsLeftOut` set; the tab reads its own workstream's ratings (getRagHistory) when it needs
   * them to choose the period it lands on. At portfolio scale every rating is some 600 KB and
   * two pages of Status Reports: two round trips one after the other.
   */
  withoutRatings?: boolean;
  /**
   * Only the ratings of the latest so many periods (the ratings over time a landing shows), so
   * that the read does not grow with every past period: `ratingsOf` names them. Read by period
   * (an indexed column), in the same round trip when the periods are known here or remembered by
   * the session; else one more, once the periods are read.
   */
  ratingsWindow?: number;
  /**
   * A tab pinned to the workstream with this code: where this browser last saw it land (a hint
   * kept by the repository, ids only) lets that workstream's ratings and its landing picture go in
   * the summary's round trip. Each is checked against the periods and workstreams read with it and
   * handed to the first {@link IProgrammeRepository.getRagHistory} and getPeriodPicture asking for
   * exactly them soon after; a picture the hint got wrong is read as ever (one more round trip).
   */
  pinned?: string;
}

/** The repository every edge of the product reads and writes through. */
export interface IProgrammeRepository {
  /** The user the repository acts as. */
  getCurrentUser(): Promise<ICurrentUser>;
  /** What the current user may do on each list, from SharePoint's effective permissions. */
  getRights(): Promise<UserRights>;
  /** Every reporting period, earliest first. The repository keeps them for later calls. */
  getPeriods(): Promise<IPeriod[]>;
  /**
   * The programme at a glance: ratings of every workstream in every period, and counts. With
   * `landing`, what the programme view shows beside it is asked for in the same round trip (see
   * {@link ISummaryOptions}).
   */
  getProgrammeSummary(options?: ISummaryOptions): Promise<IProgrammeSummary>;
  /**
   * A period's whole picture: workstreams, status reports this and last period, sponsor
   * comments, milestones, risks, IIB feedback. One HTTP round trip once the periods are known.
   * With {@link IProgrammeOnly}: only what the programme view shows of it below its matrix (key
   * risks, sections), from a locked period's small programme part.
   */
  getPeriodPicture(periodId: number, options: IProgrammeOnly): Promise<IProgrammePicture>;
  getPeriodPicture(periodId: number, options?: IPictureOptions): Promise<IEditablePeriodPicture>;
  /** One workstream's ratings across every period. */
  getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]>;
  /** Every workstream's ratings in the given periods (read by period, an indexed column): one round trip. */
  getRatings(periodIds: readonly number[]): Promise<IRagHistoryEntry[]>;
  /**
   * Every open risk as the risk matrix lists it (title, number, owner, scores), in workstream and
   * risk order: one round trip, read when a cell's risks are first listed, not with the landing.
   */
  getOpenRisks(): Promise<IOpenRiskSummary[]>;
  /**
   * One period's records as the whole export has them (data/exchange/transfer.ts exportPeriod),
   * for the programme office's "Export to Excel".
   */
  exportPeriod(periodId: number): Promise<IExchangeFile>;
  /** One item as it is now. */
  get<K extends EntityKind>(kind: K, id: number): Promise<Saved<IEntities[K]>>;
  /**
   * Stores a new item. A create repeated with the same `requestKey` (after a lost answer) returns
   * the item the first one made instead of making a second: callers keep one key per item they
   * mean to add, across their own retries.
   */
  create<K extends EntityKind>(kind: K, value: NewEntity<K>, options?: ICreateOptions): Promise<Saved<IEntities[K]>>;
  /**
   * Changes an item if it is still as it was read (its ETag). If someone else changed it
   * meanwhile, throws a `conflict` {@link DataError} whose `current` is their version.
   */
  update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>>;
  /** Deletes an item if it is still as it was read. */
  remove(kind: EntityKind, id: number, etag: string): Promise<void>;
  /**
   * Moves a status report on in the reporting cycle: submit (project managers), approve or
   * return with a reason (those with SharePoint's Approve Items right: the programme office).
   */
  transitionReport(id: number, transition: ReportTransition, etag: string, reason?: string): Promise<Saved<IStatusReport>>;
  /**
   * Sets up the programme (on a site without one) or changes its details and reporting options,
   * against the ETag it was read with. Programme office only.
   */
  saveProgramme(details: IProgrammeDetails, etag?: string): Promise<Saved<IProgramme>>;
  /** Every workstream, retired ones too, in their order, with the ETags to change them with. */
  getWorkstreams(): Promise<Array<Saved<IWorkstream>>>;
  /** The site's people, by name: whom a workstream's sponsor, managers and PMO support are chosen from. */
  getPeople(): Promise<IPerson[]>;
  /**
   * Adds a workstream (no `id`: it goes last) or changes one against its ETag (programme office
   * only). Every field is checked first (rules.ts, workstreamFaults) and a refusal names the
   * field; nothing is written unless all is well.
   */
  saveWorkstream(input: IWorkstreamInput, id?: number, etag?: string): Promise<Saved<IWorkstream>>;
  /** Moves a workstream one place up or down the order (programme office only); returns them all, in order. */
  moveWorkstream(id: number, direction: 'up' | 'down'): Promise<Array<Saved<IWorkstream>>>;
  /**
   * Retires a workstream (it stays in the periods it has records in and their snapshots, and is
   * not offered in new ones) or restores it, against its ETag (programme office only).
   */
  setWorkstreamRetired(id: number, retired: boolean, etag: string): Promise<Saved<IWorkstream>>;
  /** Sets up a new reporting period (open). */
  createPeriod(period: INewPeriod): Promise<IPeriod>;
  /**
   * Locks a period for the whole programme: writes the snapshot of everything its report shows,
   * records who locked it, and from then on refuses changes to its records.
   */
  lockPeriod(periodId: number, options?: ILockOptions): Promise<IPeriod>;
  /** Reopens a locked period; the reason is required and recorded with who and when. */
  reopenPeriod(periodId: number, reason: string): Promise<IPeriod>;
  /** Every lock and reopening of a period, earliest first. */
  getPeriodHistory(periodId: number): Promise<IPeriodHistoryEntry[]>;
  /** The programme's period sections (name, order), in their order. */
  getSectionDefinitions(): Promise<ISavedSectionDefinition[]>;
  /**
   * Adds a period section to the programme (programme office only), after the others unless an
   * order is given. Every period then has it, empty until written; locked periods keep what they had.
   */
  addSectionDefinition(name: string, order?: number): Promise<ISavedSectionDefinition>;
  /** Renames or reorders a period section, if it is still as it was read (its ETag). */
  updateSectionDefinition(id: number, changes: { name?: string; order?: number }, etag: string): Promise<ISavedSectionDefinition>;
  /**
   * Removes a period section from the programme. Text periods already hold for it is kept and still
   * shown, under the name it was written with.
   */
  removeSectionDefinition(id: number, etag: string): Promise<void>;
  /**
   * Writes a period's text of one section (programme office only; not in a locked period). `etag`
   * is the text's as read, or undefined when the period had none: if someone wrote it meanwhile,
   * throws a `conflict` whose `current` is their section.
   */
  savePeriodSection(periodId: number, key: string, text: string, etag: string | undefined, author?: string): Promise<IEditablePeriodSection>;
  /**
   * An IIB challenge's or feedback's history from SharePoint's version history, newest first: who
   * changed it when, and what it said then.
   */
  getFeedbackHistory(id: number): Promise<Array<IItemVersion<IIibFeedback>>>;
  /**
   * The workstream's response to an open challenge, by one of its project managers or its sponsor;
   * who and when are recorded with it. Guarded by the ETag like every change.
   */
  respondToChallenge(id: number, response: string, etag: string): Promise<Saved<IIibFeedback>>;
  /** Closes an open challenge (the programme office), with an optional closing note; who and when are recorded. */
  closeChallenge(id: number, note: string | undefined, etag: string): Promise<Saved<IIibFeedback>>;
  /** A period with the ETag that guards a change to its overview. */
  getPeriod(periodId: number): Promise<Saved<IPeriod>>;
  /** Changes an open period's overview (the programme office), guarded by the ETag it was read with. */
  updateOverview(periodId: number, changes: IOverviewChanges, etag: string): Promise<Saved<IPeriod>>;
  /** The readiness findings acknowledged in a period, earliest first. */
  getAcknowledgements(periodId: number): Promise<Array<Saved<IReadinessAcknowledgement>>>;
  /**
   * Acknowledges one of an open period's readiness findings, by its key (domain's findingKey),
   * as not applying, for the reason given (required): it is then listed apart and not counted.
   * Programme office only. A finding that must be fixed is refused — it is fixed, or gone over
   * with a reason when the report is approved or the period locked — as is a key readiness no
   * longer finds. Acknowledging an acknowledged finding again returns the acknowledgement.
   */
  acknowledgeFinding(periodId: number, findingKey: string, reason: string): Promise<Saved<IReadinessAcknowledgement>>;
  /** Withdraws an acknowledgement of an open period (programme office only), if it is still as it was read. */
  withdrawAcknowledgement(id: number, etag: string): Promise<void>;
  /** Phases of the programme and their close-down, over the same transport (issue 16). */
  phases(): PhaseRepository;
}
