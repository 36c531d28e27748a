/**
 * The CLI on web inputs: HTML (plain and gzipped), feeds, WARC, URLs from a
 * local server, and hostile inputs (file:// URLs, redirects to the metadata
 * address, gzip bombs, billion-laughs feeds).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/doc/schema.js';
import { PACKAGE_ROOT } from '../src/util/data-files.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'newsgraph.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-web-'));

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmp, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop, so the in-process test server can answer. */
function cliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry service resumes | Island Times</title>
<meta property="og:site_name" content="Island Times"><meta property="article:published_time" content="2026-02-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes after storm</h1>
<p>Ferries between the two islands resumed on Tuesday after a three-day storm, the harbour authority said in a statement.</p>
<p>Harbour master Leila Ortega told reporters that all crossings would run to schedule by Thursday.</p>
<p>Some passengers said they had waited two nights for a place on the first boat.</p></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Bridge plan approved</a></li></ul></aside>
<footer>© 2026 Island Times</footer></body></html>`;

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Island Times</title><link>https://island.example/</link>
<item><title>Ferry service resumes after storm</title><link>https://island.example/ferry</link><guid>ferry-1</guid>
<pubDate>Tue, 03 Feb 2026 08:00:00 GMT</pubDate><description>Ferries between the two islands resumed on Tuesday, the harbour authority said.</description></item>
<item><title>Bridge plan approved</title><link>https://island.example/bridge</link><guid>bridge-2</guid>
<pubDate>Tue, 03 Feb 2026 09:00:00 GMT</pubDate><description>The council approved the bridge plan by seven votes to two.</description></item>
</channel></rss>`;

function warcRecord(uri: string, html: string): Buffer {
  const body = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head = ['WARC/1.0', 'WARC-Type: response', 'WARC-Date: 2026-02-03T10:00:00Z', `WARC-Record-ID: <urn:uuid:${uri.length}-x>`, `WARC-Target-URI: ${uri}`, 'Content-Type: application/http; msgtype=response', `Content-Length: ${body.length}`].join('\r\n');
  return zlib.gzipSync(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]));
}

let server: http.Server;
let base = '';
beforeAll(async () => {
  fs.writeFileSync(path.join(tmp, 'ferry.html'), PAGE);
  fs.writeFileSync(path.join(tmp, 'ferry.html.gz'), zlib.gzipSync(PAGE));
  fs.writeFileSync(path.join(tmp, 'island.xml'), FEED);
  fs.writeFileSync(path.join(tmp, 'crawl.warc.gz'), Buffer.concat([warcRecord('https://island.example/ferry', PAGE), warcRecord('https://island.example/short', '<html><body><p>Hi</p></body></html>')]));
  server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
    } else if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(FEED);
    } else if (req.url === '/ferry') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    } else if (req.url === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('web inputs through the CLI', () => {
  it('reads an HTML page, plain or gzipped, by main-content extraction', () => {
    for (const file of ['ferry.html', 'ferry.html.gz']) {
      const r = cli(['analyze', file, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const a = JSON.parse(r.stdout) as Analysis;
      expect(a.document).toMatchObject({ format: 'html', source: 'Island Times' });
      expect(a.document.published).toMatch(/^2026-02-03/);
      expect(a.text).toContain('Harbour master Leila Ortega told reporters');
      expect(a.text).not.toContain('Most read');
      expect(a.layers.title?.text).toMatch(/^Ferry service resumes/);
    }
  });

  it('extract prints the main text and metadata, as text or JSON', () => {
    const text = cli(['extract', 'ferry.html']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Harbour master Leila Ortega told reporters');
    expect(text.stdout).not.toContain('Most read');
    const json = JSON.parse(cli(['extract', 'ferry.html', '--format', 'json']).stdout) as { title: string; siteName: string; published: string; boilerplate: unknown[] };
    expect(json).toMatchObject({ siteName: 'Island Times' });
    expect(json.published).toMatch(/^2026-02-03/);
    expect(json.boilerplate.length).toBeGreaterThan(0);
    expect(cli(['extract', 'missing.html']).stderr.trim()).toBe('newsgraph: no such file: missing.html');
  });

  it('extract reads a gzipped page, and says so when a page has no article text', () => {
    const gz = cli(['extract', 'ferry.html.gz']);
    expect(gz.code, gz.stderr).toBe(0);
    expect(gz.stdout).toContain('Harbour master Leila Ortega told reporters');
    fs.writeFileSync(path.join(tmp, 'blank.html'), '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>');
    const blank = cli(['extract', 'blank.html']);
    expect([blank.code, blank.stderr.trim()]).toEqual([1, 'newsgraph: blank.html: no article text found']);
  });

  it('refuses binary data named or served as HTML, with one line and no stored document', () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2000, 0), Buffer.from('<title>ELF</title>')]);
    fs.writeFileSync(path.join(tmp, 'program.html'), elf);
    fs.writeFileSync(path.join(tmp, 'program.html.gz'), zlib.gzipSync(elf));
    // No magic number, just bytes no page contains.
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    fs.writeFileSync(path.join(tmp, 'noise.html'), noise);
    const db = path.join(tmp, 'binary.db');
    for (const [file, kind] of [['program.html', 'an ELF executable file'], ['program.html.gz', 'an ELF executable file'], ['noise.html', 'binary data']] as const) {
      for (const args of [['analyze', file], ['extract', file], ['ingest', file, '--db', db]]) {
        const r = cli(args);
        expect(r.code, `${args.join(' ')}: ${r.stdout}`).not.toBe(0);
        expect(r.stderr, args.join(' ')).toContain(`newsgraph: ${file} looks like ${kind}, not HTML`);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }
    const stats = cli(['stats', '--db', db]);
    expect(stats.stdout).not.toMatch(/documents\s+[1-9]/);
  });

  it('ingests a feed file item by item, and a WARC archive page by page, reporting what it stored', () => {
    const db = path.join(tmp, 'web.db');
    const feed = cli(['ingest', 'island.xml', '--db', db]);
    expect(feed.code, feed.stderr).toBe(0);
    expect(feed.stderr).toMatch(/stored 2, already stored 0/);
    const warc = cli(['ingest', 'crawl.warc.gz', '--db', db]);
    expect(warc.stderr).toMatch(/stored 1,/);
    expect(warc.stderr).toContain('crawl.warc.gz#https://island.example/short: no article text found in this HTML page');
    // Every page is counted: the one with no article text too, and it is no failure.
    expect(warc.stderr).toMatch(/2 documents in [\d.]+s: stored 1, already stored 0, failed 0, skipped \(no article text\) 1/);
    expect(warc.code).toBe(0);
    const shown = JSON.parse(cli(['show', 'https://island.example/ferry', '--db', db, '--format', 'json']).stdout) as Analysis;
    expect(shown.document.url).toBe('https://island.example/ferry');
  });

  it('fetches a URL from a local server only when private addresses are allowed', async () => {
    const refused = await cliAsync(['analyze', `${base}/ferry`]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/private|loopback|not public|blocked|refus/i);
    const allowed = await cliAsync(['analyze', `${base}/ferry`, '--allow-private', '--format', 'json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((JSON.parse(allowed.stdout) as Analysis).text).toContain('Leila Ortega');
  });

  it('refuses hostile URLs with one line: file://, a redirect to the metadata address, a gzip bomb', async () => {
    for (const [args, pattern] of [
      [['analyze', 'file:///etc/passwd'], /only http and https/],
      [['analyze', `${base}/to-metadata`, '--allow-private'], /169\.254\.169\.254|link-local|blocked|not public/i],
      [['analyze', `${base}/bomb`, '--allow-private'], /too large|larger|limit|exceed/i],
    ] as const) {
      const r = await cliAsync([...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('follows feeds: add, list, poll (conditional GET, new items only), remove; ingesting OPML subscribes', async () => {
    const db = path.join(tmp, 'feeds.db');
    const added = await cliAsync(['feeds', 'add', `${base}/feed.xml`, '--allow-private', '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(/subscribed to .*feed\.xml \(Island Times, 2 items now\)/);
    const first = await cliAsync(['feeds', 'poll', '--allow-private', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/stored 2,/);
    const again = await cliAsync(['feeds', 'poll', '--allow-private', '--db', db]);
    expect(again.stderr).toMatch(/not modified/);
    expect(again.stderr).toMatch(/stored 0,/);
    const listed = JSON.parse((await cliAsync(['feeds', 'list', '--format', 'json', '--db', db])).stdout) as { url: string; etag: string; lastPolled: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ etag: '"v1"' });
    expect(listed[0]!.lastPolled).toBeTruthy();
    expect((await cliAsync(['feeds', 'remove', `${base}/feed.xml`, '--db', db])).code).toBe(0);
    const gone = await cliAsync(['feeds', 'remove', `${base}/feed.xml`, '--db', db]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toMatch(/not following/);
    fs.writeFileSync(path.join(tmp, 'subs.opml'), `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News"><outline type="rss" text="Island Times" xmlUrl="https://island.example/feed.xml"/><outline type="rss" text="Harbour" xmlUrl="https://harbour.example/rss"/></outline></body></opml>`);
    const opml = await cliAsync(['ingest', 'subs.opml', '--db', db]);
    expect(opml.code, opml.stderr).toBe(0);
    expect(opml.stderr).toMatch(/2 feeds listed, 2 new subscriptions/);
  });

  it('refuses a billion-laughs feed without expanding it', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&j;</title><item><title>Lol &j;</title><description>Body &j;</description></item></channel></rss>`;
    fs.writeFileSync(path.join(tmp, 'lol.xml'), lol);
    const started = Date.now();
    const r = cli(['analyze', 'lol.xml', '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(20_000);
    if (r.code === 0) expect(r.stdout.length).toBeLessThan(100_000);
    else expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
