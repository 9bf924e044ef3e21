/** The tenant's APIs (resource servers): the permissions (scopes) roles and users can be granted. */

/** A scope an API defines. */
export type ResourceServerScope = { readonly value: string; readonly description?: string };

/**
 * An API as the Management API answers it (the emulator keeps the attributes it was given and Auth0's defaults).
 * One created without a `name` has none (recorded).
 */
export type ResourceServer = {
  readonly id: string;
  readonly name?: string;
  readonly identifier: string;
  readonly scopes?: readonly ResourceServerScope[];
  readonly [attribute: string]: unknown;
};

/** The APIs by id, in the order they were created. */
export type ResourceServerStore = {
  /** By id or by identifier (audience), as `GET /resource-servers/{id}` finds them. */
  find(idOrIdentifier: string): ResourceServer | undefined;
  list(): ResourceServer[];
  put(server: ResourceServer): ResourceServer;
  delete(id: string): boolean;
  clear(): void;
};

/** A new, empty store. */
export function createResourceServerStore(): ResourceServerStore {
  const servers = new Map<string, ResourceServer>();
  return {
    find(idOrIdentifier) {
      const byId = servers.get(idOrIdentifier);
      if (byId !== undefined) return byId;
      for (const server of servers.values()) if (server.identifier === idOrIdentifier) return server;
      return undefined;
    },
    list: () => [...servers.values()],
    put(server) {
      const frozen = Object.freeze({
        ...server,
        ...(server.scopes === undefined
          ? {}
          : { scopes: Object.freeze(server.scopes.map((scope) => Object.freeze({ ...scope }))) }),
      });
      servers.set(server.id, frozen);
      return frozen;
    },
    delete: (id) => servers.delete(id),
    clear: () => servers.clear(),
  };
}
