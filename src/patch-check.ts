/**
 * Compile-time checks of a PATCH body, for what the `UserPatch` constraint alone lets through: root attributes a
 * PATCH may not write (an inferred patch type may carry extra keys), metadata key names with `.` or `$` at any
 * depth, and reserved first-level `app_metadata` names, wherever the key is a literal.
 */
import type { ReservedAppMetadataName } from './attributes.js';
import type { JsonInput, UserPatch } from './types.js';

/** A key name Auth0 refuses in metadata: one containing `.` or `$`. */
type ForbiddenKey = `${string}.${string}` | `${string}$${string}`;

/**
 * A JSON value whose literal keys contain no `.` or `$`, at any depth; a refused key becomes `never`. A value
 * typed as widely as any JSON has no literal keys to check.
 */
type CheckKeys<V> = JsonInput extends V
  ? V
  : V extends readonly unknown[]
    ? { [I in keyof V]: CheckKeys<V[I]> }
    : V extends object
      ? { [K in keyof V]: K extends ForbiddenKey ? never : CheckKeys<V[K]> }
      : V;

type CheckMetadata<M, Reserved> = {
  [K in keyof M]: K extends ForbiddenKey | Reserved ? never : CheckKeys<M[K]>;
};

/**
 * The type a patch of type `P` must also have: every root key one a PATCH may write, and metadata keys Auth0
 * accepts. A refused key's type is `never`, so a literal patch that has one does not compile.
 *
 * @example
 * declare function update<P extends UserPatch>(patch: P & CheckPatch<P>): void;
 * update({ user_metadata: { color: 'pink' } }); // compiles
 * // @ts-expect-error user_id is read-only
 * update({ user_id: 'auth0|1', blocked: true });
 */
export type CheckPatch<P> = 0 extends 1 & P ? P : UserPatch extends P ? P : CheckKnownPatch<P>;

/** {@link CheckPatch} for a patch type narrower than `UserPatch` (so not `any` either). */
type CheckKnownPatch<P> = {
  // A key known only as `string` (an index signature, a computed key) is checked at run time.
  [K in keyof P]: string extends K
    ? P[K]
    : K extends 'user_metadata'
      ? CheckMetadata<P[K], never>
      : K extends 'app_metadata'
        ? CheckMetadata<P[K], ReservedAppMetadataName>
        : K extends keyof UserPatch
          ? P[K]
          : never;
};
