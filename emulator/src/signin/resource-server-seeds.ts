/** The APIs a tenant starts with (`options.resourceServers`): checked, with the defaults `POST /resource-servers` gives. */
import { isPlainObject } from '../internal/is-plain-object.js';
import type { ResourceServer } from '../permissions/resource-server-store.js';
import { newApi } from '../permissions/new-api.js';

/**
 * An API of the tenant, in the shape `POST /api/v2/resource-servers` takes: its `identifier` is the `audience`
 * apps ask tokens for. `enforce_policies` is "Enable RBAC"; `token_dialect: 'access_token_authz'` is "Add
 * Permissions in the Access Token".
 *
 * @example
 * const api: EmulatorResourceServer = {
 *   identifier: 'https://api.example.com/',
 *   scopes: [{ value: 'read:posts' }],
 *   enforce_policies: true,
 *   token_dialect: 'access_token_authz',
 *   allow_offline_access: true,
 * };
 */
export type EmulatorResourceServer = {
  readonly identifier: string;
  readonly name?: string;
  readonly scopes?: readonly { readonly value: string; readonly description?: string }[];
  readonly enforce_policies?: boolean;
  readonly token_dialect?: 'access_token' | 'access_token_authz' | 'rfc9068_profile' | 'rfc9068_profile_authz';
  readonly allow_offline_access?: boolean;
  readonly token_lifetime?: number;
  readonly skip_consent_for_verifiable_first_party_clients?: boolean;
};

const DIALECTS = ['access_token', 'access_token_authz', 'rfc9068_profile', 'rfc9068_profile_authz'];
const BOOLEANS = ['enforce_policies', 'allow_offline_access', 'skip_consent_for_verifiable_first_party_clients'];
const KNOWN = new Set(['identifier', 'name', 'scopes', 'token_dialect', 'token_lifetime', ...BOOLEANS]);

/** The checked APIs, each with an id, in Auth0's recorded order of attributes. */
export function checkResourceServers(value: unknown): readonly ResourceServer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError('createEmulator: options.resourceServers must be an array');
  const identifiers = new Set<string>();
  return value.map((server: unknown, index) => {
    const where = `createEmulator: options.resourceServers[${index}]`;
    if (!isPlainObject(server)) throw new TypeError(`${where} must be an object`);
    const unknown = Object.keys(server).filter((key) => !KNOWN.has(key));
    if (unknown.length > 0) throw new TypeError(`${where}: the emulator does not take ${unknown.join(', ')}`);
    const { identifier, name, scopes, token_dialect: dialect, token_lifetime: lifetime } = server;
    if (typeof identifier !== 'string' || identifier === '')
      throw new TypeError(`${where}.identifier must be a non-empty string`);
    if (identifiers.has(identifier)) throw new TypeError(`${where}.identifier repeats ${identifier}`);
    identifiers.add(identifier);
    if (name !== undefined && (typeof name !== 'string' || name === '' || /[<>]/.test(name)))
      throw new TypeError(`${where}.name must be a non-empty string without < or >`);
    const checkedScopes = checkScopes(scopes, `${where}.scopes`);
    if (dialect !== undefined && !DIALECTS.includes(dialect as string))
      throw new TypeError(`${where}.token_dialect must be one of ${DIALECTS.join(', ')}`);
    if (
      lifetime !== undefined &&
      !(Number.isInteger(lifetime) && (lifetime as number) >= 0 && (lifetime as number) <= 2_592_000)
    )
      throw new TypeError(`${where}.token_lifetime must be an integer from 0 to 2592000`);
    for (const key of BOOLEANS) {
      if (server[key] !== undefined && typeof server[key] !== 'boolean')
        throw new TypeError(`${where}.${key} must be a boolean`);
    }
    // Auth0's defaults, as POST /resource-servers answers them; what is given replaces them.
    return newApi({ ...server, identifier, ...(checkedScopes === undefined ? {} : { scopes: checkedScopes }) });
  });
}

function checkScopes(value: unknown, where: string): { value: string; description?: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(`${where} must be an array of { value, description? }`);
  return value.map((scope: unknown, index) => {
    if (!isPlainObject(scope) || typeof scope['value'] !== 'string' || scope['value'] === '')
      throw new TypeError(`${where}[${index}].value must be a non-empty string`);
    if (scope['description'] !== undefined && typeof scope['description'] !== 'string')
      throw new TypeError(`${where}[${index}].description must be a string`);
    return typeof scope['description'] === 'string'
      ? { value: scope['value'], description: scope['description'] }
      : { value: scope['value'] };
  });
}
