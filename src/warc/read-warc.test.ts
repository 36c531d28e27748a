import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readWarc, type WarcRecord } from './read-warc.js';
import { isNewsgraphError } from '../util/errors.js';

/** One WARC record, serialised by hand (the format is simple enough to write in a test). */
function record(type: string, uri: string | null, block: Buffer | string, extra: Record<string, string> = {}): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    'WARC-Date: 2026-03-04T05:06:07Z',
    `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), body, Buffer.from('\r\n\r\n')]);
}

function httpResponse(status: number, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`HTTP/1.1 ${status} OK`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), b]);
}

const PAGE = '<html><head><title>Quarry flooded</title></head><body><p>The old quarry flooded overnight.</p></body></html>';
const chunked = `${Buffer.byteLength(PAGE.slice(0, 40)).toString(16)}\r\n${PAGE.slice(0, 40)}\r\n${Buffer.byteLength(PAGE.slice(40)).toString(16)}\r\n${PAGE.slice(40)}\r\n0\r\n\r\n`;

function sampleRecords(): Buffer[] {
  return [
    record('warcinfo', null, 'software: handwritten\r\n', { 'Content-Type': 'application/warc-fields' }),
    record('response', 'dns:quarry.example', '20260304050607\nquarry.example. 300 IN A 192.0.2.7\n', { 'Content-Type': 'text/dns' }),
    record('request', 'https://quarry.example/news', 'GET /news HTTP/1.1\r\nHost: quarry.example\r\n\r\n', { 'Content-Type': 'application/http; msgtype=request' }),
    record('response', 'https://quarry.example/news', httpResponse(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Transfer-Encoding': 'chunked' }, chunked), { 'Content-Type': 'application/http; msgtype=response' }),
    record('response', 'https://quarry.example/gz', httpResponse(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, zlib.gzipSync(PAGE)), { 'Content-Type': 'application/http; msgtype=response' }),
    record('metadata', 'https://quarry.example/news', 'outlink: https://quarry.example/a\r\n', { 'Content-Type': 'application/warc-fields' }),
    record('revisit', 'https://quarry.example/news', httpResponse(200, { 'Content-Type': 'text/html' }, ''), { 'WARC-Profile': 'http://netpreserve.org/warc/1.0/revisit/identical-payload-digest' }),
    record('resource', 'https://quarry.example/notes.txt', 'Plain notes.', { 'Content-Type': 'text/plain; charset=utf-8' }),
  ];
}

async function collect(input: Parameters<typeof readWarc>[0], opts: Parameters<typeof readWarc>[1] = {}): Promise<WarcRecord[]> {
  const out: WarcRecord[] = [];
  for await (const r of readWarc(input, { onWarning: () => {}, ...opts })) out.push(r);
  return out;
}

async function errorCode(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (isNewsgraphError(e)) return String(e.code);
    throw e;
  }
}

function tmpFile(name: string, data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-warc-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('readWarc on a handwritten WARC', () => {
  for (const variant of ['plain', 'gzip per record'] as const) {
    const bytes = variant === 'plain' ? Buffer.concat(sampleRecords()) : Buffer.concat(sampleRecords().map((r) => zlib.gzipSync(r)));

    it(`${variant}: yields only document records by default, decoded`, async () => {
      const recs = await collect(tmpFile('a.warc' + (variant === 'plain' ? '' : '.gz'), bytes));
      expect(recs.map((r) => [r.recordType, r.targetUri])).toEqual([
        ['response', 'https://quarry.example/news'],
        ['response', 'https://quarry.example/gz'],
        ['resource', 'https://quarry.example/notes.txt'],
      ]);
      const [news, gz, notes] = recs;
      expect(news?.httpStatus).toBe(200);
      expect(news?.contentType).toBe('text/html');
      expect(news?.charset).toBe('utf-8');
      expect(news?.body.toString()).toBe(PAGE); // de-chunked
      expect(gz?.body.toString()).toBe(PAGE); // content-decoded
      expect(notes?.body.toString()).toBe('Plain notes.');
      expect(notes?.contentType).toBe('text/plain');
      expect(news?.date).toBe('2026-03-04T05:06:07Z');
    });

    it(`${variant}: with includeSkipped, says why each other record was skipped`, async () => {
      const recs = await collect(Readableish(bytes), { includeSkipped: true });
      expect(recs.map((r) => r.skip)).toEqual(['warcinfo', 'dns', 'request', null, null, 'metadata', 'revisit', null]);
      expect(recs.filter((r) => r.skip).every((r) => r.body.length === 0)).toBe(true);
      expect(recs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });
  }

  it('skips a body over the cap with a warning and reads on', async () => {
    const big = record('response', 'https://quarry.example/big', httpResponse(200, { 'Content-Type': 'text/html' }, 'x'.repeat(50_000)));
    const after = record('response', 'https://quarry.example/after', httpResponse(200, { 'Content-Type': 'text/html' }, PAGE));
    const warnings: string[] = [];
    const recs: WarcRecord[] = [];
    for await (const r of readWarc(Readableish(Buffer.concat([big, after])), { maxBodyBytes: 10_000, includeSkipped: true, onWarning: (m) => warnings.push(m) })) recs.push(r);
    expect(recs.map((r) => r.skip)).toEqual(['too-large', null]);
    expect(recs[1]?.body.toString()).toBe(PAGE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('https://quarry.example/big');
  });
});

/** An async iterable of the bytes in uneven chunks, to exercise chunk boundaries. */
async function* Readableish(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 4093 + 1) yield bytes.subarray(at, at + step);
}

describe('readWarc on broken and hostile input', () => {
  it('rejects a file that is not a WARC with bad-warc', async () => {
    expect(await errorCode(collect(Readableish(Buffer.from('<html>hello</html>\r\n\r\nmore text'))))).toBe('bad-warc');
    // A WARC line and then bytes with no record in them.
    expect(await errorCode(collect(Readableish(Buffer.from('WARC/1.0\u0000\u0001garbage\u00ff'))))).toBe('bad-warc');
  });

  it('reports a damaged gzip stream as bad-warc after yielding the records before it', async () => {
    // Records read before the damage are delivered; zlib may drop its last buffered
    // output (under 64 kB) when it fails, so only most of them are promised.
    const goods = Array.from({ length: 30 }, (_, i) =>
      zlib.gzipSync(record('response', `https://quarry.example/${i}`, httpResponse(200, { 'Content-Type': 'text/html' }, PAGE.repeat(20)))));
    const broken = zlib.gzipSync(sampleRecords()[4]!);
    const truncated = Buffer.concat([...goods, broken.subarray(0, broken.length - 30)]);
    const seen: string[] = [];
    const code = await errorCode((async () => {
      for await (const r of readWarc(Readableish(truncated), { onWarning: () => {} })) seen.push(r.targetUri ?? '');
    })());
    expect(code).toBe('bad-warc');
    expect(seen.length).toBeGreaterThanOrEqual(25);
    expect(seen.slice(0, 3)).toEqual(['https://quarry.example/0', 'https://quarry.example/1', 'https://quarry.example/2']);
  });

  it('stops a record that declares more than the cap (gzip bomb) at once', async () => {
    // 40 MB of zeros packs into ~40 kB; the declared length alone is over the 1 MB cap.
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    const bomb = zlib.gzipSync(record('response', 'https://bomb.example/', httpResponse(200, { 'Content-Type': 'text/html' }, zeros)));
    const t0 = Date.now();
    expect(await errorCode(collect(Readableish(bomb), { maxRecordBytes: 1024 * 1024 }))).toBe('too-large');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('stops a record that lies about its length and decompresses to garbage', async () => {
    const liar = Buffer.concat([record('resource', 'https://liar.example/', 'short'), Buffer.alloc(30 * 1024 * 1024, 0x41)]);
    const gz = zlib.gzipSync(liar);
    const before = process.memoryUsage().rss;
    expect(await errorCode(collect(Readableish(gz)))).toBe('too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('keeps memory flat on a long stream of records', async () => {
    const body = httpResponse(200, { 'Content-Type': 'text/html' }, Buffer.alloc(256 * 1024, 0x61));
    const one = zlib.gzipSync(record('response', 'https://flat.example/p', body));
    async function* many(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 400; i++) yield one; // ~100 MB of WARC once decompressed
    }
    let count = 0;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    for await (const r of readWarc(many())) {
      count++;
      expect(r.body.length).toBe(256 * 1024);
      if (count % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    expect(count).toBe(400);
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('gives not-found for a missing path', async () => {
    expect(await errorCode(collect('/nonexistent/file.warc.gz'))).toBe('not-found');
  });
});
