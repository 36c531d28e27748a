/**
 * Evaluate a tagger on gold documents: scores and tagging speed. Used by
 * bench/eval-ner.ts and the floor test.
 */
import type { NerDocument } from './corpus.js';
import { countTokens } from './corpus.js';
import { formatNerReport, scoreNer, type NerEvalResult } from './evaluate.js';
import type { NerTagger, TagOptions } from './tagger.js';

export interface NerEvalRun {
  result: NerEvalResult;
  /** Tokens per second of wall time over the whole gold set (best of `rounds` timed runs, after one warm-up). */
  tokensPerSecond: number;
  /**
   * Tokens per second of this process's CPU time in the same best run: on a
   * shared, loaded machine this is the steadier figure.
   */
  cpuTokensPerSecond: number;
  /**
   * Tokens per CPU-second of the first run over the gold text (after any
   * warm-up on other text): words not met before have no cached scores yet.
   */
  coldCpuTokensPerSecond: number;
  report: string;
}

export function evaluateNerTagger(
  tagger: NerTagger,
  gold: readonly NerDocument[],
  opts: {
    seenMentions?: ReadonlySet<string>;
    rounds?: number;
    tagOptions?: TagOptions;
    title?: string;
    /** Other text to tag first, untimed: warms the JIT and the caches of common words, not of these documents. */
    warmup?: readonly NerDocument[];
  } = {},
): NerEvalRun {
  const sentencesOf = (d: NerDocument): string[][] => d.sentences.map((s) => s.tokens);
  const inputs = gold.map(sentencesOf);
  const tokens = countTokens(gold);
  for (const d of opts.warmup ?? []) tagger.tag(sentencesOf(d), opts.tagOptions);
  const c0 = process.cpuUsage();
  let predicted = inputs.map((doc) => tagger.tag(doc, opts.tagOptions));
  const cold = process.cpuUsage(c0);
  const coldCpuTokensPerSecond = tokens / (Math.max((cold.user + cold.system) / 1000, 1e-3) / 1000);
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < (opts.rounds ?? 3); r++) {
    const t0 = performance.now();
    for (const d of opts.warmup ?? []) tagger.tag(sentencesOf(d), opts.tagOptions);
  const c0 = process.cpuUsage();
    predicted = inputs.map((doc) => tagger.tag(doc, opts.tagOptions));
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const tokensPerSecond = tokens / (best / 1000);
  const cpuTokensPerSecond = tokens / (Math.max(bestCpu, 1e-3) / 1000);
  const result = scoreNer(gold, predicted, opts.seenMentions);
  const report = formatNerReport(result, {
    tokensPerSecond,
    cpuTokensPerSecond,
    coldCpuTokensPerSecond,
    ...(opts.title ? { title: opts.title } : {}),
  });
  return { result, tokensPerSecond, cpuTokensPerSecond, coldCpuTokensPerSecond, report };
}
