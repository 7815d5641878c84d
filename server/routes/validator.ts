// The one validator every route uses for a JSON body, a query or path parameters: zod's
// (through @hono/zod-validator), with the schema it checks kept on the middleware, so that
// the OpenAPI document (server/openapi/) is made from the very schemas that refuse a request.
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';

/** Where a validator's schema is kept on its middleware, for the OpenAPI document to read. */
export const CHECKS = Symbol('accord.request-check');

export interface RequestCheck {
  target: 'json' | 'query' | 'param';
  schema: z.ZodType;
}

/** zValidator, with the same types, whose middleware carries what it checks. */
export const validator = ((target: RequestCheck['target'], schema: z.ZodType, hook: Parameters<typeof zValidator>[2]) =>
  Object.assign(zValidator(target, schema, hook), { [CHECKS]: { target, schema } satisfies RequestCheck })) as typeof zValidator;
