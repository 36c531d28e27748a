/**
 * createFetcher: the one way newsgraph reads the web. Polite (robots.txt,
 * a User-Agent that says who we are, per-host spacing, a global concurrency
 * limit, conditional GET) and safe (http(s) only, every hop's addresses
 * vetted after DNS and pinned for the connection, redirect limit, timeouts,
 * size caps before and after decompression, content-type allow-list).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NewsgraphError } from '../util/errors.js';
import { checkUrl, resolveAndCheck, systemResolver, type Resolver } from './address-policy.js';
import { HostScheduler } from './host-scheduler.js';
import { httpGet, type RawResponse } from './http-get.js';
import { RobotsCache } from './robots.js';

export interface FetcherOptions {
  /** Default `newsgraph/<version> (+https://github.com/newsgraph/newsgraph)`. */
  userAgent?: string;
  /** Allow loopback, RFC 1918, CGNAT and IPv6 unique-local addresses (default false). */
  allowPrivate?: boolean;
  /** Per request attempt, connect to last byte (default 20 s). */
  timeoutMs?: number;
  /** Body cap in bytes, on the wire and after decompression (default 10 MB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Minimum spacing of requests to one host (default 1000 ms). */
  perHostDelayMs?: number;
  /** Requests in flight at once, all hosts together (default 4). */
  concurrency?: number;
  /** Default true. */
  respectRobots?: boolean;
  /** Retries after 429, 5xx or a network error (default 2). */
  retries?: number;
  /** First backoff; doubles each retry, with jitter (default 1000 ms). */
  retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails (default 60 s). */
  maxRetryAfterMs?: number;
  /** Media types accepted for 2xx bodies; null accepts anything. Default: HTML, XML, feeds, JSON, text. */
  acceptContentTypes?: string[] | null;
  /** DNS resolution (tests inject one); default the system resolver. */
  resolve?: Resolver;
}

export interface FetchOptions {
  /** ETag from an earlier fetch: sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified from an earlier fetch: sent as If-Modified-Since. */
  lastModified?: string | null;
}

export interface FetchResult {
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Media type without parameters, lower-case; null when the server gave none. */
  contentType: string | null;
  charset: string | null;
  /** True on 304 Not Modified (body empty). */
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** The URLs redirected through, in order. */
  redirects: string[];
}

export interface Fetcher {
  fetch(url: string | URL, opts?: FetchOptions): Promise<FetchResult>;
  readonly userAgent: string;
}

export const DEFAULT_ACCEPTED_TYPES = [
  'text/html', 'application/xhtml+xml', 'text/xml', 'application/xml', 'application/rss+xml', 'application/atom+xml',
  'application/rdf+xml', 'application/json', 'application/feed+json', 'application/ld+json', 'text/plain',
];

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: string };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

export const DEFAULT_USER_AGENT = `newsgraph/${packageVersion()} (+https://github.com/newsgraph/newsgraph)`;

function splitContentType(value: string | undefined): { contentType: string | null; charset: string | null } {
  if (!value) return { contentType: null, charset: null };
  const type = value.split(';')[0]?.trim().toLowerCase() || null;
  const cs = /charset\s*=\s*["']?([^"';\s]+)/i.exec(value);
  return { contentType: type, charset: cs?.[1]?.toLowerCase() ?? null };
}

function acceptable(type: string | null, accepted: string[] | null): boolean {
  if (!accepted || !type) return true;
  return accepted.includes(type) || type.endsWith('+xml') || type.endsWith('+json');
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
function retryAfterMs(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class HttpStatusError extends NewsgraphError {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super('fetch-failed', `HTTP ${status} from ${url}`);
  }
}

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const cfg = {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    respectRobots: options.respectRobots ?? true,
    retries: options.retries ?? 2,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    accepted: options.acceptContentTypes === undefined ? DEFAULT_ACCEPTED_TYPES : options.acceptContentTypes,
    resolve: options.resolve ?? systemResolver,
  };
  const scheduler = new HostScheduler(options.concurrency ?? 4, options.perHostDelayMs ?? 1000);
  // The product token robots.txt groups are matched against.
  const agentToken = cfg.userAgent.split('/')[0] ?? 'newsgraph';

  /** One attempt at one URL: vet and pin the address, then GET. */
  async function attempt(url: URL, headers: Record<string, string>, maxBytes: number, checkType: boolean): Promise<RawResponse> {
    return scheduler.run(url.host, async () => {
      const pin = await resolveAndCheck(url, { allowPrivate: cfg.allowPrivate, resolve: cfg.resolve });
      return httpGet(url, pin, {
        headers,
        timeoutMs: cfg.timeoutMs,
        maxBytes,
        wantBody: (status) => status >= 200 && status < 300,
        onHeaders: (status, h) => {
          if (!checkType || status < 200 || status >= 300) return;
          const { contentType } = splitContentType(h['content-type']);
          if (!acceptable(contentType, cfg.accepted)) {
            throw new NewsgraphError('unsupported-content-type', `refusing ${contentType} from ${url.href.slice(0, 200)}: not HTML, XML, a feed, JSON or text`);
          }
        },
      });
    });
  }

  /** Attempts with bounded exponential backoff on 429, 5xx and network errors. */
  async function withRetries(url: URL, headers: Record<string, string>, maxBytes: number, checkType: boolean): Promise<RawResponse> {
    for (let n = 0; ; n++) {
      let res: RawResponse | null = null;
      let error: unknown = null;
      try {
        res = await attempt(url, headers, maxBytes, checkType);
      } catch (e) {
        if (!(e as { retryable?: boolean }).retryable) throw e;
        error = e;
      }
      const retryable = error !== null || (res !== null && RETRY_STATUSES.has(res.status));
      if (!retryable || n >= cfg.retries) {
        if (error) throw error;
        return res!;
      }
      const backoff = cfg.retryBaseDelayMs * 2 ** n * (0.75 + Math.random() * 0.5);
      const asked = res ? retryAfterMs(res.headers['retry-after']) : null;
      if (asked !== null && asked > cfg.maxRetryAfterMs) return res!; // the caller sees the 429/503
      await sleep(Math.max(backoff, asked ?? 0));
    }
  }

  async function follow(start: URL, opts: FetchOptions, mode: 'document' | 'robots'): Promise<FetchResult> {
    const headers: Record<string, string> = {
      'user-agent': cfg.userAgent,
      accept: mode === 'robots' ? 'text/plain, */*;q=0.5' : 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.1',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const maxBytes = mode === 'robots' ? Math.min(cfg.maxBytes, 512 * 1024) : cfg.maxBytes;

    let url = start;
    const redirects: string[] = [];
    for (let hop = 0; ; hop++) {
      if (mode === 'document' && cfg.respectRobots) {
        const rules = await robots.rulesFor(url);
        if (rules.crawlDelayMs) scheduler.setHostDelay(url.host, Math.min(rules.crawlDelayMs, 60_000));
        if (!rules.isAllowed(url.href)) {
          const why = rules.source === 'unreachable' ? `its robots.txt could not be read (${rules.reason ?? 'unreachable'})` : 'robots.txt disallows it';
          throw new NewsgraphError('robots-disallowed', `not fetching ${url.href.slice(0, 200)}: ${why}`);
        }
      }
      const res = await withRetries(url, headers, maxBytes, mode === 'document');
      const location = res.headers.location;
      if (REDIRECTS.has(res.status) && location) {
        if (hop >= cfg.maxRedirects) throw new NewsgraphError('fetch-failed', `more than ${cfg.maxRedirects} redirects starting at ${start.href.slice(0, 200)}`);
        redirects.push(url.href);
        url = checkUrl(location, url);
        continue;
      }
      const { contentType, charset } = splitContentType(res.headers['content-type']);
      const result: FetchResult = {
        status: res.status,
        url: url.href,
        headers: res.headers,
        body: res.body,
        contentType,
        charset,
        notModified: res.status === 304,
        etag: res.headers.etag ?? null,
        lastModified: res.headers['last-modified'] ?? null,
        redirects,
      };
      if (mode === 'robots' || res.status === 304 || (res.status >= 200 && res.status < 300)) return result;
      throw new HttpStatusError(res.status, url.href.slice(0, 200));
    }
  }

  const robots = new RobotsCache(agentToken, async (robotsUrl) => {
    const r = await follow(checkUrl(robotsUrl), {}, 'robots');
    return { status: r.status, body: r.body };
  });

  return {
    userAgent: cfg.userAgent,
    fetch: async (url, opts = {}) => follow(checkUrl(url), opts, 'document'),
  };
}
