import * as strings from 'ProgrammeDashboardWebPartStrings';
import { DataError } from '../../../data/errors';
import { NOT_WORKSTREAM_SPONSOR } from '../../../data/rules';
import type { EntityKind } from '../../../data/repository';
import { format } from './format';

/** The item a user was changing, in the words the messages use. */
export function entityNoun(kind: EntityKind): string {
  switch (kind) {
    case 'statusReport':
      return strings.EntityStatusReport;
    case 'sponsorComment':
      return strings.EntitySponsorComment;
    case 'milestone':
      return strings.EntityMilestone;
    case 'risk':
      return strings.EntityRisk;
    default:
      return strings.EntityFeedback;
  }
}

/** The list a user was changing, in the words the messages use. */
export function listNoun(kind: EntityKind): string {
  switch (kind) {
    case 'statusReport':
      return strings.ListStatusReports;
    case 'sponsorComment':
      return strings.ListSponsorComments;
    case 'milestone':
      return strings.ListMilestones;
    case 'risk':
      return strings.ListRisks;
    default:
      return strings.ListFeedback;
  }
}

function throttled(error: DataError): string {
  const seconds: number | undefined = error.retryAfterSeconds;
  if (seconds === undefined || !(seconds > 0)) {
    return strings.ErrorThrottledSoon;
  }
  return seconds === 1 ? strings.ErrorThrottledOneSecond : format(strings.ErrorThrottled, Math.ceil(seconds));
}

/**
 * Words a user can act on when a change could not be saved. The server's own message is
 * never shown: it is written for logs, not for the programme office.
 * @param kind - what was being changed.
 * @param periodTitle - the period the change belonged to, for the "locked" message.
 */
export function describeSaveError(error: unknown, kind: EntityKind, periodTitle: string): string {
  if (!(error instanceof DataError)) {
    return strings.ErrorUnknown;
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

/** Words a user can act on when the dashboard could not load. */
export function describeLoadError(error: unknown): string {
  if (!(error instanceof DataError)) {
    return strings.LoadErrorUnknown;
  }
  switch (error.kind) {
    case 'forbidden':
      return strings.LoadErrorForbidden;
    case 'notFound':
      return strings.LoadErrorNotFound;
    case 'throttled':
      return throttled(error);
    case 'network':
      return strings.LoadErrorNetwork;
    case 'threshold':
      return strings.ErrorThreshold;
    default:
      return strings.LoadErrorUnknown;
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
  if (!(error instanceof DataError)) {
    return strings.ErrorUnknownAction;
  }
  const words = actionWords(action);
  switch (error.kind) {
    case 'validation':
      return error.message || format(strings.ErrorValidation, words.noun);
    case 'forbidden':
      return format(strings.ErrorForbiddenAction, words.doing);
    case 'locked':
      return format(strings.PeriodLocked, periodTitle);
    case 'throttled':
      return throttled(error);
    case 'notFound':
      return format(strings.ErrorNotFound, words.noun);
    case 'network':
      return strings.LoadErrorNetwork;
    case 'threshold':
      return strings.ErrorThreshold;
    case 'conflict':
      return format(strings.ErrorConflictAction, words.noun);
    default:
      return strings.ErrorUnknownAction;
  }
}
