/**
 * Replays one cassette against a fresh emulator: every interaction in recorded order, on the recorded tenant's
 * domain, with a token that has every scope. An interaction on a served route is sent as recorded (with the ids the
 * emulator generated in place of Auth0's) and its status and body are compared; one on another route of Auth0's
 * must answer 501 `not_emulated`.
 */
import type { EmulatorConnection } from '../../src/index.js';
import type { EmulatorModule } from '../suites/harness.js';
import { compareJson, IdMap, type Difference } from './compare.js';
import type { Cassette, RecordedConnection, RecordedInteraction } from './recordings.js';

const TOKEN = 'replay-token';
/** Auth0's legacy password policy levels (docs-v2 password-strength.mdx @ 976a0784: None, Low, Fair, Good, Excellent). */
const PASSWORD_POLICY_LEVELS = ['none', 'low', 'fair', 'good', 'excellent'] as const;

/** What became of one interaction. */
export type Outcome = {
  readonly index: number;
  readonly interaction: RecordedInteraction;
  /** The path as sent (the emulator's ids in place of the recorded ones). */
  readonly sentPath: string;
  readonly status: number;
  readonly body: unknown;
  readonly differences: readonly Difference[];
};

/**
 * The tenant's connections for a cassette: those the cassette created or named, with the options Auth0 answered
 * for them, the tenant's own `Username-Password-Authentication` as its recordings show it (`tenantConnections`).
 * A connection in which Auth0 created a user with a `username` during the cassette required usernames then (Auth0
 * refuses a username otherwise: "Cannot set username for connection without requires_username.", the OAS), even
 * where an answer of another day shows it without `requires_username`: the recorded tenants changed over the years.
 */
export function connectionsFor(tenant: readonly RecordedConnection[], cassette: Cassette): EmulatorConnection[] {
  const byName = new Map<string, RecordedConnection>();
  for (const connection of cassette.connections) byName.set(connection.name, connection);
  for (const connection of tenant)
    if (byName.get(connection.name)?.options === undefined) byName.set(connection.name, connection);
  const withUsernames = new Set(
    cassette.interactions.flatMap(({ route, request, status }) =>
      route === 'POST /users' && status === 201 && isObject(request) && typeof request['username'] === 'string'
        ? [String(request['connection'])]
        : [],
    ),
  );
  return [...byName.values()].map(({ name, strategy, options }) => ({
    name,
    strategy,
    ...(options?.requires_username === true || withUsernames.has(name) ? { requiresUsername: true } : {}),
    ...(options === undefined ? {} : passwordOptions(options)),
  }));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A recorded database connection's password policy as the emulator's options: a connection with
 * `password_options` has the Flexible Password Policy (the emulator's default, with its minimum length), one
 * without has its legacy `passwordPolicy`, `none` when Auth0 answered none (the legacy default).
 */
function passwordOptions(options: NonNullable<RecordedConnection['options']>): Partial<EmulatorConnection> {
  const flexible = options.password_options?.complexity?.min_length;
  if (options.password_options !== undefined)
    return flexible === undefined ? {} : { password_complexity_options: { min_length: flexible } };
  const level = PASSWORD_POLICY_LEVELS.find((known) => known === (options.passwordPolicy ?? 'none'));
  const minLength = options.password_complexity_options?.min_length;
  return {
    ...(level === undefined ? {} : { passwordPolicy: level }),
    ...(minLength === undefined ? {} : { password_complexity_options: { min_length: minLength } }),
  };
}

/**
 * go-auth0's recorder rewrote its tenant's domain inside bodies (`go-auth0-dev.eu.auth0.com` became
 * `go-auth0-dev.eu.auth0.com.eu.auth0.com` in ticket URLs and the Management API's identifier): undone, for that
 * repository only.
 */
function unscrubber(cassette: Cassette): (text: string) => string {
  if (cassette.repository !== 'auth0/go-auth0') return (text) => text;
  const doubled = new RegExp(`${cassette.host.replaceAll('.', '\\.')}\\.(?:eu|us|au|jp)\\.auth0\\.com`, 'g');
  return (text) => text.replace(doubled, cassette.host);
}

/**
 * go-auth0's recorder kept no error body (`{}`, e.g. the 404 after an API is deleted): only the status of those
 * answers can be compared.
 */
const errorBodyDropped = (cassette: Cassette, interaction: RecordedInteraction) =>
  cassette.repository === 'auth0/go-auth0' &&
  interaction.status >= 400 &&
  typeof interaction.response === 'object' &&
  interaction.response !== null &&
  Object.keys(interaction.response).length === 0;

async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Replays a cassette against a fresh emulator of `module`. */
export async function replayCassette(
  module: EmulatorModule,
  cassette: Cassette,
  tenantConnections: readonly RecordedConnection[],
): Promise<Outcome[]> {
  const emulator = module.createEmulator({
    token: TOKEN,
    domain: cassette.host,
    connections: connectionsFor(tenantConnections, cassette),
  });
  const ids = new IdMap();
  const context = { ids, unscrub: unscrubber(cassette) };
  const outcomes: Outcome[] = [];
  for (const [index, interaction] of cassette.interactions.entries()) {
    const sentPath = ids.text(interaction.path);
    const body = interaction.request === undefined ? undefined : JSON.stringify(ids.json(interaction.request));
    const response = await emulator.fetch(
      new Request(`https://${cassette.host}/api/v2${sentPath}`, {
        method: interaction.method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      }),
    );
    const answer = await readAnswer(response);
    const differences: Difference[] = [];
    if (interaction.route === undefined) {
      const notEmulated =
        response.status === 501 &&
        typeof answer === 'object' &&
        answer !== null &&
        'errorCode' in answer &&
        answer.errorCode === 'not_emulated';
      if (!notEmulated)
        differences.push({ kind: 'not-501', path: '$', recorded: interaction.status, emulator: answer });
    } else {
      if (response.status !== interaction.status)
        differences.push({ kind: 'status', path: '$', recorded: interaction.status, emulator: response.status });
      if (!errorBodyDropped(cassette, interaction))
        compareJson(interaction.response ?? null, answer, context, '$', differences);
    }
    outcomes.push({ index, interaction, sentPath, status: response.status, body: answer, differences });
  }
  return outcomes;
}
