/** An API as Auth0 stores a new one, from `POST /resource-servers` or `options.resourceServers`. */
import { randomHex } from '../random-hex.js';
import type { ResourceServer } from './resource-server-store.js';

/**
 * What Auth0 gives every new API, in its recorded order (terraform-provider-auth0
 * test/data/recordings/TestAccResourceServer.yaml, 2026: `POST {"identifier": …}` → 201 with these and no `name`).
 * `subject_type_authorization` is in every answer recorded from August 2025 on and in none before; the emulator
 * answers it, as the newer recordings do.
 */
const DEFAULTS = {
  allow_offline_access: false,
  skip_consent_for_verifiable_first_party_clients: false,
  subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'require_client_grant' } },
  token_lifetime: 86400,
  token_lifetime_for_web: 7200,
  signing_alg: 'RS256',
} as const;

/** What a new API is given (checked): its identifier, and any other attribute but `null`s, which are not kept. */
export type GivenApi = {
  readonly identifier: string;
  readonly name?: string;
  readonly subject_type_authorization?: Readonly<Record<string, unknown>>;
  readonly [attribute: string]: unknown;
};

/**
 * A new API: a new id, the name it was given (none is invented), its identifier, Auth0's defaults, then what it was
 * given. A half of `subject_type_authorization` not given keeps its default (a decision).
 */
export function newApi(given: GivenApi): ResourceServer {
  const kept = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null));
  return {
    id: randomHex(12),
    ...(given.name === undefined ? {} : { name: given.name }),
    identifier: given.identifier,
    ...DEFAULTS,
    ...kept,
    subject_type_authorization: { ...DEFAULTS.subject_type_authorization, ...given.subject_type_authorization },
  };
}
