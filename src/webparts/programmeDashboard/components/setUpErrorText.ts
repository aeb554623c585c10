import { strings } from '../loc/moreStrings';
import { DataError } from '../../../data/errors';
import { NOT_PROGRAMME_OFFICE } from '../../../data/rules';

/** A set-up action on the programme's workstreams. */
export type SetUpAction = 'saveWorkstream' | 'moveWorkstream' | 'retireWorkstream' | 'loadWorkstreams';

/**
 * Words the programme office can act on when setting up workstreams failed. A refusal by a
 * rule is named by its code (only the programme office sets up); a validation refusal is the
 * rule's own message, which names the field; the server's own words are never shown.
 */
export function describeSetUpError(error: unknown, action: SetUpAction): string {
  if (!(error instanceof DataError)) {
    return strings.ErrorUnknown;
  }
  switch (error.kind) {
    case 'validation':
      return error.message;
    case 'forbidden':
      return error.code === NOT_PROGRAMME_OFFICE ? strings.ErrorSetUpNotProgrammeOffice : strings.ErrorSetUpForbidden;
    case 'conflict':
      return strings.WorkstreamConflict;
    case 'notFound':
      return strings.WorkstreamGone;
    case 'network':
      return strings.LoadErrorNetwork;
    case 'throttled':
      return strings.ErrorThrottledSoon;
    default:
      return action === 'loadWorkstreams' ? strings.LoadErrorUnknown : strings.ErrorUnknown;
  }
}
