/**
 * Turns what SharePoint or Graph answered into a {@link DataError} with words people can act on.
 * The server's own message is kept for logs, never shown.
 */
import { DataError, type DataErrorKind } from './errors';

/** What is known of a failed HTTP call. */
export interface IFailedCall {
  status: number;
  body: string;
  retryAfter?: string | null;
  /** What the user was doing, for the message: "save the milestone". */
  action: string;
  current?: unknown;
}

function serverError(body: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body);
    const e = parsed['odata.error'] || parsed.error;
    if (!e) {
      return {};
    }
    return { code: e.code, message: typeof e.message === 'string' ? e.message : e.message && e.message.value };
  } catch {
    return {};
  }
}

function seconds(retryAfter: string | null | undefined): number | undefined {
  if (!retryAfter) {
    return undefined;
  }
  const n: number = parseInt(retryAfter, 10);
  if (!isNaN(n)) {
    return n;
  }
  const when: number = Date.parse(retryAfter);
  return isNaN(when) ? undefined : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/** The DataError for a failed call. */
export function errorFromResponse(call: IFailedCall): DataError {
  const { code, message } = serverError(call.body);
  const details = { status: call.status, serverCode: code, serverMessage: message || call.body.slice(0, 500) };
  const make = (kind: DataErrorKind, words: string, extra: object = {}): DataError => new DataError(kind, words, { ...details, ...extra });
  // The list view threshold: SharePoint REST answers 500 SPQueryThrottledException; Graph answers
  // 429 naming the threshold. Plain throttling (429/503 otherwise) is another matter: it passes.
  const isThreshold: boolean = /list view threshold/i.test(message || '') || (call.status === 500 && /SPQueryThrottledException/i.test(code || ''));
  if (isThreshold) {
    return make('threshold', `Could not ${call.action}: the list is too large for this query (SharePoint's 5,000-item list view threshold).`);
  }
  switch (call.status) {
    case 401:
      return make('unauthenticated', `Could not ${call.action}: you are signed out. Sign in again and retry.`);
    case 403:
      return make('forbidden', `Could not ${call.action}: you don't have permission. Ask the programme office if you need it.`);
    case 404:
      return make('notFound', `Could not ${call.action}: it no longer exists. Someone may have deleted it.`);
    case 409:
      // SharePoint's "Save Conflict" (another change landed at the same moment) and Graph's
      // conflicts: not bad data, so not a validation error — the caller reloads and tries again.
      return make('conflict', `Could not ${call.action}: someone else changed it at the same moment. Reload it and try again.`, { current: call.current });
    case 400: {
      const field: string | undefined = /field '([^']+)'/i.exec(message || '')?.[1] || /property '([^']+)'/i.exec(message || '')?.[1];
      return make('validation', `Could not ${call.action}: SharePoint refused the data${field ? ` in ${field}` : ''}.`, { field });
    }
    case 412:
      return make('conflict', `Could not ${call.action}: someone else changed it since you opened it.`, { current: call.current });
    case 429:
    case 503:
    case 504: {
      const wait: number | undefined = seconds(call.retryAfter);
      return make('throttled', `Could not ${call.action}: SharePoint is busy. Try again in ${wait || 'a few'} seconds.`, { retryAfterSeconds: wait });
    }
    default:
      return make('unknown', `Could not ${call.action}: SharePoint answered with an error (${call.status}).`);
  }
}

/** The DataError for a call that never reached the server. */
export function networkError(action: string, cause: unknown): DataError {
  return new DataError('network', `Could not ${action}: SharePoint could not be reached. Check your connection and try again.`, { cause, serverMessage: cause instanceof Error ? cause.message : String(cause) });
}
