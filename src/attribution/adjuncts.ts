/**
 * The small phrases that sit between a cue and its content or speaker:
 * when ("on Monday"), where it was said ("in the letter", "in a post on X",
 * "in an interview with CNN"), and to whom ("told Russian Channel One").
 */
import type { AttributionContext, TokenRange } from './context.js';

export interface Medium {
  start: number;
  end: number;
  label: string;
  /** "in an interview with CNN": the interviewer, who relays the words. */
  via: TokenRange | null;
}

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'yesterday', 'today', 'tonight', 'earlier', 'later', 'again', 'recently', 'previously', 'repeatedly',
  'publicly', 'privately', 'also', 'once', 'then', 'now', 'too', 'separately', 'last', 'week', 'month', 'year',
  'morning', 'afternoon', 'evening', 'night', 'weekend',
]);
const TIME_LEAD = new Set(['on', 'last', 'this', 'late', 'early', 'next', 'earlier', 'later']);
const TIME_TAIL = new Set(['morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year', 'weekend']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.']);
const MEDIUM_PREPOSITIONS = new Set(['in', 'through', 'via', 'on', 'during', 'at', 'over']);
const MEDIUM_FILLERS = new Set(['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Words the tagger may read as adverbs that open a clause as its subject ("said none were added"). */
export const SUBJECT_WORDS: ReadonlySet<string> = new Set(['none', 'nobody', 'nothing', 'everyone', 'everybody', 'everything', 'neither', 'either']);
const NOT_ADJUNCT_ADVERBS = new Set(['not', "n't", 'never', 'how', 'why', 'when', 'where', 'so', 'as', 'there', ...SUBJECT_WORDS]);

const WHEN_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'here', 'there']);
const WHEN_PREPOSITIONS = new Set(['on', 'in', 'since', 'until', 'by', 'during', 'at']);

/**
 * A phrase saying when or where, starting at `p`, that ends a noun-phrase
 * content ("endorsed Cruz last week", "backed Trump here on Sunday",
 * "the measure in March"): "last week", "on Tuesday", "in 2012", "here".
 */
export function whenPhraseAt(ctx: AttributionContext, p: number, limit: number): boolean {
  if (p >= limit) return false;
  const w = ctx.word(p);
  const next = ctx.word(p + 1);
  // ("Saturday's caucuses": a time word before a possessive opens a noun phrase.)
  if (next === "'s") return false;
  if (WHEN_WORDS.has(w)) return true;
  if (TIME_LEAD.has(w) && p + 1 < limit && (TIME_TAIL.has(next) || MONTHS.has(next) || WHEN_WORDS.has(next))) return true;
  if (WHEN_PREPOSITIONS.has(w) && p + 1 < limit) {
    if (MONTHS.has(next) || WHEN_WORDS.has(next) || /^(19|20)\d\d$/.test(next)) return true;
    if ((next === 'the' || next === 'early' || next === 'late') && TIME_TAIL.has(ctx.word(p + 2))) return true;
  }
  return false;
}

/** Skip one time expression or plain adverb at `p`; returns the next position (== p when none). */
export function skipAdjunct(ctx: AttributionContext, p: number, limit: number): number {
  if (p >= limit) return p;
  const w = ctx.word(p);
  // "hoping Saturday's caucuses will ...": a time word before a possessive opens a noun phrase.
  if (ctx.word(p + 1) === "'s") return p;
  if (TIME_LEAD.has(w) && p + 1 < limit && (TIME_WORDS.has(ctx.word(p + 1)) || MONTHS.has(ctx.word(p + 1)))) {
    let q = p + 2;
    while (q < limit && (TIME_TAIL.has(ctx.word(q)) || (ctx.tag(q) === 'NUM' && q === p + 2))) q++;
    return q;
  }
  if (TIME_WORDS.has(w)) {
    let q = p + 1;
    while (q < limit && TIME_TAIL.has(ctx.word(q))) q++;
    return q;
  }
  if (ctx.tag(p) === 'ADV' && !NOT_ADJUNCT_ADVERBS.has(w)) return p + 1;
  return p;
}

/**
 * A prepositional phrase naming the medium ("in the letter", "through his
 * letter", "in a post on X", "in an interview with CNN") starting at `p`.
 */
export function mediumAt(ctx: AttributionContext, p: number, limit: number): { medium: Medium; next: number } | null {
  if (!MEDIUM_PREPOSITIONS.has(ctx.word(p))) return null;
  let q = p + 1;
  let nounAt = -1;
  while (q < limit && q - p <= 5) {
    const w = ctx.word(q);
    if (ctx.doc.text.slice(ctx.start(q), ctx.end(q)) !== 'X' && w === 'x') break;
    if (ctx.lexicon.media.has(w) && (ctx.tag(q) === 'NOUN' || ctx.tag(q) === 'PROPN')) nounAt = q;
    else if (nounAt >= 0) break;
    if (!MEDIUM_FILLERS.has(ctx.tag(q)) && w !== "'s") break;
    q++;
  }
  if (nounAt < 0) return null;
  // The medium span starts after determiners and possessives: "the letter" -> "letter".
  let first = p + 1;
  while (first < nounAt && (ctx.tag(first) === 'DET' || ctx.tag(first) === 'PRON' || ctx.word(first) === "'s")) first++;
  let end = nounAt + 1;
  let via: TokenRange | null = null;
  const label = ctx.lexicon.media.get(ctx.word(nounAt))!;
  // "a post on X", "an interview with CNN", "a letter to Kim".
  if ((ctx.word(end) === 'on' || ctx.word(end) === 'with') && end + 1 < limit) {
    const np = ctx.npRight(end + 1, limit);
    if (np && ctx.word(end) === 'on') end = np.end;
    else if (np) {
      via = np;
      end = np.end;
      return { medium: { start: ctx.start(first), end: ctx.end(nounAt), label, via }, next: end };
    }
  }
  return { medium: { start: ctx.start(first), end: ctx.end(end - 1), label, via }, next: end };
}

/**
 * One step past what may stand between a cue and its content: an adjunct
 * ("on Monday", "in Oslo") or, while no medium is known yet, a medium
 * phrase ("in a letter"). Null when neither starts at p.
 */
export function stepOverAdjunct(ctx: AttributionContext, p: number, limit: number, haveMedium: boolean): { next: number; medium: Medium | null } | null {
  const skipped = skipAdjunct(ctx, p, limit);
  if (skipped > p) return { next: skipped, medium: null };
  const m = haveMedium ? null : mediumAt(ctx, p, limit);
  return m ? { next: m.next, medium: m.medium } : null;
}
