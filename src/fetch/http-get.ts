/**
 * One HTTP GET to an already-vetted address: no redirects, no retries.
 *
 * The connection goes to the pinned address (a custom `lookup` that returns
 * it, so a second DNS answer cannot differ from the one we checked), with a
 * wall-clock limit over connect + headers + body, a cap on bytes read from
 * the wire and a cap on bytes after content decoding (gzip, deflate, br),
 * both enforced while streaming so a 2 GB body or a gzip bomb is cut off at
 * the cap, not after.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { NewsgraphError } from '../util/errors.js';
import { bareHostname, type PinnedAddress } from './address-policy.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpGetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** Cap on body bytes, both as sent and after content decoding. */
  maxBytes: number;
  /**
   * Looks at status and headers before the body is read; throwing here aborts the
   * download (used to refuse unwanted content types without fetching them).
   */
  onHeaders?: (status: number, headers: Record<string, string>) => void;
  /** Skip reading the body (redirects, 304s). */
  wantBody?: (status: number) => boolean;
}

function pinnedLookup(pin: PinnedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pin.address, family: pin.family }]);
    else callback(null, pin.address, pin.family);
  }) as unknown as LookupFunction;
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(encoding: string | undefined, firstByte: number | undefined): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return null;
  if (enc === 'gzip' || enc === 'x-gzip') return zlib.createGunzip();
  // "deflate" is zlib-wrapped by the spec but raw deflate in some servers: the zlib header starts 0x?8.
  if (enc === 'deflate') return firstByte !== undefined && (firstByte & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
  if (enc === 'br') return zlib.createBrotliDecompress();
  throw new NewsgraphError('fetch-failed', `unsupported Content-Encoding: ${enc}`);
}

export function httpGet(url: URL, pin: PinnedAddress, opts: HttpGetOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    let settled = false;
    const streams: Readable[] = [];
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of streams) s.destroy();
      req.destroy();
      reject(e);
    };
    const timer = setTimeout(() => fail(new NewsgraphError('timeout', `no complete answer from ${url.host} within ${opts.timeoutMs} ms`)), opts.timeoutMs);

    const req = mod.request({
      protocol: url.protocol,
      hostname: bareHostname(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, ...opts.headers },
      lookup: pinnedLookup(pin),
      agent: false, // a fresh connection to the pinned address; no pooled socket from another check
      servername: url.protocol === 'https:' ? bareHostname(url) : undefined,
    });
    req.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code ?? e.message;
      fail(e instanceof NewsgraphError ? e : Object.assign(new NewsgraphError('fetch-failed', `cannot fetch ${url.host}: ${code}`, { cause: e }), { retryable: true }));
    });
    req.on('response', (res) => {
      streams.push(res);
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      try {
        opts.onHeaders?.(status, headers);
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          throw new NewsgraphError('too-large', `${url.host} announces ${declared} bytes, over the limit of ${opts.maxBytes}`);
        }
      } catch (e) {
        fail(e);
        return;
      }
      if (opts.wantBody && !opts.wantBody(status)) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status, headers, body: Buffer.alloc(0) });
        return;
      }
      readBody(res, headers, url, opts.maxBytes, streams).then(
        (body) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers, body });
        },
        (e: unknown) =>
          fail(e instanceof NewsgraphError ? e : Object.assign(new NewsgraphError('fetch-failed', `reading the body from ${url.host} failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`, { cause: e }), { retryable: true })),
      );
    });
    req.end();
  });
}

async function readBody(res: http.IncomingMessage, headers: Record<string, string>, url: URL, maxBytes: number, streams: Readable[]): Promise<Buffer> {
  const tooLarge = (what: string): NewsgraphError =>
    new NewsgraphError('too-large', `body from ${url.host} is over the limit of ${maxBytes} bytes${what}`);
  // Count wire bytes as they arrive, whatever happens downstream.
  const wire: Buffer[] = [];
  let wireBytes = 0;
  let decoder: ReturnType<typeof decoderFor> | undefined;
  const out: Buffer[] = [];
  let outBytes = 0;

  let decodeError: unknown = null;
  const write = (d: NonNullable<typeof decoder>, chunk: Buffer): Promise<void> =>
    new Promise<void>((ok, bad) => {
      d.write(chunk, (err) => (decodeError || err ? bad(decodeError ?? err) : ok()));
    });

  for await (const chunk of res as AsyncIterable<Buffer>) {
    wireBytes += chunk.length;
    if (wireBytes > maxBytes) throw tooLarge('');
    if (decoder === undefined) {
      decoder = decoderFor(headers['content-encoding'], chunk[0]);
      if (decoder) {
        const d = decoder;
        streams.push(d);
        d.on('error', (e) => {
          decodeError ??= e;
        });
        d.on('data', (piece: Buffer) => {
          outBytes += piece.length;
          if (outBytes > maxBytes) {
            decodeError ??= tooLarge(' once decompressed');
            d.destroy();
          } else out.push(piece);
        });
      }
    }
    if (decoder) await write(decoder, chunk);
    else wire.push(chunk);
  }
  if (!decoder) return Buffer.concat(wire, wireBytes);
  const d = decoder;
  await new Promise<void>((ok, bad) => {
    if (decodeError) return bad(decodeError);
    d.once('error', () => bad(decodeError instanceof NewsgraphError ? decodeError : new NewsgraphError('fetch-failed', `cannot decode the ${headers['content-encoding']} body from ${url.host}`)));
    d.once('close', () => (decodeError ? bad(decodeError) : ok()));
    d.once('end', ok);
    d.end();
  });
  if (decodeError) throw decodeError;
  return Buffer.concat(out, outBytes);
}
