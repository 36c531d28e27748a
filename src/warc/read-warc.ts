/**
 * readWarc: stream the records of a WARC or WARC.gz file (ISO 28500, 1.0/1.1).
 *
 * Parsing of record and HTTP headers is warcio.js (webrecorder); around it we
 * add what a tool reading untrusted archives needs: our own gunzip with a
 * per-record decompressed-byte budget, a body cap (records over it are
 * skipped with a warning, never buffered), a wall-clock limit, a check that
 * each record really starts with `WARC/`, and one-line 'bad-warc' errors.
 *
 * What is yielded: by default only records that carry a document — `response`
 * records of http(s) URLs and `resource` records — with the HTTP headers
 * parsed and the body de-chunked and content-decoded. With
 * `includeSkipped: true` every record is yielded, the others with `skip` set
 * to the reason and an empty body (request, metadata, warcinfo, revisit, dns,
 * too-large, …), which is what indexing or counting wants.
 */
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { NewsgraphError } from '../util/errors.js';
import { ByteMeter, warcBytes, type WarcInput } from './warc-source.js';

export type WarcSkipReason =
  | 'warcinfo' | 'request' | 'metadata' | 'revisit' | 'conversion' | 'continuation'
  | 'dns' | 'not-http' | 'too-large' | 'unknown-type';

export interface WarcRecord {
  recordType: string;
  recordId: string | null;
  targetUri: string | null;
  /** WARC-Date as written (ISO 8601). */
  date: string | null;
  httpStatus: number | null;
  /** Media type without parameters, lower-case (`text/html`). */
  contentType: string | null;
  /** charset parameter of the HTTP Content-Type, when given. */
  charset: string | null;
  /** HTTP response headers, names lower-cased (repeated headers joined with ', '). */
  httpHeaders: Record<string, string>;
  /** The payload, de-chunked and content-decoded; empty for skipped records. */
  body: Buffer;
  /** Why the record carries no document; null for the records you want. */
  skip: WarcSkipReason | null;
  /** Position of the record in the file, from 0. */
  index: number;
}

export interface ReadWarcOptions {
  /** Yield every record, the ones without a document with `skip` set (default false). */
  includeSkipped?: boolean;
  /** Bodies larger than this are skipped with a warning (default 20 MB). */
  maxBodyBytes?: number;
  /** A record whose block decompresses past this stops the read with 'too-large' (default 512 MB). */
  maxRecordBytes?: number;
  /** Wall-clock limit for the whole file (default 10 minutes). */
  timeoutMs?: number;
  /** Called with one-line warnings (skipped big records); default console.warn. */
  onWarning?: (message: string) => void;
}

export const WARC_DEFAULTS = {
  maxBodyBytes: 20 * 1024 * 1024,
  maxRecordBytes: 512 * 1024 * 1024,
  timeoutMs: 10 * 60 * 1000,
} as const;

/** Headers and read-ahead between records may use this much beyond a record's declared length. */
const BETWEEN_RECORDS_ALLOWANCE = 2 * 1024 * 1024;

const SKIPPED_TYPES = new Set(['warcinfo', 'request', 'metadata', 'revisit', 'conversion', 'continuation']);

function skipReasonFor(record: WARCRecord): WarcSkipReason | null {
  const type = (record.warcType ?? '').toLowerCase();
  const uri = record.warcTargetURI ?? '';
  if (SKIPPED_TYPES.has(type)) return type as WarcSkipReason;
  if (type === 'response') {
    if (uri.startsWith('dns:')) return 'dns';
    if (!/^https?:/i.test(uri) || !record.httpHeaders) return 'not-http';
    return null;
  }
  if (type === 'resource') return null;
  return 'unknown-type';
}

function headersOf(record: WARCRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const h = record.httpHeaders?.headers;
  if (!h) return out;
  for (const [k, v] of h as Iterable<[string, string]>) {
    const key = k.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${v}` : v;
  }
  return out;
}

function splitContentType(value: string | null | undefined): { contentType: string | null; charset: string | null } {
  if (!value) return { contentType: null, charset: null };
  const [type] = value.split(';');
  const cs = /charset\s*=\s*["']?([^"';\s]+)/i.exec(value);
  return { contentType: type?.trim().toLowerCase() || null, charset: cs?.[1]?.toLowerCase() ?? null };
}

function oneLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0] ?? '';
}

async function readBody(record: WARCRecord, maxBodyBytes: number, deadline: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of record.contentReader) {
    size += chunk.length;
    if (size > maxBodyBytes) return null; // the parser skips the rest of the record without buffering it
    chunks.push(Buffer.from(chunk));
    if (Date.now() > deadline) throw new NewsgraphError('timeout', 'reading the WARC file took longer than its time limit');
  }
  return Buffer.concat(chunks, size);
}

export async function* readWarc(input: WarcInput, opts: ReadWarcOptions = {}): AsyncGenerator<WarcRecord> {
  const maxBodyBytes = opts.maxBodyBytes ?? WARC_DEFAULTS.maxBodyBytes;
  const maxRecordBytes = opts.maxRecordBytes ?? WARC_DEFAULTS.maxRecordBytes;
  const deadline = Date.now() + (opts.timeoutMs ?? WARC_DEFAULTS.timeoutMs);
  const warn = opts.onWarning ?? ((m: string) => console.warn(`newsgraph: ${m}`));
  const meter = new ByteMeter(BETWEEN_RECORDS_ALLOWANCE);
  const bytes = warcBytes(input, meter);
  // The bytes are already gunzipped: tell warcio not to sniff for gzip (its sniffing
  // drops bytes when the first chunk is tiny).
  const parser = new WARCParser(new AsyncIterReader(bytes, null), { keepHeadersCase: false, parseHttp: true });
  try {
    yield* readRecords(parser, meter, { ...opts, maxBodyBytes, maxRecordBytes, deadline, warn });
  } finally {
    await bytes.return(undefined); // closes the file even when the caller stops early
  }
}

interface LoopSettings extends ReadWarcOptions {
  maxBodyBytes: number;
  maxRecordBytes: number;
  deadline: number;
  warn: (message: string) => void;
}

async function* readRecords(parser: WARCParser, meter: ByteMeter, opts: LoopSettings): AsyncGenerator<WarcRecord> {
  const { maxBodyBytes, maxRecordBytes, deadline, warn } = opts;
  let index = 0;
  while (true) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (e) {
      if (e instanceof NewsgraphError) throw e;
      throw new NewsgraphError('bad-warc', `WARC record ${index} cannot be read: ${oneLine(e)}`, { cause: e });
    }
    if (!record) {
      // A file with no readable record at all is not a WARC file (an empty crawl still holds a warcinfo record).
      if (index === 0) throw new NewsgraphError('bad-warc', 'not a WARC file: no record could be read');
      return;
    }
    const statusline = record.warcHeaders.statusline ?? '';
    const valid = /^WARC\/\d+\.\d+\s*$/.test(statusline);
    if (!valid || !record.warcType) {
      const what = index === 0 ? 'not a WARC file' : `WARC record ${index} is damaged`;
      const found = valid ? 'it has no WARC-Type header' : `expected a "WARC/1.x" line, found ${JSON.stringify(statusline.slice(0, 40))}`;
      throw new NewsgraphError('bad-warc', `${what}: ${found}`);
    }
    const declared = record.warcContentLength;
    if (!Number.isFinite(declared) || declared < 0) {
      throw new NewsgraphError('bad-warc', `WARC record ${index} has no valid Content-Length`);
    }
    if (declared > maxRecordBytes) {
      throw new NewsgraphError('too-large', `WARC record ${index} declares ${declared} bytes, over the cap of ${maxRecordBytes}; stopped`);
    }
    meter.rearm(declared + BETWEEN_RECORDS_ALLOWANCE, `WARC record ${index}`);
    if (Date.now() > deadline) throw new NewsgraphError('timeout', 'reading the WARC file took longer than its time limit');

    const { contentType, charset } = splitContentType(record.httpHeaders?.headers.get('content-type') ?? (record.warcType === 'resource' ? record.warcContentType : null));
    const base = {
      recordType: record.warcType ?? 'unknown',
      recordId: record.warcHeader('WARC-Record-ID') ?? null,
      targetUri: record.warcTargetURI ?? null,
      date: record.warcDate ?? null,
      httpStatus: record.httpHeaders?.statusCode ? Number(record.httpHeaders.statusCode) || null : null,
      contentType,
      charset,
      httpHeaders: headersOf(record),
      index,
    };
    index++;

    let skip = skipReasonFor(record);
    let body: Buffer = Buffer.alloc(0);
    if (!skip) {
      let read: Buffer | null;
      try {
        read = await readBody(record, maxBodyBytes, deadline);
      } catch (e) {
        if (e instanceof NewsgraphError) throw e;
        throw new NewsgraphError('bad-warc', `WARC record ${base.index} body cannot be read: ${oneLine(e)}`, { cause: e });
      }
      if (read === null) {
        skip = 'too-large';
        warn(`skipped WARC record ${base.index} (${base.targetUri ?? 'no URI'}): body over ${maxBodyBytes} bytes`);
      } else body = read;
    }
    if (skip && !opts.includeSkipped) continue;
    yield { ...base, body, skip };
  }
}
