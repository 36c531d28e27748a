/**
 * The byte source under the WARC reader: a file path, a Node stream or any
 * async iterable of bytes, gunzipped when it starts with the gzip magic
 * (zlib follows concatenated members, the standard one-member-per-record
 * layout of .warc.gz), and metered so the reader can stop a record that
 * decompresses past its budget (gzip bombs) before it fills memory or burns
 * minutes of CPU.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { NewsgraphError } from '../util/errors.js';

export type WarcInput = string | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Decompressed-byte budget, re-armed by the reader at every record boundary. */
export class ByteMeter {
  total = 0;
  private windowStart = 0;
  private windowLimit: number;
  private what = 'the first record';

  constructor(initialLimit: number) {
    this.windowLimit = initialLimit;
  }

  /** From now on at most `limit` more bytes may pass before the next `rearm`. */
  rearm(limit: number, what: string): void {
    this.windowStart = this.total;
    this.windowLimit = limit;
    this.what = what;
  }

  add(n: number): void {
    this.total += n;
    if (this.total - this.windowStart > this.windowLimit) {
      throw new NewsgraphError(
        'too-large',
        `WARC data for ${this.what} decompresses past ${this.windowLimit} bytes (gzip bomb or a record over the size cap); stopped`,
      );
    }
  }
}

function openInput(input: WarcInput): AsyncIterable<Uint8Array> {
  if (typeof input === 'string') {
    if (!fs.existsSync(input)) throw new NewsgraphError('not-found', `WARC file not found: ${input}`);
    return fs.createReadStream(input, { highWaterMark: 64 * 1024 });
  }
  return input as AsyncIterable<Uint8Array>;
}

/** Bytes of the WARC, decompressed if needed, each chunk counted by `meter`. */
export async function* warcBytes(input: WarcInput, meter: ByteMeter): AsyncGenerator<Buffer> {
  const source = openInput(input);
  const it = source[Symbol.asyncIterator]();
  // Gather at least two bytes to look for the gzip magic (a source may hand out 1-byte chunks).
  const firstChunks: Buffer[] = [];
  let firstLength = 0;
  while (firstLength < 2) {
    const r = await it.next();
    if (r.done) break;
    firstChunks.push(Buffer.from(r.value));
    firstLength += r.value.length;
  }
  if (firstLength === 0) return;
  const head = Buffer.concat(firstChunks);
  const rest = (async function* () {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.from(r.value);
  })();

  const gzipped = head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
  const plain: AsyncIterable<Buffer> = gzipped ? Readable.from(rest).pipe(zlib.createGunzip({ chunkSize: 64 * 1024 })) : rest;
  try {
    for await (const chunk of plain) {
      meter.add(chunk.length);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof NewsgraphError) throw e;
    const msg = (e as Error).message?.split('\n')[0] ?? String(e);
    throw new NewsgraphError('bad-warc', `WARC file is damaged after ${meter.total} decompressed bytes: ${msg}`, { cause: e });
  } finally {
    if (typeof (plain as Partial<Readable>).destroy === 'function') (plain as Readable).destroy();
    if (typeof (source as Partial<Readable>).destroy === 'function') (source as Readable).destroy();
  }
}
