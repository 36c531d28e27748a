/**
 * Picks the lexicon rule for a verb and turns it into a CAMEO code: the rule
 * whose pattern matches the most words wins (earlier rows break ties); a
 * framed rule ("@intent") takes its code from the best complement after it.
 */
import type { ComplementRule, EventLexicon, VerbRule } from './lexicon.js';
import { matchPattern } from './patterns.js';
import type { Word } from './sentence-view.js';

export interface CodedVerb {
  code: string;
  rule: VerbRule;
  complement: ComplementRule | null;
  /** Words the rule and its complement used (content words, never the target). */
  used: { start: number; end: number }[];
}

export function resolveVerb(lexicon: EventLexicon, words: readonly Word[], verb: number, windowEnd: number, allowBare: boolean): CodedVerb | null {
  const heads = words[verb]!.lemmas;
  let best: { rule: VerbRule; end: number; first: number; score: number } | null = null;
  for (const head of heads) {
    for (const rule of lexicon.rulesByHead.get(head) ?? []) {
      const m = matchPattern(words, rule.pattern, verb + 1, windowEnd, true);
      if (!m) continue;
      if (!allowBare && m.score === 0) continue;
      if (!best || m.score > best.score || (m.score === best.score && rule.order < best.rule.order)) {
        best = { rule, end: m.end, first: m.first, score: m.score };
      }
    }
  }
  if (!best) return null;
  const used = best.first >= 0 ? [{ start: best.first, end: best.end }] : [];
  const outcome = best.rule.outcome;
  if (outcome.kind === 'none') return null;
  if (outcome.kind === 'code') return { code: outcome.code, rule: best.rule, complement: null, used };
  // frame: the most specific complement in the rest of the clause
  let comp: { rule: ComplementRule; first: number; end: number; score: number } | null = null;
  const from = Math.max(verb + 1, best.end);
  for (const rule of lexicon.complements) {
    if (rule.codes[outcome.frame] === null) continue;
    const m = matchPattern(words, rule.pattern, from, windowEnd);
    if (!m || m.score === 0) continue;
    if (!comp || m.score > comp.score || (m.score === comp.score && (m.first < comp.first || (m.first === comp.first && rule.order < comp.rule.order)))) {
      comp = { rule, first: m.first, end: m.end, score: m.score };
    }
  }
  if (comp) {
    return { code: comp.rule.codes[outcome.frame]!, rule: best.rule, complement: comp.rule, used: [...used, { start: comp.first, end: comp.end }] };
  }
  if (outcome.fallback === null) return null;
  return { code: outcome.fallback, rule: best.rule, complement: null, used };
}
