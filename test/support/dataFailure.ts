import { isDataError, type DataError } from '../../src/data/errors';

/** The DataError a call fails with; anything else it throws is rethrown, and success is a failure of the test. */
export async function failure(work: Promise<unknown>): Promise<DataError> {
  try {
    await work;
  } catch (e) {
    if (isDataError(e)) {
      return e;
    }
    throw e;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
