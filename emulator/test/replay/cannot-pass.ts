/**
 * The recorded interactions no fresh emulator can answer as Auth0 did, each with its reason: state of the recorded
 * tenant outside the cassette (its other users and APIs, its custom domains, its email provider), state made by a
 * route the emulator does not serve (organizations, clients, import jobs), ids the recorder redacted, ids whose
 * order Auth0 generated. The replay test fails on any other difference, and on an entry here that passes.
 */
export type CannotPass =
  | {
      readonly repository: string;
      /** The cassette's path in its repository. */
      readonly cassette: string;
      /** The interactions' places in the cassette (0 is the first). */
      readonly interactions: readonly number[];
      readonly reason: string;
    }
  | {
      /** Every recorded interaction on this route, in every cassette. */
      readonly route: string;
      readonly reason: string;
    };

const TERRAFORM = 'auth0/terraform-provider-auth0';
const GO = 'auth0/go-auth0';
const RUBY = 'auth0/ruby-auth0';
const recording = (name: string) => `test/data/recordings/${name}.yaml`;
const spec = (name: string) => `spec/fixtures/vcr_cassettes/${name}/`;

const ORGANIZATION_ROLE =
  'an organization role (`type: "organization"`, `owner_id`) of an organization made by POST /organizations, which ' +
  'the emulator does not serve: it answers organization roles 501, and the role does not exist afterwards';
const LINKED_CLIENT =
  'an API linked to an application (`client_id`) that POST /clients made, which the emulator does not serve';

export const CANNOT_PASS: readonly CannotPass[] = [
  {
    route: 'GET /clients',
    reason:
      "every recorded list holds the recorded tenant's own applications; the emulator's are those of " +
      '`options.clients`, and it answers `from`, `take` and `q` 501',
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccUserCustomDomains'),
    interactions: [0, 1, 2, 3],
    reason:
      'the recorded tenant had several verified custom domains, so Auth0 refused the first POST /users with 409 ' +
      '`custom_domain_conflict` and created the user on the retry; a fresh emulator creates it at once',
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccDataSourceOrganizationRole'),
    interactions: [2, 3, 4, 5, 7, 8, 10, 11, 12, 14, 15, 16],
    reason: ORGANIZATION_ROLE,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccDataSourceOrganizationRoleGroups'),
    interactions: [2, 3, 7, 9],
    reason: ORGANIZATION_ROLE,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccDataSourceOrganizationRoleMembers'),
    interactions: [2, 3, 7, 9],
    reason: ORGANIZATION_ROLE,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccRoleOrganizationLevel'),
    interactions: [2, 3, 5, 7, 8, 9, 11, 12, 13],
    reason: ORGANIZATION_ROLE,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccRoleTypeAndOwnerIDAreCreateOnly'),
    interactions: [8, 9, 11, 13, 15, 16],
    reason: ORGANIZATION_ROLE,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccResourceServerAuth0APIManagementImport'),
    interactions: [0, 1, 2],
    reason: "the recorder redacted the Management API's id to `xxxxxxxxxxxxxxxxxxxx`, which no tenant's API has",
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccResourceServer_ACR'),
    interactions: [0, 1, 2],
    reason:
      'Auth0 answered POST `https://{domain}/me/` with its "Auth0 My Account API" template, which the emulator does ' +
      'not emulate: within the cassette the template lists 3 scopes on create and 8 when read back, and the ' +
      "recorder rewrote the tenant's domain in the identifier",
  },
  {
    repository: GO,
    cassette: recording('TestResourceServer_ACR'),
    interactions: [0],
    reason: 'the "Auth0 My Account API" template, as in terraform-provider-auth0\'s TestAccResourceServer_ACR.yaml',
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccClientMixedTokenExchangeProfiles'),
    interactions: [4],
    reason: LINKED_CLIENT,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccClientOnBehalfOfTokenExchange'),
    interactions: [4],
    reason: LINKED_CLIENT,
  },
  {
    repository: TERRAFORM,
    cassette: recording('TestAccClientResourceServer'),
    interactions: [4],
    reason: LINKED_CLIENT,
  },
  {
    repository: GO,
    cassette: recording('TestClient_CreateLinkedToResourceServer'),
    interactions: [0, 2],
    reason:
      `${LINKED_CLIENT}; its answers also lack \`subject_type_authorization\`, and the cassette's only date is its ` +
      "file's last commit (2025-09-09), which may be later than the recording",
  },
  {
    repository: GO,
    cassette: recording('TestResourceServer_ExpressConfiguration'),
    interactions: [9],
    reason: "the list holds the recorded tenant's 12 other APIs",
  },
  {
    repository: RUBY,
    cassette: spec('Auth0_Api_V2_ResourceServers'),
    interactions: [1, 2],
    reason: "the list holds the recorded tenant's 37 other APIs",
  },
  {
    repository: GO,
    cassette: recording('TestJobManager_ImportUsers'),
    interactions: [2, 3],
    reason: 'an import job (POST /jobs/users-imports is not served) and the user it imported',
  },
  {
    repository: RUBY,
    cassette: spec('Auth0_Api_V2_Jobs'),
    interactions: [3, 6, 14],
    reason: 'import and export jobs (POST /jobs/users-imports and users-exports are not served) and the users imported',
  },
  {
    repository: GO,
    cassette: recording('TestJobManager_VerifyEmail'),
    interactions: [2],
    reason: "the recorded tenant could not send the email, so its job read back `failed`; the emulator's jobs complete",
  },
  {
    repository: RUBY,
    cassette: spec('Auth0_Api_V2_Users'),
    interactions: [4, 5, 6, 7, 8],
    reason: "the list holds the recorded tenant's older users (50 of them, with logins)",
  },
  {
    repository: GO,
    cassette: recording('TestRoleManager_UsersCheckpointPagination'),
    interactions: [5, 6],
    reason:
      'members assigned at the same moment are ordered by their user ids, which Auth0 generated: the order of ' +
      'the page differs from one run to the next',
  },
];
