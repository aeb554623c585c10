/**
 * Words a user can act on when something could not be loaded: all the first screen needs of
 * errorText.ts, whose words for failed saves and actions come with the views and panels that make
 * them (errorText.ts re-exports describeLoadError).
 */
import { strings } from '../loc/strings';
import { DataError } from '../../../data/errors';
import { format } from './format';
import { wordsForFailure } from '../../../ui/failureWords';

/** The words for SharePoint asking the product to slow down, with how long to wait when it says. */
export function throttled(error: DataError): string {
  const seconds: number | undefined = error.retryAfterSeconds;
  if (seconds === undefined || !(seconds > 0)) {
    return strings.ErrorThrottledSoon;
  }
  return seconds === 1 ? strings.ErrorThrottledOneSecond : format(strings.ErrorThrottled, Math.ceil(seconds));
}

/** Words a user can act on when the dashboard could not load. */
export function describeLoadError(error: unknown): string {
  return wordsForFailure(
    error,
    {
      forbidden: strings.LoadErrorForbidden,
      notFound: strings.LoadErrorNotFound,
      throttled,
      network: strings.LoadErrorNetwork,
      threshold: strings.ErrorThreshold
    },
    strings.LoadErrorUnknown
  );
}
