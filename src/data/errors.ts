import { message, wordOf, type IMessage, type ReadDoing } from '../domain/messages';

/**
 * One typed error for everything that can go wrong between the product and SharePoint, with a
 * kind the UI can act on. Both repositories (PnPjs and Graph) throw only this.
 */

/** What went wrong, in terms the UI can act on. */
export type DataErrorKind =
  /** Someone else changed the item since it was read (HTTP 412); `current` holds their version. */
  | 'conflict'
  /** The user has no right to do this (HTTP 403). */
  | 'forbidden'
  /** The list or item does not exist (HTTP 404), e.g. deleted by someone else. */
  | 'notFound'
  /** SharePoint is throttling and the client's own retries ran out; `retryAfterSeconds` says when to try. */
  | 'throttled'
  /** The query hit the 5,000-item list view threshold. */
  | 'threshold'
  /** The data was refused as invalid, by the product's checks or by SharePoint. */
  | 'validation'
  /** The caller is not signed in (HTTP 401). */
  | 'unauthenticated'
  /** The period is locked; its records cannot change until the programme office reopens it. */
  | 'locked'
  /** SharePoint could not be reached. */
  | 'network'
  /** Anything else. */
  | 'unknown';

/** Details carried by a {@link DataError}. */
export interface IDataErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** For conflicts: the item as it is now on the server, with its ETag. */
  current?: unknown;
  /**
   * For validation: the field at fault, by its key — a field table's key (src/data/fields.ts), or
   * the option of a step it was given as (`overrideReason`, `boardMeetingDate`, a next phase's
   * `periodEnd`) — so that a form puts the refusal beside its field without matching words.
   */
  field?: string;
  /** SharePoint's or Graph's own error code and message, for logs (never shown as is). */
  serverCode?: string;
  serverMessage?: string;
  /**
   * A stable code for the exact failure, where the kind alone is too coarse for callers and
   * tests (e.g. "snapshotUnknownVersion"); never shown as is.
   */
  code?: string;
  cause?: unknown;
}

/**
 * The one error the data layer throws. The product's own refusals carry a {@link IMessage} (a
 * code, the field, the values) and are worded by the words the edge installed
 * (src/domain/messages.ts); SharePoint's and the transports' failures still carry text.
 */
export class DataError extends Error {
  public readonly kind: DataErrorKind;
  public readonly status?: number;
  public readonly retryAfterSeconds?: number;
  public readonly current?: unknown;
  public readonly field?: string;
  public readonly serverCode?: string;
  public readonly serverMessage?: string;
  /** A stable code for the exact failure, when the data layer gives one. */
  public readonly code?: string;
  /** The product's own refusal as code and values, when it is one (then `message` is its words). */
  public readonly detail?: IMessage;

  constructor(kind: DataErrorKind, message: string | IMessage, details: IDataErrorDetails = {}) {
    super(typeof message === 'string' ? message : '');
    if (typeof message !== 'string') {
      this.detail = message;
      // Worded when read, by the words installed at the edge.
      Object.defineProperty(this, 'message', { get: () => wordOf(message), enumerable: false, configurable: true });
    }
    this.name = 'DataError';
    this.kind = kind;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.current = details.current;
    this.field = details.field !== undefined ? details.field : typeof message === 'string' ? undefined : message.field;
    this.serverCode = details.serverCode;
    this.serverMessage = details.serverMessage;
    this.code = details.code !== undefined ? details.code : typeof message === 'string' ? undefined : message.code;
    Object.setPrototypeOf(this, DataError.prototype);
  }
}

/** True when the value is a {@link DataError} (of the given kind, if one is named). */
export function isDataError(e: unknown, kind?: DataErrorKind): e is DataError {
  return e instanceof DataError && (kind === undefined || e.kind === kind);
}

/**
 * A part of the data layer loaded on first use (the writes) that could not be fetched — the
 * connection dropped — as a network DataError, so the view says what to do about it: nothing
 * was written.
 */
export function partNotLoaded(): DataError {
  return new DataError('network', message('writesNotLoaded', {}));
}

/**
 * A part of the data layer that reads (loaded on first use: snapshots, close-downs) that could not
 * be fetched, as a network DataError: nothing is shown from it until it can be read.
 */
export function readerNotLoaded(): DataError {
  return new DataError('network', message('readerNotLoaded', {}));
}

/** What a read is doing, in the installed words, for its failure's message and the transport's ("read the period"). */
export function readAction(doing: ReadDoing, period?: string): string {
  return wordOf(message('readAction', period === undefined ? { doing } : { doing, period }));
}
