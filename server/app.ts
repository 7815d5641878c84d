// The HTTP side of Accord: one sub-app per resource, one error handler, security headers
// on every response, and the built client at /.
import { historyRoutes } from './routes/history';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolvePrincipal } from './auth/principal';
import { log, errorMessage } from './log';
import { meetingRoutes } from './routes/meetings';
import { sessionRoutes } from './routes/session';
import { agreementRoutes } from './routes/agreement';
import { proposalRoutes } from './routes/proposals';
import { commentRoutes } from './routes/comments';
import { recordStateRoutes } from './routes/record-state';
import { invitationRoutes } from './routes/invitations';
import { lifecycleRoutes } from './routes/lifecycle';
import { exportRoutes } from './routes/export';
import { consoleSessionRoutes } from './routes/console-session';
import { consoleFirstRunRoutes } from './routes/console-first-run';
import { consoleAccountRoutes } from './routes/console-accounts';
import { consoleMeetingRoutes } from './routes/console-meetings';
import { consoleRosterRoutes } from './routes/console-roster';
import { consoleInvitationRoutes } from './routes/console-invitations';
import { consoleSeriesRoutes } from './routes/console-series';
import { consoleRegisterRoutes } from './routes/console-register';
import { consoleActionPointRoutes } from './routes/console-action-points';
import { consoleWorkspaceRoutes } from './routes/console-workspace';
import { consoleAgendaRoutes } from './routes/console-agenda';
import { consoleWordDraftRoutes } from './routes/console-word-draft';
import { caseRoutes } from './routes/cases';
import { consoleCaseRegisterRoutes } from './routes/console-case-register';
import { apiError, type AppEnv } from './routes/env';
import { refuse } from './routes/meeting-access';
import { sameOriginOnly } from './routes/same-origin';
import { bodyLimits, noBody } from './routes/body-limits';
import type { Services } from './services';
import { openApiDocument } from './openapi/document';
import { doc } from './routes/route-doc';

export function createApp(services: Services) {
  const app = new Hono<AppEnv>();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Collaboration carets are coloured with style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers the sync socket of the same host (ws: and wss:, CSP Level 3).
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );

  app.use('/api/*', sameOriginOnly(services.config));
  app.use('/api/*', async (c, next) => {
    c.set(
      'principal',
      await resolvePrincipal(
        services.storage,
        services.adminTokenHash,
        { authorization: c.req.header('authorization'), cookie: c.req.header('cookie') },
        services.now(),
      ),
    );
    await next();
  });
  app.use('/api/*', bodyLimits);
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : noBody(c, next)));

  // Made once, when first asked for: by then every route below is registered.
  let openApi: Record<string, unknown> | undefined;

  const routes = app
    // Still serving while Redis is away (edits reach other processes through storage), so
    // still 200: the body says what is degraded, for monitoring.
    .get('/healthz', doc({ summary: 'Whether the server is ready, and what is degraded', tag: 'Operations' }), (c) =>
      c.json(services.fanout.healthy ? { ok: true, status: 'ok' } : { ok: true, status: 'degraded', degraded: ['fanout'] }, 200),
    )
    .get('/api/openapi.json', doc({ summary: 'This OpenAPI document, made from the routes and the schemas that check them', tag: 'Operations' }), (c) =>
      c.json((openApi ??= openApiDocument(app)), 200),
    )
    .route('/api/session', sessionRoutes(services))
    .route('/api/meetings', meetingRoutes(services))
    .route('/api/meetings', agreementRoutes(services))
    .route('/api/meetings', proposalRoutes(services))
    .route('/api/meetings', commentRoutes(services))
    .route('/api/meetings', recordStateRoutes(services))
    .route('/api/meetings', invitationRoutes(services))
    .route('/api', lifecycleRoutes(services))
    .route('/api/meetings', exportRoutes(services))
    .route('/api/console/session', consoleSessionRoutes(services))
    .route('/api/console/first-run', consoleFirstRunRoutes(services))
    .route('/api/console', consoleAccountRoutes(services))
    .route('/api/console', consoleMeetingRoutes(services))
    .route('/api/console', consoleRosterRoutes(services))
    .route('/api/console', consoleInvitationRoutes(services))
    .route('/api/console', consoleSeriesRoutes(services))
    .route('/api/console', consoleRegisterRoutes(services))
    .route('/api/console', consoleCaseRegisterRoutes(services))
    .route('/api/console', consoleWorkspaceRoutes(services))
    .route('/api/console', consoleAgendaRoutes(services))
    .route('/api/console', consoleWordDraftRoutes(services))
    .route('/api/meetings', consoleActionPointRoutes(services))
    .route('/api/meetings', caseRoutes(services))
    .route('/api/meetings', historyRoutes(services));

  app.notFound((c) => refuse(c, { code: 'not-found', what: 'address' }));
  app.onError((err, c) => {
    // Hono's own refusals (a body that is not the JSON it says it is, or too large): the client's fault, said as ours are.
    if (err instanceof HTTPException && err.status < 500)
      return c.json(apiError(err.status === 413 ? 'too_large' : 'bad_request', `${err.message || 'The request was refused'}; nothing was stored.`), err.status);
    if (err instanceof SyntaxError) return c.json(apiError('bad_request', 'The request body is not valid JSON; nothing was stored.'), 400);
    log.error('http.error', { method: c.req.method, path: new URL(c.req.url).pathname, error: errorMessage(err) });
    return c.json(apiError('internal', 'Something went wrong on the server; nothing you sent was lost. Try again.'), 500);
  });

  if (existsSync(join(services.config.clientDir, 'index.html'))) {
    const root = relative(process.cwd(), services.config.clientDir) || '.';
    // Brotli or gzip made at build time when the browser takes it; hashed assets never change.
    const files = serveStatic({ root, precompressed: true, onFound: (path, c) => c.header('Cache-Control', cacheFor(path)) });
    // The client routes (/join, /meetings/…, /verify) all load the same page.
    const page = serveStatic({ root, path: 'index.html' });
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : page(c, next)));
  }

  return routes;
}

/** The API's routes and the types of what they take and answer: the client's `hc<AppType>` is made from it. */
export type AppType = ReturnType<typeof createApp>;

/** Hashed assets are immutable; everything else (the page, the service worker) is checked each time. */
const cacheFor = (path: string) =>
  /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
