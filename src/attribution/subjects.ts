/**
 * Looser phrase finders for when the noun-phrase walk gives up: the whole
 * subject of a clause, however long its appositions and relative clauses
 * ("Mark Jones, 52, a retired teacher who now works for the county, said
 * ..."), used only when the cue clearly opens its content ("said that",
 * "said:", a quotation, a bare clause); and an object noun phrase with
 * quotation marks in it ("blamed the “fog of war”"). The strict speaker
 * finders these back up are in speakers.ts.
 */
import type { AttributionContext, TokenRange } from './context.js';

/** Words that start a relative clause inside a subject, after which verbs are allowed. */
const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that']);
/** Openers of a subordinate or adverbial phrase before the subject ("While X did Y, ...", "On Tuesday, ..."). */
const OPENER_TAGS = new Set(['ADP', 'ADV', 'SCONJ', 'CCONJ']);
const MAX_SUBJECT = 40;
const CONNECTIVES = new Set(['yet', 'still', 'so', 'now', 'meanwhile', 'however', 'also', 'instead', 'indeed', 'then', 'thus']);
const CLOSERS = new Set([',', '—', '–', '-', '--']);
const HEADS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** "those surveyed", "voters polled", "a poll conducted last week": a past participle right after a noun or "those" modifies it. */
function pollParticiple(ctx: AttributionContext, i: number): boolean {
  const prev = ctx.word(i - 1);
  return ctx.tag(i) === 'VERB' && ctx.word(i).endsWith('ed') && (prev === 'those' || ctx.tag(i - 1) === 'NOUN' || ctx.tag(i - 1) === 'PROPN');
}

/** A comma or a free-standing dash that closes an apposition ("Berg, the mayor, said"; "so-called" has no free dash). */
export function closesApposition(ctx: AttributionContext, i: number): boolean {
  const w = ctx.word(i);
  return w === ',' || (CLOSERS.has(w) && /\s/.test(ctx.doc.text[ctx.start(i) - 1] ?? ''));
}

/** Where the clause holding token `at` starts: after a leading adverbial phrase and its comma, or after "; " / ", and". */
function clauseStart(ctx: AttributionContext, lo: number, at: number, quoteInside: boolean): number {
  // A quotation closing the subject itself ("the pilot known as “Ole the Bold,” said") is part of it.
  const inner = quoteInside ? ctx.inQuote[at - 1]! : -1;
  let start = lo;
  // "“...,” Jeb Bush, the former governor, told CNN": the subject starts after the quotation.
  for (let i = at - 1; i >= lo; i--) {
    if (ctx.inQuote[i]! < 0 || (inner >= 0 && ctx.inQuote[i] === inner)) continue;
    start = i + 1;
    while (start < at && (ctx.tag(start) === 'PUNCT' || ctx.word(start) === ',')) start++;
    return start;
  }
  // The nearest "; " or ", and/but" before the cue starts a new clause.
  for (let i = at - 1; i > lo; i--) {
    const w = ctx.word(i);
    if (w === ';' || w === ':' || ((w === 'and' || w === 'but') && ctx.word(i - 1) === ',')) {
      start = i + 1;
      break;
    }
  }
  while (start < at && ctx.tag(start) === 'CCONJ') start++;
  // "Yet Democratic economists, like ..., say": a lone connective adverb before the subject.
  if (ctx.tag(start) === 'ADV' && ctx.word(start + 1) !== ',' && ['ADJ', 'NOUN', 'PROPN', 'DET', 'NUM'].includes(ctx.tag(start + 1)) && CONNECTIVES.has(ctx.word(start))) start++;
  // "And on Tuesday, Kevin Brady, ...": skip an opening phrase that a comma closes.
  // "Alarmed by the unrest, Harry Reid, the minority leader, said ...": an opening participial phrase too.
  const participleOpener = ctx.tag(start) === 'VERB' && /(ed|ing)$/.test(ctx.word(start));
  if (OPENER_TAGS.has(ctx.tag(start)) || participleOpener || ctx.word(start) === 'when' || ctx.word(start) === 'while') {
    for (let i = start + 1; i < at && i - start <= 20; i++) {
      if (ctx.word(i) === ',') return i + 1;
    }
    return at;
  }
  return start;
}

/** The subject of the clause ending just before token `before`, or null when it is not a plausible speaker phrase. */
export function wholeSubject(ctx: AttributionContext, before: number, lo: number, quoteInside = false): TokenRange | null {
  let end = before;
  while (end > lo && closesApposition(ctx, end - 1)) end--;
  // The phrase ends with an apposition's comma or with a noun ("the so-called" is no subject).
  if (end === before && !HEADS.has(ctx.tag(end - 1)) && !pollParticiple(ctx, end - 1)) return null;
  const first = clauseStart(ctx, lo, end, quoteInside);
  if (end - first < 2 || end - first > MAX_SUBJECT) return null;
  const head = ctx.tag(first);
  // A capitalised word opening a name ("Grant Young") may be tagged as a verb.
  const nameStart = /^\p{Lu}/u.test(ctx.doc.text[ctx.start(first)] ?? '') && ctx.tag(first + 1) === 'PROPN';
  if ((!['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PRON', 'X'].includes(head) && !nameStart) || RELATIVES.has(ctx.word(first))) return null;
  if (ctx.inQuote[first]! >= 0) return null;
  // "Berg, who | has proposed ...": a cue inside a relative clause has the relative word, not the phrase, as subject.
  if (RELATIVES.has(ctx.word(end - 1))) return null;
  // Verbs are allowed only inside a relative clause or a participial apposition after a comma,
  // and participles inside an apposition or before a noun ("a man visiting Nice", "an unaligned strategist").
  let relative = false;
  let apposed = false;
  for (let i = first; i < end; i++) {
    const w = ctx.word(i);
    if (RELATIVES.has(w) && i > first) relative = true;
    // A relative clause goes on past commas of its own ("Biden, who was to travel to Columbus, Ohio, on Wednesday to
    // promote the rules, said").
    if (w === ',') apposed = true;
    // (Irregular participles too: "the hacker known as Guccifer", "a man born in Oslo".)
    const participle = w.endsWith('ing') || w.endsWith('ed') || (ctx.tag(i) === 'VERB' && /(en|wn|rn)$/.test(w));
    if (participle && (apposed || ['NOUN', 'PROPN', 'ADJ'].includes(ctx.tag(i + 1))) && i > first) {
      // "An official, speaking on condition of anonymity to discuss ..., said": a participle opening an apposition may
      // carry verbs of its own up to the apposition's comma.
      if (ctx.word(i - 1) === ',') relative = true;
      continue;
    }
    // "Republicans clamoring for less ...", "a poll conducted by ...": a participle after the head noun opens a reduced relative.
    if (participle && i > first && (ctx.tag(i - 1) === 'NOUN' || ctx.tag(i - 1) === 'PROPN') && ctx.tag(i + 1) === 'ADP') {
      relative = true;
      continue;
    }
    const verb = ctx.tag(i) === 'VERB' || ctx.tag(i) === 'AUX';
    if (!verb || relative) continue;
    // "Cruz, the only candidate to campaign in Wyoming, told ...": an infinitive after the noun of an apposition.
    if (apposed && ctx.word(i - 1) === 'to' && ctx.tag(i - 1) === 'PART' && ctx.tag(i - 2) === 'NOUN') {
      relative = true;
      continue;
    }
    const apposition = ctx.word(i - 1) === ',' && (w.endsWith('ing') || w.endsWith('ed'));
    const modifier = (i === first && nameStart) || pollParticiple(ctx, i) || ctx.word(i - 1) === '-' || /^\p{Lu}/u.test(ctx.doc.text[ctx.start(i)] ?? '');
    if (apposition) {
      relative = true;
      continue;
    }
    if (!modifier) return null;
  }
  return { first, end };
}

const OBJECT_START = new Set(['DET', 'ADJ', 'PRON', 'NUM', 'PROPN', 'NOUN']);
const QUOTE_MARKS = new Set(['"', "'", '“', '”', '‘', '’', '«', '»']);
const CURRENCY = new Set(['$', '€', '£', '¥']);

/** Whether an object noun phrase opens at token `p`, quotation marks inside it allowed ("the “fog of war”", "“Lyin’ Ted”"). */
export function objectOpensAt(ctx: AttributionContext, p: number, hi: number): boolean {
  // "calls for $1 trillion in new spending": an amount opened by a currency sign.
  if (CURRENCY.has(ctx.word(p)) && ctx.tag(p + 1) === 'NUM') return true;
  if (!OBJECT_START.has(ctx.tag(p)) && !QUOTE_MARKS.has(ctx.word(p))) return false;
  if (RELATIVES.has(ctx.word(p)) || ctx.word(p) === 'there') return false;
  for (let i = p; i < hi && i - p <= 6; i++) {
    const w = ctx.word(i);
    if (QUOTE_MARKS.has(w)) continue;
    const tag = ctx.tag(i);
    if (HEADS.has(tag)) return true;
    if (!OBJECT_START.has(tag) && tag !== 'ADV') return false;
  }
  return false;
}
