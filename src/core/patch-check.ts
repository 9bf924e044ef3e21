/**
 * Compile-time checks of a PATCH body, for what the `UserPatch` constraint alone lets through: root attributes a
 * PATCH may not write (an inferred patch type may carry extra keys), metadata key names with `.` or `$` at any
 * depth, and reserved first-level `app_metadata` names, wherever the key is a literal.
 */
import type { ROOT_ATTRIBUTES } from './schema.js';
import type { JsonInput, UserPatch } from './types.js';

/** The metadata objects of the schema. */
type MetadataKey = {
  [K in keyof typeof ROOT_ATTRIBUTES]: (typeof ROOT_ATTRIBUTES)[K]['type'] extends 'metadata' ? K : never;
}[keyof typeof ROOT_ATTRIBUTES];

/** A key name Auth0 refuses in metadata: one containing `.` or `$`. */
type ForbiddenKey = `${string}.${string}` | `${string}$${string}`;

/**
 * The type a refused key's value must also have: a brand no JSON value carries, named by the rule, so tsc's message
 * says why: `Type 'string' is not assignable to type 'string & RefusedKey<"app_metadata key 'email' is reserved by
 * Auth0">'`.
 */
type RefusedKey<Rule extends string> = { readonly 'refused by Auth0': Rule };

/** The rule a metadata key breaks (`Reserved` being the names `Owner` reserves where it is), or `never`. */
type MetadataKeyRule<K, Reserved, Owner extends string> = K extends ForbiddenKey
  ? `metadata key '${K}' must not contain '.' or '$'`
  : K extends Reserved
    ? `${Owner} key '${K & string}' is reserved by Auth0`
    : never;

/** The rule a root key breaks (read-only, or no attribute of a user), or `never`. */
type RootKeyRule<K> = string extends K
  ? never
  : K extends keyof UserPatch
    ? never
    : `'${K & (string | number)}' is not an attribute a PATCH may write`;

/**
 * A key's type: `Else` when it breaks no rule, else its value branded with the rule. `null` cannot carry a brand
 * (`null & {...}` is `never`), so a refused key set to `null` keeps its type, and {@link NullRefusals} names the rule.
 */
type Refuse<V, Rule extends string, Else> = [Rule] extends [never]
  ? Else
  : [V] extends [null]
    ? V
    : V & RefusedKey<Rule>;

/**
 * For each key of `T` set to `null` that breaks a rule: a required property named by the rule, so tsc's message is
 * `Property '"app_metadata key 'email' is reserved by Auth0"' is missing`.
 */
type NullRefusals<T, Rule extends Record<keyof T, string>> = {
  [K in keyof T as [T[K]] extends [null] ? Rule[K] : never]-?: RefusedKey<Rule[K]>;
};

/** The rule of each key of metadata `M`, or `never`. */
type MetadataRules<M, Reserved, Owner extends string> = { [K in keyof M]: MetadataKeyRule<K, Reserved, Owner> };

/**
 * A JSON value whose literal keys contain no `.` or `$`, at any depth; a refused key's type is branded with the
 * rule. A value typed as widely as any JSON has no literal keys to check.
 */
type CheckKeys<V> = JsonInput extends V
  ? V
  : V extends readonly unknown[]
    ? { [I in keyof V]: CheckKeys<V[I]> }
    : V extends object
      ? CheckMetadata<V, never, never>
      : V;

/** Metadata `M` whose literal keys break no rule (`Reserved` being the names `Owner` reserves in it), at any depth. */
type CheckMetadata<M, Reserved, Owner extends string> = M extends object
  ? { [K in keyof M]: Refuse<M[K], MetadataKeyRule<K, Reserved, Owner>, CheckKeys<M[K]>> } & NullRefusals<
      M,
      MetadataRules<M, Reserved, Owner>
    >
  : M;

/**
 * The type a patch of type `P` must also have: every root key one a PATCH may write, and metadata keys Auth0
 * accepts. A refused key's type is branded with the rule it breaks (`RefusedKey<"...">`), so a literal patch that
 * has one does not compile, and tsc's message says why.
 *
 * @example
 * declare function update<P extends UserPatch>(patch: P & CheckPatch<P>): void;
 * update({ user_metadata: { color: 'pink' } }); // compiles
 * // @ts-expect-error 'user_id' is not an attribute a PATCH may write
 * update({ user_id: 'auth0|1', blocked: true });
 * // @ts-expect-error app_metadata key 'email' is reserved by Auth0
 * update({ app_metadata: { email: 'jane@example.com' } });
 */
export type CheckPatch<P> = 0 extends 1 & P ? P : UserPatch extends P ? P : CheckKnownPatch<P>;

/** {@link CheckPatch} for a patch type narrower than `UserPatch` (so not `any` either). */
type CheckKnownPatch<P> = {
  // A key known only as `string` (an index signature, a computed key) is checked at run time.
  [K in keyof P]: string extends K
    ? P[K]
    : K extends MetadataKey
      ? CheckMetadata<P[K], (typeof ROOT_ATTRIBUTES)[K]['reservedNames'][number], K>
      : Refuse<P[K], RootKeyRule<K>, P[K]>;
} & NullRefusals<P, { [K in keyof P]: RootKeyRule<K> }>;
