/**
 * Words for a failure by its kind, for the dashboard and the task pane alike: each screen says
 * what its own failures mean, in its own string file, and this picks the words. The server's own
 * message is never among them (it is written for logs, not for the people using the product).
 */
import { DataError, type DataErrorKind } from '../data/errors';

/** What to say for each kind of failure: the words, or a function making them from the error. */
export type WordsByKind = { readonly [K in DataErrorKind]?: string | ((error: DataError) => string) };

/**
 * The words for a failure: its kind's in the table, else `otherwise` (also for anything thrown
 * that is not a {@link DataError}: a fault of the product's, not of the site).
 */
export function wordsForFailure(error: unknown, byKind: WordsByKind, otherwise: string): string {
  if (!(error instanceof DataError)) {
    return otherwise;
  }
  const words: string | ((error: DataError) => string) | undefined = byKind[error.kind];
  return words === undefined ? otherwise : typeof words === 'string' ? words : words(error);
}
