/**
 * Parquet through DuckDB: rows are appended to a table in a temporary
 * on-disk DuckDB database (so DuckDB may spill to disk instead of holding
 * everything in memory), then copied to a ZSTD-compressed Parquet file. The
 * file opens in DuckDB, pandas/pyarrow, Polars and Spark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { NewsgraphError } from '../../util/errors.js';
import type { Column, ColumnType } from './columns.js';

const DUCK_TYPES: Record<ColumnType, string> = { text: 'VARCHAR', int: 'BIGINT', float: 'DOUBLE', bool: 'BOOLEAN' };
const FLUSH_EVERY = 10_000;

/** A quoted DuckDB identifier; our column names are fixed ASCII words, the quoting is belt and braces. */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A DuckDB string literal for a file path (COPY ... TO takes no parameters). */
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function append(appender: DuckDBAppender, type: ColumnType, value: string | number | boolean | null): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (type) {
    case 'text':
      return appender.appendVarchar(String(value));
    case 'int':
      return appender.appendBigInt(BigInt(Math.trunc(Number(value))));
    case 'float':
      return appender.appendDouble(Number(value));
    case 'bool':
      return appender.appendBoolean(Boolean(value));
  }
}

export async function writeParquet<R>(rows: AsyncIterable<R>, columns: Column<R>[], file: string): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-parquet-'));
  const instance = await DuckDBInstance.create(path.join(tmp, 'export.duckdb'), { memory_limit: '512MB', temp_directory: tmp });
  const conn = await instance.connect();
  let n = 0;
  try {
    await conn.run(`CREATE TABLE export (${columns.map((c) => `${ident(c.name)} ${DUCK_TYPES[c.type]}`).join(', ')})`);
    const appender = await conn.createAppender('export');
    for await (const row of rows) {
      for (const c of columns) append(appender, c.type, c.get(row));
      appender.endRow();
      if (++n % FLUSH_EVERY === 0) appender.flushSync();
    }
    appender.closeSync();
    try {
      await conn.run(`COPY export TO ${literal(path.resolve(file))} (FORMAT PARQUET, COMPRESSION ZSTD)`);
    } catch (e) {
      // DuckDB's IO errors carry no errno: say which file, with DuckDB's reason.
      throw new NewsgraphError('write-failed', `cannot write ${file}: ${String((e as Error).message ?? e).replace(/^IO Error:\s*/, '')}`, { cause: e });
    }
    return n;
  } finally {
    conn.closeSync();
    instance.closeSync();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
