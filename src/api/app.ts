/**
 * The HTTP API as a Hono app (no socket here: server.ts listens). Routes are
 * declared with @hono/zod-openapi so the zod schemas that validate requests
 * also produce /openapi.json.
 *
 * Limits: request bodies over `bodyLimit` bytes get 413; a request that has
 * not answered within `timeoutMs` gets 503 (the work already started, such
 * as one analysis, runs to its end: bodies are small enough for that).
 * Errors are `{ "error": { "code", "message" } }`, never stack traces.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Analysis } from '../doc/schema.js';
import type { Store } from '../store/store.js';
import { NewsgraphError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { errorBody, toErrorResponse } from './errors.js';
import { registerReadRoutes } from './routes/read.js';
import { registerWriteRoutes } from './routes/write.js';
import { serveWeb } from './static.js';
import { uiRoutes } from './ui-routes.js';

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface AppOptions {
  store: Store;
  /** Bearer token for write routes; when null, writes are open (the server then only listens on loopback). */
  token?: string | null;
  bodyLimit?: number;
  timeoutMs?: number;
  /** Origins allowed by CORS; CORS is off when empty. */
  corsOrigins?: string[];
  /** Let URL analysis fetch private and loopback addresses. */
  allowPrivate?: boolean;
  /** Replaces the analysis behind POST /api/analyze (tests of clients). */
  analyze?: (input: { text?: string; html?: string; url?: string }) => Promise<Analysis>;
  /** Where server-side failures are logged (never sent to clients). */
  log?: (line: string) => void;
}

function sameSecret(given: string, expected: string): boolean {
  // Compare digests so neither the length nor the content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(token: string | null | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !sameSecret(m[1]!.trim(), token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthorized', 'this endpoint needs "Authorization: Bearer <token>" (the token given to newsgraph serve)'), 401);
    }
    return next();
  };
}

function timeLimit(ms: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NewsgraphError('timeout', `the request took longer than ${ms} ms`)), ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The API routes (/api/..., /openapi.json) without the web UI. */
export function createApp(opts: AppOptions): OpenAPIHono {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return c.json(errorBody('bad-input', `${where}${issue?.message ?? 'invalid request'}`), 400);
      }
      return undefined;
    },
  });
  const maxBytes = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;

  app.onError((e, c) => toErrorResponse(c, e, log));
  app.notFound((c) => c.json(errorBody('not-found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  if (opts.corsOrigins && opts.corsOrigins.length > 0) app.use('/api/*', cors({ origin: opts.corsOrigins, allowHeaders: ['Authorization', 'Content-Type'] }));
  app.use('*', timeLimit(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  app.use('/api/*', bodyLimit({ maxSize: maxBytes, onError: (c) => c.json(errorBody('too-large', `request body over ${maxBytes} bytes`), 413) }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registerReadRoutes(app, opts.store);
  registerWriteRoutes(app, opts.store, {
    requireToken: bearerToken(opts.token),
    ...(opts.allowPrivate ? { allowPrivate: true } : {}),
    ...(opts.analyze ? { analyze: opts.analyze } : {}),
  });
  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION }));
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'newsgraph API',
      version: VERSION,
      description: 'Sourced, structured facts from news: documents, events, one-a-day event records, quotes with relay chains, actors, stories, search.',
    },
  });
  return app;
}

/** What `newsgraph serve` runs: the API, the web UI's read routes and the built UI at `/`. */
export function createServerApp(opts: AppOptions & { webRoot?: string }): OpenAPIHono {
  const app = createApp(opts);
  app.route('/api/ui', uiRoutes(opts.store, opts.log));
  serveWeb(app as unknown as Hono, opts.webRoot ? { root: opts.webRoot } : {});
  return app;
}
