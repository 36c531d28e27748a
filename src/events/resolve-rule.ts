/**
 * Picks the lexicon rule for a verb and turns it into a CAMEO code: the rule
 * whose pattern matches the most words wins (earlier rows break ties); a
 * framed rule ("@intent") takes its code from the best complement after it.
 */
import type { ComplementRule, EventLexicon, Frame, VerbRule } from './lexicon.js';
import { matchPattern } from './patterns.js';
import type { Word } from './sentence-view.js';

export interface CodedVerb {
  code: string;
  rule: VerbRule;
  complement: ComplementRule | null;
  /** Words the rule and its complement used (content words, never the target). */
  used: { start: number; end: number }[];
}

interface RuleHit {
  rule: VerbRule;
  end: number;
  first: number;
  score: number;
}

function matchRule(words: readonly Word[], rule: VerbRule, verb: number, clauseStart: number, windowEnd: number): { end: number; first: number; score: number } | null {
  const after = rule.pattern.filter((p) => !p.before);
  const m = matchPattern(words, after, verb + 1, windowEnd, true);
  if (!m) return null;
  let score = m.score;
  for (const item of rule.pattern) {
    if (!item.before) continue;
    // a "<" item anywhere in the clause before the verb ("suicide bombers killed ...")
    const b = matchPattern(words, [{ ...item, maxGap: verb - clauseStart }], clauseStart, verb);
    if (!b) return null;
    score += b.score;
  }
  return { end: m.end, first: m.first, score };
}

interface ComplementHit {
  rule: ComplementRule;
  first: number;
  end: number;
  score: number;
}

/** The complement of a framed verb: the earliest content in the rest of the clause, the longer match on a tie. */
function findComplement(lexicon: EventLexicon, words: readonly Word[], frame: Frame, from: number, windowEnd: number): ComplementHit | null {
  let comp: ComplementHit | null = null;
  for (const rule of lexicon.complements) {
    if (rule.codes[frame] === null) continue;
    const m = matchPattern(words, rule.pattern, from, windowEnd);
    if (!m || m.score === 0) continue;
    if (!comp || m.first < comp.first || (m.first === comp.first && (m.score > comp.score || (m.score === comp.score && rule.order < comp.rule.order)))) {
      comp = { rule, first: m.first, end: m.end, score: m.score };
    }
  }
  return comp;
}

export function resolveVerb(lexicon: EventLexicon, words: readonly Word[], verb: number, windowEnd: number, allowBare: boolean, clauseStart = 0): CodedVerb | null {
  const hits: RuleHit[] = [];
  for (const head of words[verb]!.lemmas) {
    for (const rule of lexicon.rulesByHead.get(head) ?? []) {
      const m = matchRule(words, rule, verb, clauseStart, windowEnd);
      if (!m || (!allowBare && m.score === 0)) continue;
      hits.push({ rule, ...m });
    }
  }
  if (hits.length === 0) return null;
  const top = Math.max(...hits.map((h) => h.score));
  const tied = hits.filter((h) => h.score === top).sort((a, b) => a.rule.order - b.rule.order);
  // Among equally specific framed rules ("vow" is @intent and @threaten), the one whose content is found first wins.
  let chosen: { hit: RuleHit; comp: ComplementHit | null } | null = null;
  for (const hit of tied) {
    const outcome = hit.rule.outcome;
    if (outcome.kind !== 'frame') {
      if (!chosen) chosen = { hit, comp: null };
      break;
    }
    const comp = findComplement(lexicon, words, outcome.frame, Math.max(verb + 1, hit.end), windowEnd);
    if (!chosen) chosen = { hit, comp };
    else if (comp && (!chosen.comp || comp.first < chosen.comp.first)) chosen = { hit, comp };
  }
  const { hit, comp } = chosen!;
  const used = hit.first >= 0 ? [{ start: hit.first, end: hit.end }] : [];
  const outcome = hit.rule.outcome;
  if (outcome.kind === 'none') return null;
  if (outcome.kind === 'code') return { code: outcome.code, rule: hit.rule, complement: null, used };
  if (comp) return { code: comp.rule.codes[outcome.frame]!, rule: hit.rule, complement: comp.rule, used: [...used, { start: comp.first, end: comp.end }] };
  if (outcome.fallback === null) return null;
  return { code: outcome.fallback, rule: hit.rule, complement: null, used };
}
