/**
 * Why {@link Emulator.signIn} could not sign a user in: Auth0's OAuth error, as the app would have received it
 * (on its callback, or from the token endpoint).
 *
 * @example
 * try {
 *   await auth0.signIn({ userId: 'auth0|blocked' });
 * } catch (error) {
 *   if (error instanceof SignInError) error.body; // { error: 'unauthorized', error_description: 'user is blocked' }
 * }
 */
export class SignInError extends Error {
  /**
   * `'SignInError'`, also when the error comes from another copy of the package.
   *
   * @example
   * const refused = (error: unknown) => (error as Error | undefined)?.name === 'SignInError';
   */
  override readonly name = 'SignInError';
  /**
   * Auth0's body: `{ error, error_description }`.
   *
   * @example
   * new SignInError('access_denied', 'Please verify your email before logging in.').body.error; // 'access_denied'
   */
  readonly body: { readonly error: string; readonly error_description: string };

  constructor(error: string, description: string) {
    super(`${error}: ${description}`);
    this.body = Object.freeze({ error, error_description: description });
  }
}
