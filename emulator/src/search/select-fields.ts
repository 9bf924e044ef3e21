/** The `fields` and `include_fields` parameters of `GET /api/v2/users`, `/users/{id}` and `/users-by-email`. */

/**
 * The user with only the listed fields (include_fields true, the default) or without them (false); no `fields`, the
 * user itself (its answer is serialized, never changed: nothing to copy).
 */
export function selectFields(
  user: Readonly<Record<string, unknown>>,
  fields: string | undefined,
  includeFields: boolean | undefined,
): Readonly<Record<string, unknown>> {
  if (fields === undefined || fields.trim() === '') return user;
  const names = new Set(
    (fields ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
  const keep = names.size === 0 ? () => true : (key: string) => names.has(key) === (includeFields ?? true);
  return Object.fromEntries(Object.entries(user).filter(([key]) => keep(key)));
}
