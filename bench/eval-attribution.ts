/**
 * Attribution accuracy and speed on PolNeAR (read in place from ../shared).
 *
 *   node --import tsx bench/eval-attribution.ts [file.jsonl] [--limit N] [--linker] [--errors out.txt]
 *
 * Default file: ../shared/eval/attribution/polnear_dev.jsonl. Runs Cleaner,
 * Segmenter, an entity component (the lead's linker with --linker, else
 * empty entity layers: PolNeAR speakers are scored as spans) and the
 * Attributor over each record's text, and prints content F1 (overlap >= 0.5),
 * exact-span F1, content+speaker F1 and cue accuracy, by type, and articles/s.
 * `--errors` writes matched (HIT), missed (MISS), spurious (SPUR) and
 * wrong-speaker (SPKR) attributions to a file outside the repo for reading.
 */
import fs from 'node:fs';
import { toAnalysis, toDoc } from '../src/analyze.js';
import { Attributor } from '../src/attribution/attributor.js';
import { FixedEntities } from '../src/attribution/entities-stub.js';
import { Cleaner } from '../src/clean/cleaner.js';
import type { Component } from '../src/pipeline/component.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { Segmenter } from '../src/segment/segmenter.js';
import { NewsgraphError } from '../src/util/errors.js';
import { emptyCounts, scoreDocument, summarize, type ScoredAttribution, type TypedCounts } from './attribution-scoring.js';
import { HAS_SHARED, printTable, readJsonlFile, runScript, sharedPath } from './shared.js';

interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
interface GoldQuote {
  type: string;
  content: GoldSpan;
  content_parts?: GoldSpan[] | null;
  speaker: GoldSpan | null;
  cue: GoldSpan | null;
}
export interface PolnearRecord {
  doc_id: string;
  text: string;
  quotes: GoldQuote[];
}

export const DEFAULT_POLNEAR = sharedPath('eval', 'attribution', 'polnear_dev.jsonl');

export interface EvalResult {
  counts: TypedCounts;
  articles: number;
  seconds: number;
  /** Time spent in the Attributor alone. */
  attributionSeconds: number;
  errors: string[];
}

async function entityComponent(useLinker: boolean): Promise<Component> {
  if (!useLinker) return new FixedEntities();
  const { loadNerModel, DEFAULT_NER_MODEL_DIR } = await import('../src/entities/tagger/index.js');
  const { loadActorDictionary } = await import('../src/entities/actors/index.js');
  const { EntityLinker } = await import('../src/entities/linker/entity-linker.js');
  return new EntityLinker(loadNerModel(DEFAULT_NER_MODEL_DIR), loadActorDictionary([]));
}

function goldOf(q: GoldQuote): ScoredAttribution {
  return { type: q.type, content: q.content_parts && q.content_parts.length > 0 ? q.content_parts : [q.content], speaker: q.speaker, cue: q.cue };
}

export async function evaluateAttribution(file: string, options: { limit?: number; linker?: boolean; collectErrors?: boolean } = {}): Promise<EvalResult> {
  const pipeline = new Pipeline([new Cleaner(), new Segmenter(), await entityComponent(options.linker ?? false), new Attributor()]);
  const counts: TypedCounts = { all: emptyCounts(), byType: {} };
  const errors: string[] = [];
  let articles = 0;
  let busy = 0;
  let attributionSeconds = 0;
  for await (const record of readJsonlFile<PolnearRecord>(file, options.limit ?? Infinity)) {
    const doc = toDoc({ id: record.doc_id, text: record.text, title: null, url: null, published: null, source: null, format: 'text', encoding: 'utf-8', origin: file });
    for (const component of pipeline.components) {
      const t0 = process.hrtime.bigint();
      component.process(doc);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      busy += seconds;
      if (component instanceof Attributor) attributionSeconds += seconds;
    }
    const analysis = toAnalysis(doc);
    articles++;
    const predicted: ScoredAttribution[] = (analysis.layers.attributions ?? []).map((a) => ({
      type: a.type,
      content: a.parts ?? [a.content],
      speaker: a.speaker,
      cue: a.cue,
    }));
    const gold = record.quotes.map(goldOf);
    const match = scoreDocument(predicted, gold, counts);
    if (options.collectErrors) {
      const show = (s: { start: number; end: number } | null): string => (s ? JSON.stringify(record.text.slice(s.start, s.end)) : 'null');
      const mp = new Set(match.pairs.map((p) => p.predicted));
      const mg = new Set(match.pairs.map((p) => p.gold));
      gold.forEach((g, j) => { if (!mg.has(j)) errors.push(`MISS ${record.doc_id} [${g.type}] S=${show(g.speaker)} cue=${show(g.cue)} C=${show(g.content[0]!)}`); });
      predicted.forEach((p, i) => { if (!mp.has(i)) errors.push(`SPUR ${record.doc_id} [${p.type}] S=${show(p.speaker)} cue=${show(p.cue)} C=${show(p.content[0]!)}`); });
      for (const pair of match.pairs) {
        const p = predicted[pair.predicted]!;
        const g = gold[pair.gold]!;
        const whole = (parts: { start: number; end: number }[]): { start: number; end: number } => ({ start: parts[0]!.start, end: parts[parts.length - 1]!.end });
        errors.push(`HIT  ${record.doc_id} [${p.type}] S=${show(p.speaker)} cue=${show(p.cue)} C=${show(whole(p.content))} GOLD=${show(whole(g.content))}`);
        const sp = p.speaker === null || g.speaker === null ? p.speaker === g.speaker : p.speaker.start < g.speaker.end && g.speaker.start < p.speaker.end;
        if (!sp) errors.push(`SPKR ${record.doc_id} pred=${show(p.speaker)} gold=${show(g.speaker)} cue=${show(g.cue)}`);
      }
    }
  }
  return { counts, articles, seconds: busy, attributionSeconds, errors };
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file = DEFAULT_POLNEAR;
  let limit = Infinity;
  let errorsFile: string | null = null;
  let linker = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--limit') limit = Number(args[++i]);
    else if (a === '--errors') errorsFile = args[++i] ?? null;
    else if (a === '--linker') linker = true;
    else if (a.startsWith('--')) throw new NewsgraphError('usage', `unknown option ${a}`);
    else file = a;
  }
  if (!fs.existsSync(file)) {
    console.log(HAS_SHARED ? `attribution eval: ${file} not found` : 'attribution eval: ../shared not found; nothing to measure');
    return;
  }
  const r = await evaluateAttribution(file, { limit, linker, collectErrors: errorsFile !== null });
  console.log(`${file}: ${r.articles} articles, ${r.counts.all.gold} gold attributions, ${r.counts.all.predicted} predicted\n`);
  const rows = [['all', r.counts.all] as const, ...Object.entries(r.counts.byType).sort().map(([t, c]) => [t, c] as const)];
  printTable(
    ['type', 'gold', 'pred', 'P', 'R', 'F1 (overlap>=0.5)', 'exact F1', 'content+speaker F1', 'cue acc'],
    rows.map(([t, c]) => {
      const s = summarize(c);
      return [t, c.gold, c.predicted, pct(s.content.precision), pct(s.content.recall), pct(s.content.f1), pct(s.exact.f1), pct(s.endToEnd.f1), pct(s.cueAccuracy)];
    }),
  );
  console.log('\n(per type: precision counts predictions of that type, recall counts gold of that type)');
  console.log(`speed: ${(r.articles / r.seconds).toFixed(1)} articles/s over the whole pipeline (clean, segment, entities, attribution); attribution alone ${(r.articles / r.attributionSeconds).toFixed(1)} articles/s (one core)`);
  if (errorsFile) {
    fs.writeFileSync(errorsFile, r.errors.join('\n') + '\n');
    console.log(`errors written to ${errorsFile}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript('eval-attribution', main);
