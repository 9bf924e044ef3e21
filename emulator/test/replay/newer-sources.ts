/**
 * Where a recording and a newer source of Auth0's disagree, the emulator follows the newer source; a recording made
 * before that source then differs in that one way, which the replay allows by date. Each entry says what the
 * emulator does and why, the date from which the recordings show it (older recordings may show the older answer),
 * and exactly which difference it allows. Every entry must allow at least one recorded difference (the replay test
 * fails on one that no longer does).
 */
import type { Difference } from './compare.js';
import type { RecordedInteraction } from './recordings.js';

export type NewerSource = {
  readonly id: string;
  /** What the emulator answers, and the source it follows. */
  readonly decision: string;
  /** Recordings made before this day may show the older answer. */
  readonly since: string;
  /** Whether this difference of this interaction is the older answer. */
  readonly allows: (difference: Difference, interaction: RecordedInteraction) => boolean;
};

const RESOURCE_SERVER_ROUTES = [
  'POST /resource-servers',
  'GET /resource-servers',
  'GET /resource-servers/{id}',
  'PATCH /resource-servers/{id}',
];
const ROLE_ROUTES = ['POST /roles', 'GET /roles', 'GET /roles/{id}', 'PATCH /roles/{id}'];

/** An API (resource server) in an answer: the body itself, an item of a bare list, or one of `resource_servers`. */
const API_AT = String.raw`^\$(?:\[\d+\]|\.resource_servers\[\d+\])?`;

/** The recorded value at a JSON path's prefix (`$.resource_servers[0]`), to tell which API a difference is in. */
function recordedAt(body: unknown, path: string): unknown {
  let value = body;
  for (const [, key, index] of path.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key ?? index ?? ''];
  }
  return value;
}

export const NEWER_SOURCES: readonly NewerSource[] = [
  {
    id: 'subject-type-authorization',
    decision:
      'Every API answers `subject_type_authorization` (a new one `{ user: { policy: "allow_all" }, client: { policy: ' +
      '"require_client_grant" } }`), as every answer recorded from August 2025 on has it (terraform-provider-auth0 ' +
      'TestAccClientGrant_DefaultFor.yaml, go-auth0 TestClientGrantManager_Create.yaml, 2025-08-07); the answers ' +
      'recorded up to April 2025 have none.',
    since: '2025-08-07',
    allows: (difference, interaction) =>
      RESOURCE_SERVER_ROUTES.includes(interaction.route ?? '') &&
      difference.kind === 'extra' &&
      new RegExp(`${API_AT}\\.subject_type_authorization$`).test(difference.path),
  },
  {
    id: 'management-api-scopes',
    decision:
      "The tenant's Auth0 Management API answers the scopes of the newest recording that lists it (go-auth0 " +
      'TestResourceServer_ExpressConfiguration.yaml, 2025-11-19: 232 scopes); older recordings list fewer (130 in ' +
      '2021, 132 in 2023, 184 in 2024), as Auth0 added routes.',
    since: '2025-11-19',
    allows: (difference, interaction) => {
      const at = new RegExp(`(${API_AT})\\.scopes(?:\\[|$)`).exec(difference.path);
      const api = at === null ? undefined : recordedAt(interaction.response, at[1] ?? '$');
      return (
        RESOURCE_SERVER_ROUTES.includes(interaction.route ?? '') &&
        typeof api === 'object' &&
        api !== null &&
        'name' in api &&
        api.name === 'Auth0 Management API'
      );
    },
  },
  {
    id: 'role-type',
    decision:
      'Every role answers `"type": "tenant"`, as every role answer recorded from August 2026 on has it ' +
      '(terraform-provider-auth0 TestAccRole.yaml, TestAccRoleTypeAndOwnerIDAreCreateOnly.yaml; auth0-java ' +
      'reference.md of 2026-08-19 documents `type`, "Defaults to tenant"); older answers have no `type`.',
    since: '2026-08-14',
    allows: (difference, interaction) =>
      ROLE_ROUTES.includes(interaction.route ?? '') &&
      difference.kind === 'extra' &&
      /^\$(?:\[\d+\]|\.roles\[\d+\])?\.type$/.test(difference.path) &&
      difference.emulator === 'tenant',
  },
  {
    id: 'role-description-null',
    decision:
      'POST /roles without a description answers without one, as terraform-provider-auth0 recorded in August 2026 ' +
      '(TestAccRole.yaml); in April 2026 it answered `"description": null` (TestAccOrganizationMemberRole.yaml). ' +
      'Both read the role back with `"description": ""`, as the emulator does.',
    since: '2026-08-14',
    allows: (difference, interaction) =>
      interaction.route === 'POST /roles' &&
      difference.kind === 'missing' &&
      difference.path === '$.description' &&
      difference.recorded === null,
  },
  {
    id: 'client-id-description',
    decision:
      "Refusals quote the OAS's descriptions of 2026-06-25 (the route catalogue's snapshot), where `client_id`'s ends " +
      'with a period; ruby-auth0 recorded it without one in 2021.',
    since: '2026-06-25',
    allows: (difference, interaction) =>
      interaction.route === 'POST /jobs/verification-email' &&
      difference.path === '$.message' &&
      typeof difference.recorded === 'string' &&
      difference.emulator === difference.recorded.replace('will be used).', 'will be used.).'),
  },
  {
    id: 'ticket-new-password',
    decision:
      'POST /tickets/password-change refuses `new_password`, which the OAS of 2026-06-25 no longer lists; Auth0 ' +
      'accepted it in 2021 (ruby-auth0).',
    since: '2026-06-25',
    allows: (_difference, interaction) =>
      interaction.route === 'POST /tickets/password-change' &&
      typeof interaction.request === 'object' &&
      interaction.request !== null &&
      'new_password' in interaction.request,
  },
  {
    id: 'search-engine-v2',
    decision:
      '`search_engine=v2` is refused: "User search v2 has reached its end of life as of June 30, 2019" (docs-v2 ' +
      'troubleshoot/product-lifecycle/past-migrations/migrate-v2-v3.mdx, last changed 2026-03-26); the tenant ' +
      'ruby-auth0 recorded in 2021 still answered it.',
    since: '2026-03-26',
    allows: (_difference, interaction) =>
      interaction.route === 'GET /users' && /[?&]search_engine=v2(&|$)/.test(interaction.path),
  },
  {
    id: 'federated-connections-tokensets',
    decision:
      "`/users/{id}/federated-connections-tokensets` is Auth0's 404: the operation pages of 2026-08-20 no longer list " +
      'it (the route catalogue leaves out what the newer pages dropped); go-auth0 recorded it answered in August 2025.',
    since: '2026-08-20',
    allows: (difference, interaction) =>
      difference.kind === 'not-501' && /^\/users\/[^/]+\/federated-connections-tokensets(\/|$)/.test(interaction.path),
  },
];
