/**
 * Store and API speed (a report, not a test):
 *
 *  1. ingest speed of each store: end to end (analysis + write, as
 *     `newsgraph ingest` does it) and the store's own write speed (analyses
 *     made beforehand), in documents/s;
 *  2. the HTTP API under load on loopback (autocannon): p50/p99 latency and
 *     requests/s for search and event queries, per store.
 *
 * The store is filled from ../shared/eval/corpus/allsides-abp-intl.jsonl,
 * plus synthetic fact documents (20 events each) so event queries have rows
 * to find while the event coder's output is still thin.
 *
 *   node --import tsx bench/api.ts [--duration 10] [--connections 10] [--limit N] [--no-postgres]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { analyzeRaw } from '../src/analyze.js';
import type { Analysis } from '../src/doc/schema.js';
import { buildPipeline } from '../src/pipeline/presets.js';
import { parseJsonlRecord } from '../src/readers/inputs.js';
import { syntheticAnalyses } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';
import { dropTestSchemas, freshPgUrl, PG_AVAILABLE } from '../src/store/postgres/pg-test-support.js';
import type { Store } from '../src/store/store.js';
import { HAS_SHARED, printTable, readJsonlFile, sharedPath } from './shared.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');
const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = opt('--duration', 10);
const CONNECTIONS = opt('--connections', 10);
const LIMIT = opt('--limit', Infinity);
const SYNTHETIC_DOCS = 2000;

interface Target {
  name: 'sqlite' | 'postgres';
  db: string;
}

async function loadRaw(file: string) {
  const raws = [];
  let n = 0;
  for await (const rec of readJsonlFile<Record<string, unknown>>(file, LIMIT)) raws.push(parseJsonlRecord(JSON.stringify(rec), `${file}:${++n}`, String(n)));
  return raws;
}

/** `newsgraph ingest` in a child process, timed from start to exit. */
function cliIngest(file: string, db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', file, '--db', db, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`ingest failed: ${err}`))));
  });
}

async function timedPut(store: Store, analyses: Analysis[], batch = 200): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < analyses.length; i += batch) await store.putMany(analyses.slice(i, i + batch));
  return (performance.now() - started) / 1000;
}

function startServer(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSGRAPH_TOKEN: '' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        resolve({
          url: m[1]!,
          stop: () => new Promise<void>((r) => {
            child.once('exit', () => r());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', () => reject(new Error(`serve exited: ${err}`)));
  });
}

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
}

async function main(): Promise<void> {
  if (!HAS_SHARED) {
    console.log('[newsgraph] ../shared/eval is missing: bench/api.ts needs ../shared/eval/corpus/allsides-abp-intl.jsonl; nothing measured');
    return;
  }
  const corpus = sharedPath('eval', 'corpus', 'allsides-abp-intl.jsonl');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-api-'));
  const targets: Target[] = [{ name: 'sqlite', db: path.join(tmp, 'bench.db') }];
  if (PG_AVAILABLE && !args.includes('--no-postgres')) targets.push({ name: 'postgres', db: freshPgUrl() });

  const raws = await loadRaw(corpus);
  const pipeline = buildPipeline();
  const analyses = raws.map((r) => analyzeRaw(pipeline, r));
  const synthetic = [...syntheticAnalyses(SYNTHETIC_DOCS, 20, 11)];
  const events = synthetic.reduce((n, a) => n + (a.layers.events?.length ?? 0), 0) + analyses.reduce((n, a) => n + (a.layers.events?.length ?? 0), 0);
  console.log(`corpus: ${raws.length} AllSides documents + ${SYNTHETIC_DOCS} synthetic fact documents (${events} events in all)`);

  const ingestRows: (string | number)[][] = [];
  for (const t of targets) {
    // End to end: analysis and writing in one process, as a user runs it (into a store of its own).
    const e2eDb = t.name === 'sqlite' ? path.join(tmp, 'e2e.db') : freshPgUrl();
    const e2eSeconds = await cliIngest(corpus, e2eDb);
    // The store alone: the same analyses, already made, written in batches of 200.
    const store = await openStore(t.db);
    const putSeconds = await timedPut(store, analyses);
    const factSeconds = await timedPut(store, synthetic);
    await store.close();
    ingestRows.push([t.name, raws.length / e2eSeconds, raws.length / putSeconds, SYNTHETIC_DOCS / factSeconds, (SYNTHETIC_DOCS * 20) / factSeconds]);
  }
  console.log('\ningest (documents/s; end to end includes analysis and process start-up)');
  printTable(['store', 'CLI ingest docs/s', 'store write docs/s', 'fact docs/s', 'events/s'], ingestRows);

  const scenarios: [string, string][] = [
    ['search "president"', '/api/search?q=president&limit=20'],
    ['search "trade war china"', '/api/search?q=trade%20war%20china&limit=20'],
    ['events actor=RUS target=PRK', '/api/events?actor=RUS&target=PRK&limit=50'],
    ['events code=19 from..to', '/api/events?code=19&from=2024-01-05&to=2024-01-20&limit=50'],
    ['event-records actor=USA', '/api/event-records?actor=USA&limit=50'],
    ['quotes hedged', '/api/quotes?hedged=true&limit=50'],
  ];
  const apiRows: (string | number)[][] = [];
  for (const t of targets) {
    const server = await startServer(t.db);
    try {
      for (const [label, route] of scenarios) {
        const r = await load(`${server.url}${route}`);
        apiRows.push([`${t.name}: ${label}`, r.latency.p50, r.latency.p99, r.requests.average, r.non2xx + r.errors]);
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`\nHTTP API on loopback (autocannon, ${CONNECTIONS} connections, ${DURATION} s each; latency in ms)`);
  printTable(['scenario', 'p50 ms', 'p99 ms', 'req/s', 'errors'], apiRows);

  fs.rmSync(tmp, { recursive: true, force: true });
  await dropTestSchemas();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
