/**
 * A short, obviously correct model of Auth0's PATCH merge, for differential tests. It assumes a valid patch and
 * favours plainness over speed: Maps keep Auth0's key order (existing keys stay in place, new keys go last).
 */
const NOT_STORED = new Set(['password', 'connection', 'client_id', 'verify_email', 'verify_phone_number']);

export function modelApply(user: object, patch: Record<string, unknown>, now?: Date): Record<string, unknown> {
  const result = new Map<string, unknown>(Object.entries(user));
  for (const [key, value] of Object.entries(patch)) {
    if (NOT_STORED.has(key)) continue;
    if (key === 'user_metadata' || key === 'app_metadata') {
      const changes = Object.entries(value as object);
      const existing = result.get(key);
      const metadata = new Map<string, unknown>(
        changes.length === 0 || existing == null ? [] : Object.entries(existing),
      );
      for (const [name, entry] of changes) {
        if (entry === null) metadata.delete(name);
        else metadata.set(name, structuredClone(entry));
      }
      if (metadata.size === 0 && key === 'app_metadata') result.delete(key);
      else result.set(key, Object.fromEntries(metadata));
    } else if (value === null) {
      result.delete(key);
    } else {
      result.set(key, value);
    }
  }
  if (now !== undefined) {
    result.set('updated_at', now.toISOString());
    if (typeof patch['password'] === 'string') result.set('last_password_reset', now.toISOString());
  }
  return Object.fromEntries(result);
}
