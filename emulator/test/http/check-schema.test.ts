/**
 * The route layer's validator against the words of z-schema, the validator Auth0 runs (its `src/Errors.js`:
 * "Expected type {0} but found type {1}", "String is too short ({0} chars), minimum {1}", ...), in Auth0's
 * `<Place> validation error: '<detail>' on property <path> (<description>).` form.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkValue } from '../../src/http/check-schema.js';
import type { Infer } from '../../src/http/json-schema.js';
import { readQuery } from '../../src/http/query-params.js';
import { Refusal } from '../../src/http/refusal.js';
import { endpoint, route } from '../../src/http/route.js';
import type { Place } from '../../src/http/responses.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../../src/routes/management-api.generated.js';

const SCHEMA = {
  type: 'object',
  required: ['name'],
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z😀]+$', description: 'The name.' },
    kind: { type: 'string', enum: ['a', 'b'], description: 'The kind.' },
    nickname: { type: ['string', 'null'], description: 'A nickname.' },
    count: { type: 'integer', minimum: 1, maximum: 9, description: 'How many.' },
    owner: { type: 'string', format: 'user-id', description: 'Who owns it.' },
    client: { type: 'string', format: 'client-id', description: 'Which client.' },
    link: { type: 'string', format: 'url', description: 'Where it points.' },
    tags: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
      description: 'The tags.',
    },
    nested: {
      type: 'object',
      properties: { deep: { type: 'boolean', description: 'Whether deep.' } },
      additionalProperties: false,
      description: 'A nested object.',
    },
    id: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }], description: 'An id.' },
    either: { oneOf: [{ type: 'integer' }, { type: 'integer', minimum: 0 }], description: 'Either.' },
  },
  additionalProperties: false,
} as const;

/** The answer to `value`, or `undefined` when it conforms. */
function answer(value: unknown, place: Place = 'body') {
  try {
    checkValue(value, SCHEMA, place);
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return error.response.body;
    throw error;
  }
}
const message = (value: unknown, place?: Place) => (answer(value, place) as { message?: string } | undefined)?.message;

describe('checkValue', () => {
  it('accepts what the schema describes, formats it does not know included', () => {
    expect(answer({ name: 'ab', kind: 'a', nickname: null, count: 9, link: 'not a url', id: 7, either: -1 })).toBe(
      undefined,
    );
  });

  it.each([
    [[], "Payload validation error: 'Expected type object but found type array'."],
    [{ name: 'ab', color: 1, size: 2 }, "Payload validation error: 'Additional properties not allowed: color,size'."],
    [{ kind: 'a' }, "Payload validation error: 'Missing required property: name'."],
    [
      { name: 3 },
      "Payload validation error: 'Expected type string but found type integer' on property name (The name.).",
    ],
    [
      { name: 'a' },
      "Payload validation error: 'String is too short (1 chars), minimum 2' on property name (The name.).",
    ],
    // z-schema counts code points and reports UTF-16 units.
    [
      { name: '😀' },
      "Payload validation error: 'String is too short (2 chars), minimum 2' on property name (The name.).",
    ],
    [
      { name: 'abcde' },
      "Payload validation error: 'String is too long (5 chars), maximum 4' on property name (The name.).",
    ],
    [
      { name: 'AB' },
      "Payload validation error: 'String does not match pattern ^[a-z😀]+$: AB' on property name (The name.).",
    ],
    [{ name: 'ab', kind: 'c' }, 'Payload validation error: \'No enum match for: "c"\' on property kind (The kind.).'],
    [
      { name: 'ab', nickname: 1 },
      "Payload validation error: 'Expected type string,null but found type integer' on property nickname (A nickname.).",
    ],
    [
      { name: 'ab', count: 1.5 },
      "Payload validation error: 'Expected type integer but found type number' on property count (How many.).",
    ],
    [
      { name: 'ab', count: 0 },
      "Payload validation error: 'Value 0 is less than minimum 1' on property count (How many.).",
    ],
    [
      { name: 'ab', count: 10 },
      "Payload validation error: 'Value 10 is greater than maximum 9' on property count (How many.).",
    ],
    [
      { name: 'ab', owner: '' },
      "Payload validation error: 'Object didn't pass validation for format user-id: ' on property owner (Who owns it.).",
    ],
    [
      { name: 'ab', client: 'a b' },
      "Payload validation error: 'Object didn't pass validation for format client-id: a b' on property client (Which client.).",
    ],
    [
      { name: 'ab', tags: [] },
      "Payload validation error: 'Array is too short (0), minimum 1' on property tags (The tags.).",
    ],
    // An item without a description of its own is quoted with the nearest one above it.
    [
      { name: 'ab', tags: [{ value: 'x' }, {}] },
      "Payload validation error: 'Missing required property: value' on property tags[1] (The tags.).",
    ],
    [
      { name: 'ab', tags: [{ value: 1 }] },
      "Payload validation error: 'Expected type string but found type integer' on property tags[0].value (The tags.).",
    ],
    [
      { name: 'ab', nested: { deep: 'yes' } },
      "Payload validation error: 'Expected type boolean but found type string' on property nested.deep (Whether deep.).",
    ],
    [
      { name: 'ab', nested: { wide: true } },
      "Payload validation error: 'Additional properties not allowed: wide' on property nested (A nested object.).",
    ],
    [
      { name: 'ab', id: '' },
      "Payload validation error: 'None of the valid schemas were met' on property id (An id.). Inner errors: [ Payload validation error: 'String is too short (0 chars), minimum 1' on property id (An id.). (also) Payload validation error: 'Expected type integer but found type string' on property id (An id.). ].",
    ],
    [
      { name: 'ab', either: 1 },
      "Payload validation error: 'Data is valid against more than one schema from 'oneOf'' on property either (Either.).",
    ],
  ])('refuses %j with one message', (value, expected) => {
    expect(answer(value)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expected,
      errorCode: 'invalid_body',
    });
  });

  it('reports the first fault: unknown keys, then required ones, then the properties in the schema’s order', () => {
    expect(message({ count: 0, color: 1 })).toBe(
      "Payload validation error: 'Additional properties not allowed: color'.",
    );
    expect(message({ count: 0 })).toBe("Payload validation error: 'Missing required property: name'.");
    expect(message({ count: 0, name: 1 })).toMatch(/on property name/);
  });

  it('answers a path or a query in their own words and codes', () => {
    expect(answer({ name: 1 }, 'path')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Path validation error: 'Expected type string but found type integer' on property name (The name.).",
      errorCode: 'invalid_uri',
    });
    expect(answer({}, 'query')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Query validation error: 'Missing required property: name'.",
      errorCode: 'invalid_query_string',
    });
  });

  it('counts keys for minProperties', () => {
    const schema = { type: 'object', minProperties: 1, properties: {} } as const;
    expect(() => checkValue({}, schema, 'body')).toThrow(Refusal);
    expect(() => checkValue({ a: 1 }, schema, 'body')).not.toThrow();
  });
});

describe('readQuery', () => {
  const query = {
    type: 'object',
    required: ['email'],
    properties: {
      email: { type: 'string', description: 'Email.' },
      page: { type: 'integer', minimum: 0, description: 'Page.' },
      totals: { type: 'boolean', description: 'Totals.' },
      ids: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Ids.' },
    },
    additionalProperties: false,
  } as const;
  const refusal = (text: string) => {
    try {
      readQuery(text, query);
    } catch (error) {
      if (error instanceof Refusal) return (error.response.body as { message: string }).message;
    }
    return expect.fail(`expected ${text} to be refused`);
  };

  it('converts each value to its parameter’s type; an array parameter takes one value or many', () => {
    expect(readQuery('email=a%40b&page=2&totals=false&ids=x', query)).toEqual({
      email: 'a@b',
      page: 2,
      totals: false,
      ids: ['x'],
    });
    expect(readQuery('ids=x&ids=y&email=e', query)).toEqual({ ids: ['x', 'y'], email: 'e' });
  });

  it.each([
    [
      'email=e&page=many',
      "Query validation error: 'Expected type integer but found type string' on property page (Page.).",
    ],
    [
      'email=e&page=1.5',
      "Query validation error: 'Expected type integer but found type number' on property page (Page.).",
    ],
    ['email=e&page=-1', "Query validation error: 'Value -1 is less than minimum 0' on property page (Page.)."],
    [
      'email=e&page=1&page=2',
      "Query validation error: 'Expected type integer but found type array' on property page (Page.).",
    ],
    [
      'email=e&totals=yes',
      "Query validation error: 'Expected type boolean but found type string' on property totals (Totals.).",
    ],
    ['email=e&ids=', "Query validation error: 'String is too short (0 chars), minimum 1' on property ids[0] (Ids.)."],
    ['email=e&__proto__=1&extra=2', "Query validation error: 'Additional properties not allowed: __proto__,extra'."],
    ['page=1', "Query validation error: 'Missing required property: email'."],
  ])('refuses %s', (text, expected) => {
    expect(refusal(text)).toBe(expected);
    expect(Object.prototype).not.toHaveProperty('1');
  });
});

describe('types from the schemas', () => {
  it('types a body, a query and path parameters from the catalogue’s schemas', () => {
    expectTypeOf<Infer<(typeof API)['POST /roles']['body']>>().toEqualTypeOf<{
      readonly name: string;
      readonly description?: string;
    }>();
    expectTypeOf<Infer<(typeof API)['GET /users-by-email']['query']>>().toEqualTypeOf<{
      readonly email: string;
      readonly fields?: string;
      readonly include_fields?: boolean;
    }>();
    type Unlink = Infer<(typeof API)['DELETE /users/{id}/identities/{provider}/{user_id}']['params']>;
    expectTypeOf<Unlink['provider']>().toEqualTypeOf<
      (typeof API)['DELETE /users/{id}/identities/{provider}/{user_id}']['params']['properties']['provider']['enum'][number]
    >();
    expectTypeOf<Infer<(typeof API)['GET /resource-servers']['query']>['identifiers']>().toEqualTypeOf<
      readonly string[] | undefined
    >();
    expectTypeOf<Infer<typeof SCHEMA>['id']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<Infer<typeof SCHEMA>['nickname']>().toEqualTypeOf<string | null | undefined>();
  });

  it('hands a route’s handler its typed parts', () => {
    route(endpoint(API['POST /users/{id}/roles']), ({ params, query, body }) => {
      expectTypeOf(params).toEqualTypeOf<{ readonly id: string }>();
      expectTypeOf(query).toEqualTypeOf<{}>();
      expectTypeOf(body.roles).toEqualTypeOf<readonly string[]>();
      return { status: 204 };
    });
    route(endpoint(API['GET /jobs/{id}']), ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<undefined>();
      return { status: 204 };
    });
  });
});
