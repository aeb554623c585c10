import { strings } from '../loc/moreStrings';
import { DataError } from '../../../data/errors';
import { NOT_PROGRAMME_OFFICE } from '../../../data/rights';
import { wordsForFailure } from '../../../ui/failureWords';

/** A set-up action on the programme's workstreams. */
export type SetUpAction = 'saveWorkstream' | 'moveWorkstream' | 'retireWorkstream' | 'loadWorkstreams';

/**
 * Words the programme office can act on when setting up workstreams failed. A refusal by a
 * rule is named by its code (only the programme office sets up); a validation refusal is the
 * rule's own message, which names the field; the server's own words are never shown.
 */
export function describeSetUpError(error: unknown, action: SetUpAction): string {
  return wordsForFailure(
    error,
    {
      validation: (e) => e.message,
      forbidden: (e) => (e.code === NOT_PROGRAMME_OFFICE ? strings.ErrorSetUpNotProgrammeOffice : strings.ErrorSetUpForbidden),
      conflict: strings.WorkstreamConflict,
      notFound: strings.WorkstreamGone,
      network: strings.LoadErrorNetwork,
      throttled: strings.ErrorThrottledSoon
    },
    error instanceof DataError && action === 'loadWorkstreams' ? strings.LoadErrorUnknown : strings.ErrorUnknown
  );
}
