/**
 * What the dashboard's views need of the cycle's rules (src/data/rules.ts): who may sponsor,
 * record, change, answer or close the IIB's challenges, write the period's sections or
 * acknowledge readiness findings — the same predicates the repository enforces, so that a view
 * offers only what a write would accept — and the codes of the refusals a view puts into words.
 * The rest of the rules (the assertions the writes make, with the checks of the fields they
 * write) come with the writes; rules.ts re-exports everything here.
 */
import type { IPeriod, IWorkstream, IWorkstreamHeading } from '../domain/model';
import { isProgrammeOffice, type ICurrentUser, type UserRights } from './repository';

/**
 * Whether the user may write a workstream's sponsor comments: its own sponsor (by SharePoint
 * user id) or the programme office. The dashboard offers the comments by this same rule.
 */
export function maySponsor(user: ICurrentUser, workstream: IWorkstreamHeading | undefined, rights: UserRights): boolean {
  return isProgrammeOffice(rights) || (!!workstream && !!workstream.sponsor && workstream.sponsor.id === user.id);
}

/** The code of a refusal because the user is not the workstream's sponsor (see maySponsor). */
export const NOT_WORKSTREAM_SPONSOR: string = 'notWorkstreamSponsor';

/** The code of a refusal because the user did not record the challenge or feedback they change. */
export const NOT_FEEDBACK_AUTHOR: string = 'notFeedbackAuthor';

/**
 * Whether the user may define the programme's period sections (name, order) and write a period's
 * text of them: the programme office, who writes the paper's own sections. The dashboard offers
 * the editing by this rule; the repository refuses anyone else.
 */
export function mayWritePeriodSections(rights: UserRights): boolean {
  return isProgrammeOffice(rights);
}

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

/**
 * Whether the user may record IIB challenge or feedback: SharePoint lets them add to IIB Feedback,
 * and they are an IIB member or the programme office — not one of the workstreams' own people
 * (those who write status reports), who may write the list only to respond to challenges.
 */
export function mayRecordFeedback(rights: UserRights): boolean {
  return rights.feedback.add && (isProgrammeOffice(rights) || !rights.statusReports.edit);
}

// ---- what the views offer: the IIB challenge log and readiness findings ----

/**
 * Whether the user may change or delete an IIB challenge or feedback: the member who recorded it
 * (by SharePoint user id) or the programme office — never another member, so that a challenge
 * on record says what its author said.
 */
export function mayChangeFeedback(user: ICurrentUser, feedback: { author?: { id?: number } }, rights: UserRights): boolean {
  return isProgrammeOffice(rights) || (!!feedback.author && feedback.author.id !== undefined && feedback.author.id === user.id);
}

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

/** The code of a refusal to edit or delete a challenge recorded in a locked period. */
export const FEEDBACK_ON_RECORD: string = 'feedbackOnRecord';

/** Whether challenge or feedback recorded in this period is on record for good: the period is locked (the dashboard offers no Edit then). */
export function isFeedbackOnRecord(period: Pick<IPeriod, 'state'> | undefined): boolean {
  return !!period && period.state === 'Locked';
}

/**
 * Whether the user may acknowledge a readiness finding, or withdraw an acknowledgement: the
 * programme office (Approve Items on Status Reports) with the right to add to and delete from the
 * Readiness Acknowledgements list. The dashboard offers it by this rule; the repository refuses
 * anyone else.
 */
export function mayAcknowledgeFindings(rights: UserRights): boolean {
  return isProgrammeOffice(rights) && rights.acknowledgements.add && rights.acknowledgements.delete;
}
