/** The syntax tree of an Auth0 user search query (`q` of `GET /api/v2/users?search_engine=v3`). */

/** A field name as written in the query, e.g. `email`, `identities.connection`, `app_metadata.plan`. */
export type FieldName = string;

/** The whole query is empty: every user matches. */
export interface MatchAll {
  readonly kind: 'all';
}

/** An unquoted word without `*`: the whole field value equals it. `field` is null for a term without a field name. */
export interface TermQuery {
  readonly kind: 'term';
  readonly field: FieldName | null;
  readonly value: string;
}

/** A double-quoted phrase: the whole field value equals it; `*` inside is literal. */
export interface PhraseQuery {
  readonly kind: 'phrase';
  readonly field: FieldName | null;
  readonly value: string;
}

/** A word with unescaped `*`: `parts` are the literal pieces between the stars (`jo*n*` is `['jo', 'n', '']`). */
export interface WildcardQuery {
  readonly kind: 'wildcard';
  readonly field: FieldName | null;
  readonly parts: readonly string[];
}

/** `[a TO b]`, `{a TO b}`, mixed brackets, or `>a`/`>=a`/`<a`/`<=a`; a null bound is `*` (open). */
export interface RangeQuery {
  readonly kind: 'range';
  readonly field: FieldName;
  readonly lower: string | null;
  readonly lowerInclusive: boolean;
  readonly upper: string | null;
  readonly upperInclusive: boolean;
}

/** `_exists_:field`: the field has at least one indexed (non-null) value. */
export interface ExistsQuery {
  readonly kind: 'exists';
  readonly field: FieldName;
}

/** `a AND b AND …` (two clauses or more). */
export interface AndQuery {
  readonly kind: 'and';
  readonly clauses: readonly UserQuery[];
}

/** `a OR b …`, or terms side by side (the implicit operator); two clauses or more. */
export interface OrQuery {
  readonly kind: 'or';
  readonly clauses: readonly UserQuery[];
}

/** `NOT a`. */
export interface NotQuery {
  readonly kind: 'not';
  readonly clause: UserQuery;
}

/** A leaf of the tree: a test on one field (or on the default fields). */
export type FieldQuery = TermQuery | PhraseQuery | WildcardQuery | RangeQuery | ExistsQuery;

/** A parsed user search query. Parentheses leave no node: the tree's shape is the grouping. */
export type UserQuery = MatchAll | FieldQuery | AndQuery | OrQuery | NotQuery;
