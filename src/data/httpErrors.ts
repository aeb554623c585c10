/**
 * Turns what SharePoint or Graph answered into a {@link DataError} with words people can act on.
 * The server's own message is kept for logs, never shown.
 */
import { message, type IMessage } from '../domain/messages';
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
  const { code, message: serverMessage } = serverError(call.body);
  const details = { status: call.status, serverCode: code, serverMessage: serverMessage || call.body.slice(0, 500) };
  const make = (kind: DataErrorKind, said: IMessage, extra: object = {}): DataError => new DataError(kind, said, { ...details, ...extra });
  const { action } = call;
  // Too many lookup and person columns in one query (SharePoint's lookup threshold, 12): the same
  // 500 SPQueryThrottledException as the list view threshold but another HRESULT and its own
  // words. Not the list view threshold: reading the whole list instead would be refused the same.
  if (/-2147024749\b/.test(code || '') || /lookup column threshold/i.test(serverMessage || '')) {
    return make('unknown', message('lookupThreshold', { action }));
  }
  // The list view threshold: SharePoint REST answers 500 SPQueryThrottledException; Graph answers
  // 429 naming the threshold. Plain throttling (429/503 otherwise) is another matter: it passes.
  const isThreshold: boolean = /list view threshold/i.test(serverMessage || '') || (call.status === 500 && /SPQueryThrottledException/i.test(code || ''));
  if (isThreshold) {
    return make('threshold', message('listThreshold', { action }));
  }
  switch (call.status) {
    case 401:
      return make('unauthenticated', message('signedOut', { action }));
    case 403:
      return make('forbidden', message('noPermission', { action }));
    case 404:
      return make('notFound', message('recordGone', { action }));
    case 409:
      // SharePoint's "Save Conflict" (another change landed at the same moment) and Graph's
      // conflicts: not bad data, so not a validation error — the caller reloads and tries again.
      // UNCONFIRMED: the emulator never answers 409 to a save; SharePoint's code for it
      // (-2130575305 in community reports) is not relied on, only the status.
      return make('conflict', message('savedAtSameMoment', { action }), { current: call.current });
    case 400: {
      const field: string | undefined = /field '([^']+)'/i.exec(serverMessage || '')?.[1] || /property '([^']+)'/i.exec(serverMessage || '')?.[1];
      return make('validation', message('refusedData', { action, field }, field));
    }
    case 412:
      return make('conflict', message('changedSinceOpened', { action }), { current: call.current });
    case 429:
    case 503:
    case 504: {
      const wait: number | undefined = seconds(call.retryAfter);
      return make('throttled', message('busy', { action, seconds: wait }), { retryAfterSeconds: wait });
    }
    default:
      return make('unknown', message('serverError', { action, status: call.status }));
  }
}

/** The DataError for a call that never reached the server. */
export function networkError(action: string, cause: unknown): DataError {
  return new DataError('network', message('unreachable', { action }), { cause, serverMessage: cause instanceof Error ? cause.message : String(cause) });
}
