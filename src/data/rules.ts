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
import type { IPeriod, IWorkstream, StatusReportState } from '../domain/model';
import { checkText, MAX_SINGLE_LINE, type IFieldError } from '../domain/validation';
import { fieldName, message, wordOf, type FieldNameCode, type IMessage, type RecordNoun } from '../domain/messages';
import { DataError } from './errors';
import { isProgrammeOffice, type ICurrentUser, type IWorkstreamInput, type ReportTransition, type UserRights } from './repository';
import {
  CHALLENGE_CLOSED,
  closeRefusal,
  isChallengeClosed,
  isFeedbackOnRecord,
  mayAcknowledgeFindings,
  mayChangeFeedback,
  mayRecordFeedback,
  maySponsor,
  mayWritePeriodSections,
  NOT_PROGRAMME_OFFICE,
  NOT_WORKSTREAM_LEAD,
  respondRefusal,
  type IChallengeLike
} from './rights';

// What the first screen needs of these rules is in rights.ts; everything is still here for the writes.
export * from './rights';

/** Refuses a change to a locked period's records. */
export function assertPeriodOpen(period: IPeriod | undefined, what: RecordNoun): void {
  if (period && period.state === 'Locked') {
    throw new DataError('locked', message('periodLocked', { period: period.title, what }));
  }
}

/** Refuses sponsor comments from anyone but the workstream's sponsor or the programme office. */
export function assertMaySponsor(user: ICurrentUser, workstream: IWorkstream | undefined, rights: UserRights): void {
  if (maySponsor(user, workstream, rights)) {
    return;
  }
  if (!workstream) {
    throw new DataError('notFound', message('sponsorWorkstreamGone', {}));
  }
  const sponsor = workstream.sponsor;
  if (!sponsor || sponsor.id !== user.id) {
    throw new DataError('forbidden', message('notWorkstreamSponsor', { workstream: workstream.title, sponsor: sponsor ? sponsor.name : undefined }));
  }
}

/** The state a transition leads to, or why it is refused. */
export function nextReportState(current: StatusReportState, transition: ReportTransition, rights: UserRights, reason?: string): StatusReportState {
  switch (transition) {
    case 'submit':
      if (!rights.statusReports.edit) {
        throw new DataError('forbidden', message('submitForbidden', {}));
      }
      if (current !== 'Draft' && current !== 'Returned') {
        throw new DataError('validation', message('submitNotDraft', { state: current }));
      }
      return 'Submitted';
    case 'approve':
      if (!isProgrammeOffice(rights)) {
        throw new DataError('forbidden', message('approveForbidden', {}));
      }
      if (current !== 'Submitted') {
        throw new DataError('validation', message('approveNotSubmitted', { state: current }));
      }
      return 'Approved';
    default:
      if (!isProgrammeOffice(rights)) {
        throw new DataError('forbidden', message('sendBackForbidden', {}));
      }
      if (current !== 'Submitted' && current !== 'Approved') {
        throw new DataError('validation', message('sendBackWrongState', { state: current }));
      }
      if (!reason || reason.trim() === '') {
        throw new DataError('validation', message('sendBackNoReason', {}, STEP_KEYS.returnReason));
      }
      return 'Returned';
  }
}

/** Refuses content changes to a report that is with the programme office, unless made by it. */
export function assertReportEditable(state: StatusReportState, rights: UserRights): void {
  if ((state === 'Submitted' || state === 'Approved') && !isProgrammeOffice(rights)) {
    throw new DataError('forbidden', message('reportNotEditable', { state }));
  }
}

/**
 * The field a refusal over must-fix readiness findings names: approving or locking then needs
 * a reason to go ahead, which Period History records.
 */
export const OVERRIDE_FIELD: FieldNameCode = 'overrideReason';

/**
 * The keys a refusal names the reasons and dates of the cycle's steps by (DataError.field): the
 * options' own names (ILockOptions' reason, overrideReason and boardMeetingDate), a sent-back
 * report's returnReason (its field in the Status Reports table) and a reopening's reason. The
 * dashboard's panels key their fields the same and put a refusal beside its field by them.
 */
export const STEP_KEYS = {
  overrideReason: 'overrideReason',
  lockReason: 'reason',
  boardMeetingDate: 'boardMeetingDate',
  returnReason: 'returnReason',
  reopenReason: 'reason'
} as const;

/** Refuses a change to another member's challenge or feedback (see mayChangeFeedback). */
export function assertMayChangeFeedback(user: ICurrentUser, feedback: { author?: { id?: number; name: string } }, rights: UserRights): void {
  if (!mayChangeFeedback(user, feedback, rights)) {
    throw new DataError('forbidden', message('notFeedbackAuthor', { author: feedback.author ? feedback.author.name : undefined }));
  }
}

/** Refuses a change to the period sections from anyone but the programme office. */
export function assertMayWritePeriodSections(rights: UserRights, action: string): void {
  if (!mayWritePeriodSections(rights)) {
    throw new DataError('forbidden', message('notSectionsWriter', { action }));
  }
}

// ---- the IIB challenge log ----

/** Refuses a response unless {@link mayRespond}; the refusal's code names the reason. */
export function assertMayRespond(user: ICurrentUser, feedback: IChallengeLike, workstream: IWorkstream | undefined): void {
  const code: string | undefined = respondRefusal(user, feedback, workstream);
  if (code === undefined) {
    return;
  }
  if (code === NOT_WORKSTREAM_LEAD) {
    throw new DataError('forbidden', message('notWorkstreamLead', { workstream: workstream ? workstream.title : undefined }));
  }
  throw new DataError('validation', code === CHALLENGE_CLOSED ? message('challengeClosed', { doing: 'respond' }) : message('notAChallenge', { doing: 'respond' }));
}

/** Refuses closing a challenge unless {@link mayClose}; the refusal's code names the reason. */
export function assertMayClose(feedback: IChallengeLike, rights: UserRights): void {
  const code: string | undefined = closeRefusal(feedback, rights);
  if (code !== undefined) {
    throw code === NOT_PROGRAMME_OFFICE
      ? new DataError('forbidden', message('notProgrammeOfficeClose', {}), { code })
      : new DataError('validation', code === CHALLENGE_CLOSED ? message('challengeClosed', { doing: 'close' }) : message('notAChallenge', { doing: 'close' }));
  }
}

/** Refuses a change to a closed challenge's own text. */
export function assertFeedbackNotClosed(feedback: { closedAt?: string }): void {
  if (isChallengeClosed(feedback)) {
    throw new DataError('validation', message('challengeClosed', { doing: 'save' }));
  }
}

/** Refuses adding to a locked period's challenge log: new challenges go to the open period, about it. */
export function assertFeedbackPeriodOpen(period: IPeriod | undefined): void {
  if (period && period.state === 'Locked') {
    throw new DataError('locked', message('feedbackPeriodLocked', { period: period.title }));
  }
}

/**
 * Refuses editing or deleting a challenge or feedback recorded in a locked period: it is on
 * record as it stood when the period went to the Board. Its workflow goes on — the workstream
 * responds and the programme office closes it — so a challenge outlives its period.
 */
export function assertFeedbackOnRecord(period: IPeriod | undefined, doing: 'change' | 'delete'): void {
  if (period && isFeedbackOnRecord(period)) {
    throw new DataError('locked', message('feedbackOnRecord', { period: period.title, doing }));
  }
}

/** Refuses recording challenge or feedback unless {@link mayRecordFeedback}. */
export function assertMayRecordFeedback(rights: UserRights): void {
  if (rights.feedback.add && !mayRecordFeedback(rights)) {
    throw new DataError('forbidden', message('notIibRecorder', {}));
  }
}

// ---- setting up the programme ----

/** The field of a lock's Board meeting date (ILockOptions.boardMeetingDate). */
export const BOARD_MEETING_FIELD: FieldNameCode = 'boardMeetingDate';

/** The code of a refusal because another workstream has the code already. */
export const DUPLICATE_CODE: string = 'duplicateCode';

/** SharePoint's limit on the Code column (schema-workstreams.xml: MaxLength="16"). */
export const MAX_CODE_LENGTH: number = 16;

/**
 * Whether the user may set up the programme — its workstreams (add, edit, reorder, retire,
 * restore) and a period's Board meeting date: the programme office (Approve Items on Status
 * Reports) with the right to change the Workstreams list. The dashboard offers set-up by this
 * rule and the repository refuses anyone else.
 */
export function maySetUpProgramme(rights: UserRights): boolean {
  return isProgrammeOffice(rights) && rights.workstreams.add && rights.workstreams.edit;
}

/** Refuses set-up by anyone but the programme office (see maySetUpProgramme). */
export function assertMaySetUpProgramme(rights: UserRights, action: string): void {
  if (!maySetUpProgramme(rights)) {
    throw new DataError('forbidden', message('notProgrammeOffice', { action, doing: 'setUp' }));
  }
}

/**
 * Every problem with a workstream as typed, field by field, in the form's words: a code (unique
 * among the other workstreams, retired ones too, whatever its case — the list enforces it as
 * well — at most 16 characters, no spaces), a title of any length, a short title that fits a
 * single line of text, and text without control characters. Empty when it can be saved.
 * @param others - the programme's other workstreams (not the one being changed).
 */
export function workstreamFaults(input: IWorkstreamInput, others: ReadonlyArray<Pick<IWorkstream, 'code' | 'title'>>): IFieldError[] {
  const faults: Array<IFieldError | undefined> = [
    keyed('code', checkText(fieldName('code'), input.code, { required: true, maxLength: MAX_CODE_LENGTH })),
    keyed('title', checkText(fieldName('title'), input.title, { required: true })),
    keyed('shortTitle', checkText(fieldName('shortTitle'), input.shortTitle, { maxLength: MAX_SINGLE_LINE })),
    keyed('description', checkText(fieldName('description'), input.description)),
    keyed('outcomes', checkText(fieldName('outcomes'), input.outcomes))
  ];
  const code: string = (input.code || '').trim();
  if (!faults[0] && /\s/.test(code)) {
    faults[0] = fieldError('code', input.code, message('codeHasSpace', { code: String(input.code) }));
  }
  const taken = others.filter((w) => w.code.trim().toLowerCase() === code.toLowerCase())[0];
  if (!faults[0] && taken) {
    faults[0] = fieldError('code', input.code, message('codeTaken', { code, workstream: taken.title }));
  }
  return faults.filter((f): f is IFieldError => f !== undefined);
}

function fieldError(key: FieldNameCode & keyof IWorkstreamInput, value: unknown, why: IMessage): IFieldError {
  const field: string = fieldName(key);
  const reason: string = wordOf(why);
  return { field, key, value, reason, message: `${field}: ${reason}`, detail: why };
}

/** A fault that names its field by key too (the workstream's field table's, fields.ts), for the form to put it beside the field. */
function keyed(key: string, e: IFieldError | undefined): IFieldError | undefined {
  return e ? { ...e, key } : undefined;
}

/** Refuses an acknowledgement, or its withdrawal, from anyone but the programme office. */
export function assertMayAcknowledgeFindings(rights: UserRights, action: string): void {
  if (!mayAcknowledgeFindings(rights)) {
    throw new DataError('forbidden', message('notProgrammeOffice', { action, doing: 'acknowledge' }));
  }
}
