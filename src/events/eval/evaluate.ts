/**
 * Scores the event coder on gold files (read from ../shared/eval at run
 * time, never copied): CAMEO manual examples (code only), PLOVER gold
 * records (type and actors), PETRARCH validation records (triples), and
 * no-event sentences (false-positive rate). Also times the coder stage.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { analyzeRaw, toDoc } from '../../analyze.js';
import type { ActorDictionary } from '../../entities/actors/index.js';
import type { Event } from '../../doc/schema.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { rawText } from '../../test-support/docs.js';
import type { Codebook } from '../codebook.js';
import type { EventLexicon } from '../lexicon.js';
import { buildEvalPipeline } from './eval-pipeline.js';

export async function readJsonl<T>(file: string, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (out.length >= limit) break;
    out.push(JSON.parse(line) as T);
  }
  return out;
}

export interface Resources {
  dictionary: ActorDictionary;
  lexicon: EventLexicon;
  codebook: Codebook;
}

interface GoldRecord {
  id: string;
  text: string;
  date?: string;
  code?: string;
  expected: unknown[];
  expect_no_events?: boolean;
  petr2_evaluated?: boolean;
}

export type Layout = 'cameo-manual' | 'plover' | 'petrarch';

export function detectLayout(r: GoldRecord): Layout {
  const first = r.expected[0] as Record<string, unknown> | undefined;
  if (first && 'event_plover_current' in first) return 'plover';
  if (typeof r.code === 'string' && first && first.source === null) return 'cameo-manual';
  return 'petrarch';
}

/** The event a one-sentence record is about: the first one that is not a bare statement. */
export function primaryEvent(events: readonly Event[]): Event | null {
  const sorted = [...events].sort((a, b) => a.verb.start - b.verb.start);
  return sorted.find((e) => e.code !== '010') ?? sorted[0] ?? null;
}

function codeEvents(pipeline: Pipeline, text: string, date: string | null): Event[] {
  const a = analyzeRaw(pipeline, rawText(text, { published: date }));
  return a.layers.events ?? [];
}

export interface ConfusionRow {
  root: string;
  gold: number;
  right: number;
  /** Most frequent wrong predictions: root -> count ("none" when nothing was coded). */
  wrong: Record<string, number>;
}

export interface CodeScores {
  records: number;
  coded: number;
  rootRight: number;
  threeDigitRight: number;
  fullRight: number;
  confusion: ConfusionRow[];
  misses: { id: string; gold: string; got: string; text: string }[];
}

function confusionAdd(table: Map<string, ConfusionRow>, gold: string, got: string | null): void {
  const row = table.get(gold) ?? { root: gold, gold: 0, right: 0, wrong: {} };
  row.gold++;
  if (got === gold) row.right++;
  else row.wrong[got ?? 'none'] = (row.wrong[got ?? 'none'] ?? 0) + 1;
  table.set(gold, row);
}

/** CAMEO manual examples: one gold code per sentence, no actors; the coder runs without requiring a source. */
export async function scoreCameoManual(file: string, res: Resources, limit = Infinity): Promise<CodeScores> {
  const { pipeline } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook, { requireSource: false });
  const records = (await readJsonl<GoldRecord>(file, limit)).filter((r) => !/NEED EXAMPLE/i.test(r.text));
  const table = new Map<string, ConfusionRow>();
  const s: CodeScores = { records: records.length, coded: 0, rootRight: 0, threeDigitRight: 0, fullRight: 0, confusion: [], misses: [] };
  for (const r of records) {
    const gold = r.code!;
    const e = primaryEvent(codeEvents(pipeline, r.text, r.date ?? null));
    if (e) s.coded++;
    if (e && e.root === gold.slice(0, 2)) s.rootRight++;
    if (e && e.code.slice(0, 3) === gold.slice(0, 3)) s.threeDigitRight++;
    if (e && e.code === gold) s.fullRight++;
    confusionAdd(table, gold.slice(0, 2), e?.root ?? null);
    if (!e || e.code.slice(0, 3) !== gold.slice(0, 3)) s.misses.push({ id: r.id, gold, got: e?.code ?? 'none', text: r.text });
  }
  s.confusion = [...table.values()].sort((a, b) => a.root.localeCompare(b.root));
  return s;
}

interface PloverActor {
  text: string;
  code: string | null;
  sector: string | null;
}
interface PloverExpected {
  source: PloverActor[];
  target: PloverActor[];
  event_plover_current: string;
}

export interface PloverScores {
  records: number;
  coded: number;
  typeRight: number;
  /** Records where gold and the coder both have a source actor with a country. */
  sourcePairs: number;
  sourceCountryRight: number;
  sourceRoleRight: number;
  targetPairs: number;
  targetCountryRight: number;
  misses: { id: string; gold: string; got: string }[];
}

/** CAMEO uses a few legacy country codes where ISO-3 differs. */
const LEGACY_COUNTRY: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', BUL: 'BGR', GMW: 'DEU', GME: 'DEU', UKG: 'GBR', SER: 'SRB' };

function countryOf(code: string | null): string | null {
  if (!code) return null;
  const c = code.slice(0, 3).toUpperCase();
  return LEGACY_COUNTRY[c] ?? c;
}

function roleOf(code: string | null): string | null {
  if (!code || code.length < 6) return null;
  return code.slice(3, 6);
}

export async function scorePlover(file: string, res: Resources, limit = Infinity): Promise<PloverScores> {
  const { pipeline } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook, { requireSource: false });
  const records = await readJsonl<GoldRecord>(file, limit);
  const s: PloverScores = { records: records.length, coded: 0, typeRight: 0, sourcePairs: 0, sourceCountryRight: 0, sourceRoleRight: 0, targetPairs: 0, targetCountryRight: 0, misses: [] };
  for (const r of records) {
    const gold = r.expected[0] as PloverExpected;
    const events = codeEvents(pipeline, r.text, r.date ?? null);
    const e = primaryEvent(events);
    if (e) s.coded++;
    const type = e?.plover?.type ?? null;
    if (type === gold.event_plover_current) s.typeRight++;
    else s.misses.push({ id: r.id, gold: gold.event_plover_current, got: type ?? e?.code ?? 'none' });
    const goldSources = gold.source.map((a) => countryOf(a.code)).filter((c): c is string => c !== null);
    const ours = countryOf(e?.source.code ?? null);
    if (goldSources.length > 0 && ours) {
      s.sourcePairs++;
      if (goldSources.includes(ours)) s.sourceCountryRight++;
      const goldRoles = gold.source.map((a) => a.sector ?? null);
      const ourRole = roleOf(e?.source.code ?? null);
      if (goldRoles.includes(ourRole)) s.sourceRoleRight++;
    }
    const goldTargets = gold.target.map((a) => countryOf(a.code)).filter((c): c is string => c !== null);
    const ourTarget = countryOf(e?.target?.code ?? null);
    if (goldTargets.length > 0 && ourTarget) {
      s.targetPairs++;
      if (goldTargets.includes(ourTarget)) s.targetCountryRight++;
    }
  }
  return s;
}

interface PetrarchExpected {
  source: string;
  target: string;
  code: string;
}

export interface TripleScores {
  records: number;
  gold: number;
  predicted: number;
  right: number;
  /** Predicted (source, target) pairs, any code, and those that match a gold pair. */
  pairsPredicted: number;
  pairsRight: number;
  goldPairs: number;
  noEventRecords: number;
  noEventWithEvents: number;
}

/** PETRARCH validation layout: micro P/R/F1 over (source, target, code) triples per sentence. */
export async function scoreTriples(file: string, dictionary: ActorDictionary, res: Resources, limit = Infinity): Promise<TripleScores> {
  const { pipeline } = buildEvalPipeline(dictionary, res.lexicon, res.codebook);
  const records = (await readJsonl<GoldRecord>(file, limit)).filter((r) => r.petr2_evaluated !== false && r.id !== 'FINAL-RECORD');
  const s: TripleScores = { records: records.length, gold: 0, predicted: 0, right: 0, pairsPredicted: 0, pairsRight: 0, goldPairs: 0, noEventRecords: 0, noEventWithEvents: 0 };
  for (const r of records) {
    const gold = (r.expected as PetrarchExpected[]).map((g) => `${g.source}|${g.target}|${g.code}`);
    const goldPairs = (r.expected as PetrarchExpected[]).map((g) => `${g.source.slice(0, 3)}|${g.target.slice(0, 3)}`);
    const events = codeEvents(pipeline, r.text, r.date ?? null).filter((e) => e.source.code !== null);
    const got = [...new Set(events.map((e) => `${e.source.code}|${e.target?.code ?? '---'}|${e.code}`))];
    s.gold += gold.length;
    s.predicted += got.length;
    for (const g of got) if (gold.includes(g)) s.right++;
    const gotPairs = [...new Set(events.map((e) => `${(e.source.code ?? '').slice(0, 3)}|${(e.target?.code ?? '---').slice(0, 3)}`))];
    const uniqueGoldPairs = [...new Set(goldPairs)];
    s.goldPairs += uniqueGoldPairs.length;
    s.pairsPredicted += gotPairs.length;
    for (const p of gotPairs) if (uniqueGoldPairs.includes(p)) s.pairsRight++;
    if (r.expect_no_events) {
      s.noEventRecords++;
      if (events.length > 0) s.noEventWithEvents++;
    }
  }
  return s;
}

export interface FalsePositiveScores {
  sentences: number;
  withEvents: number;
  /** Sentences with an event other than a bare statement (010): invented interactions. */
  withNonStatementEvents: number;
  samples: string[];
}

/**
 * False positives on sentences that hold no political event: BBC sport and
 * entertainment articles, sentences that name at least one actor (so the
 * coder has something to code). These are not gold-annotated; a sample is
 * printed to read.
 */
export async function scoreNoEventCorpus(file: string, res: Resources, sentenceLimit: number): Promise<FalsePositiveScores> {
  const { pipeline } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook);
  const s: FalsePositiveScores = { sentences: 0, withEvents: 0, withNonStatementEvents: 0, samples: [] };
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (s.sentences >= sentenceLimit) break;
    const r = JSON.parse(line) as { id: string; text: string; published: string | null };
    if (!/^bbc-(sport|entertainment)-/.test(r.id)) continue;
    const a = analyzeRaw(pipeline, rawText(r.text, { published: r.published }));
    const withActor = new Set<number>();
    for (const m of a.layers.mentions ?? []) {
      if (m.actorId === null) continue;
      const si = (a.layers.sentences ?? []).findIndex((x) => m.start >= x.start && m.end <= x.end);
      if (si >= 0) withActor.add(si);
    }
    const withEvent = new Set((a.layers.events ?? []).flatMap((e) => e.mentions.map((m) => m.sentence)));
    const withAct = new Set((a.layers.events ?? []).filter((e) => e.code !== '010').flatMap((e) => e.mentions.map((m) => m.sentence)));
    for (const si of withActor) {
      s.sentences++;
      if (withEvent.has(si)) s.withEvents++;
      if (withAct.has(si)) {
        s.withNonStatementEvents++;
        if (s.samples.length < 12) s.samples.push(a.layers.sentences![si]!.text.slice(0, 160));
      }
    }
  }
  return s;
}

export interface SpeedScores {
  documents: number;
  sentences: number;
  /** CPU milliseconds spent in the coder. */
  coderMs: number;
  sentencesPerSecond: number;
}

/** Times the coder alone: documents are analysed up to attribution first, then coded under the clock. */
export async function timeCoder(file: string, res: Resources, docLimit: number): Promise<SpeedScores> {
  const { pipeline, coder } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook);
  const upstream = new Pipeline(pipeline.components.filter((c) => c !== coder));
  const docs = [];
  for (const r of await readJsonl<{ id: string; text: string; published: string | null }>(file, docLimit)) {
    docs.push(upstream.process(toDoc(rawText(r.text, { id: r.id, published: r.published }))));
  }
  const sentences = docs.reduce((n, d) => n + (d.get('sentences') ?? []).length, 0);
  // warm up on the first tenth (JIT, chrono's parsers), time the rest
  const warm = Math.ceil(docs.length / 10);
  for (const d of docs.slice(0, warm)) coder.process(d);
  const timed = docs.slice(warm);
  const timedSentences = timed.reduce((n, d) => n + (d.get('sentences') ?? []).length, 0);
  // CPU time, not wall time: the machine is shared, and the figure asked for is per core
  const t0 = process.cpuUsage();
  for (const d of timed) coder.process(d);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  void sentences;
  return { documents: timed.length, sentences: timedSentences, coderMs: ms, sentencesPerSecond: timedSentences / (ms / 1000) };
}

export interface CodedSample {
  id: string;
  sentence: string;
  line: string;
}

/** A seeded random sample of coded body events from a corpus, to read and judge by eye. */
export async function sampleCorpusEvents(file: string, res: Resources, count: number, docLimit = 400, seed = 7): Promise<CodedSample[]> {
  const { pipeline } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook);
  const { renderEvent } = await import('../render.js');
  const all: CodedSample[] = [];
  for (const r of await readJsonl<{ id: string; text: string; published: string | null }>(file, docLimit)) {
    const a = analyzeRaw(pipeline, rawText(r.text, { id: r.id, published: r.published }));
    for (const e of a.layers.events ?? []) {
      if (e.section !== 'body') continue;
      all.push({ id: r.id, sentence: a.layers.sentences![e.sentence]!.text, line: renderEvent(a, e, res.codebook) });
    }
  }
  // deterministic shuffle (mulberry32) so a sample can be re-read after a change
  let t = seed;
  const rand = (): number => {
    t = (t + 0x6d2b79f5) | 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}
