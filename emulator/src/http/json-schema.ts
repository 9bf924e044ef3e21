/**
 * The part of JSON Schema that Auth0's OpenAPI description uses for the parameters and bodies of the routes the
 * emulator keeps schemas for (the generator refuses any other keyword), and the TypeScript type a schema describes.
 */

/** A JSON type name as JSON Schema spells it. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** A schema: what a value must be, with the description Auth0 quotes when it refuses one. */
export type JsonSchema = {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: JsonSchema };
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly description?: string;
};

/** The schema of an object with named properties: a route's path parameters, its query, most bodies. */
export type ObjectSchema = JsonSchema & {
  readonly type: 'object';
  readonly properties: { readonly [name: string]: JsonSchema };
};

/** The type of the values a schema accepts, read from the schema's literal type (`as const`). */
export type Infer<S> = S extends { readonly enum: readonly (infer Value)[] }
  ? Value
  : S extends { readonly oneOf: readonly (infer Option)[] }
    ? InferEach<Option>
    : S extends { readonly type: infer Type }
      ? Type extends readonly (infer Each)[]
        ? OfType<Each, S>
        : OfType<Type, S>
      : unknown;

type InferEach<Option> = Option extends unknown ? Infer<Option> : never;

type OfType<Type, S> = Type extends 'string'
  ? string
  : Type extends 'integer' | 'number'
    ? number
    : Type extends 'boolean'
      ? boolean
      : Type extends 'null'
        ? null
        : Type extends 'array'
          ? S extends { readonly items: infer Items }
            ? readonly Infer<Items>[]
            : readonly unknown[]
          : Type extends 'object'
            ? InferObject<S>
            : never;

type RequiredOf<S> = S extends { readonly required: readonly (infer Name)[] } ? Name : never;

type InferObject<S> = Flatten<
  (S extends { readonly properties: infer Properties }
    ? { readonly [Name in keyof Properties as Name extends RequiredOf<S> ? Name : never]: Infer<Properties[Name]> } & {
        readonly [Name in keyof Properties as Name extends RequiredOf<S> ? never : Name]?: Infer<Properties[Name]>;
      }
    : unknown) &
    (S extends { readonly additionalProperties: false } ? unknown : { readonly [name: string]: unknown })
>;

type Flatten<T> = { [Key in keyof T]: T[Key] } & {};
