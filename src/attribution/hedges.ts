/**
 * Epistemic hedges: cue words that mark a claim as unconfirmed
 * ("reportedly", "there are reports that", "is believed to"), and
 * unattributed claims in the passive ("North Korea is considered a close
 * ally"), each with the span of text it hedges.
 */
import type { Hedge } from '../doc/schema.js';
import type { AttributionContext } from './context.js';
import type { CharSpan } from './content-spans.js';

export interface FoundHedge {
  hedge: Hedge;
  /** For cues that introduce a speakerless claim ("there are reports that X"): its lemma. */
  claim: string | null;
  sentence: number;
  /** First token of the hedge cue. */
  token: number;
}

// Not "be" or "being": "will be seen" and "being viewed" are not settled claims.
const BE = new Set(['is', 'are', 'was', 'were', 'been']);
const PASSIVE_ADVERBS = new Set(['widely', 'generally', 'long', 'also', 'still', 'largely', 'often', 'commonly', 'now']);
const SCOPE_SKIP = new Set(['around', 'that', ',']);

function trimmed(ctx: AttributionContext, start: number, end: number): CharSpan {
  const t = ctx.doc.text;
  while (start < end && /\s/.test(t[start]!)) start++;
  while (end > start && /[\s,]/.test(t[end - 1]!)) end--;
  return { start, end };
}

const CLAUSE_BREAKS = new Set([';', ':', 'but', 'while', 'whereas', 'where', 'because', 'although', 'though']);
const CLAUSE_ENDS = new Set(['when', 'where', 'which', 'while', 'as', 'because', 'although', 'though', 'but']);

/** The clause a hedge sits in ("Enthusiasm for Clinton appears to have plummeted", up to ", when ..."). */
function clauseAround(ctx: AttributionContext, si: number, token: number): CharSpan {
  const s = ctx.sentences[si]!;
  let first = s.firstToken;
  for (let i = token - 1; i > s.firstToken; i--) {
    if (CLAUSE_BREAKS.has(ctx.word(i)) || (ctx.word(i) === 'and' && ctx.word(i - 1) === ',')) {
      first = i + 1;
      break;
    }
  }
  let end = ctx.sentenceContentEnd(si);
  for (let i = token + 1; i < s.endToken - 1; i++) {
    if ((ctx.word(i) === ',' && CLAUSE_ENDS.has(ctx.word(i + 1))) || ctx.word(i) === ';') {
      end = ctx.start(i);
      break;
    }
  }
  return trimmed(ctx, ctx.start(first), end);
}

/** A hedge inside a quotation hedges what the quotation says, not the sentence that reports it ("“There are reports that …,” he told …"). */
function insideQuote(ctx: AttributionContext, token: number, scope: CharSpan): CharSpan {
  const q = ctx.inQuote[token]!;
  if (q < 0) return scope;
  const quote = ctx.quotes[q]!;
  const start = Math.max(scope.start, quote.innerStart);
  const end = Math.min(scope.end, quote.innerEnd);
  return end > start ? trimmed(ctx, start, end) : scope;
}

export function findHedges(ctx: AttributionContext): FoundHedge[] {
  const found: FoundHedge[] = [];
  const doc = ctx.doc;
  ctx.sentences.forEach((s, si) => {
    const sentenceScope = trimmed(ctx, s.start, ctx.sentenceContentEnd(si));
    for (const m of ctx.lexicon.hedges.findAll(ctx.words, s.firstToken, s.endToken)) {
      let scope: CharSpan | null = sentenceScope;
      if (m.value.scope === 'clause') scope = clauseAround(ctx, si, m.first);
      else if (m.value.scope === 'after') {
        let p = m.end;
        while (p < s.endToken && SCOPE_SKIP.has(ctx.word(p))) p++;
        scope = p < s.endToken ? trimmed(ctx, ctx.start(p), ctx.sentenceContentEnd(si)) : null;
      }
      scope = scope ? insideQuote(ctx, m.first, scope) : null;
      found.push({
        hedge: { ...doc.span(ctx.start(m.first), ctx.end(m.end - 1)), kind: m.value.kind, scope: scope ? doc.span(scope.start, scope.end) : null },
        claim: m.value.claim,
        sentence: si,
        token: m.first,
      });
    }
    // be + participle with no "by" agent: a claim nobody is named for.
    for (let i = s.firstToken; i < s.endToken - 1; i++) {
      if (!BE.has(ctx.word(i))) continue;
      let j = i + 1;
      while (j < s.endToken && PASSIVE_ADVERBS.has(ctx.word(j))) j++;
      const m = ctx.lexicon.passiveParticiples.matchAt(ctx.words, j, s.endToken);
      if (!m || ctx.word(m.end) === 'by' || ctx.isNegation(i + 1)) continue;
      // "is believed to" is already a listed hedge.
      if (found.some((f) => f.sentence === si && f.token <= i && ctx.start(i) < f.hedge.end)) continue;
      const clause = insideQuote(ctx, i, clauseAround(ctx, si, i));
      found.push({
        hedge: { ...doc.span(ctx.start(i), ctx.end(m.end - 1)), kind: 'unattributed-passive', scope: doc.span(clause.start, clause.end) },
        claim: m.value.split(' ').pop()!,
        sentence: si,
        token: i,
      });
    }
  });
  return found.sort((a, b) => a.hedge.start - b.hedge.start);
}

/** Is any part of [start, end) hedged: a hedge cue inside it, or a hedge whose scope covers most of it? */
export function isHedged(hedges: readonly Hedge[], start: number, end: number): boolean {
  return hedges.some((h) => {
    if (h.start >= start && h.end <= end) return true;
    if (!h.scope) return false;
    const overlap = Math.min(end, h.scope.end) - Math.max(start, h.scope.start);
    return overlap > 0 && overlap >= 0.5 * (end - start);
  });
}
