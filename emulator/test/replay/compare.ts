/**
 * Compares Auth0's recorded answer with the emulator's: object keys in any order, arrays in order, and the values
 * Auth0 generates (ids, timestamps, a ticket's random part) mapped or ignored, never compared.
 */

/** One way an answer differs from the recorded one, at a JSON path (`$.scopes[0].value`). */
export type Difference = {
  readonly kind: 'status' | 'missing' | 'extra' | 'type' | 'length' | 'value' | 'id-conflict' | 'not-501';
  readonly path: string;
  readonly recorded?: unknown;
  readonly emulator?: unknown;
};

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;
const TICKET = /^(https:\/\/[^?#]+\?ticket=)[^#&]+(.*)$/;

/**
 * The forms of the ids Auth0 generates: a recorded id maps only to an emulator id of the same form. A user id's
 * provider is part of its form (`auth0|…` never maps to `email|…`).
 */
const ID_FORMS: readonly (readonly [string, RegExp])[] = [
  ['role', /^rol_[A-Za-z0-9]{16}$/],
  ['job', /^job_[A-Za-z0-9]{16}$/],
  ['user', /^([a-z0-9-]+)\|[0-9a-f]{24}$/],
  ['hex', /^[0-9a-f]{24}$/],
];

function idForm(value: string): string | undefined {
  for (const [kind, pattern] of ID_FORMS) {
    const match = pattern.exec(value);
    if (match !== null) return match[1] === undefined ? kind : `${kind} ${match[1]}`;
  }
  return undefined;
}

/** The recorded ids of one cassette and the emulator's ids they stand for, learnt from the answers in order. */
export class IdMap {
  readonly #pairs = new Map<string, string>();
  /** Longest first, so that `auth0|<hex>` is replaced before `<hex>`. */
  #ordered: (readonly [string, string])[] = [];

  has(recorded: string): boolean {
    return this.#pairs.has(recorded);
  }

  /** The recorded id already standing for this emulator id. */
  recordedFor(emulated: string): string | undefined {
    for (const [recorded, value] of this.#pairs) if (value === emulated) return recorded;
    return undefined;
  }

  learn(recorded: string, emulated: string): void {
    if (recorded === emulated || this.#pairs.has(recorded)) return;
    this.#pairs.set(recorded, emulated);
    this.#ordered = [...this.#pairs].sort(([left], [right]) => right.length - left.length);
  }

  /** A recorded text with every known id in it replaced, raw or percent-encoded (in a path). */
  text(text: string): string {
    let result = this.#pairs.get(text) ?? text;
    for (const [recorded, emulated] of this.#ordered) {
      result = result
        .replaceAll(encodeURIComponent(recorded), encodeURIComponent(emulated))
        .replaceAll(recorded, emulated);
    }
    return result;
  }

  /** A recorded JSON value with the known ids replaced in every string. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.json(item)]));
    return value;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** What a comparison needs besides the two values: the cassette's ids, and how its strings were recorded. */
export type CompareContext = {
  readonly ids: IdMap;
  /** Undoes a recorder's rewriting of a recorded string (go-auth0's scrubbed host), else the identity. */
  readonly unscrub: (text: string) => string;
};

/** The differences between a recorded JSON value and the emulator's, learning id pairs on the way. */
export function compareJson(
  recorded: unknown,
  emulated: unknown,
  context: CompareContext,
  path = '$',
  differences: Difference[] = [],
): Difference[] {
  if (typeof recorded === 'string' && typeof emulated === 'string') {
    const expected = context.unscrub(context.ids.text(recorded));
    if (expected === emulated) return differences;
    if (TIMESTAMP.test(recorded) && TIMESTAMP.test(emulated)) return differences;
    const ticket = TICKET.exec(expected);
    const emulatedTicket = TICKET.exec(emulated);
    if (
      ticket !== null &&
      emulatedTicket !== null &&
      ticket[1] === emulatedTicket[1] &&
      ticket[2] === emulatedTicket[2]
    )
      return differences;
    const form = idForm(recorded);
    if (form !== undefined && !context.ids.has(recorded) && form === idForm(emulated)) {
      const other = context.ids.recordedFor(emulated);
      if (other === undefined) {
        context.ids.learn(recorded, emulated);
        return differences;
      }
      differences.push({ kind: 'id-conflict', path, recorded, emulator: `${emulated} (already stands for ${other})` });
      return differences;
    }
    differences.push({ kind: 'value', path, recorded: expected, emulator: emulated });
    return differences;
  }
  if (typeOf(recorded) !== typeOf(emulated)) {
    differences.push({ kind: 'type', path, recorded, emulator: emulated });
    return differences;
  }
  if (Array.isArray(recorded) && Array.isArray(emulated)) {
    if (recorded.length !== emulated.length)
      differences.push({ kind: 'length', path, recorded: recorded.length, emulator: emulated.length });
    for (let index = 0; index < Math.min(recorded.length, emulated.length); index++)
      compareJson(recorded[index], emulated[index], context, `${path}[${index}]`, differences);
    return differences;
  }
  if (isObject(recorded) && isObject(emulated)) {
    for (const [key, value] of Object.entries(recorded)) {
      if (key in emulated) compareJson(value, emulated[key], context, `${path}.${key}`, differences);
      else differences.push({ kind: 'missing', path: `${path}.${key}`, recorded: value });
    }
    for (const [key, value] of Object.entries(emulated))
      if (!(key in recorded)) differences.push({ kind: 'extra', path: `${path}.${key}`, emulator: value });
    return differences;
  }
  if (recorded !== emulated) differences.push({ kind: 'value', path, recorded, emulator: emulated });
  return differences;
}
