/** Loaders for the extraction evaluation sets in ../shared/eval/extraction (read at run time, never copied). */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeHtmlBytes } from '../src/extract/index.js';

export interface BodyPage {
  id: string;
  url: string;
  html: string;
  body: string;
}

export interface SnippetPage {
  id: string;
  url: string;
  html: string;
  with: string[];
  without: string[];
}

export interface MetadataPage {
  id: string;
  url: string;
  html: string;
  title: string | null;
  published: string | null;
  authors: string[] | null;
  body: string;
}

function readHtml(file: string): string {
  const buf = fs.readFileSync(file);
  return decodeHtmlBytes(file.endsWith('.gz') ? zlib.gunzipSync(buf) : buf);
}

export function loadScrapinghub(dir: string): BodyPage[] {
  const gt = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(gt)
    .filter(([id]) => fs.existsSync(path.join(dir, 'html', `${id}.html.gz`)))
    .map(([id, g]) => ({ id, url: g.url, body: g.articleBody, html: readHtml(path.join(dir, 'html', `${id}.html.gz`)) }));
}

export function loadTrafilatura(dir: string): SnippetPage[] {
  const gt = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; file: string; with?: string[]; without?: string[] }>;
  return Object.entries(gt)
    .filter(([, g]) => fs.existsSync(path.join(dir, 'html', g.file)))
    .map(([id, g]) => ({ id, url: g.url, with: (g.with ?? []).filter((s) => !!s), without: (g.without ?? []).filter((s) => !!s), html: readHtml(path.join(dir, 'html', g.file)) }));
}

export function loadFundus(dir: string): MetadataPage[] {
  const lines = fs.readFileSync(path.join(dir, 'pages.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((l) => {
    const r = JSON.parse(l) as { id: string; url: string; title: string | null; published: string | null; authors: string[] | null; text: string; html_file: string };
    return { id: r.id, url: r.url, title: r.title, published: r.published, authors: r.authors, body: r.text, html: readHtml(path.join(dir, r.html_file)) };
  });
}
