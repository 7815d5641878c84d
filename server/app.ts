// The HTTP side of Accord: one sub-app per resource, one error handler, security headers
// on every response, and the built client at /.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolvePrincipal } from './auth/principal';
import { log, errorMessage } from './log';
import { meetingRoutes } from './routes/meetings';
import { sessionRoutes } from './routes/session';
import { agreementRoutes } from './routes/agreement';
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
import { apiError, type AppEnv } from './routes/env';
import type { Services } from './services';

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
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );

  app.use('/api/*', async (c, next) => {
    c.set(
      'principal',
      await resolvePrincipal(
        services.storage,
        services.adminToken,
        { authorization: c.req.header('authorization'), cookie: c.req.header('cookie') },
        services.now(),
      ),
    );
    await next();
  });

  const routes = app
    .get('/healthz', (c) => c.json({ ok: true }, 200))
    .route('/api/session', sessionRoutes(services))
    .route('/api/meetings', meetingRoutes(services))
    .route('/api/meetings', agreementRoutes(services))
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
    .route('/api/console', consoleWorkspaceRoutes(services))
    .route('/api/console', consoleAgendaRoutes(services))
    .route('/api/console', consoleWordDraftRoutes(services))
    .route('/api/meetings', consoleActionPointRoutes(services));

  app.notFound((c) => c.json(apiError('not_found', 'Nothing here.'), 404));
  app.onError((err, c) => {
    log.error('http.error', { method: c.req.method, path: new URL(c.req.url).pathname, error: errorMessage(err) });
    return c.json(apiError('internal', 'Something went wrong on the server; nothing you sent was lost. Try again.'), 500);
  });

  if (existsSync(join(services.config.clientDir, 'index.html'))) {
    const root = relative(process.cwd(), services.config.clientDir) || '.';
    const files = serveStatic({ root });
    // The client routes (/join, /meetings/…, /verify) all load the same page.
    const page = serveStatic({ root, path: 'index.html' });
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : page(c, next)));
  }

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
