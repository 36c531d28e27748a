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
  report: string;
}

export function evaluateNerTagger(
  tagger: NerTagger,
  gold: readonly NerDocument[],
  opts: { seenMentions?: ReadonlySet<string>; rounds?: number; tagOptions?: TagOptions; title?: string } = {},
): NerEvalRun {
  const sentencesOf = (d: NerDocument): string[][] => d.sentences.map((s) => s.tokens);
  const inputs = gold.map(sentencesOf);
  const tokens = countTokens(gold);
  let predicted = inputs.map((doc) => tagger.tag(doc, opts.tagOptions));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < (opts.rounds ?? 3); r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    predicted = inputs.map((doc) => tagger.tag(doc, opts.tagOptions));
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const tokensPerSecond = tokens / (best / 1000);
  const cpuTokensPerSecond = tokens / (Math.max(bestCpu, 1e-3) / 1000);
  const result = scoreNer(gold, predicted, opts.seenMentions);
  const report = formatNerReport(result, { tokensPerSecond, cpuTokensPerSecond, ...(opts.title ? { title: opts.title } : {}) });
  return { result, tokensPerSecond, cpuTokensPerSecond, report };
}
