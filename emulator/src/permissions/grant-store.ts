/** Permissions granted to holders (roles, or users directly), each a pair of an API identifier and a scope. */

/** A permission as the Management API names it in request bodies. */
export type PermissionRef = { readonly resource_server_identifier: string; readonly permission_name: string };

/** The permissions of each holder, in the order they were granted. */
export type GrantStore = {
  /** The holder's permissions (`[]` for none). */
  of(holder: string): readonly PermissionRef[];
  /** Adds permissions; one the holder has already is kept once. */
  grant(holder: string, permissions: readonly PermissionRef[]): void;
  /** Removes permissions; one the holder lacks is no fault. */
  revoke(holder: string, permissions: readonly PermissionRef[]): void;
  /** Drops every permission of a holder (a deleted role or user). */
  forget(holder: string): void;
  /** Drops the permissions of a deleted API from every holder. */
  forgetApi(identifier: string): void;
  /** The holders that hold a permission, in the order they were first granted one. */
  holders(): string[];
  clear(): void;
};

const keyOf = (permission: PermissionRef) =>
  JSON.stringify([permission.resource_server_identifier, permission.permission_name]);

/** A new, empty store. */
export function createGrantStore(): GrantStore {
  const grants = new Map<string, Map<string, PermissionRef>>();
  return {
    of: (holder) => [...(grants.get(holder)?.values() ?? [])],
    grant(holder, permissions) {
      let held = grants.get(holder);
      if (held === undefined) grants.set(holder, (held = new Map()));
      for (const { resource_server_identifier, permission_name } of permissions) {
        const permission = Object.freeze({ resource_server_identifier, permission_name });
        if (!held.has(keyOf(permission))) held.set(keyOf(permission), permission);
      }
    },
    revoke(holder, permissions) {
      const held = grants.get(holder);
      for (const permission of permissions) held?.delete(keyOf(permission));
    },
    forget: (holder) => void grants.delete(holder),
    forgetApi(identifier) {
      for (const held of grants.values()) {
        for (const [key, permission] of held)
          if (permission.resource_server_identifier === identifier) held.delete(key);
      }
    },
    holders: () => [...grants].filter(([, held]) => held.size > 0).map(([holder]) => holder),
    clear: () => grants.clear(),
  };
}
