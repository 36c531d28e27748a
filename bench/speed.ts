/**
 * Speed report (not a test): analyses a JSONL corpus on one core and prints
 * articles/s, tokens/s and peak memory, per pipeline stage as well.
 *
 *   npm run bench [-- file.jsonl] [--limit N] [--no-html]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { analyzeRaw, toDoc } from '../src/analyze.js';
import type { Analysis } from '../src/doc/schema.js';
import { decodeHtmlBytes } from '../src/extract/index.js';
import { htmlToRaw } from '../src/readers/web-inputs.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Doc } from '../src/doc/document.js';
import { DEFAULT_NER_MODEL_DIR, loadNerModel } from '../src/entities/tagger/index.js';
import { buildPipeline } from '../src/pipeline/presets.js';
import { parseJsonlRecord } from '../src/readers/inputs.js';
import type { RawDocument } from '../src/readers/raw-document.js';
import { isNewsgraphError } from '../src/util/errors.js';
import { HAS_SHARED, printTable, readJsonlFile, runScript, sharedPath } from './shared.js';

interface StageTiming {
  name: string;
  ms: number;
}

async function loadCorpus(file: string, limit: number): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  let n = 0;
  let skipped = 0;
  for await (const rec of readJsonlFile<Record<string, unknown>>(file, limit)) {
    n++;
    // Records ingest would refuse (no text, for one) are left out here too, and counted.
    try {
      docs.push(parseJsonlRecord(JSON.stringify(rec), `${file}:${n}`, String(n)));
    } catch (e) {
      if (!isNewsgraphError(e)) throw e;
      skipped++;
    }
  }
  if (skipped > 0) console.log(`${skipped} of ${n} records left out (not analysable, e.g. no text)`);
  return docs;
}

/**
 * HTML pages from file to stored analysis: decode, extract the article,
 * analyse, and write to a fresh SQLite store in batches, as `ingest` does.
 */
async function htmlSpeed(pipeline: ReturnType<typeof buildPipeline>, limit: number): Promise<void> {
  const dirs = ['scrapinghub', 'trafilatura', 'fundus'].map((d) => sharedPath('eval', 'extraction', d, 'html')).filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f))).slice(0, Number.isFinite(limit) ? limit : 400);
  if (files.length === 0) return;
  const bytes = files.map((f) => (f.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(f)) : fs.readFileSync(f)));
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-'));
  const store = SqliteStore.open(path.join(dbDir, 'bench.db'));
  let stored = 0;
  let failed = 0;
  const started = performance.now();
  let batch: Analysis[] = [];
  for (let i = 0; i < bytes.length; i++) {
    try {
      const raw = htmlToRaw(decodeHtmlBytes(bytes[i]!), { id: path.basename(files[i]!), origin: files[i]!, encoding: 'utf-8' });
      batch.push(analyzeRaw(pipeline, raw));
    } catch {
      failed++;
    }
    if (batch.length >= 100 || i === bytes.length - 1) {
      stored += (await store.putMany(batch)).filter((r) => r.inserted).length;
      batch = [];
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  fs.rmSync(dbDir, { recursive: true, force: true });
  console.log('');
  printTable(
    ['HTML pages to stored analysis (extraction benchmark pages, SQLite)', 'value'],
    [
      ['pages', files.length],
      ['stored', stored],
      ['no article text / failed', failed],
      ['pages/s', files.length / seconds],
    ],
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const file = args.find((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1)) ?? (HAS_SHARED ? sharedPath('eval', 'corpus', 'bbc-fulltext.jsonl') : null);
  if (!file) {
    console.log('no corpus: give a JSONL file (../shared/eval/corpus/bbc-fulltext.jsonl is the default when ../shared exists)');
    return;
  }
  const docs = await loadCorpus(file, limit);
  const pipeline = buildPipeline();
  // Warm-up: load models and let the JIT settle, outside the timing.
  for (const raw of docs.slice(0, 20)) pipeline.process(toDoc(raw));

  const stages: StageTiming[] = pipeline.components.map((c) => ({ name: c.name, ms: 0 }));
  // Only the token strings are kept for the tagger-alone timing below, not
  // whole analyses: ingest streams, and a heap full of analyses would bill
  // the tagger for the garbage collector walking them.
  const nerInput: string[][][] = [];
  let tokens = 0;
  let sentences = 0;
  let chars = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (const raw of docs) {
    const doc = toDoc(raw);
    pipeline.components.forEach((component, i) => {
      const t0 = performance.now();
      component.process(doc);
      stages[i]!.ms += performance.now() - t0;
    });
    tokens += doc.get('tokens').length;
    sentences += doc.get('sentences').length;
    chars += doc.text.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    nerInput.push(sentenceTokens(doc));
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`corpus: ${file}`);
  console.log(`${docs.length} articles, ${sentences} sentences, ${tokens} tokens, ${(chars / 1e6).toFixed(1)} M chars; one core\n`);
  printTable(
    ['measure', 'value'],
    [
      ['articles/s', docs.length / seconds],
      ['sentences/s', sentences / seconds],
      ['tokens/s', tokens / seconds],
      ['seconds', seconds],
      ['peak RSS MB', peakRss / 1024 / 1024],
    ],
  );
  console.log('');
  printTable(
    ['stage', 'ms', 'share', 'tokens/s'],
    stages.map((s) => [s.name, s.ms, s.ms / (seconds * 1000), tokens / (s.ms / 1000)]),
  );
  if (pipeline.components.some((c) => c.name === 'entities')) nerSpeed(nerInput);
  if (HAS_SHARED && !args.includes('--no-html')) await htmlSpeed(pipeline, limit);
}

function sentenceTokens(d: Doc): string[][] {
  const tokens = d.get('tokens');
  return d.get('sentences').map((s) => tokens.slice(s.firstToken, s.endToken).map((t) => d.norm.slice(t.start, t.end)));
}

/**
 * The NER tagger alone, as ingest meets it: a fresh tagger, the corpus in
 * order, whole articles per call. Its per-word cache warms up as it goes, so
 * this is the steady rate over a corpus, not the rate on one new article.
 * RUNS runs, each with a fresh tagger; the median is reported.
 */
const RUNS = 3;
function nerSpeed(articles: readonly string[][][]): void {
  const runs: { wall: number; cpu: number }[] = [];
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const tagger = loadNerModel(process.env.NEWSGRAPH_NER_MODEL ?? DEFAULT_NER_MODEL_DIR);
    count = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const sentences of articles) {
      tagger.tag(sentences);
      for (const s of sentences) count += s.length;
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ wall, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log('');
  printTable(
    [`NER tagging (fresh tagger, whole corpus in order; median of ${RUNS} runs)`, 'value'],
    [
      ['tokens', count],
      ['tokens/s (wall)', count / median(runs.map((r) => r.wall))],
      // CPU time counts every thread of the process (GC helpers included).
      ['tokens per CPU-second', count / median(runs.map((r) => r.cpu))],
    ],
  );
}

await runScript('bench', main);
