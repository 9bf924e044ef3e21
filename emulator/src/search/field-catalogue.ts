/** Which fields user search v3 can search, and how each one compares (sources in README-sources.md). */
import { SearchQueryError } from './search-query-error.js';

/** How a field's values compare: `text-ci` is case-insensitive text; `metadata` takes its type from each stored value. */
export type FieldType = 'text' | 'text-ci' | 'boolean' | 'integer' | 'date' | 'metadata';

/** The normalized user fields that are case-insensitive; every other field is case-sensitive. */
const CASE_INSENSITIVE_FIELDS = ['email', 'name', 'given_name', 'family_name', 'nickname', 'email.domain'];

const FIXED_FIELD_TYPES: ReadonlyMap<string, FieldType> = new Map<string, FieldType>([
  ...CASE_INSENSITIVE_FIELDS.map((field): [string, FieldType] => [field, 'text-ci']),
  ...['user_id', 'username', 'phone_number', 'picture', 'last_ip', 'organization_id', 'multifactor'].map(
    (field): [string, FieldType] => [field, 'text'],
  ),
  ...['identities.connection', 'identities.provider', 'identities.user_id'].map((field): [string, FieldType] => [
    field,
    'text',
  ]),
  ...['email_verified', 'phone_verified', 'blocked', 'identities.isSocial'].map((field): [string, FieldType] => [
    field,
    'boolean',
  ]),
  ['logins_count', 'integer'],
  ...['created_at', 'updated_at', 'last_login', 'last_password_reset'].map((field): [string, FieldType] => [
    field,
    'date',
  ]),
]);

/** The fields a term without a field name is looked for in (never metadata). */
export const DEFAULT_FIELDS: readonly string[] = [
  'email',
  'name',
  'given_name',
  'family_name',
  'nickname',
  'username',
  'user_id',
  'phone_number',
];

/** The roots under which any path is a metadata field. */
const METADATA_ROOTS = ['app_metadata', 'user_metadata'];

/** The type of a searchable field, or Auth0's refusal of a field it does not search. */
export function fieldType(field: string): FieldType {
  const fixed = FIXED_FIELD_TYPES.get(field);
  if (fixed !== undefined) return fixed;
  const root = field.split('.')[0] as string;
  if (METADATA_ROOTS.includes(root) && !field.split('.').includes('')) return 'metadata';
  if (field === 'connection') {
    throw new SearchQueryError('The field connection is not supported by search engine v3: use identities.connection');
  }
  if (field.endsWith('.raw')) {
    throw new SearchQueryError(
      `The .raw field extension is not supported by search engine v3: use ${field.slice(0, -'.raw'.length)}`,
    );
  }
  throw new SearchQueryError(`The field ${field} is not searchable`);
}
