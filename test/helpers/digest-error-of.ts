/** Awaits a promise expected to reject with a DigestError and returns that error (anything else fails the test). */
import { DigestError } from '../../src/errors.ts';

export async function digestErrorOf(promise: Promise<unknown>): Promise<DigestError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DigestError) return err;
    throw err;
  }
  throw new Error('expected a DigestError, but the call succeeded');
}

/** The DigestError a synchronous call throws (anything else, or no throw, fails the test). */
export function digestErrorOfCall(fn: () => unknown): DigestError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DigestError) return err;
    throw err;
  }
  throw new Error('expected a DigestError, but the call returned');
}
