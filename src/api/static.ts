/**
 * Serve the built web UI (web/dist, made by `vite build --config
 * web/vite.config.ts`) at `/`. Mount it after the API routes:
 *
 *   app.route('/api/ui', uiRoutes(store));
 *   serveWeb(app);            // GET / and /assets/* from web/dist
 *
 * Paths under /api and /openapi.json are left alone. Files are read from the
 * dist folder only (no path escapes); every response carries a strict
 * Content-Security-Policy so that nothing but the bundle can run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';

/** web/dist relative to this module: src/api -> ../../web/dist, and the same from dist/api. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function securityHeaders(c: Context): void {
  c.header('Content-Security-Policy', UI_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
}

/** True when the UI has been built (tests and `serve` use it to explain what is missing). */
export function webBuilt(root: string = DEFAULT_WEB_ROOT): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

export function serveWeb(app: Hono, opts: { root?: string } = {}): Hono {
  const root = path.resolve(opts.root ?? DEFAULT_WEB_ROOT);
  app.get('*', async (c, next) => {
    const urlPath = c.req.path;
    if (urlPath.startsWith('/api/') || urlPath === '/api' || urlPath === '/openapi.json') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(urlPath);
    } catch {
      return c.text('bad path', 400);
    }
    if (rel.includes('\0')) return c.text('bad path', 400);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) return c.text('not found', 404);
    let body: Buffer;
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile()) throw new Error('not a file');
      body = await fs.promises.readFile(file);
    } catch {
      // An unknown top-level path without an extension (/analyse) gets the app: routing is by
      // #hash, so this is only a courtesy; deeper paths would break the relative asset URLs.
      if (path.extname(rel) === '' && rel.lastIndexOf('/') === 0 && webBuilt(root)) {
        securityHeaders(c);
        c.header('Cache-Control', 'no-cache');
        return c.body(new Uint8Array(await fs.promises.readFile(path.join(root, 'index.html'))), 200, { 'Content-Type': TYPES['.html']! });
      }
      if (rel === '/index.html') {
        return c.text('The web UI is not built: run "npx vite build --config web/vite.config.ts".', 503);
      }
      return c.text('not found', 404);
    }
    securityHeaders(c);
    // Hashed asset names never change; index.html must be revalidated.
    c.header('Cache-Control', rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(new Uint8Array(body), 200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
  });
  return app;
}
