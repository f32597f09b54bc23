import { Hono } from 'hono';
import { installErrorHandling } from './http/errors.js';
import { authRoutes } from './routes/auth.js';
import { emulatorRoutes } from './routes/emulator.js';
import { groupRoleRoutes } from './routes/groups-roles.js';
import { keyAssignmentRoutes } from './routes/key-assignments.js';
import { keySecretRoutes } from './routes/key-secret.js';
import { keyRoutes } from './routes/keys.js';
import { userKeyRoutes } from './routes/user-keys.js';
import { userRoutes } from './routes/users.js';
import type { EmulatorContext } from './services/context.js';

export interface AppOptions {
  /** One line per request (method, path, status, ms) and one per unexpected error. */
  log?: ((line: string) => void) | undefined;
  /** Unexpected errors (with their stack); defaults to `log`. */
  logError?: ((line: string) => void) | undefined;
  /** Artificial delay before each request is handled. */
  latencyMs?: number | undefined;
  /** Extra fields for `GET /__emulator/health`. */
  info?: () => Record<string, unknown>;
}

/** The hono app serving the IMS API (`/ims/api/v1`) and the emulator routes (`/__emulator`). */
export function buildApp(ctx: EmulatorContext, options: AppOptions = {}): Hono {
  const app = new Hono();
  const log = options.log;
  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // Method, path, status and time only: never a body, a header or a query string.
      log(
        `${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`,
      );
    });
  }
  const latency = options.latencyMs ?? 0;
  if (latency > 0) {
    app.use('*', async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, latency));
      await next();
    });
  }
  app.use('/ims/*', async (_c, next) => {
    ctx.notifier.sweepIfDue();
    await next();
  });
  authRoutes(app, ctx);
  keyRoutes(app, ctx);
  keySecretRoutes(app, ctx);
  keyAssignmentRoutes(app, ctx);
  userKeyRoutes(app, ctx);
  userRoutes(app, ctx);
  groupRoleRoutes(app, ctx);
  emulatorRoutes(app, ctx, options.info ?? (() => ({})));
  installErrorHandling(app, () => ctx.clock.now(), options.logError ?? log ?? (() => undefined));
  return app;
}
