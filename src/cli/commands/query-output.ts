/**
 * How query results are printed: an aligned table for people (the default on
 * a terminal), CSV for spreadsheets, JSONL or JSON for programs (JSONL is
 * the default when stdout is not a terminal). Rows are streamed; only the
 * table, which must measure its columns, holds its (limited) rows.
 */
import type { Column } from '../../store/export/columns.js';
import { csvHeader, csvRow } from '../../store/export/csv.js';
import { TextSink } from '../../store/export/sink.js';
import { terminalSafe } from '../../util/terminal.js';

export type QueryFormat = 'table' | 'csv' | 'jsonl' | 'json';
export const QUERY_FORMATS: QueryFormat[] = ['table', 'csv', 'jsonl', 'json'];

export interface TableColumn<R> {
  label: string;
  get: (row: R) => string | number | boolean | null;
  /** Cells longer than this are cut with an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
}

export function defaultFormat(): QueryFormat {
  return process.stdout.isTTY ? 'table' : 'jsonl';
}

function cell(v: string | number | boolean | null, max: number): string {
  const s = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : '') : String(v);
  const flat = terminalSafe(s.replace(/\s+/g, ' '));
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function renderTable<R>(columns: TableColumn<R>[], rows: R[]): string {
  const cells = rows.map((r) => columns.map((c) => cell(c.get(r), c.max ?? 40)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r.map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.label)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

export interface EmitOptions<R> {
  format: QueryFormat;
  /** At most this many rows; null for all. */
  limit: number | null;
  table: TableColumn<R>[];
  csv: Column<R>[];
  out?: NodeJS.WritableStream;
  /** Told how many rows were printed and whether more were left out. */
  done?: (printed: number, truncated: boolean) => void;
}

export async function emitRows<R>(rows: AsyncIterable<R>, opts: EmitOptions<R>): Promise<number> {
  const out = opts.out ?? process.stdout;
  const sink = new TextSink(out as unknown as import('node:stream').Writable);
  const held: R[] = [];
  let n = 0;
  let truncated = false;
  if (opts.format === 'csv') await sink.write(csvHeader(opts.csv));
  if (opts.format === 'json') await sink.write('[');
  for await (const row of rows) {
    if (opts.limit !== null && n >= opts.limit) {
      truncated = true;
      break;
    }
    n++;
    if (opts.format === 'table') held.push(row);
    else if (opts.format === 'csv') await sink.write(csvRow(opts.csv, row));
    else if (opts.format === 'jsonl') await sink.write(`${JSON.stringify(row)}\n`);
    else await sink.write(`${n > 1 ? ',' : ''}\n${JSON.stringify(row)}`);
  }
  if (opts.format === 'json') await sink.write(n > 0 ? '\n]\n' : ']\n');
  if (opts.format === 'table') await sink.write(held.length === 0 ? '(no results)\n' : renderTable(opts.table, held));
  await sink.flush();
  opts.done?.(n, truncated);
  return n;
}
