/**
 * Which URLs and IP addresses the fetcher may reach (SSRF defence).
 *
 * URLs: only http and https, no embedded credentials. The WHATWG URL parser
 * already canonicalises odd IPv4 spellings (`http://2130706433/`,
 * `http://0177.0.0.1/`, `http://0x7f.1/` all become 127.0.0.1), so the
 * address checks below see the real address.
 *
 * Addresses: only globally routable unicast is allowed by default. Every
 * special range ipaddr.js knows is refused: private, loopback, link-local
 * (cloud metadata at 169.254.169.254), CGNAT, multicast, broadcast,
 * unspecified, reserved/documentation/benchmarking, and for IPv6 unique-local,
 * NAT64/6to4/Teredo (they embed IPv4 addresses) and the rest. IPv4-mapped
 * IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps.
 *
 * `allowPrivate` opens only the ranges where a user's own services live
 * (loopback, RFC 1918 private, CGNAT, IPv6 unique-local); link-local,
 * multicast, unspecified and reserved stay closed, since nothing worth
 * fetching lives there and the metadata endpoint does.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { NewsgraphError } from '../util/errors.js';

export interface AddressVerdict {
  allowed: boolean;
  /** ipaddr.js range name ('unicast', 'private', 'loopback', 'linkLocal', …). */
  range: string;
  /** The address as judged (IPv4-mapped IPv6 unwrapped). */
  address: string;
}

const OPENED_BY_ALLOW_PRIVATE = new Set(['private', 'loopback', 'carrierGradeNat', 'uniqueLocal']);

export function judgeAddress(ip: string, allowPrivate = false): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(ip); // unwraps ::ffff:a.b.c.d to IPv4
  } catch {
    return { allowed: false, range: 'invalid', address: ip };
  }
  const range = parsed.range();
  const allowed = range === 'unicast' || (allowPrivate && OPENED_BY_ALLOW_PRIVATE.has(range));
  return { allowed, range, address: parsed.toString() };
}

/** Parse and vet a URL string: http(s) only, no credentials. Throws 'bad-url'. */
export function checkUrl(raw: string | URL, base?: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new NewsgraphError('bad-url', `not a valid URL: ${String(raw).slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsgraphError('bad-url', `refusing ${url.protocol.replace(/:$/, '')}: URL ${url.href.slice(0, 200)}: only http and https can be fetched`);
  }
  if (url.username || url.password) {
    throw new NewsgraphError('bad-url', `refusing URL with embedded credentials: ${url.host}`);
  }
  if (!url.hostname) throw new NewsgraphError('bad-url', `URL has no host: ${url.href.slice(0, 200)}`);
  return url;
}

/** `[::1]` → `::1`; names stay as they are. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<PinnedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Resolve the URL's host and vet every address it resolves to: if any is
 * refused the host is refused (a name that mixes public and private
 * addresses is a rebinding trick or a misconfiguration). Returns the address
 * to connect to, which the caller must pin for the connection.
 */
export async function resolveAndCheck(url: URL, opts: { allowPrivate: boolean; resolve: Resolver }): Promise<PinnedAddress> {
  const host = bareHostname(url);
  if (net.isIP(host)) {
    const v = judgeAddress(host, opts.allowPrivate);
    if (!v.allowed) throw new NewsgraphError('blocked-address', `refusing to connect to ${v.address} (${v.range} address) for ${url.host}`);
    return { address: host, family: net.isIPv6(host) ? 6 : 4 };
  }
  let addresses: PinnedAddress[];
  try {
    addresses = await opts.resolve(host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new NewsgraphError('fetch-failed', `cannot resolve ${host}: ${code}`, { cause: e });
  }
  if (addresses.length === 0) throw new NewsgraphError('fetch-failed', `cannot resolve ${host}: no addresses`);
  for (const a of addresses) {
    const v = judgeAddress(a.address, opts.allowPrivate);
    if (!v.allowed) throw new NewsgraphError('blocked-address', `refusing to connect to ${host}: it resolves to ${v.address} (${v.range} address)`);
  }
  return addresses[0]!;
}
