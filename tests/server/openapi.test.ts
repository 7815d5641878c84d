// The OpenAPI document at GET /api/openapi.json is made from the app itself: every route the
// app registers is in it with its method and path, every body a route checks is in it as the
// very schema that checks it, and docs/api.md lists exactly its endpoints, so that neither the
// document nor the prose can drift from the code unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../server/app';
import { endpointsOf, openApiPath } from '../../server/openapi/document';
import { CHECKS, type RequestCheck } from '../../server/routes/validator';
import { ADMIN_TOKEN, type TestServer } from '../helpers/server';
import { serverForAll } from '../helpers/cleanup';

type Operation = { summary: string; requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; in: string }[] };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** The routes that answer a POST, PUT or PATCH without reading a body: a new one that reads a body needs a validator, or an upload described. */
const BODYLESS = new Set([
  'POST /api/meetings/:id/agreement/agenda-items/:itemId',
  'POST /api/meetings/:id/invitations/:participantId/link',
  'POST /api/meetings/:id/invitations/:participantId/revoke',
  'POST /api/meetings/:id/lock',
  'POST /api/console/accounts/:accountId/setup-link',
  'POST /api/console/accounts/:accountId/disable',
]);

const checksOf = (handlers: unknown[]) => handlers.map((h) => (h as Record<symbol, RequestCheck | undefined>)[CHECKS]).filter((c): c is RequestCheck => !!c);

/** The endpoints docs/api.md documents: a table row or a paragraph that begins with `METHOD /path`. */
function documentedEndpoints(): string[] {
  const text = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const found = [...text.matchAll(/^(?:\| )?`(GET|POST|PUT|PATCH|DELETE) (\/[^`?\s]*)[^`]*`/gm)].map((m) => `${m[1]} ${m[2]}`);
  return [...new Set(found)].sort();
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  serverForAll((s) => (server = s));

  const served = async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    return (await res.json()) as Document;
  };

  it('holds every route the app registers, with its method, path and a summary', async () => {
    const document = await served();
    expect(document.openapi).toBe('3.1.0');
    const routes = endpointsOf(createApp(server.services));
    expect(routes.length).toBeGreaterThan(70);
    for (const [{ method, path }] of routes.map((r) => [r[0]!] as const)) {
      const operation = document.paths[openApiPath(path)]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!.summary.length, `${method} ${path} has a summary`).toBeGreaterThan(10);
    }
    const operations = Object.values(document.paths).flatMap((p) => Object.keys(p));
    expect(operations.length).toBe(routes.length);
  });

  it('gives every route that checks a body the schema that checks it, and every other route that takes one its media types', async () => {
    const document = await served();
    for (const entries of endpointsOf(createApp(server.services))) {
      const { method, path } = entries[0]!;
      const operation = document.paths[openApiPath(path)]![method.toLowerCase()]!;
      const body = checksOf(entries.map((e) => e.handler)).find((c) => c.target === 'json');
      const name = `${method} ${path}`;
      if (body)
        expect(operation.requestBody?.content['application/json']?.schema, name).toEqual(z.toJSONSchema(body.schema, { io: 'input', unrepresentable: 'any' }));
      else if (['POST', 'PUT', 'PATCH'].includes(method) && !BODYLESS.has(name)) expect(operation.requestBody, `${name} takes a body`).toBeDefined();
      else expect(operation.requestBody, `${name} takes no body`).toBeUndefined();
    }
    // A body's fields are there to read: the agreement names what it marks.
    const agreement = document.paths['/api/meetings/{id}/agreement']!.post!.requestBody!.content['application/json']!.schema as { properties: object };
    expect(Object.keys(agreement.properties)).toEqual(['targetId', 'agreed']);
    const compare = document.paths['/api/meetings/{id}/history/compare']!.get!.parameters!;
    expect(compare.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['from', 'to']);
  });

  it('is the same for anyone and carries no secret', async () => {
    const text = await (await fetch(`${server.url}/api/openapi.json`)).text();
    const withToken = await (await fetch(`${server.url}/api/openapi.json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    expect(withToken).toBe(text);
    expect(text).not.toContain(ADMIN_TOKEN);
    expect(text).not.toContain(server.dataDir);
  });

  it('lists exactly the endpoints docs/api.md documents', async () => {
    const document = await served();
    const served_ = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`))
      .sort();
    const documented = documentedEndpoints();
    expect(
      documented.filter((e) => !served_.includes(e)),
      'in docs/api.md, not served',
    ).toEqual([]);
    expect(
      served_.filter((e) => !documented.includes(e)),
      'served, not in docs/api.md',
    ).toEqual([]);
  });
});
