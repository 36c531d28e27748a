/**
 * Exports: a store table to CSV, JSONL, Parquet, or (event records only)
 * GDELT TSV. Rows come from `store.stream`, a database cursor, and go out
 * through a backpressured sink, so memory stays flat however many rows
 * there are.
 */
import fs from 'node:fs';
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

async function toText(out: string, write: (sink: TextSink) => Promise<number>): Promise<number> {
  const stream: Writable = out === '-' ? process.stdout : fs.createWriteStream(out);
  const sink = new TextSink(stream);
  const n = await write(sink);
  await sink.flush();
  if (out !== '-') {
    stream.end();
    await finished(stream);
  }
  return n;
}

export async function exportTable<K extends StreamKind>(store: Store, req: ExportRequest<K>): Promise<ExportResult> {
  const columns = columnsOf(req.kind);
  if (req.format === 'parquet') {
    if (req.out === '-') throw new NewsgraphError('usage', 'Parquet needs a file: give --out <file.parquet>');
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
