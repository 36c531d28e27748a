import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { NewsgraphError } from '../util/errors.js';
import { decodeBytes } from './decode.js';
import { simpleHtmlToText } from './html-simple.js';
import type { RawDocument } from './raw-document.js';

export interface ReadLimits {
  /** Largest single .txt/.html file or stdin payload, in bytes. */
  maxFileBytes: number;
  /** Longest JSONL line, in characters. */
  maxLineChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 50 * 1024 * 1024, maxLineChars: 20 * 1024 * 1024 };

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

export function isReadableFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSONL_EXT.has(ext);
}

/** Expand directories (recursively, sorted) into the files we can read. */
export function expandPaths(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
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

function readBytes(file: string, limits: ReadLimits): Buffer {
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
  return fs.readFileSync(file);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2048));
}

function baseId(file: string): string {
  return file === '-' ? 'stdin' : path.basename(file).replace(/\.[^.]+$/, '');
}

/** Read one path (or "-") into raw documents. JSONL streams line by line. */
export async function* readPath(file: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<RawDocument> {
  const ext = path.extname(file).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* readJsonl(file, limits);
    return;
  }
  if (file !== '-' && !TEXT_EXT.has(ext) && !HTML_EXT.has(ext)) {
    throw new NewsgraphError('bad-input', `${file}: unsupported file type "${ext || 'none'}" (expected .txt, .html or .jsonl)`);
  }
  const where = file === '-' ? 'stdin' : file;
  const decoded = decodeBytes(readBytes(file, limits), where);
  if (HTML_EXT.has(ext) || (file === '-' && looksLikeHtml(decoded.text))) {
    const page = simpleHtmlToText(decoded.text);
    if (page.text.trim() === '') throw new NewsgraphError('empty-input', `${where}: no readable text in this HTML page`);
    yield {
      id: baseId(file),
      text: page.text,
      title: page.title,
      url: page.url,
      published: page.published,
      source: page.siteName,
      format: 'html',
      encoding: decoded.encoding,
      origin: where,
    };
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
  const published = optionalString(rec.published) ?? optionalString(rec.date);
  return {
    id,
    text: rec.text,
    title: optionalString(rec.title),
    url: optionalString(rec.url),
    published,
    source: optionalString(rec.source) ?? optionalString(rec.outlet),
    format: 'jsonl',
    encoding: 'utf-8',
    origin,
  };
}

async function* readJsonl(file: string, limits: ReadLimits): AsyncGenerator<RawDocument> {
  if (!fs.existsSync(file)) throw new NewsgraphError('not-found', `no such file: ${file}`);
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let yielded = 0;
  for await (const rawLine of lines) {
    lineNo++;
    const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') continue;
    const origin = `${file}:${lineNo}`;
    if (line.length > limits.maxLineChars) throw new NewsgraphError('too-large', `${origin}: line longer than ${limits.maxLineChars} characters`);
    yielded++;
    yield parseJsonlRecord(line, origin, `${baseId(file)}-${lineNo}`);
  }
  if (yielded === 0) throw new NewsgraphError('empty-input', `${file} has no records`);
}
