/**
 * What each of the site's people may see of a period's reports, and which period they land on.
 *
 * The model is deliberately simple and honest: a status report's content reaches readers (IIB
 * members, anyone not running the cycle) once the programme office has approved it, or once its
 * period is locked (a locked period is what went to the Board, read from its snapshot). Until
 * then readers see only where the report stands ("Submitted – awaiting approval"); nothing older
 * is shown in its place, so nothing is presented as this period's that is not. The programme
 * office, those who write status reports (the Workstream Leads group) and the workstream's own
 * people (its sponsor, project managers and PMO support) see drafts, marked as drafts, because
 * they write and check them.
 *
 * This is a presentation rule, not a security boundary: SharePoint's read permission on the
 * Status Reports list decides who can read the items at all. It is the one rule the dashboard,
 * the Word report and the task pane ask, so they never disagree.
 */
import type { IPeriod, IPeriodPicture, IStatusReport, IWithheldReport, IWorkstreamHeading, StatusReportState } from './model';
import type { Rag } from './rag';
import { sortPeriods } from './periods';

/** Who is looking, as far as drafts are concerned. */
export interface IViewer {
  /** The person's SharePoint user id, matched against the people named on a workstream. */
  userId?: number;
  /** The programme office (SharePoint's Approve Items on Status Reports): sees every draft. */
  programmeOffice: boolean;
  /**
   * May write status reports (SharePoint's edit right on Status Reports, which the site gives the
   * Workstream Leads group): they write and submit the drafts — a workstream group's members need
   * not be named on the workstream — so they see them.
   */
  writesReports?: boolean;
}

/** A reader who sees only approved content: an IIB member, or the Board's copy of the report. */
export const BOARD_READER: IViewer = Object.freeze({ programmeOffice: false });

/**
 * How a workstream's report for a period is shown to a viewer:
 * - `final`: its content, unmarked (approved in an open period, or the period is locked);
 * - `draft`: its content, marked as a draft (not yet approved, viewer sees drafts);
 * - `withheld`: only its state, no content (not yet approved, viewer is a reader);
 * - `none`: the period has no report for the workstream.
 */
export type ReportVisibility = 'final' | 'draft' | 'withheld' | 'none';

/** Whether the person is one of the workstream's own people: its sponsor, a project manager or its PMO support. */
export function isWorkstreamPerson(viewer: IViewer, workstream: IWorkstreamHeading | undefined): boolean {
  if (!workstream || viewer.userId === undefined) {
    return false;
  }
  const people = [workstream.sponsor, ...workstream.projectManagers, ...workstream.pmoSupport];
  return people.some((p) => !!p && p.id !== undefined && p.id === viewer.userId);
}

/** Whether the viewer sees a workstream's drafts: the programme office, report writers, or the workstream's own people. */
export function seesDrafts(viewer: IViewer, workstream: IWorkstreamHeading | undefined): boolean {
  return viewer.programmeOffice || !!viewer.writesReports || isWorkstreamPerson(viewer, workstream);
}

/** Whether the viewer sees drafts of any of the programme's workstreams (and so lands on the open period). */
export function seesAnyDrafts(viewer: IViewer, workstreams: readonly IWorkstreamHeading[]): boolean {
  return viewer.programmeOffice || !!viewer.writesReports || workstreams.some((w) => isWorkstreamPerson(viewer, w));
}

/**
 * Whether a report, in a period, is a draft: the period is still open and the report is not
 * approved. A locked period's report is what went to the Board, never a draft.
 */
export function isDraftReport(period: IPeriod, state: StatusReportState | undefined): boolean {
  return period.state !== 'Locked' && state !== 'Approved';
}

/**
 * What a viewer may see of a workstream's report in a period: the one rule the dashboard, the
 * Word report's Board version and the task pane ask.
 */
export function reportVisibility(
  viewer: IViewer,
  period: IPeriod,
  workstream: IWorkstreamHeading | undefined,
  report: Pick<IStatusReport, 'state'> | undefined
): ReportVisibility {
  if (!report) {
    return 'none';
  }
  if (!isDraftReport(period, report.state)) {
    return 'final';
  }
  return seesDrafts(viewer, workstream) ? 'draft' : 'withheld';
}

/** Whether a viewer may see a report's content (ratings, update, milestones, risks, sponsor comments). */
export function maySeeReport(viewer: IViewer, period: IPeriod, workstream: IWorkstreamHeading | undefined, report: Pick<IStatusReport, 'state'> | undefined): boolean {
  const v: ReportVisibility = reportVisibility(viewer, period, workstream, report);
  return v === 'final' || v === 'draft';
}

/** Where one workstream's report stands in one period (as the programme's RAG history holds it). */
export interface IReportStanding {
  periodId: number;
  workstreamId?: number;
  state?: StatusReportState;
}

/**
 * The period a viewer lands on. Those who see drafts (the programme office; a workstream's own
 * people, when `draftsOf` says so for the workstream in view) land on the latest open period,
 * where their work is. Readers land on the latest period that has gone to the Board (locked) or
 * has at least one approved report — so starting a new, empty period does not take the Board's
 * members away from the period they read. With no such period, the latest period.
 * @param periods - every period, any order.
 * @param standings - where reports stand, per period (states of every report, or of the
 *   workstream's in view).
 * @param draftsVisible - whether the viewer sees drafts here.
 */
export function defaultPeriod(periods: readonly IPeriod[], standings: readonly IReportStanding[], draftsVisible: boolean): IPeriod | undefined {
  const sorted: IPeriod[] = sortPeriods(periods);
  const latest: IPeriod | undefined = sorted[sorted.length - 1];
  const last = (keep: (p: IPeriod) => boolean): IPeriod | undefined => sorted.filter(keep).pop();
  if (draftsVisible) {
    return last((p) => p.state !== 'Locked') || latest;
  }
  const approved: Set<number> = new Set<number>(standings.filter((s) => s.state === 'Approved').map((s) => s.periodId));
  return last((p) => p.state === 'Locked' || approved.has(p.id)) || latest;
}

/** A workstream's rating in one period as a reader may be shown it (the programme's RAG history). */
export interface IVisibleRating extends IReportStanding {
  rag?: Rag;
  previousRag?: Rag | null;
  /** The rating is not yet approved and the viewer is a reader: it is left out, and shown as awaiting approval. */
  withheld?: boolean;
}

/**
 * The ratings a viewer may be shown: a rating of a report not yet approved in an open period
 * loses its values for readers and is marked `withheld`, so the table, the trends, the "Amber or
 * worse" filter and the workstream's history all say "awaiting approval" instead of a draft's
 * rating (or "Not rated", which would be just as untrue). Everything else is returned as it is.
 * @param periods - the periods the entries belong to (an entry of an unknown period is kept).
 */
export function ratingsSeenBy<T extends IVisibleRating>(viewer: IViewer, periods: readonly IPeriod[], workstreams: readonly IWorkstreamHeading[], entries: readonly T[]): T[] {
  const periodOf: Map<number, IPeriod> = new Map<number, IPeriod>(periods.map((p) => [p.id, p]));
  const workstreamOf: Map<number, IWorkstreamHeading> = new Map<number, IWorkstreamHeading>(workstreams.map((w) => [w.id, w]));
  return entries.map((e: T): T => {
    const period: IPeriod | undefined = periodOf.get(e.periodId);
    const workstream: IWorkstreamHeading | undefined = e.workstreamId === undefined ? undefined : workstreamOf.get(e.workstreamId);
    if (!period || reportVisibility(viewer, period, workstream, { state: e.state || 'Draft' }) !== 'withheld') {
      return e;
    }
    const hidden: T = { ...e, withheld: true };
    delete hidden.rag;
    delete hidden.previousRag;
    return hidden;
  });
}

/**
 * A period's picture as a viewer may see it: for a reader (the Board's version of the report),
 * each report not yet approved in an open period is left out with its sponsor comments,
 * milestones and risks, and listed in `withheld` with where it stands, so the report says
 * "awaiting approval" in its place. Workstream details, the overview and the period's sections
 * stay. A locked period, or a viewer who sees drafts, gets the picture unchanged.
 */
export function pictureSeenBy(viewer: IViewer, picture: IPeriodPicture): IPeriodPicture {
  const withheld: IWithheldReport[] = [];
  for (const ws of picture.workstreams) {
    const report: IStatusReport | undefined = picture.statusReports.filter((r) => r.workstreamId === ws.id)[0];
    if (report && reportVisibility(viewer, picture.period, ws, report) === 'withheld') {
      withheld.push({ workstreamId: ws.id, state: report.state || 'Draft' });
    }
  }
  if (withheld.length === 0) {
    return picture;
  }
  const out: Set<number> = new Set<number>(withheld.map((w) => w.workstreamId));
  const kept = <T extends { workstreamId: number }>(items: readonly T[]): T[] => items.filter((x) => !out.has(x.workstreamId));
  return {
    ...picture,
    statusReports: kept(picture.statusReports),
    sponsorComments: kept(picture.sponsorComments),
    milestones: kept(picture.milestones),
    risks: kept(picture.risks),
    withheld
  };
}
