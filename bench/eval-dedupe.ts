/**
 * Duplicates and story clustering, measured.
 *
 *   node --import tsx bench/eval-dedupe.ts [giveme5w1h.jsonl] [--feeds feeds_items.jsonl]
 *        [--sweep] [--pairs N] [--speed a.jsonl,b.jsonl]
 *
 * 1. Story clusters on the `news_cluster` part of GiveMe5W1H (gold: `event_id`),
 *    documents fed in publication order: pairwise and B-cubed P/R/F1, and the
 *    same averaged over shuffled arrival orders. `--sweep` prints a grid of
 *    thresholds and windows (how the defaults were chosen).
 * 2. Near-duplicates and exact duplicates among the feed snapshot's items
 *    (title + summary), with sample pairs to read.
 *    Then the stories the clusterer finds among them, biggest cross-outlet first.
 * 3. Speed, articles per second, on BBC + AllSides full texts (3,865 articles).
 * Research data is read in place from ../shared and never copied.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_STORY_CLUSTER_CONFIG,
  EVENT_STORY_CLUSTER_CONFIG,
  ExactDuplicateIndex,
  NearDuplicateIndex,
  StoryClusterer,
  bodyHash,
  canonicalUrl,
  type StoryClusterConfig,
} from '../src/dedupe/index.js';
import { scoreClusters, type ClusterScores } from './cluster-scoring.js';
import { HAS_SHARED, printTable, readJsonlFile, runScript, sharedPath } from './shared.js';

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

function parseArgs(argv: string[]): { corpus: string; feeds: string; sweep: boolean; pairs: number; speed: string[] } {
  let corpus = sharedPath('eval', 'corpus', 'giveme5w1h.jsonl');
  let feeds = sharedPath('eval', 'corpus', 'feeds', 'feeds_items.jsonl');
  let sweep = false;
  let pairs = 8;
  const speed = [sharedPath('eval', 'corpus', 'bbc-fulltext.jsonl'), sharedPath('eval', 'corpus', 'allsides-abp-intl.jsonl')];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--feeds') feeds = argv[++i] ?? feeds;
    else if (a === '--sweep') sweep = true;
    else if (a === '--pairs') pairs = Number(argv[++i] ?? pairs);
    else if (a === '--speed') speed.splice(0, speed.length, ...(argv[++i] ?? '').split(',').filter((f) => f !== ''));
    else if (!a.startsWith('--')) corpus = a;
  }
  return { corpus, feeds, sweep, pairs, speed };
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
  for (const windowDays of [7, 14, 30, 60, 90, null]) {
    for (const threshold of [0.15, 0.2, 0.25, 0.3]) {
      for (const titleWeight of [2, 3]) {
        const { scores } = clusterRecords(records, { windowDays, threshold, titleWeight });
        rows.push(printScores(`window=${windowDays ?? 'none'} threshold=${threshold} title=${titleWeight}`, scores));
      }
    }
  }
  rows.sort((a, b) => (b[3] as number) - (a[3] as number));
  console.log('\nSweep (other settings at their defaults; sorted by pairwise F1):');
  printTable(SCORE_HEADERS, rows);
}

interface NearPair {
  a: CorpusRecord;
  b: CorpusRecord;
  similarity: number;
}

export interface FeedDuplicateResult {
  items: number;
  /** Items whose near-duplicate has another canonical URL (a copy, not the same item listed twice). */
  nearDuplicates: number;
  crossOutlet: number;
  sameUrl: number;
  sameBody: number;
  itemsPerSecond: number;
  pairs: NearPair[];
}

const feedText = (r: CorpusRecord): string => [r.title ?? '', r.text ?? ''].join('\n').trim();

export async function evaluateFeedDuplicates(file: string): Promise<FeedDuplicateResult> {
  const items: CorpusRecord[] = [];
  for await (const r of readJsonlFile<CorpusRecord>(file)) items.push(r);
  const near = new NearDuplicateIndex();
  const exact = new ExactDuplicateIndex();
  const byId = new Map(items.map((r) => [r.id, r]));
  const pairs: NearPair[] = [];
  let sameUrl = 0;
  let sameBody = 0;
  const started = performance.now();
  for (const r of byPublished(items)) {
    const text = feedText(r);
    const ex = exact.add(r.id, { canonicalUrl: canonicalUrl(r.url), bodyHash: (r.text ?? '').trim() === '' ? null : bodyHash(text) });
    if (ex.matchedBy === 'url') sameUrl++;
    else if (ex.matchedBy === 'body') sameBody++;
    const nd = near.add(r.id, text);
    if (nd.duplicateOf !== null && ex.matchedBy !== 'url') pairs.push({ a: byId.get(nd.duplicateOf)!, b: r, similarity: nd.similarity });
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    items: items.length,
    nearDuplicates: pairs.length,
    crossOutlet: pairs.filter((p) => p.a.source !== p.b.source).length,
    sameUrl,
    sameBody,
    itemsPerSecond: items.length / seconds,
    pairs,
  };
}

/** Stories among the feed items: how many span several outlets, and the biggest of them to read. */
function feedStories(items: CorpusRecord[], show: number, config: Partial<StoryClusterConfig>, label: string): void {
  const clusterer = new StoryClusterer(config);
  const members = new Map<string, CorpusRecord[]>();
  for (const r of byPublished(items)) {
    const { storyId } = clusterer.add({ key: r.id, title: r.title, text: r.text ?? '', published: r.published, source: r.source });
    (members.get(storyId) ?? members.set(storyId, []).get(storyId)!).push(r);
  }
  const outlets = (rs: CorpusRecord[]): number => new Set(rs.map((r) => r.source)).size;
  const multi = [...members.values()].filter((rs) => outlets(rs) > 1).sort((x, y) => outlets(y) - outlets(x) || y.length - x.length);
  console.log(`\nFeed stories, ${label}: ${items.length} items -> ${members.size} stories; ${multi.length} told by 2+ outlets. Largest cross-outlet stories:`);
  for (const rs of multi.slice(0, show)) {
    console.log(`  ${rs.length} items, ${outlets(rs)} outlets`);
    for (const r of rs.slice(0, 4)) console.log(`      [${r.source}] ${clip(r.title)}`);
  }
}

async function reportFeeds(file: string, samplePairs: number): Promise<void> {
  if (!fs.existsSync(file)) {
    console.log(`\nFeed snapshot not found (${file}); skipped.`);
    return;
  }
  const r = await evaluateFeedDuplicates(file);
  console.log(`\nFeed snapshot near-duplicates (title + summary, MinHash threshold ${new NearDuplicateIndex().config.threshold}): ${file}`);
  printTable(
    ['items', 'near-dup', 'near-dup %', 'cross-outlet', 'same URL', 'same body', 'items/s'],
    [[r.items, r.nearDuplicates, (100 * r.nearDuplicates) / r.items, r.crossOutlet, r.sameUrl, r.sameBody, r.itemsPerSecond]],
  );
  // Cross-outlet pairs first (the interesting ones), then the rest, least similar first.
  const sample = [...r.pairs].sort(
    (x, y) => Number(y.a.source !== y.b.source) - Number(x.a.source !== x.b.source) || x.similarity - y.similarity || (x.b.id < y.b.id ? -1 : 1),
  );
  console.log('\nSample near-duplicate pairs (cross-outlet first):');
  for (const p of sample.slice(0, samplePairs)) {
    console.log(`  ${p.similarity.toFixed(2)}  [${p.a.source}] ${clip(p.a.title)}\n        [${p.b.source}] ${clip(p.b.title)}`);
  }
  const items: CorpusRecord[] = [];
  for await (const item of readJsonlFile<CorpusRecord>(file)) items.push(item);
  feedStories(items, 3, DEFAULT_STORY_CLUSTER_CONFIG, 'default config');
  feedStories(items, 3, EVENT_STORY_CLUSTER_CONFIG, 'event preset');
}

/** Clustering speed on a bigger stream (many stories, full texts). */
async function reportSpeed(files: string[]): Promise<void> {
  const records: CorpusRecord[] = [];
  for (const f of files) if (fs.existsSync(f)) for await (const r of readJsonlFile<CorpusRecord>(f)) records.push(r);
  if (records.length === 0) return;
  const ordered = byPublished(records);
  const clusterer = new StoryClusterer();
  const near = new NearDuplicateIndex();
  let started = performance.now();
  for (const r of ordered) clusterer.add({ key: r.id, title: r.title, text: r.text ?? '', published: r.published, source: r.source });
  const clusterSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  let nearDuplicates = 0;
  for (const r of ordered) if (near.add(r.id, feedText(r)).duplicateOf !== null) nearDuplicates++;
  const nearSeconds = (performance.now() - started) / 1000;
  console.log(`\nSpeed on ${records.length} full-text articles in date order (${files.map((f) => f.split('/').pop()).join(', ')}), one core:`);
  printTable(
    ['stage', 'articles/s', 'found'],
    [
      ['story clustering', records.length / clusterSeconds, `${clusterer.storyCount} stories`],
      ['near-duplicate index', records.length / nearSeconds, `${nearDuplicates} near-duplicates`],
    ],
  );
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
  printTable(SCORE_HEADERS, [
    printScores('publication order', result.scores),
    printScores('event preset (3 days, 0.3)', clusterRecords(records, EVENT_STORY_CLUSTER_CONFIG).scores),
  ]);
  console.log(`pairwise F1 averaged over 5 shuffled arrival orders: ${result.shuffledPairwiseF1.toFixed(3)}`);
  console.log(`speed: ${result.docsPerSecond.toFixed(0)} articles/s (full texts, publication order)`);
  if (args.sweep) sweep(records);
  await reportFeeds(args.feeds, args.pairs);
  await reportSpeed(args.speed);
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript('eval-dedupe', main);
