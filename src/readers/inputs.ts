import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { normalizePublished, PUBLISHED_FORMS } from '../util/dates.js';
import { isNewsgraphError, NewsgraphError } from '../util/errors.js';
import { createFetcher, type Fetcher } from '../fetch/index.js';
import { charsetFromMeta } from '../extract/charset.js';
import { decodeHtmlBytes } from '../extract/index.js';
import { decodeBytes } from './decode.js';
import { failedRecord, type RawDocument, type ReadItem } from './raw-document.js';
import { htmlToItem, isFeedBytes, readFeedFile, readUrl, readWarcFile } from './web-inputs.js';

export interface ReadLimits {
  /** Largest single .txt/.html file or stdin payload, in bytes. */
  maxFileBytes: number;
  /** Longest JSONL line, in characters. */
  maxLineChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 50 * 1024 * 1024, maxLineChars: 20 * 1024 * 1024 };

/** How inputs are read: limits, how to fetch URLs, where to report skipped records. */
export interface ReadContext {
  limits: ReadLimits;
  /** Lazily made, so a run without URLs never builds a fetcher. */
  fetcher: () => Fetcher;
  warn: (message: string) => void;
}

export function defaultReadContext(opts: { allowPrivate?: boolean; warn?: (m: string) => void } = {}): ReadContext {
  let fetcher: Fetcher | null = null;
  return {
    limits: DEFAULT_LIMITS,
    fetcher: () => (fetcher ??= createFetcher({ allowPrivate: opts.allowPrivate ?? false })),
    warn: opts.warn ?? ((m) => process.stderr.write(`newsgraph: ${m}\n`)),
  };
}

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf', '.feed', '.json']);
const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

function isWarc(file: string): boolean {
  return /\.warc(\.gz)?$/i.test(file);
}

/** The extension that decides the reader: "page.html.gz" reads as ".html". */
function extensionOf(file: string): string {
  return path.extname(isGzipped(file) ? file.slice(0, -3) : file).toLowerCase();
}

function isGzipped(file: string): boolean {
  return /\.gz$/i.test(file) && !isWarc(file);
}

export function isReadableFile(file: string): boolean {
  const ext = extensionOf(file);
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSONL_EXT.has(ext) || FEED_EXT.has(ext) || isWarc(file);
}

export function isUrl(input: string): boolean {
  return URL_RE.test(input);
}

/** Expand directories (recursively, sorted) into the files we can read. */
export function expandPaths(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) {
      out.push(input);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new NewsgraphError('not-found', `no such file or directory: ${input}`);
    }
    if (stat.isDirectory()) {
      const found = walk(input).filter(isReadableFile);
      if (found.length === 0) {
        throw new NewsgraphError('nothing-readable', `directory ${input} has no .txt, .html or .jsonl files`);
      }
      out.push(...found);
    } else {
      out.push(input);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return e.isFile() ? [full] : [];
  });
}

/** A file's bytes (stdin for "-"), gunzipped when the name ends in .gz, within the size limit. */
export function readBytes(file: string, limits: ReadLimits): Buffer {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    const fd = 0;
    const chunk = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      size += n;
      if (size > limits.maxFileBytes) throw new NewsgraphError('too-large', `stdin is larger than ${limits.maxFileBytes} bytes`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  }
  const size = fs.statSync(file).size;
  if (size > limits.maxFileBytes) {
    throw new NewsgraphError('too-large', `${file} is ${size} bytes, more than the ${limits.maxFileBytes}-byte limit`);
  }
  const bytes = fs.readFileSync(file);
  if (!isGzipped(file)) return bytes;
  try {
    // The output cap stops a gzip bomb before it fills memory.
    return zlib.gunzipSync(bytes, { maxOutputLength: limits.maxFileBytes });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || (e as Error).message.includes('Cannot create a Buffer larger')) {
      throw new NewsgraphError('too-large', `${file} decompresses to more than the ${limits.maxFileBytes}-byte limit`);
    }
    throw new NewsgraphError('bad-input', `${file} is not valid gzip: ${(e as Error).message}`);
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2048));
}

function baseId(file: string): string {
  return file === '-' ? 'stdin' : path.basename(file).replace(/(\.[^.]+)?(\.gz)?$/i, '');
}

/**
 * Read one input into raw documents: a path, "-" for stdin, or an http(s)
 * URL. JSONL and WARC stream record by record; feeds yield their items. A
 * record that cannot be read comes back as a PassedRecord in its place; an
 * input that cannot be read at all throws.
 */
export async function* readPath(file: string, ctx: ReadContext = defaultReadContext()): AsyncGenerator<ReadItem> {
  const limits = ctx.limits;
  if (isUrl(file)) {
    // The fetcher vets the scheme (http and https only) with the rest of the URL.
    yield* readUrl(ctx.fetcher(), file);
    return;
  }
  const ext = extensionOf(file);
  if (JSONL_EXT.has(ext) && !isGzipped(file)) {
    yield* readJsonl(file, limits);
    return;
  }
  if (isWarc(file)) {
    yield* readWarcFile(file, ctx.warn);
    return;
  }
  if (ext === '.opml') {
    throw new NewsgraphError('bad-input', `${file}: an OPML file lists feeds; subscribe with "newsgraph feeds add --opml ${file}"`);
  }
  if (file !== '-' && !TEXT_EXT.has(ext) && !HTML_EXT.has(ext) && !FEED_EXT.has(ext)) {
    throw new NewsgraphError('bad-input', `${file}: unsupported file type "${ext || 'none'}" (expected .txt, .html, .jsonl, a feed, or .warc/.warc.gz)`);
  }
  const where = file === '-' ? 'stdin' : file;
  const bytes = readBytes(file, limits);
  if (FEED_EXT.has(ext) || (file === '-' && isFeedBytes(bytes))) {
    if (!isFeedBytes(bytes)) throw new NewsgraphError('bad-feed', `${where}: not an RSS, Atom, RDF or JSON feed`);
    yield* readFeedFile(where, bytes);
    return;
  }
  if (HTML_EXT.has(ext)) {
    if (bytes.length === 0) throw new NewsgraphError('empty-input', `${where} is empty`);
    yield htmlToItem(decodeHtmlBytes(bytes, undefined, where), { id: baseId(file), origin: where, encoding: (charsetFromMeta(bytes) ?? 'utf-8').toLowerCase() });
    return;
  }
  const decoded = decodeBytes(bytes, where);
  if (file === '-' && looksLikeHtml(decoded.text)) {
    yield htmlToItem(decoded.text, { id: baseId(file), origin: where, encoding: decoded.encoding });
    return;
  }
  yield {
    id: baseId(file),
    text: decoded.text,
    title: null,
    url: null,
    published: null,
    source: null,
    format: 'text',
    encoding: decoded.encoding,
    origin: where,
  };
}

const optionalString = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * A record's publication date (`published`, else `date`): absent, null or
 * blank is none; anything else must be a date we can place, or the record is
 * refused, like a record without text (a wrong date would misdate every event
 * in it).
 */
function publishedOf(rec: Record<string, unknown>, origin: string): string | null {
  const field = rec.published !== undefined && rec.published !== null && rec.published !== '' ? 'published' : 'date';
  const value = rec[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const date = typeof value === 'string' ? normalizePublished(value) : null;
  if (date === null) throw new NewsgraphError('bad-json', `${origin}: "${field}" is not a date: ${JSON.stringify(value).slice(0, 80)} (expected ${PUBLISHED_FORMS})`);
  return date;
}

/** Parse one JSONL record `{id, text, title?, url?, published?, source?}`. */
export function parseJsonlRecord(line: string, origin: string, fallbackId: string): RawDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new NewsgraphError('bad-json', `${origin}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewsgraphError('bad-json', `${origin}: expected a JSON object per line`);
  }
  const rec = value as Record<string, unknown>;
  if (typeof rec.text !== 'string' || rec.text.trim() === '') {
    throw new NewsgraphError('bad-json', `${origin}: record has no "text" string`);
  }
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : fallbackId;
  return {
    id,
    text: rec.text,
    title: optionalString(rec.title),
    url: optionalString(rec.url),
    published: publishedOf(rec, origin),
    source: optionalString(rec.source) ?? optionalString(rec.outlet),
    format: 'jsonl',
    encoding: 'utf-8',
    origin,
  };
}

/**
 * JSONL, streamed. A bad line (not JSON, no "text", longer than the line
 * limit) comes back as a failed record naming file:line, and reading goes
 * on with the next line.
 */
async function* readJsonl(file: string, limits: ReadLimits): AsyncGenerator<ReadItem> {
  if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such file: ${file}`);
  let lineNo = 0;
  let records = 0;
  for await (const text of linesOf(fs.createReadStream(file, { encoding: 'utf8' }), limits.maxLineChars)) {
    lineNo++;
    const origin = `${file}:${lineNo}`;
    if (text === null) {
      records++;
      yield failedRecord(origin, new NewsgraphError('too-large', `${origin}: line longer than ${limits.maxLineChars} characters`));
      continue;
    }
    const line = lineNo === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') continue;
    records++;
    let item: ReadItem;
    try {
      item = parseJsonlRecord(line, origin, `${baseId(file)}-${lineNo}`);
    } catch (e) {
      if (!isNewsgraphError(e)) throw e;
      item = failedRecord(origin, e);
    }
    yield item;
  }
  if (records === 0) throw new NewsgraphError('empty-input', `${file} has no records`);
}

/**
 * The lines of a text stream, split at \n, \r\n and \r (as readline
 * does). A line longer than `max` characters comes back as null and is
 * dropped as it streams past, so it never sits in memory whole.
 */
export async function* linesOf(chunks: AsyncIterable<string>, max: number): AsyncGenerator<string | null> {
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let afterCR = false;
  const take = (piece: string): void => {
    if (tooLong || piece === '') return;
    length += piece.length;
    if (length > max) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const end = (): string | null => {
    const line = tooLong ? null : parts.join('');
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  const breaks = /[\r\n]/g;
  for await (const chunk of chunks) {
    let start = 0;
    if (afterCR && chunk.startsWith('\n')) start = 1; // the \n of a \r\n split between chunks
    afterCR = false;
    breaks.lastIndex = start;
    for (let m = breaks.exec(chunk); m !== null; m = breaks.exec(chunk)) {
      take(chunk.slice(start, m.index));
      yield end();
      start = m.index + 1;
      if (chunk[m.index] === '\r') {
        if (chunk[start] === '\n') start++;
        else if (start === chunk.length) afterCR = true;
        breaks.lastIndex = start;
      }
    }
    take(chunk.slice(start));
  }
  if (length > 0 || tooLong) yield end();
}
