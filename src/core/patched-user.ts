/**
 * The merge rules at the type level: the user {@link applyPatch} returns, computed from the types of the user, the
 * patch and the options.
 */
import type { EmptyObject, Simplify } from 'type-fest';
import type { AttributeName, ROOT_ATTRIBUTES } from './schema.js';
import type { ApplyOptions, Auth0User, UserPatch } from './types.js';

type Schema = typeof ROOT_ATTRIBUTES;

/** Attributes that steer the request and are never stored. */
type Steering = { [K in AttributeName]: Schema[K]['stored'] extends false ? K : never }[AttributeName];

/** The metadata objects, merged one level deep. */
type MetadataKey = { [K in AttributeName]: Schema[K]['type'] extends 'metadata' ? K : never }[AttributeName];

/** The metadata objects that leave the user when emptied. */
type RemovedWhenEmptied = { [K in MetadataKey]: Schema[K]['emptied'] extends 'removed' ? K : never }[MetadataKey];

/** Keys of an object type whose value is exactly `null`: the ones a patch deletes or unsets. */
type NullKeys<T> = { [K in keyof T]-?: [T[K]] extends [null] ? K : never }[keyof T];

/** Keys of an object type whose value may or may not be `null`. */
type MaybeNullKeys<T> = { [K in keyof T]-?: [T[K]] extends [null] ? never : null extends T[K] ? K : never }[keyof T];

/**
 * Writes a patch over a base type one level deep: keys the patch sets take the patch's type, keys it sets to
 * `null` go, keys that may be `null` become optional, and the rest of the base stays.
 */
type Overwrite<Base, Changes> = {
  [K in keyof Base as K extends keyof Changes ? never : K]: Base[K];
} & {
  [K in keyof Changes as K extends NullKeys<Changes> | MaybeNullKeys<Changes> ? never : K]: Changes[K];
} & {
  [K in keyof Changes as K extends MaybeNullKeys<Changes> ? K : never]?: Exclude<Changes[K], null>;
};

/** The object type of a user's metadata, one without keys when the user has none. */
type ExistingMetadata<U, K extends MetadataKey> = K extends keyof U ? Exclude<U[K], undefined> : Record<never, never>;

/** Whether metadata ends up without keys: cleared by `{}`, or every key deleted by `null`. */
type IsEmptied<Existing, Changes> = [keyof Changes] extends [never]
  ? true
  : [keyof Overwrite<Existing, Changes>] extends [never]
    ? true
    : false;

/** Metadata after a patch: a first-level merge, or an empty object. */
type MergedMetadata<Existing, Changes> =
  IsEmptied<Existing, Changes> extends true ? EmptyObject : Simplify<Overwrite<Existing, Changes>>;

/** The metadata attributes of the result: an emptied one that the schema removes leaves the user. */
type MetadataAttributes<U, P> = {
  [
    K in MetadataKey & keyof P as K extends RemovedWhenEmptied
      ? IsEmptied<ExistingMetadata<U, K>, Exclude<P[K], undefined>> extends true
        ? never
        : K
      : K
  ]: MergedMetadata<ExistingMetadata<U, K>, Exclude<P[K], undefined>>;
};

/** The stored root attributes a patch writes (steering attributes and metadata aside). */
type RootChanges<P> = {
  [K in keyof P as K extends Steering | MetadataKey ? never : K]: K extends 'email' | 'username'
    ? MaybeLowerCased<P[K]>
    : P[K];
};

/** A string the user's connection may store in lower case (rule 21): as sent, or lower-cased. */
type MaybeLowerCased<V> = V extends string ? V | Lowercase<V> : V;

/** The attributes `options.now` stamps: `updated_at`, and `last_password_reset` for a new password. */
type Stamps<P, O> = O extends { now: Date }
  ? P extends { password: string }
    ? { updated_at: string; last_password_reset: string }
    : { updated_at: string }
  : unknown;

/**
 * The user {@link applyPatch} returns for a user of type `U`, a patch of type `P` and options of type `O`:
 * root attributes take the patch's type (a nullable one set to `null` disappears; `email` and `username` may also be
 * their lower case, which a database user's connection stores); metadata is merged at the
 * first level (nested values take the patch's type whole, keys set to `null` disappear, `{}` leaves an empty
 * `user_metadata` and no `app_metadata`); steering attributes are not stored. When the user is only known as
 * `Auth0User` or the patch as `UserPatch`, or either has an index signature (keys not known one by one), the
 * result is `Auth0User`.
 *
 * @example
 * type After = PatchedUser<
 *   { email: string; user_metadata: { hobby: string; addresses: { home: string } } },
 *   { user_metadata: { addresses: { work: string } }; email: null }
 * >;
 * // { user_metadata: { hobby: string; addresses: { work: string } } }
 */
export type PatchedUser<U, P, O = ApplyOptions> = Auth0User extends U
  ? Auth0User
  : UserPatch extends P
    ? Auth0User
    : string extends keyof U | keyof P
      ? Auth0User
      : Simplify<
          Overwrite<{ [K in keyof U as K extends MetadataKey & keyof P ? never : K]: U[K] }, RootChanges<P>> &
            MetadataAttributes<U, P> &
            Stamps<P, O>
        >;
