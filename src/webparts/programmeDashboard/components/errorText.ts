import { strings } from '../loc/strings';
import { DataError } from '../../../data/errors';
import { CHALLENGE_CLOSED, FEEDBACK_PERIOD_LOCKED, NOT_A_CHALLENGE, NOT_FEEDBACK_AUTHOR, NOT_IIB_RECORDER, NOT_PROGRAMME_OFFICE, NOT_WORKSTREAM_LEAD, NOT_WORKSTREAM_SPONSOR } from '../../../data/rights';
import type { FormKind } from './forms';
import { format } from './format';
import { wordsForFailure } from '../../../ui/failureWords';
import { describeLoadError, throttled } from './loadErrorText';

// A load's words are in loadErrorText.ts (the first screen's); here for the views that import them from here.
export { describeLoadError };

/**
 * Each kind of item a user changes, in the words the messages use: the item's noun and its
 * list's. One table, exhaustive by type, so a new kind is a compile error until it has words.
 */
const NOUNS: { readonly [kind in FormKind]: { readonly entity: string; readonly list: string } } = {
  period: { entity: strings.EntityPeriod, list: strings.ListPeriods },
  closeDownItem: { entity: strings.EntityCloseDownItem, list: strings.ListCloseDown },
  statusReport: { entity: strings.EntityStatusReport, list: strings.ListStatusReports },
  sponsorComment: { entity: strings.EntitySponsorComment, list: strings.ListSponsorComments },
  milestone: { entity: strings.EntityMilestone, list: strings.ListMilestones },
  risk: { entity: strings.EntityRisk, list: strings.ListRisks },
  feedback: { entity: strings.EntityFeedback, list: strings.ListFeedback }
};

/** The item a user was changing, in the words the messages use. */
export function entityNoun(kind: FormKind): string {
  return NOUNS[kind].entity;
}

/** The list a user was changing, in the words the messages use. */
export function listNoun(kind: FormKind): string {
  return NOUNS[kind].list;
}

/** The words for each of the challenge log's refusals, by the repository's code ({0}: the period). */
const RULE_MESSAGES: { [code: string]: string } = {
  [NOT_FEEDBACK_AUTHOR]: strings.ErrorNotFeedbackAuthor,
  [NOT_WORKSTREAM_LEAD]: strings.ErrorNotWorkstreamLead,
  [NOT_IIB_RECORDER]: strings.ErrorNotIibRecorder,
  [NOT_PROGRAMME_OFFICE]: strings.ErrorNotProgrammeOffice,
  [CHALLENGE_CLOSED]: strings.ErrorChallengeClosed,
  [NOT_A_CHALLENGE]: strings.ErrorNotAChallenge,
  [FEEDBACK_PERIOD_LOCKED]: strings.ErrorFeedbackPeriodLocked
};

/**
 * Words a user can act on when a change could not be saved. The server's own message is
 * never shown: it is written for logs, not for the programme office.
 * @param kind - what was being changed.
 * @param periodTitle - the period the change belonged to, for the "locked" message.
 */
export function describeSaveError(error: unknown, kind: FormKind, periodTitle: string): string {
  if (!(error instanceof DataError)) {
    return strings.ErrorUnknown;
  }
  // The product's own rules name their reason by a code.
  const ruled: string | undefined = error.code ? RULE_MESSAGES[error.code] : undefined;
  if (ruled !== undefined) {
    return format(ruled, periodTitle);
  }
  // A close-down's refusals (its phase closed, a row's field) are the phases' repository's own words.
  if (kind === 'closeDownItem' && (error.kind === 'locked' || error.kind === 'validation') && error.message) {
    return error.message;
  }
  switch (error.kind) {
    case 'forbidden':
      // The product's own rule, not SharePoint's permissions: say which.
      return error.code === NOT_WORKSTREAM_SPONSOR ? strings.ErrorNotSponsor : format(strings.ErrorForbidden, listNoun(kind));
    case 'locked':
      return format(strings.PeriodLocked, periodTitle);
    case 'throttled':
      return throttled(error);
    case 'notFound':
      return format(strings.ErrorNotFound, entityNoun(kind));
    case 'network':
      return strings.ErrorNetwork;
    case 'validation':
      return format(strings.ErrorValidation, entityNoun(kind));
    case 'threshold':
      return strings.ErrorThreshold;
    case 'conflict':
      return format(strings.ErrorConflictAction, entityNoun(kind));
    default:
      return strings.ErrorUnknown;
  }
}

/** The reporting-cycle actions, for their messages. */
export type CycleActionKind = 'submit' | 'review' | 'lock' | 'reopen' | 'createPeriod';

function actionWords(action: CycleActionKind): { doing: string; noun: string } {
  switch (action) {
    case 'submit':
      return { doing: strings.ActionSubmit, noun: strings.EntityStatusReport };
    case 'review':
      return { doing: strings.ActionReview, noun: strings.EntityStatusReport };
    case 'lock':
      return { doing: strings.ActionLock, noun: strings.EntityPeriod };
    case 'reopen':
      return { doing: strings.ActionReopen, noun: strings.EntityPeriod };
    default:
      return { doing: strings.ActionCreatePeriod, noun: strings.EntityPeriod };
  }
}

/**
 * Words a user can act on when a step of the reporting cycle was refused. A refusal by the
 * cycle's rules (`validation`: a report missing what submitting needs, reports not approved
 * when locking, an overlapping period) is shown in the repository's own words, which are written
 * for the user and say exactly what to put right; every other kind gets the dashboard's words.
 */
export function describeActionError(error: unknown, action: CycleActionKind, periodTitle: string): string {
  const words = actionWords(action);
  return wordsForFailure(
    error,
    {
      validation: (e) => e.message || format(strings.ErrorValidation, words.noun),
      forbidden: format(strings.ErrorForbiddenAction, words.doing),
      locked: format(strings.PeriodLocked, periodTitle),
      throttled,
      notFound: format(strings.ErrorNotFound, words.noun),
      network: strings.LoadErrorNetwork,
      threshold: strings.ErrorThreshold,
      conflict: format(strings.ErrorConflictAction, words.noun)
    },
    strings.ErrorUnknownAction
  );
}
