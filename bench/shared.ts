import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { describeError, isNewsgraphError } from '../src/util/errors.js';

/** The research data beside the repo; never copied into it. */
export const SHARED_DIR = process.env.NEWSGRAPH_SHARED ?? path.resolve(PACKAGE_ROOT, '..', 'shared');
export const HAS_SHARED = fs.existsSync(path.join(SHARED_DIR, 'eval'));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

/** Stream a JSONL file, one parsed object per line, up to `limit` records. */
export async function* readJsonlFile<T>(file: string, limit = Infinity): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (n++ >= limit) break;
    yield JSON.parse(line) as T;
  }
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]): string =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 10 ? n.toFixed(3) : n.toFixed(1);
}

/**
 * Run a script's main: a missing or unreadable input file, or any
 * NewsgraphError, is one line on stderr and exit code 1, not a stack trace.
 * Anything else is a bug and keeps its stack.
 */
export async function runScript(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    const io = e as NodeJS.ErrnoException;
    if (isNewsgraphError(e)) console.error(`${name}: ${describeError(e)}`);
    else if (typeof io.code === 'string' && typeof io.path === 'string') console.error(`${name}: ${io.path}: ${io.code === 'ENOENT' ? 'no such file' : io.code}`);
    else throw e;
    process.exitCode = 1;
  }
}
