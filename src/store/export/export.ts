/**
 * Exports: a store table to CSV, JSONL, Parquet, or (event records only)
 * GDELT TSV. Rows come from `store.stream`, a database cursor, and go out
 * through a backpressured sink, so memory stays flat however many rows
 * there are.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { NewsgraphError } from '../../util/errors.js';
import type { Store, StreamFilterTypes, StreamKind } from '../store.js';
import { columnsOf } from './columns.js';
import { csvHeader, csvRow } from './csv.js';
import { gdeltRow } from './gdelt.js';
import { TextSink } from './sink.js';

export type ExportFormat = 'csv' | 'jsonl' | 'parquet' | 'gdelt' | 'gdelt1';
export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'jsonl', 'parquet', 'gdelt', 'gdelt1'];

export interface ExportRequest<K extends StreamKind> {
  kind: K;
  filter: StreamFilterTypes[K];
  format: ExportFormat;
  /** A file path, or '-' for stdout (not for Parquet). */
  out: string;
}

export interface ExportResult {
  rows: number;
  out: string;
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'it is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A file system error on an export's output as one line naming the path ("cannot write out.csv: no such directory"). */
export function writeError(out: string, e: unknown): NewsgraphError {
  const err = e as { code?: string; message?: string };
  const reason = (err.code && WRITE_REASONS[err.code]) ?? err.message ?? String(e);
  return new NewsgraphError('write-failed', `cannot write ${out}: ${reason}`, { cause: e });
}

/** An error of the file system (it names a syscall), not one of the store. */
const isFsError = (e: unknown): boolean => typeof (e as { syscall?: unknown })?.syscall === 'string';

/** The files SQLite keeps a store in: the database and its write-ahead log, shared-memory index and rollback journal. */
const SQLITE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/** Whether two paths name one file: the same path, or (both existing) the same inode, through a symbolic or hard link. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuse an output that is the SQLite store being exported (or one of its
 * companion files): opening it for writing would empty the database before
 * a row is read. A PostgreSQL URL has no file to overwrite.
 */
export function checkNotTheStore(out: string, db: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return;
  for (const suffix of SQLITE_FILE_SUFFIXES) {
    const file = `${db}${suffix}`;
    if (sameFile(out, file)) throw new NewsgraphError('usage', `refusing to write ${out}: it is the store's database file ${file}, which the export would overwrite`);
  }
}

/**
 * Fail before reading any row when the output cannot be written (no such
 * directory, a directory, no permission). Leaves no file behind.
 */
export function checkWritable(out: string): void {
  const existed = fs.existsSync(out);
  try {
    fs.closeSync(fs.openSync(out, 'a'));
  } catch (e) {
    throw writeError(out, e);
  }
  if (!existed) fs.rmSync(out, { force: true });
}

async function toText(out: string, write: (sink: TextSink) => Promise<number>): Promise<number> {
  let stream: Writable = process.stdout;
  if (out !== '-') {
    stream = fs.createWriteStream(out);
    try {
      await once(stream, 'open');
    } catch (e) {
      throw writeError(out, e);
    }
  }
  try {
    const sink = new TextSink(stream);
    const n = await write(sink);
    await sink.flush();
    if (out !== '-') {
      stream.end();
      await finished(stream);
    }
    return n;
  } catch (e) {
    if (out !== '-' && isFsError(e)) throw writeError(out, e);
    throw e;
  }
}

export async function exportTable<K extends StreamKind>(store: Store, req: ExportRequest<K>): Promise<ExportResult> {
  const columns = columnsOf(req.kind);
  if (req.format === 'parquet') {
    if (req.out === '-') throw new NewsgraphError('usage', 'Parquet needs a file: give --out <file.parquet>');
    checkWritable(req.out);
    // DuckDB is loaded only when Parquet is asked for: every other command starts without its native module.
    const { writeParquet } = await import('./parquet.js');
    return { rows: await writeParquet(store.stream(req.kind, req.filter), columns, req.out), out: req.out };
  }
  if (req.format === 'gdelt' || req.format === 'gdelt1') {
    if (req.kind !== 'eventRecords') throw new NewsgraphError('usage', 'the GDELT layout is for events only (one-a-day event records)');
    const version = req.format === 'gdelt' ? 2 : 1;
    const records = store.stream('eventRecords', req.filter as StreamFilterTypes['eventRecords']);
    const n = await toText(req.out, async (sink) => {
      let count = 0;
      for await (const r of records) {
        await sink.write(gdeltRow(r, version));
        count++;
      }
      return count;
    });
    return { rows: n, out: req.out };
  }
  const rows = store.stream(req.kind, req.filter);
  const n = await toText(req.out, async (sink) => {
    let count = 0;
    if (req.format === 'csv') await sink.write(csvHeader(columns));
    for await (const row of rows) {
      await sink.write(req.format === 'csv' ? csvRow(columns, row) : `${JSON.stringify(row)}\n`);
      count++;
    }
    return count;
  });
  return { rows: n, out: req.out };
}
