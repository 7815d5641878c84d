// The OpenAPI 3.1 document of the HTTP API, made from the app itself: every route the app
// registers (its method and path), the description each route carries (routes/route-doc.ts),
// and the zod schemas its validators check (routes/validator.ts), written out as JSON Schema
// by zod. Nothing here is written by hand about a route, so the document cannot drift from
// the code; docs/api.md is held to it by a test.
import type { Hono } from 'hono';
import { z } from 'zod';
import { ROUTE_DOC, type RouteDoc } from '../routes/route-doc';
import { CHECKS, type RequestCheck } from '../routes/validator';

type Operation = Record<string, unknown>;

/** A route as the app holds it: one entry per handler, middleware included. */
interface RouteEntry {
  method: string;
  path: string;
  handler: unknown;
}

const COMPOSED = '__COMPOSED_HANDLER';
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `/api/meetings/:id` as OpenAPI writes it: `/api/meetings/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The API's endpoints, `METHOD /path` with Hono's `:param`, in the order the app serves them. */
export function endpointsOf(app: Pick<Hono, 'routes'>): RouteEntry[][] {
  const byRoute = new Map<string, RouteEntry[]>();
  for (const route of app.routes as RouteEntry[]) {
    // Middleware for every method (`app.use`) and the client's pages (`/*`) are not endpoints.
    if (!METHODS.has(route.method) || route.path.includes('*')) continue;
    const key = `${route.method} ${route.path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), route]);
  }
  return [...byRoute.values()];
}

/** What a handler carries under `key`, looking through the wrapper Hono puts round a sub-app's handlers. */
function carried<T>(handler: unknown, key: symbol): T | undefined {
  const h = handler as Record<string | symbol, unknown>;
  return (h[key] as T | undefined) ?? (h[COMPOSED] ? carried<T>(h[COMPOSED], key) : undefined);
}

const jsonSchema = (schema: z.ZodType) =>
  // The request as a client writes it (before defaults and coercion); a rule JSON Schema cannot say is left to the server.
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parametersOf(check: RequestCheck, inPath: string[]): Operation[] {
  const schema = jsonSchema(check.schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => check.target === 'query' || inPath.includes(name))
    .map(([name, property]) => ({
      name,
      in: check.target === 'query' ? 'query' : 'path',
      required: check.target === 'param' || (schema.required ?? []).includes(name),
      schema: property,
    }));
}

const REFUSAL = {
  description: 'Refused: the code names why, the message says it in English; nothing was stored.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Refusal' } } },
};

function operationOf(method: string, path: string, handlers: unknown[]): Operation {
  const description = handlers.map((h) => carried<RouteDoc>(h, ROUTE_DOC)).find((d) => d);
  const checks = handlers.map((h) => carried<RequestCheck>(h, CHECKS)).filter((c): c is RequestCheck => !!c);
  const inPath = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const parameters: Operation[] = checks.filter((c) => c.target !== 'json').flatMap((c) => parametersOf(c, inPath));
  for (const name of inPath)
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  const body = checks.find((c) => c.target === 'json');
  const requestBody = body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(body.schema) } } }
    : description?.upload
      ? { required: true, content: Object.fromEntries(description.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
      : undefined;
  const answers = description?.answers ?? 'application/json';
  return {
    operationId: `${method.toLowerCase()}${openApiPath(path)
      .replace(/[{}]/g, '')
      .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: description?.summary ?? '',
    tags: description ? [description.tag] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '2XX': { description: 'Done, as docs/api.md describes.', content: { [answers]: {} } },
      '4XX': REFUSAL,
    },
  };
}

/** The OpenAPI 3.1 document of `app`. */
export function openApiDocument(app: Pick<Hono, 'routes'>): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const entries of endpointsOf(app)) {
    const { method, path } = entries[0]!;
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = operationOf(
      method,
      path,
      entries.map((e) => e.handler),
    );
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Accord',
      version: '1',
      description: 'Live agreed minutes for bilateral and regional meetings. The endpoints, their bodies and their refusals are explained in docs/api.md.',
    },
    paths,
    components: {
      schemas: {
        Refusal: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'message', 'code'],
                    properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' }, params: { type: 'object' } },
                  },
                },
              },
            },
          },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The administrator token, or an invitation token.' },
        session: { type: 'apiKey', in: 'cookie', name: 'accord_session', description: 'A participant session, from POST /api/session.' },
        console: { type: 'apiKey', in: 'cookie', name: 'accord_console', description: 'An officer session, from POST /api/console/session.' },
      },
    },
  };
}
