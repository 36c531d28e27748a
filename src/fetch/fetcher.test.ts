import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_USER_AGENT, type FetcherOptions } from './fetcher.js';
import { isNewsgraphError } from '../util/errors.js';

const PAGE = '<html><head><title>Tide tables</title></head><body><p>High water at 06:12.</p></body></html>';

interface ServerState {
  robotsHits: number;
  robots: string | null; // null → 404
  lastUserAgent: string | null;
  flaky: number;
  inFlight: number;
  maxInFlight: number;
  starts: number[];
  endlessBytesSent: number;
}

const state: ServerState = { robotsHits: 0, robots: 'User-agent: *\nDisallow: /private\n', lastUserAgent: null, flaky: 0, inFlight: 0, maxInFlight: 0, starts: [], endlessBytesSent: 0 };
let server: http.Server;
let base = '';
const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MB of zeros in ~64 kB

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? '/';
  if (path !== '/robots.txt') state.lastUserAgent = req.headers['user-agent'] ?? null;
  const html = (body: string | Buffer, extra: http.OutgoingHttpHeaders = {}): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra });
    res.end(body);
  };
  if (path === '/robots.txt') {
    state.robotsHits++;
    if (state.robots === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(state.robots);
    return;
  }
  if (path === '/page' || path === '/public' || path === '/private') return html(PAGE);
  if (path === '/gzip') return html(zlib.gzipSync(PAGE), { 'content-encoding': 'gzip' });
  if (path === '/br') return html(zlib.brotliCompressSync(PAGE), { 'content-encoding': 'br' });
  if (path === '/deflate') return html(zlib.deflateSync(PAGE), { 'content-encoding': 'deflate' });
  if (path === '/deflate-raw') return html(zlib.deflateRawSync(PAGE), { 'content-encoding': 'deflate' });
  if (path === '/bomb') return html(bomb, { 'content-encoding': 'gzip' });
  if (path === '/etag') {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Mon, 02 Mar 2026 10:00:00 GMT') {
      res.writeHead(304, { etag: '"v1"' }).end();
      return;
    }
    return html(PAGE, { etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 10:00:00 GMT' });
  }
  const hop = /^\/redirect\/(\d+)$/.exec(path);
  if (hop) {
    const n = Number(hop[1]);
    res.writeHead(302, { location: n === 0 ? '/page' : `/redirect/${n - 1}` }).end();
    return;
  }
  if (path === '/to-metadata') {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    return;
  }
  if (path === '/to-file') {
    res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    return;
  }
  if (path === '/endless' || path === '/declared-huge') {
    res.writeHead(200, { 'content-type': 'text/html', ...(path === '/declared-huge' ? { 'content-length': String(2 * 1024 ** 3) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = (): void => {
      while (!res.destroyed && state.endlessBytesSent < 3 * 1024 ** 3) {
        state.endlessBytesSent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
    return;
  }
  if (path === '/flaky') {
    state.flaky++;
    if (state.flaky <= 2) {
      res.writeHead(state.flaky === 1 ? 503 : 429, { 'retry-after': '0' }).end();
      return;
    }
    return html(PAGE);
  }
  if (path === '/always-503') {
    res.writeHead(503).end();
    return;
  }
  if (path === '/slow') return; // never answers
  if (path === '/image') {
    res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
    return;
  }
  if (path.startsWith('/busy')) {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    state.starts.push(Date.now());
    setTimeout(() => {
      state.inFlight--;
      html(PAGE);
    }, 40);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const local = (o: FetcherOptions = {}) => createFetcher({ allowPrivate: true, perHostDelayMs: 0, timeoutMs: 5000, retryBaseDelayMs: 5, ...o });

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (isNewsgraphError(e)) return String(e.code);
    throw e;
  }
}

describe('fetcher: happy paths (allowPrivate, local server)', () => {
  it('fetches a page with our User-Agent', async () => {
    const r = await local().fetch(`${base}/page`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(PAGE);
    expect(r.contentType).toBe('text/html');
    expect(r.charset).toBe('utf-8');
    expect(r.notModified).toBe(false);
    expect(state.lastUserAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^newsgraph\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/newsgraph\/newsgraph\)$/);
  });

  it('decodes gzip, br, deflate and raw deflate', async () => {
    const f = local();
    for (const p of ['/gzip', '/br', '/deflate', '/deflate-raw']) expect((await f.fetch(`${base}${p}`)).body.toString(), p).toBe(PAGE);
  });

  it('does conditional GET: 304 → notModified', async () => {
    const f = local();
    const first = await f.fetch(`${base}/etag`);
    expect(first.etag).toBe('"v1"');
    const again = await f.fetch(`${base}/etag`, { etag: first.etag });
    expect(again.status).toBe(304);
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
    const byDate = await f.fetch(`${base}/etag`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
  });

  it('follows up to 5 redirects and refuses the 6th', async () => {
    const f = local();
    const r = await f.fetch(`${base}/redirect/4`);
    expect(r.url).toBe(`${base}/page`);
    expect(r.redirects).toHaveLength(5);
    expect(await codeOf(f.fetch(`${base}/redirect/5`))).toBe('fetch-failed');
  });

  it('retries 503 and 429 with backoff, then succeeds; gives up after the retry budget', async () => {
    state.flaky = 0;
    const r = await local().fetch(`${base}/flaky`);
    expect(r.status).toBe(200);
    expect(state.flaky).toBe(3);
    const e = await local({ retries: 1 }).fetch(`${base}/always-503`).catch((x: unknown) => x);
    expect(isNewsgraphError(e) && e.code).toBe('fetch-failed');
    expect((e as { status?: number }).status).toBe(503);
  });

  it('connects to the pinned address of a name it resolved itself', async () => {
    const port = new URL(base).port;
    const f = local({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const r = await f.fetch(`http://newsroom.test:${port}/page`);
    expect(r.body.toString()).toBe(PAGE);
    const strict = createFetcher({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(await codeOf(strict.fetch(`http://newsroom.test:${port}/page`))).toBe('blocked-address');
  });
});

describe('fetcher: politeness', () => {
  it('obeys robots.txt and caches it per host', async () => {
    state.robotsHits = 0;
    const f = local();
    expect((await f.fetch(`${base}/public`)).status).toBe(200);
    expect(await codeOf(f.fetch(`${base}/private`))).toBe('robots-disallowed');
    expect(state.robotsHits).toBe(1);
    const ignoring = local({ respectRobots: false });
    expect((await ignoring.fetch(`${base}/private`)).status).toBe(200);
  });

  it('says why robots.txt could not be read when the host cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await local({ retries: 0 }).fetch(`http://127.0.0.1:${port}/page`).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/robots\.txt could not be read \(cannot fetch 127\.0\.0\.1:\d+: ECONNREFUSED\)/);
  });

  it('spaces requests to one host and caps concurrency', async () => {
    state.starts = [];
    const spaced = local({ perHostDelayMs: 150, respectRobots: false });
    await Promise.all([spaced.fetch(`${base}/busy/1`), spaced.fetch(`${base}/busy/2`), spaced.fetch(`${base}/busy/3`)]);
    const gaps = state.starts.slice(1).map((t, i) => t - state.starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(120); // 150 ms apart, less connection jitter

    state.maxInFlight = 0;
    const one = local({ concurrency: 1, respectRobots: false });
    await Promise.all([1, 2, 3, 4].map((i) => one.fetch(`${base}/busy/c${i}`)));
    expect(state.maxInFlight).toBe(1);
  });
});

describe('fetcher: refusals', () => {
  it('refuses non-http schemes with bad-url', async () => {
    const f = createFetcher();
    for (const u of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'ftp://ftp.example/pub/x']) expect(await codeOf(f.fetch(u)), u).toBe('bad-url');
  });

  it('refuses loopback in every spelling by default', async () => {
    const f = createFetcher();
    const port = new URL(base).port;
    for (const host of ['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.1', '[::ffff:127.0.0.1]', '[::1]', 'localhost']) {
      expect(await codeOf(f.fetch(`http://${host}:${port}/page`)), host).toBe('blocked-address');
    }
  });

  it('refuses a redirect to the metadata address or to file:', async () => {
    const f = local();
    expect(await codeOf(f.fetch(`${base}/to-metadata`))).toBe('blocked-address');
    expect(await codeOf(f.fetch(`${base}/to-file`))).toBe('bad-url');
  });

  it('stops an endless body at the cap, quickly', async () => {
    const f = local({ maxBytes: 1024 * 1024, respectRobots: false });
    state.endlessBytesSent = 0;
    const t0 = Date.now();
    expect(await codeOf(f.fetch(`${base}/endless`))).toBe('too-large');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(state.endlessBytesSent).toBeLessThan(64 * 1024 * 1024);
    expect(await codeOf(f.fetch(`${base}/declared-huge`))).toBe('too-large');
  });

  it('stops a gzip bomb at the decompressed cap', async () => {
    const f = local({ maxBytes: 2 * 1024 * 1024, respectRobots: false });
    const before = process.memoryUsage().rss;
    expect(await codeOf(f.fetch(`${base}/bomb`))).toBe('too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('times out a server that never answers', async () => {
    const t0 = Date.now();
    expect(await codeOf(local({ timeoutMs: 300, respectRobots: false }).fetch(`${base}/slow`))).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('refuses unwanted content types and reports HTTP errors', async () => {
    const f = local();
    expect(await codeOf(f.fetch(`${base}/image`))).toBe('unsupported-content-type');
    expect(await codeOf(f.fetch(`${base}/missing`))).toBe('fetch-failed');
  });
});
