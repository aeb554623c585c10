/**
 * The reporting cycle's rules that SharePoint cannot express itself, enforced by the product on
 * every write through the repository (and stated in the README):
 * - a locked period's records do not change: only the programme office can reopen it;
 * - only a workstream's sponsor writes its sponsor comments (the programme office too);
 * - a status report moves draft → submitted → approved, or back with a reason; only those with
 *   SharePoint's Approve Items right on the list (the programme office) approve or send back, and
 *   a submitted or approved report's content changes only through them.
 * What SharePoint can express — who may read or write each list — it enforces itself.
 */
import type { IPeriod, IWorkstream, StatusReportState } from '../domain';
import { DataError } from './errors';
import { isProgrammeOffice, type ICurrentUser, type ReportTransition, type UserRights } from './repository';

/** Refuses a change to a locked period's records. */
export function assertPeriodOpen(period: IPeriod | undefined, what: string): void {
  if (period && period.state === 'Locked') {
    throw new DataError(
      'locked',
      `${period.title} is locked: its report has gone to the Board, so its ${what} can no longer change. The programme office can reopen the period, giving a reason.`
    );
  }
}

/** Refuses sponsor comments from anyone but the workstream's sponsor or the programme office. */
/**
 * Whether the user may write a workstream's sponsor comments: its own sponsor (by SharePoint
 * user id) or the programme office. The dashboard offers the comments by this same rule.
 */
export function maySponsor(user: ICurrentUser, workstream: IWorkstream | undefined, rights: UserRights): boolean {
  return isProgrammeOffice(rights) || (!!workstream && !!workstream.sponsor && workstream.sponsor.id === user.id);
}

export function assertMaySponsor(user: ICurrentUser, workstream: IWorkstream | undefined, rights: UserRights): void {
  if (maySponsor(user, workstream, rights)) {
    return;
  }
  if (!workstream) {
    throw new DataError('notFound', 'Could not save the sponsor comments: the workstream no longer exists.');
  }
  const sponsor = workstream.sponsor;
  if (!sponsor || sponsor.id !== user.id) {
    throw new DataError('forbidden', `Only ${workstream.title}'s sponsor${sponsor ? `, ${sponsor.name},` : ''} can write its sponsor comments.`, {
      code: NOT_WORKSTREAM_SPONSOR
    });
  }
}

/** The state a transition leads to, or why it is refused. */
export function nextReportState(current: StatusReportState, transition: ReportTransition, rights: UserRights, reason?: string): StatusReportState {
  switch (transition) {
    case 'submit':
      if (!rights.statusReports.edit) {
        throw new DataError('forbidden', "Could not submit the report: you don't have permission to change status reports.");
      }
      if (current !== 'Draft' && current !== 'Returned') {
        throw new DataError('validation', `Could not submit the report: it is already ${current.toLowerCase()}.`);
      }
      return 'Submitted';
    case 'approve':
      if (!isProgrammeOffice(rights)) {
        throw new DataError('forbidden', 'Could not approve the report: only the programme office approves reports.');
      }
      if (current !== 'Submitted') {
        throw new DataError('validation', `Could not approve the report: it is ${current.toLowerCase()}, not submitted.`);
      }
      return 'Approved';
    default:
      if (!isProgrammeOffice(rights)) {
        throw new DataError('forbidden', 'Could not send the report back: only the programme office sends reports back.');
      }
      if (current !== 'Submitted' && current !== 'Approved') {
        throw new DataError('validation', `Could not send the report back: it is ${current.toLowerCase()}.`);
      }
      if (!reason || reason.trim() === '') {
        throw new DataError('validation', 'Could not send the report back: say why, so the project manager knows what to change.', { field: 'Reason sent back' });
      }
      return 'Returned';
  }
}

/** Refuses content changes to a report that is with the programme office, unless made by it. */
export function assertReportEditable(state: StatusReportState, rights: UserRights): void {
  if ((state === 'Submitted' || state === 'Approved') && !isProgrammeOffice(rights)) {
    throw new DataError(
      'forbidden',
      `Could not save the status report: it has been ${state.toLowerCase()}. Ask the programme office to send it back if it needs changing.`
    );
  }
}

/**
 * The field a refusal over must-fix readiness findings names: approving or locking then needs
 * a reason to go ahead, which Period History records.
 */
export const OVERRIDE_FIELD: string = 'Reason to go ahead over the findings';

/** The code of a refusal because the user is not the workstream's sponsor (see maySponsor). */
export const NOT_WORKSTREAM_SPONSOR: string = 'notWorkstreamSponsor';

/** The code of a refusal because the user did not record the challenge or feedback they change. */
export const NOT_FEEDBACK_AUTHOR: string = 'notFeedbackAuthor';

/**
 * Whether the user may change or delete an IIB challenge or feedback: the member who recorded it
 * (by SharePoint user id) or the programme office — never another member, so that a challenge
 * on record says what its author said.
 */
export function mayChangeFeedback(user: ICurrentUser, feedback: { author?: { id?: number } }, rights: UserRights): boolean {
  return isProgrammeOffice(rights) || (!!feedback.author && feedback.author.id !== undefined && feedback.author.id === user.id);
}

/** Refuses a change to another member's challenge or feedback (see mayChangeFeedback). */
export function assertMayChangeFeedback(user: ICurrentUser, feedback: { author?: { id?: number; name: string } }, rights: UserRights): void {
  if (!mayChangeFeedback(user, feedback, rights)) {
    throw new DataError(
      'forbidden',
      `Only ${feedback.author ? feedback.author.name : 'the member who recorded it'} or the programme office can change this challenge or feedback.`,
      { code: NOT_FEEDBACK_AUTHOR }
    );
  }
}

/**
 * Whether the user may define the programme's period sections (name, order) and write a period's
 * text of them: the programme office, who writes the paper's own sections. The dashboard offers
 * the editing by this rule; the repository refuses anyone else.
 */
export function mayWritePeriodSections(rights: UserRights): boolean {
  return isProgrammeOffice(rights);
}

/** Refuses a change to the period sections from anyone but the programme office. */
export function assertMayWritePeriodSections(rights: UserRights, action: string): void {
  if (!mayWritePeriodSections(rights)) {
    throw new DataError('forbidden', `Could not ${action}: only the programme office writes the paper's sections.`);
  }
}
