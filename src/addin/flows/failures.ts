/**
 * Failures in words an officer can act on. The data layer's DataError messages are written for
 * users and are shown as they are, except where the pane has better advice (signed out, no
 * access, throttled). Word's errors are told apart by their code; Word's own message is never shown.
 */
import { DataError } from '../../data/errors';
import { SignInNotConfiguredError } from '../auth/tokens';
import { format } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';

/** A failure as the pane shows it. */
export interface IFailure {
  text: string;
  /** Offer a Sign in button. */
  signIn?: boolean;
  /** Trying again cannot help (the add-in is not set up for this): offer no Try again. */
  final?: boolean;
}

/** The codes Word's API errors carry (OfficeExtension.Error.code). */
interface IWordError {
  code: string;
  name?: string;
}

function isWordError(e: unknown): e is IWordError {
  const w = e as IWordError;
  return !!w && typeof w === 'object' && typeof w.code === 'string' && !(e instanceof DataError) && /OfficeExtension|RichApi/i.test(String(w.name || ''));
}

/** MSAL's errors (a pop-up closed or blocked, consent refused) and the sign-in dialog's carry these names. */
function isSignInError(e: unknown): boolean {
  const name: string = e instanceof Error ? e.name : '';
  return /^(BrowserAuthError|InteractionRequiredAuthError|AuthError|ServerError|NestedAppAuthError|ClientAuthError|SignInDialogError)$/.test(name);
}

function throttled(seconds: number | undefined): string {
  if (seconds === undefined || !(seconds > 0)) {
    return STRINGS.ErrorThrottledSoon;
  }
  const whole: number = Math.ceil(seconds);
  return whole === 1 ? STRINGS.ErrorThrottledOne : format(STRINGS.ErrorThrottled, whole);
}

/** What to tell the officer about a failure. */
export function describeFailure(e: unknown): IFailure {
  if (e instanceof SignInNotConfiguredError) {
    return { text: STRINGS.ErrorSignInNotConfigured, final: true };
  }
  if (isSignInError(e)) {
    return { text: STRINGS.ErrorSignInFailed, signIn: true };
  }
  if (e instanceof DataError) {
    switch (e.kind) {
      case 'unauthenticated':
        return { text: STRINGS.ErrorSignedOut, signIn: true };
      case 'forbidden':
        return { text: STRINGS.ErrorForbidden };
      case 'throttled':
        return { text: throttled(e.retryAfterSeconds) };
      case 'network':
        return { text: e.message || STRINGS.ErrorNetwork };
      default:
        return { text: e.message || STRINGS.ErrorUnknown };
    }
  }
  if (isWordError(e)) {
    switch (e.code) {
      case 'AccessDenied':
      case 'NotAllowed':
        return { text: STRINGS.ErrorWordDenied };
      case 'InvalidArgument':
      case 'InvalidSelection':
      case 'InsertDeleteConflict':
        return { text: STRINGS.ErrorWordPlace };
      case 'RequestPayloadSizeLimitExceeded':
        return { text: STRINGS.ErrorWordTooLarge };
      case 'ActivityLimitReached':
      case 'ServiceNotAvailable':
        return { text: STRINGS.ErrorWordBusy };
      default:
        return { text: format(STRINGS.ErrorWordUnknown, e.code) };
    }
  }
  return { text: STRINGS.ErrorUnknown };
}
