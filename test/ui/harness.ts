/**
 * Test harness for the browser tests: a temp SQLite store filled with our
 * fixtures, the HTTP app on a random loopback port (the real API app when
 * src/api/app.ts provides one, else the UI routes with a stand-in analyse
 * route), and Debian's Chromium through playwright-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import type { Analysis } from '../../src/doc/schema.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { uiRoutes } from '../../src/api/ui-routes.js';
import { DEFAULT_WEB_ROOT, serveWeb, webBuilt } from '../../src/api/static.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'screenshots');

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (!webBuilt(DEFAULT_WEB_ROOT)) return 'web/dist is not built (npx vite build --config web/vite.config.ts)';
  return null;
}

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export type Analyzer = (input: { text?: string; html?: string; url?: string }) => Promise<Analysis>;

/**
 * The real server app (src/api/app.ts: createServerApp mounts the API, the
 * UI routes and web/dist) with the test's analyser, when that module exists.
 */
async function realApp(store: Store, analyze: Analyzer | undefined): Promise<Hono | null> {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src/api/app.ts');
  if (!fs.existsSync(file) || process.env.NEWSGRAPH_UI_STANDIN === '1') return null;
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const factory = mod.createServerApp as ((opts: Record<string, unknown>) => Hono) | undefined;
  if (typeof factory !== 'function') return null;
  return factory({ store, log: () => {}, ...(analyze ? { analyze } : {}) });
}

export async function startServer(opts: { analyses?: Analysis[]; stories?: string[][]; analyze?: Analyzer } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-ui-'));
  const store = SqliteStore.open(path.join(dir, 'test.db'));
  if (opts.analyses?.length) await store.putMany(opts.analyses);
  for (const ids of opts.stories ?? []) {
    const story = await store.createStory(null);
    for (const id of ids) await store.assignToStory(id, story);
  }
  let app = await realApp(store, opts.analyze);
  if (!app) {
    app = new Hono();
    app.route('/api/ui', uiRoutes(store));
    serveWeb(app);
    const analyze = opts.analyze;
    // Stand-in for POST /api/analyze until the API app exists.
    app.post('/api/analyze', async (c) => {
      if (!analyze) return c.json({ error: { code: 'usage', message: 'no analyser in this test' } }, 501);
      const body = (await c.req.json()) as { text?: string; html?: string; url?: string };
      try {
        return c.json(await analyze(body));
      } catch (e) {
        return c.json({ error: { code: 'internal', message: (e as Error).message } }, 500);
      }
    });
  }
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // WebGL for the network graph through the software rasteriser.
      '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
    ],
  });
}

export const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Full-page screenshots at desktop and phone widths: test/ui/screenshots/<name>-<width>.png. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const out: string[] = [];
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const file = path.join(SCREENSHOTS, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    out.push(file);
  }
  if (original) await page.setViewportSize(original);
  return out;
}

/** Collect page errors and dialogs; tests assert both stay empty. */
export function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const w = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return w;
}
