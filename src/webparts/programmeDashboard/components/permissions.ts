import type { IPeriod, IStatusReport, IWorkstreamHeading, StatusReportState } from '../../../domain/model';
import type { IViewer } from '../../../domain/visibility';
import { isProgrammeOffice, type ICurrentUser, type ISnapshotInfo, type UserRights } from '../../../data/repository';
import { mayRecordFeedback, maySponsor } from '../../../data/rights';

/** What the workstream view offers, decided from SharePoint rights per list and the period's state. */
export interface IPermissions {
  addStatusReport: boolean;
  editStatusReport: boolean;
  /** Send a draft (or a report sent back) to the programme office. */
  submitReport: boolean;
  /** Accept a submitted report for the Board. */
  approveReport: boolean;
  /**
   * The user edits status reports, but this one is with the programme office (submitted or
   * approved): say why it cannot be edited now, instead of offering it.
   */
  reportHeldByOffice: boolean;
  /** Send a submitted or approved report back to the project manager, with a reason. */
  returnReport: boolean;
  addMilestone: boolean;
  editMilestone: boolean;
  deleteMilestone: boolean;
  addRisk: boolean;
  editRisk: boolean;
  deleteRisk: boolean;
  addSponsorComment: boolean;
  editSponsorComment: boolean;
  addFeedback: boolean;
  /** Change one's own IIB challenge or feedback (see FeedbackSection, which asks mayChangeFeedback per item). */
  editFeedback: boolean;
  /** Reopen a locked period (a reason is required and recorded). */
  reopenPeriod: boolean;
  /** See who locked and reopened the period, when and why. */
  seePeriodHistory: boolean;
}

/** What else decides what is offered: the period's report and the snapshot a locked period was read from. */
export interface IPermissionContext {
  /** This workstream's status report for the period, when there is one. */
  report?: IStatusReport;
  /** Set when the picture is a locked period's snapshot. */
  snapshot?: ISnapshotInfo;
  /**
   * Who is asking and about which workstream: sponsor comments are offered only to the
   * workstream's own sponsor and the programme office (the repository's maySponsor rule).
   */
  user?: ICurrentUser;
  workstream?: IWorkstreamHeading;
}

/** True while the report is with the programme office: submitted or approved. */
export function isWithProgrammeOffice(state: StatusReportState | undefined): boolean {
  return state === 'Submitted' || state === 'Approved';
}

/** True when the period's records can no longer change: it is locked, or read from its snapshot. */
export function isPeriodLocked(period: IPeriod, snapshot?: ISnapshotInfo): boolean {
  return period.state === 'Locked' || snapshot !== undefined;
}

/**
 * What the user may do in a period, from their rights on each list — never from group or role
 * names, which differ from site to site. A locked period's report has gone to the Board, so
 * its status, milestones, risks and sponsor comments are not offered for change; IIB challenge
 * and feedback are still offered, because the Board's members respond to the paper after it
 * has gone to them. A report with the programme office (submitted or approved) is not offered
 * for editing to those without SharePoint's Approve Items right on status reports, as the
 * repository refuses it; those with it approve and send back.
 */
export function permissionsFor(rights: UserRights, period: IPeriod, context: IPermissionContext = {}): IPermissions {
  const open: boolean = !isPeriodLocked(period, context.snapshot);
  const state: StatusReportState | undefined = context.report ? context.report.state : undefined;
  const withOffice: boolean = isWithProgrammeOffice(state);
  const sponsors: boolean = context.user === undefined || maySponsor(context.user, context.workstream, rights);
  return {
    addStatusReport: open && rights.statusReports.add,
    editStatusReport: open && rights.statusReports.edit && (!withOffice || rights.statusReports.approve),
    submitReport: open && rights.statusReports.edit && (state === 'Draft' || state === 'Returned'),
    approveReport: open && rights.statusReports.approve && state === 'Submitted',
    returnReport: open && rights.statusReports.approve && withOffice,
    reportHeldByOffice: open && rights.statusReports.edit && withOffice && !rights.statusReports.approve,
    addMilestone: open && rights.milestones.add,
    editMilestone: open && rights.milestones.edit,
    deleteMilestone: open && rights.milestones.delete,
    addRisk: open && rights.risks.add,
    editRisk: open && rights.risks.edit,
    deleteRisk: open && rights.risks.delete,
    addSponsorComment: open && rights.sponsorComments.add && sponsors,
    editSponsorComment: open && rights.sponsorComments.edit && sponsors,
    addFeedback: mayRecordFeedback(rights),
    editFeedback: rights.feedback.edit,
    reopenPeriod: !open && period.state === 'Locked' && isProgrammeOffice(rights),
    seePeriodHistory: isProgrammeOffice(rights)
  };
}

/**
 * Whether to show the programme office view: the user is the programme office (SharePoint's
 * Approve Items on Status Reports), whatever their group is called — not merely able to manage
 * lists, as every member of a default site is.
 */
export function offersCycleView(rights: UserRights): boolean {
  return isProgrammeOffice(rights);
}

/** Who is looking, for the rule of what they may see of reports not yet approved (domain/visibility.ts). */
export function viewerOf(user: ICurrentUser, rights: UserRights): IViewer {
  return { userId: user.id, programmeOffice: isProgrammeOffice(rights), writesReports: rights.statusReports.edit };
}
