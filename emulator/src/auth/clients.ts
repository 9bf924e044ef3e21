/**
 * A machine-to-machine application that may ask the emulator for Management API tokens, as
 * `new ManagementClient({ domain, clientId, clientSecret })` does.
 *
 * @example
 * const client: EmulatorClient = { clientId: 'test-client', clientSecret: 'test-secret', scopes: ['read:users'] };
 */
export type EmulatorClient = {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The scopes its tokens carry. Defaults to every scope of the Management API. */
  readonly scopes?: readonly string[];
};

/** The clients an emulator was given, checked, each with its scopes resolved. */
export function checkClients(
  clients: unknown,
  allScopes: readonly string[],
): ReadonlyMap<string, { secret: string; scopes: readonly string[] }> {
  if (clients === undefined) return new Map();
  if (!Array.isArray(clients)) throw new TypeError('createEmulator: options.clients must be an array');
  const checked = new Map<string, { secret: string; scopes: readonly string[] }>();
  clients.forEach((client: unknown, index) => {
    const where = `createEmulator: options.clients[${index}]`;
    if (typeof client !== 'object' || client === null) throw new TypeError(`${where} must be an object`);
    const { clientId, clientSecret, scopes } = client as Record<string, unknown>;
    if (typeof clientId !== 'string' || clientId === '')
      throw new TypeError(`${where}.clientId must be a non-empty string`);
    if (typeof clientSecret !== 'string' || clientSecret === '')
      throw new TypeError(`${where}.clientSecret must be a non-empty string`);
    if (checked.has(clientId)) throw new TypeError(`${where}.clientId repeats ${clientId}`);
    if (
      scopes !== undefined &&
      !(Array.isArray(scopes) && scopes.every((scope) => typeof scope === 'string' && scope !== ''))
    ) {
      throw new TypeError(`${where}.scopes must be an array of scope names`);
    }
    checked.set(clientId, {
      secret: clientSecret,
      scopes: scopes === undefined ? allScopes : [...(scopes as string[])],
    });
  });
  return checked;
}
