/** The one way tests expect an error: run, fail when nothing is thrown, check the class, return the error. */
import { expect } from 'vitest';

// Classes whose constructors take any arguments (PatchError, UnreachableUserError, TypeError, …).
type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * The error `run` throws, checked to be an instance of `type` (an `Error` when no class is given); fails the test when
 * `run` returns. Pass the class of the build under test (`library.PatchError`), not one imported from the source.
 */
export function thrownBy<E = Error>(run: () => unknown, type?: ErrorClass<E>): E {
  let returned: unknown;
  try {
    returned = run();
  } catch (error) {
    expect(error).toBeInstanceOf(type ?? Error);
    return error as E;
  }
  return expect.fail(`expected an error to be thrown, but it returned ${JSON.stringify(returned)}`);
}
