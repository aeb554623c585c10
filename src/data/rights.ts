/**
 * What the dashboard's first screen needs of the cycle's rules (src/data/rules.ts): who may
 * sponsor, record feedback or write the period's sections — the same predicates the repository
 * enforces, so that a view offers only what a write would accept — and the codes of the refusals
 * a view puts into words. The rest of the rules (the assertions the writes make) come with the
 * writes; rules.ts re-exports everything here.
 */
import type { IWorkstreamHeading } from '../domain/model';
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
