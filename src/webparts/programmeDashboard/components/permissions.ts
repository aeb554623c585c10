import type { IPeriod } from '../../../domain';
import type { UserRights } from '../../../data/repository';

/** What the workstream view offers, decided from SharePoint rights per list and the period's state. */
export interface IPermissions {
  addStatusReport: boolean;
  editStatusReport: boolean;
  addMilestone: boolean;
  editMilestone: boolean;
  deleteMilestone: boolean;
  addRisk: boolean;
  editRisk: boolean;
  deleteRisk: boolean;
  addSponsorComment: boolean;
  editSponsorComment: boolean;
  addFeedback: boolean;
  editFeedback: boolean;
}

/**
 * What the user may do in a period, from their rights on each list — never from group or role
 * names, which differ from site to site. A locked period's report has gone to the Board, so
 * its status, milestones, risks and sponsor comments are not offered for change; IIB challenge
 * and feedback are still offered, because the Board's members respond to the paper after it
 * has gone to them.
 */
export function permissionsFor(rights: UserRights, period: IPeriod): IPermissions {
  const open: boolean = period.state !== 'Locked';
  return {
    addStatusReport: open && rights.statusReports.add,
    editStatusReport: open && rights.statusReports.edit,
    addMilestone: open && rights.milestones.add,
    editMilestone: open && rights.milestones.edit,
    deleteMilestone: open && rights.milestones.delete,
    addRisk: open && rights.risks.add,
    editRisk: open && rights.risks.edit,
    deleteRisk: open && rights.risks.delete,
    addSponsorComment: open && rights.sponsorComments.add,
    editSponsorComment: open && rights.sponsorComments.edit,
    addFeedback: rights.feedback.add,
    editFeedback: rights.feedback.edit
  };
}
