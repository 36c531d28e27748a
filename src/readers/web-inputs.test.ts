import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { WARC_DEFAULTS } from '../warc/index.js';
import { defaultReadContext, readPath } from './inputs.js';
import type { ReadItem } from './raw-document.js';
import { readWarcFile } from './web-inputs.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-web-inputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ARTICLE = `<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes after storm</h1>
<p>Ferries between the two islands resumed on Tuesday after a three-day storm, the harbour authority said in a statement.</p>
<p>Harbour master Leila Ortega told reporters that all crossings would run to schedule by Thursday.</p></article></body></html>`;
const NO_TEXT = '<html><body><nav><a href="/">Home</a></nav></body></html>';
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Island Times</title>
<item><guid>ok-1</guid><title>Bridge plan approved</title><description>The council approved the bridge plan by seven votes to two.</description></item>
<item><guid>empty-2</guid><link>https://island.example/empty</link></item></channel></rss>`;

function record(uri: string, status: string, type: string, body: string | Buffer): Buffer {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(body)]);
  const head = ['WARC/1.0', 'WARC-Type: response', 'WARC-Date: 2026-02-03T10:00:00Z', `WARC-Record-ID: <urn:uuid:${uri}>`, `WARC-Target-URI: ${uri}`, 'Content-Type: application/http; msgtype=response', `Content-Length: ${http.length}`].join('\r\n');
  return zlib.gzipSync(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), http, Buffer.from('\r\n\r\n')]));
}

const summary = (items: ReadItem[]): string[] => items.map((i) => ('passed' in i ? `${i.passed} ${i.origin}` : `doc ${i.origin}`));

async function all(it: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readWarcFile', () => {
  it('accounts for every page: documents, pages with no article text, and pages over the size cap', async () => {
    const file = path.join(dir, 'crawl.warc.gz');
    const big = `<html><body><p>${'word '.repeat(WARC_DEFAULTS.maxBodyBytes / 5 + 10)}</p></body></html>`;
    fs.writeFileSync(file, Buffer.concat([
      record('https://island.example/ferry', '200 OK', 'text/html; charset=utf-8', ARTICLE),
      record('https://island.example/list', '200 OK', 'text/html', NO_TEXT),
      record('https://island.example/moved', '301 Moved Permanently', 'text/html', NO_TEXT),
      record('https://island.example/logo.png', '200 OK', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
      record('https://island.example/feed', '200 OK', 'application/rss+xml', FEED),
      record('https://island.example/huge', '200 OK', 'text/html', big),
      record('https://island.example/after', '200 OK', 'text/html', ARTICLE.replace('Tuesday', 'Wednesday')),
    ]));
    const warnings: string[] = [];
    const items = await all(readWarcFile(file, (m) => warnings.push(m)));
    expect(summary(items)).toEqual([
      `doc ${file}#https://island.example/ferry`,
      `no-article-text ${file}#https://island.example/list`,
      `doc ${file}#https://island.example/feed#ok-1`,
      `no-article-text ${file}#https://island.example/feed#empty-2`,
      `failed ${file}#https://island.example/huge`,
      `doc ${file}#https://island.example/after`,
    ]);
    // Redirects and images are not pages: not documents, not counted, no warning.
    expect(warnings).toEqual([]);
    expect(items[1]).toMatchObject({ message: `${file}#https://island.example/list: no article text found in this HTML page` });
    expect(items[4]).toMatchObject({ code: 'too-large', message: expect.stringMatching(/body over \d+ bytes/) });
  });

  it('an HTML file with no article text is passed over the same way', async () => {
    const file = path.join(dir, 'nav.html');
    fs.writeFileSync(file, NO_TEXT);
    expect(await all(readPath(file, defaultReadContext({ warn: () => {} })))).toEqual([
      { passed: 'no-article-text', code: 'empty-input', origin: file, message: `${file}: no article text found in this HTML page` },
    ]);
  });
});
