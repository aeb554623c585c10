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

// ---- the IIB challenge log ----

/** The code of a refusal to respond because the user does not lead the challenge's workstream. */
export const NOT_WORKSTREAM_LEAD: string = 'notWorkstreamLead';

/** The code of a refusal to close a challenge by anyone but the programme office. */
export const NOT_PROGRAMME_OFFICE: string = 'notProgrammeOffice';

/** The code of a refusal to change, respond to or close a challenge that is closed. */
export const CHALLENGE_CLOSED: string = 'challengeClosed';

/** The code of a refusal to respond to or close feedback that is not a challenge. */
export const NOT_A_CHALLENGE: string = 'notAChallenge';

/** The code of a refusal to record challenge or feedback by a workstream's own people. */
export const NOT_IIB_RECORDER: string = 'notIibRecorder';

/** The code of a refusal to add to a locked period's challenge log. */
export const FEEDBACK_PERIOD_LOCKED: string = 'feedbackPeriodLocked';

/** What the challenge-log rules need of an item. */
export interface IChallengeLike {
  kind: 'Challenge' | 'Feedback';
  workstreamId: number;
  author?: { id?: number; name: string };
  closedAt?: string;
}

/** True when the challenge has been closed by the programme office. */
export function isChallengeClosed(feedback: { closedAt?: string }): boolean {
  return !!feedback.closedAt;
}

/**
 * Whether the user leads the workstream a challenge is about: one of its project managers (by
 * SharePoint user id), who answer the IIB's challenges for it.
 */
export function leadsWorkstream(user: ICurrentUser, workstream: IWorkstream | undefined): boolean {
  return !!workstream && workstream.projectManagers.some((p) => p.id !== undefined && p.id === user.id);
}

/** Why the user may not respond to a challenge (a refusal code), or undefined when they may. */
export function respondRefusal(user: ICurrentUser, feedback: IChallengeLike, workstream: IWorkstream | undefined): string | undefined {
  if (feedback.kind !== 'Challenge') {
    return NOT_A_CHALLENGE;
  }
  if (isChallengeClosed(feedback)) {
    return CHALLENGE_CLOSED;
  }
  return leadsWorkstream(user, workstream) ? undefined : NOT_WORKSTREAM_LEAD;
}

/**
 * Whether the user may respond to a challenge: it is an open challenge and they lead its
 * workstream (one of its project managers). The dashboard offers Respond by this rule.
 */
export function mayRespond(user: ICurrentUser, feedback: IChallengeLike, workstream: IWorkstream | undefined): boolean {
  return respondRefusal(user, feedback, workstream) === undefined;
}

/** Why the user may not close a challenge (a refusal code), or undefined when they may. */
export function closeRefusal(feedback: IChallengeLike, rights: UserRights): string | undefined {
  if (feedback.kind !== 'Challenge') {
    return NOT_A_CHALLENGE;
  }
  if (isChallengeClosed(feedback)) {
    return CHALLENGE_CLOSED;
  }
  return isProgrammeOffice(rights) ? undefined : NOT_PROGRAMME_OFFICE;
}

/** Whether the user may close a challenge: an open challenge, and they are the programme office. */
export function mayClose(feedback: IChallengeLike, rights: UserRights): boolean {
  return closeRefusal(feedback, rights) === undefined;
}

/**
 * Whether the user may change an item of the log's own text (kind and words): its author or the
 * programme office, while it is not closed.
 */
export function mayEditFeedback(user: ICurrentUser, feedback: IChallengeLike, rights: UserRights): boolean {
  return !isChallengeClosed(feedback) && mayChangeFeedback(user, feedback, rights);
}

const CHALLENGE_REFUSALS: { [code: string]: string } = {
  [NOT_A_CHALLENGE]: 'it is feedback, not a challenge; only challenges are responded to and closed.',
  [CHALLENGE_CLOSED]: 'the challenge has been closed by the programme office, so it stays as it was closed.',
  [NOT_PROGRAMME_OFFICE]: 'only the programme office closes a challenge.'
};

/** Refuses a response unless {@link mayRespond}; the refusal's code names the reason. */
export function assertMayRespond(user: ICurrentUser, feedback: IChallengeLike, workstream: IWorkstream | undefined): void {
  const code: string | undefined = respondRefusal(user, feedback, workstream);
  if (code === undefined) {
    return;
  }
  const message: string =
    code === NOT_WORKSTREAM_LEAD
      ? `Could not save the response: only ${workstream ? `${workstream.title}'s` : 'the workstream\'s'} project managers respond to its challenges.`
      : `Could not save the response: ${CHALLENGE_REFUSALS[code]}`;
  throw new DataError(code === CHALLENGE_CLOSED || code === NOT_A_CHALLENGE ? 'validation' : 'forbidden', message, { code });
}

/** Refuses closing a challenge unless {@link mayClose}; the refusal's code names the reason. */
export function assertMayClose(feedback: IChallengeLike, rights: UserRights): void {
  const code: string | undefined = closeRefusal(feedback, rights);
  if (code !== undefined) {
    throw new DataError(code === NOT_PROGRAMME_OFFICE ? 'forbidden' : 'validation', `Could not close the challenge: ${CHALLENGE_REFUSALS[code]}`, { code });
  }
}

/** Refuses a change to a closed challenge's own text. */
export function assertFeedbackNotClosed(feedback: { closedAt?: string }): void {
  if (isChallengeClosed(feedback)) {
    throw new DataError('validation', `Could not save the challenge: ${CHALLENGE_REFUSALS[CHALLENGE_CLOSED]}`, { code: CHALLENGE_CLOSED });
  }
}

/**
 * The period new challenge or feedback about `about` is recorded in: `about` itself while it is
 * open; once it is locked (its report has gone to the Board), the latest open period, with the
 * challenge referring back to `about`. Undefined when no period is open.
 */
export function feedbackTarget(periods: readonly IPeriod[], about: IPeriod): { periodId: number; aboutPeriodId?: number } | undefined {
  if (about.state !== 'Locked') {
    return { periodId: about.id };
  }
  const open: IPeriod[] = periods.filter((p) => p.state !== 'Locked').sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  const latest: IPeriod | undefined = open[open.length - 1];
  return latest ? { periodId: latest.id, aboutPeriodId: about.id } : undefined;
}

/** Refuses adding to a locked period's challenge log: new challenges go to the open period, about it. */
export function assertFeedbackPeriodOpen(period: IPeriod | undefined): void {
  if (period && period.state === 'Locked') {
    throw new DataError(
      'locked',
      `${period.title} is locked: its report has gone to the Board, so its challenge log is not added to. Record the challenge in the open period, saying it is about ${period.title}.`,
      { code: FEEDBACK_PERIOD_LOCKED }
    );
  }
}

/**
 * Whether the user may record IIB challenge or feedback: SharePoint lets them add to IIB Feedback,
 * and they are an IIB member or the programme office — not one of the workstreams' own people
 * (those who write status reports), who may write the list only to respond to challenges.
 */
export function mayRecordFeedback(rights: UserRights): boolean {
  return rights.feedback.add && (isProgrammeOffice(rights) || !rights.statusReports.edit);
}

/** Refuses recording challenge or feedback unless {@link mayRecordFeedback}. */
export function assertMayRecordFeedback(rights: UserRights): void {
  if (rights.feedback.add && !mayRecordFeedback(rights)) {
    throw new DataError(
      'forbidden',
      "Could not save the challenge: the IIB's challenge and feedback are recorded by its members and the programme office; a workstream's own people respond to it.",
      { code: NOT_IIB_RECORDER }
    );
  }
}
