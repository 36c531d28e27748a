/**
 * Duplicates and story clustering, measured.
 *
 *   node --import tsx bench/eval-dedupe.ts [giveme5w1h.jsonl] [--feeds feeds_items.jsonl] [--sweep] [--pairs N]
 *
 * 1. Story clusters on the `news_cluster` part of GiveMe5W1H (gold: `event_id`),
 *    documents fed in publication order: pairwise and B-cubed P/R/F1, and the
 *    same averaged over shuffled arrival orders. `--sweep` prints a grid of
 *    thresholds and windows (how the defaults were chosen).
 * 2. Near-duplicates and exact duplicates among the feed snapshot's items
 *    (title + summary), with sample pairs to read.
 * 3. Speed, documents per second.
 * Research data is read in place from ../shared and never copied.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_STORY_CLUSTER_CONFIG,
  ExactDuplicateIndex,
  NearDuplicateIndex,
  StoryClusterer,
  bodyHash,
  canonicalUrl,
  type StoryClusterConfig,
} from '../src/dedupe/index.js';
import { scoreClusters, type ClusterScores } from './cluster-scoring.js';
import { HAS_SHARED, printTable, readJsonlFile, sharedPath } from './shared.js';

interface CorpusRecord {
  id: string;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
  text: string | null;
  subset?: string;
  event_id?: number;
  cluster_id?: string;
}

export interface DedupeEvalResult {
  documents: number;
  scores: ClusterScores;
  shuffledPairwiseF1: number;
  docsPerSecond: number;
}

function parseArgs(argv: string[]): { corpus: string; feeds: string; sweep: boolean; pairs: number } {
  let corpus = sharedPath('eval', 'corpus', 'giveme5w1h.jsonl');
  let feeds = sharedPath('eval', 'corpus', 'feeds', 'feeds_items.jsonl');
  let sweep = false;
  let pairs = 8;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--feeds') feeds = argv[++i] ?? feeds;
    else if (a === '--sweep') sweep = true;
    else if (a === '--pairs') pairs = Number(argv[++i] ?? pairs);
    else if (!a.startsWith('--')) corpus = a;
  }
  return { corpus, feeds, sweep, pairs };
}

export async function loadNewsCluster(file: string): Promise<CorpusRecord[]> {
  const out: CorpusRecord[] = [];
  for await (const r of readJsonlFile<CorpusRecord>(file)) {
    if (r.subset === 'news_cluster' && r.event_id !== undefined) out.push(r);
  }
  return out;
}

/** Publication order (feeds arrive that way); ties and missing dates by id, so the order is fixed. */
export function byPublished(records: CorpusRecord[]): CorpusRecord[] {
  const t = (r: CorpusRecord): number => (r.published ? Date.parse(r.published) : Number.POSITIVE_INFINITY) || 0;
  return [...records].sort((a, b) => t(a) - t(b) || (a.id < b.id ? -1 : 1));
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function clusterRecords(records: CorpusRecord[], config: Partial<StoryClusterConfig> = {}): { scores: ClusterScores; seconds: number } {
  const clusterer = new StoryClusterer(config);
  const started = performance.now();
  const predicted = records.map(
    (r) => clusterer.add({ key: r.id, title: r.title, text: r.text ?? '', published: r.published, source: r.source }).storyId,
  );
  const seconds = (performance.now() - started) / 1000;
  return { scores: scoreClusters(predicted, records.map((r) => String(r.event_id))), seconds };
}

export async function evaluateStories(file: string): Promise<DedupeEvalResult> {
  const records = byPublished(await loadNewsCluster(file));
  const { scores, seconds } = clusterRecords(records);
  let shuffledF1 = 0;
  const seeds = [1, 2, 3, 4, 5];
  for (const seed of seeds) shuffledF1 += clusterRecords(shuffled(records, seed)).scores.pairwise.f1;
  return { documents: records.length, scores, shuffledPairwiseF1: shuffledF1 / seeds.length, docsPerSecond: records.length / seconds };
}

function printScores(label: string, s: ClusterScores): (string | number)[] {
  return [label, s.pairwise.precision, s.pairwise.recall, s.pairwise.f1, s.bcubed.precision, s.bcubed.recall, s.bcubed.f1, s.predictedClusters];
}

const SCORE_HEADERS = ['run', 'pair P', 'pair R', 'pair F1', 'B3 P', 'B3 R', 'B3 F1', 'stories'];

function sweep(records: CorpusRecord[]): void {
  const rows: (string | number)[][] = [];
  for (const windowDays of [7, 14, 30, null]) {
    for (const threshold of [0.2, 0.25, 0.3, 0.35, 0.4]) {
      for (const titleWeight of [2, 3]) {
        for (const bodyWeight of [0, 0.2]) {
          const cfg = { windowDays, threshold, titleWeight, bodyWeight };
          const { scores } = clusterRecords(records, cfg);
          rows.push(printScores(`w=${windowDays ?? 'none'} t=${threshold} title=${titleWeight} body=${bodyWeight}`, scores));
        }
      }
    }
  }
  rows.sort((a, b) => (b[3] as number) - (a[3] as number));
  console.log('\nSweep (sorted by pairwise F1; top 20):');
  printTable(SCORE_HEADERS, rows.slice(0, 20));
}

async function evaluateFeeds(file: string, samplePairs: number): Promise<void> {
  if (!fs.existsSync(file)) {
    console.log(`\nFeed snapshot not found (${file}); skipped.`);
    return;
  }
  const items: CorpusRecord[] = [];
  for await (const r of readJsonlFile<CorpusRecord>(file)) items.push(r);
  const ordered = byPublished(items);
  const near = new NearDuplicateIndex();
  const exact = new ExactDuplicateIndex();
  const byId = new Map(items.map((r) => [r.id, r]));
  const nearPairs: { a: CorpusRecord; b: CorpusRecord; similarity: number }[] = [];
  let exactUrl = 0;
  let exactBody = 0;
  let empty = 0;
  const started = performance.now();
  for (const r of ordered) {
    const summary = r.text ?? '';
    const text = [r.title ?? '', summary].join('\n').trim();
    if (text === '') empty++;
    const ex = exact.add(r.id, { canonicalUrl: canonicalUrl(r.url), bodyHash: summary.trim() === '' ? null : bodyHash(text) });
    if (ex.matchedBy === 'url') exactUrl++;
    else if (ex.matchedBy === 'body') exactBody++;
    const nd = near.add(r.id, text);
    if (nd.duplicateOf !== null) nearPairs.push({ a: byId.get(nd.duplicateOf)!, b: r, similarity: nd.similarity });
  }
  const seconds = (performance.now() - started) / 1000;
  const crossOutlet = nearPairs.filter((p) => p.a.source !== p.b.source).length;
  console.log(`\nFeed snapshot: ${file}`);
  printTable(
    ['items', 'empty', 'near-dup', 'near-dup %', 'cross-outlet', 'same URL', 'same body', 'items/s'],
    [[items.length, empty, nearPairs.length, (100 * nearPairs.length) / items.length, crossOutlet, exactUrl, exactBody, items.length / seconds]],
  );
  const sample = [...nearPairs].sort((x, y) => x.similarity - y.similarity || (x.b.id < y.b.id ? -1 : 1));
  const step = Math.max(1, Math.floor(sample.length / Math.max(1, samplePairs)));
  console.log(`\nSample near-duplicate pairs (lowest similarity first, every ${step}th):`);
  for (let i = 0; i < sample.length && i / step < samplePairs; i += step) {
    const p = sample[i]!;
    console.log(`  ${p.similarity.toFixed(2)}  [${p.a.source}] ${clip(p.a.title)}\n        [${p.b.source}] ${clip(p.b.title)}`);
  }
}

const clip = (s: string | null): string => {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > 90 ? `${t.slice(0, 87)}...` : t;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.corpus)) {
    console.log(HAS_SHARED ? `not found: ${args.corpus}` : `../shared/eval is missing: nothing to evaluate (${args.corpus})`);
    process.exitCode = HAS_SHARED ? 1 : 0;
    return;
  }
  const records = byPublished(await loadNewsCluster(args.corpus));
  console.log(`Story clustering: ${records.length} news_cluster articles, ${new Set(records.map((r) => r.event_id)).size} gold events (${args.corpus})`);
  console.log(`Config: ${JSON.stringify(DEFAULT_STORY_CLUSTER_CONFIG)}`);
  const result = await evaluateStories(args.corpus);
  printTable(SCORE_HEADERS, [printScores('publication order', result.scores)]);
  console.log(`pairwise F1 averaged over 5 shuffled arrival orders: ${result.shuffledPairwiseF1.toFixed(3)}`);
  console.log(`speed: ${result.docsPerSecond.toFixed(0)} articles/s (full texts, publication order)`);
  if (args.sweep) sweep(records);
  await evaluateFeeds(args.feeds, args.pairs);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
