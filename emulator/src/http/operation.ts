/** A route of Auth0's Management API with its schemas, as the generated catalogue holds it. */
import type { JsonSchema, ObjectSchema } from './json-schema.js';

/** One operation: its method, its path template (relative to `/api/v2`), the scopes that grant it (any one) and its schemas. */
export type Operation = {
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
  readonly params: ObjectSchema;
  readonly query: ObjectSchema;
  readonly body?: JsonSchema;
};
