/**
 * Canonical URLs: one key for every spelling of an article's address, so a
 * page fetched twice through different links is seen as one document.
 */
import { dataPath, readWordList } from '../util/data-files.js';

export interface CanonicalUrlOptions {
  /** The page's `<link rel=canonical>` (may be relative); preferred when it looks sane. */
  canonical?: string | null;
  /** Treat http and https as one (the key uses https). Default true. */
  ignoreScheme?: boolean;
  /** Treat `www.example.com` and `example.com` as one. Default true. */
  stripWww?: boolean;
}

interface TrackingRules {
  names: Set<string>;
  prefixes: string[];
}

let rules: TrackingRules | null = null;
function trackingRules(): TrackingRules {
  if (rules) return rules;
  const names = new Set<string>();
  const prefixes: string[] = [];
  for (const line of readWordList(dataPath('dedupe', 'tracking-params.txt'))) {
    const name = line.toLowerCase();
    if (name.endsWith('*')) prefixes.push(name.slice(0, -1));
    else names.add(name);
  }
  rules = { names, prefixes };
  return rules;
}

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  const r = trackingRules();
  return r.names.has(lower) || r.prefixes.some((p) => lower.startsWith(p));
}

const INDEX_FILE = /\/(?:index|default)\.(?:html?|php|aspx?)$/i;

function parseHttp(url: string, base?: string): URL | null {
  try {
    const u = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * A rel=canonical pointing at the site's home page from an article page is a
 * common template mistake; trusting it would merge every article of the site.
 */
function usableCanonical(page: URL | null, canonical: URL): boolean {
  if (page === null) return true;
  const root = (p: string): boolean => p === '/' || p === '';
  return !(root(canonical.pathname) && canonical.search === '' && !root(page.pathname));
}

/**
 * The dedupe key for an address, or null when it is not an http(s) URL.
 * Lower-cased host (URL does it), no fragment, no tracking parameters, the
 * rest of the query sorted by name, default ports dropped (URL does it), no
 * `index.html`, no trailing slash except for the root path, no doubled
 * slashes. The path keeps its case: servers are case-sensitive.
 */
export function canonicalUrl(url: string | null | undefined, options: CanonicalUrlOptions = {}): string | null {
  const page = url ? parseHttp(url) : null;
  let u = page;
  if (options.canonical) {
    const c = page ? parseHttp(options.canonical, page.href) : parseHttp(options.canonical);
    if (c && usableCanonical(page, c)) u = c;
  }
  if (!u) return null;
  const out = new URL(u.href);
  out.hash = '';
  out.username = '';
  out.password = '';
  if (options.ignoreScheme ?? true) out.protocol = 'https:';
  if ((options.stripWww ?? true) && out.hostname.startsWith('www.')) out.hostname = out.hostname.slice(4);
  if (out.hostname.endsWith('.')) out.hostname = out.hostname.slice(0, -1);
  if ((out.protocol === 'https:' && out.port === '443') || (out.protocol === 'http:' && out.port === '80')) out.port = '';

  let path = out.pathname.replace(/\/{2,}/g, '/').replace(INDEX_FILE, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  out.pathname = path === '' ? '/' : path;

  const kept = [...out.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  // Stable sort by name: order between parameters never matters to a news page,
  // order within a repeated parameter might.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.search = '';
  for (const [name, value] of kept) out.searchParams.append(name, value);
  return out.href;
}
