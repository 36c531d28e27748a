/**
 * Content spans of attribution frames: where the content of a cue starts
 * and ends in its sentence. After the cue (postContent: "that", a colon, a
 * quotation, "to", a wh-word, a bare clause or a noun phrase, past adjuncts,
 * an addressee and a medium), up to a coordinated second cue or the end of a
 * noun phrase; before the frame (boundaryBefore, preContentStart); and the
 * relative clause a cue sits in ("which she said was ...").
 * The frames that use them are in frames.ts.
 */
import { stepOverAdjunct, SUBJECT_WORDS, whenPhraseAt, type Medium } from './adjuncts.js';
import { OBJECT_PRONOUNS, POSSESSIVE, type AttributionContext, type TokenRange } from './context.js';
import type { CueFlags } from './lexicon.js';
import { objectOpensAt } from './subjects.js';

export interface CharSpan {
  start: number;
  end: number;
}

const PARTICIPLE_CUES = new Set(['saying', 'adding', 'writing', 'stating', 'noting', 'telling', 'explaining', 'arguing', 'insisting', 'warning']);
const QUANTIFIERS = new Set(['about', 'nearly', 'almost', 'only', 'more', 'most', 'some', 'roughly', 'around', 'over', 'fewer', 'less']);
const ANSWERS = new Set(['yes', 'no', 'so']);
const WH = new Set(['whether', 'if', 'how', 'why', 'what', 'when', 'who', 'where']);
const CLAUSE_START = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);
const CLAUSE_START_WORDS = new Set(['there', 'this', 'these', 'those', ...SUBJECT_WORDS]);
/** Nouns of time a determiner "that" may stand before ("that night", "that week"). */
const TIME_NOUNS = new Set(['night', 'day', 'morning', 'afternoon', 'evening', 'week', 'weekend', 'month', 'year', 'time', 'moment']);
/** Subordinators that open a reported clause right after a cue ("said because ...", "said if elected ..."). */
const CONTENT_SUBORDINATORS = new Set(['because', 'if', 'although', 'though', 'unless', 'once']);
const DASHES = new Set(['—', '–', '--']);
/** Words that open a clause of their own, whatever their tag. */
const CLAUSE_OPENERS = new Set(['although', 'though', 'while', 'because', 'since', 'unless', 'whereas', 'but', 'yet']);
/** "now that", "so that", "such that": not a complementizer. */
const NOT_COMPLEMENTIZER_BEFORE = new Set(['now', 'so', 'such', 'given', 'except']);
/** Nouns for what is told ("a joke", "the story"): the object of "tell" that is its content. */
const TOLD_NOUNS = new Set(['story', 'stories', 'tale', 'tales', 'joke', 'jokes', 'lie', 'lies', 'truth', 'anecdote', 'anecdotes']);
/** What may stand between a cue and a quotation set off by a comma: a phrase with no verb. */
const QUOTE_LEAD_TAGS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV', 'PUNCT', 'PRON']);
/** Prepositions whose object is the content ("asked for volunteers", "warned of the risk"). */
const OBJECT_PREPOSITIONS = new Set(['for', 'of', 'about', 'against', 'with']);

export interface PostContent {
  /** What opened the content: "that", a colon, a quotation, "to", a wh-word, a bare clause, a noun phrase. */
  marker: 'that' | 'colon' | 'quote' | 'to' | 'wh' | 'bare' | 'np';
  contentFirst: number;
  contentStart: number;
  medium: Medium | null;
  addressee: TokenRange | null;
  consumed: number[];
}

export function span(ctx: AttributionContext, r: TokenRange): CharSpan {
  return { start: ctx.start(r.first), end: ctx.end(r.end - 1) };
}

/** Content from token `first` to the end of its sentence, or further when a quotation opened in it runs on. */
export function contentFrom(ctx: AttributionContext, si: number, start: number): CharSpan {
  const s = ctx.sentences[si]!;
  let end = ctx.sentenceContentEnd(si);
  for (const q of ctx.speechQuotes) {
    if (q.start >= s.end) break;
    if (q.start >= start && q.end > end) end = q.end;
  }
  return { start, end: Math.max(start, end) };
}

/**
 * "She said she admired his grit and praised their shared goals": a second
 * reporting verb joined by "and"/"but", with no subject of its own, is the
 * speaker's next statement, not part of this one.
 */
export function untilCoordinatedCue(ctx: AttributionContext, si: number, first: number, content: CharSpan, participleCue = false, infinitive = false): CharSpan {
  const hi = ctx.sentences[si]!.endToken;
  for (let i = first + 2; i + 1 < hi && ctx.start(i) < content.end; i++) {
    const w = ctx.word(i);
    if ((w !== 'and' && w !== 'but') || ctx.inQuote[i]! >= 0) continue;
    let v = i + 1;
    while (v < hi && ctx.tag(v) === 'ADV') v++;
    const form = ctx.word(v);
    // "saying he would not back it and suggesting that ...": participles coordinate with a participle cue.
    // "declined to be identified and is not in his camp": after an infinitive, a finite verb is the subject's next predicate.
    const coordinated = ctx.tag(v) === 'VERB' && ctx.lexicon.verbs.has(form) && form.endsWith('ing') === participleCue && ctx.word(v - 1) !== 'to';
    if (coordinated || (infinitive && FINITE_AUXILIARIES.has(form))) {
      let end = i;
      while (end > first && ctx.word(end - 1) === ',') end--;
      return { start: content.start, end: ctx.end(end - 1) };
    }
  }
  return content;
}

/** Auxiliaries that only a finite clause has: after "to ... and", they start a new predicate. */
const FINITE_AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'does', 'did', 'can', 'could']);

/** Closing quotation mark tokens (a doubled apostrophe is two "'" tokens). */
export const CLOSING_MARKS: ReadonlySet<string> = new Set(['"', '”', "'", '’']);
/** "assailed her for supporting the war": "for" and a gerund give the reason, part of the content. */
const FOR_GERUND = (ctx: AttributionContext, i: number): boolean => ctx.word(i) === 'for' && ctx.word(i + 1).endsWith('ing');
const ADJUNCT_STARTS = new Set(['during', 'after', 'before', 'while', 'when', 'because', 'since', 'amid', 'despite', 'following', 'yesterday', 'today']);

const LIST_CONTINUERS = new Set(['including', 'especially', 'particularly', 'notably']);
const LIST_ITEM = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADP']);

/** After the comma at `comma`: more noun phrases, separated by commas, ending in "and"/"or" and one more. */
function listGoesOn(ctx: AttributionContext, comma: number, hi: number): boolean {
  let sawItem = false;
  for (let k = comma + 1; k < hi; k++) {
    const w = ctx.word(k);
    if (w === ',') {
      if (!sawItem) return false;
      sawItem = false;
      continue;
    }
    if ((w === 'and' || w === 'or') && sawItem) return ctx.npRight(k + 1, hi) !== null;
    if (!LIST_ITEM.has(ctx.tag(k)) && w !== "'s") return false;
    sawItem = true;
  }
  return false;
}

/** Words that go on with an object after an apposition: "of", "as", "for" and a complement. */
const OBJECT_GOES_ON = new Set(['of', 'as', 'for']);

/**
 * After the comma at `comma`: an apposition ("a former director") or a
 * relative clause ("who alleged ...") closed by a second comma, followed by
 * the rest of the object ("of ...", "as ...", "not guilty", "an outstanding
 * leader"). Returns the token after the second comma, or null.
 */
function afterApposition(ctx: AttributionContext, comma: number, hi: number): number | null {
  const w = ctx.word(comma + 1);
  if (!(w === 'who' || w === 'which' || ctx.tag(comma + 1) === 'DET' || POSSESSIVE.has(w))) return null;
  for (let k = comma + 2; k < hi - 1 && k - comma <= 25; k++) {
    if (ctx.inQuote[k]! >= 0) continue;
    const wk = ctx.word(k);
    if (/^[.;:!?]$/.test(wk) || wk === '—' || wk === '–') return null;
    if (wk !== ',') continue;
    const [t1, t2] = [ctx.tag(k + 1), ctx.tag(k + 2)];
    if (OBJECT_GOES_ON.has(ctx.word(k + 1))) return k + 1;
    const complement = t1 === 'DET' || (t1 === 'ADV' && t2 === 'ADJ') || (t1 === 'ADJ' && t2 !== 'NOUN');
    return complement && !hasVerbAfter(ctx, k + 1, Math.min(hi, k + 4)) ? k + 1 : null;
  }
  return null;
}

/** A noun-phrase content ("endorsed Clinton during a call"): up to the first comma, dash or adjunct after it. */
export function npContent(ctx: AttributionContext, si: number, first: number): CharSpan {
  const hi = ctx.sentences[si]!.endToken;
  let i = first;
  while (i < hi) {
    const w = ctx.word(i);
    // "the “ultimate hypocrite,” linking to ...": a comma inside closing quotation marks stays with the phrase.
    if (w === ',' && CLOSING_MARKS.has(ctx.word(i + 1))) {
      i += 2;
      break;
    }
    // "accused the FDIC of trying to cover up the hacks ...", "blamed Clinton for pushing ...": the object's gerund phrase
    // is a clause, which runs as a reported clause does.
    if (i > first && (w === 'of' || w === 'for') && ctx.tag(i + 1) === 'VERB' && ctx.word(i + 1).endsWith('ing')) {
      return untilCoordinatedCue(ctx, si, first, contentFrom(ctx, si, ctx.start(first)));
    }
    // "accused him of running a campaign ''of hatred, of derision''": punctuation inside a quotation opened in the phrase is the quotation's.
    if (i > first && ctx.inQuote[i]! >= 0 && ctx.inQuote[i] === ctx.inQuote[i - 1] && ctx.inQuote[first] !== ctx.inQuote[i] && !/^[.!?]+$/.test(w)) {
      i++;
      continue;
    }
    // "accused the audience, which is chosen by the party, of ...", "called Yanukovych, a former trucking director, an
    // outstanding leader": an apposition or relative clause set off by commas, after which the object goes on.
    if (i > first && w === ',') {
      const resume = afterApposition(ctx, i, hi);
      if (resume !== null) {
        i = resume;
        continue;
      }
    }
    // "blamed several factors, including ...", "questioned his tactics, his judgment and his decency": the phrase goes on.
    if (i > first && w === ',' && (LIST_CONTINUERS.has(ctx.word(i + 1)) || listGoesOn(ctx, i, hi))) {
      i++;
      continue;
    }
    if (i > first && (w === ',' || w === ';' || w === '—' || w === '–' || w === '--' || ADJUNCT_STARTS.has(w) || (ctx.tag(i) === 'SCONJ' && !FOR_GERUND(ctx, i)))) break;
    // "endorsed Cruz last week": a time phrase after the object's head ends it ("in the last year of" and "Super Tuesday" go on).
    if (i > first && whenPhraseAt(ctx, i, hi) && ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(ctx.tag(i - 1)) && !(ctx.tag(i - 1) === 'PROPN' && ctx.tag(i) === 'PROPN')) break;
    // "welcomed the vote and said he would attend": a second predicate of the same subject ends the object.
    if (i > first && (w === 'and' || w === 'but') && (ctx.tag(i + 1) === 'VERB' || ctx.tag(i + 1) === 'AUX') && !ctx.word(i + 1).endsWith('ing')) break;
    if (/^[.!?]+$/.test(w) && i === hi - 1) break;
    i++;
  }
  const whole = contentFrom(ctx, si, ctx.start(first));
  return { start: ctx.start(first), end: Math.min(whole.end, Math.max(ctx.end(Math.max(first, i - 1)), ctx.start(first))) };
}

/** Is the first verb at or after `from` a reporting verb set off by a comma (", said at the time")? */
function reportFollows(ctx: AttributionContext, from: number, hi: number): boolean {
  let v = from;
  while (v < hi && ctx.tag(v) !== 'VERB' && ctx.tag(v) !== 'AUX') v++;
  return v < hi && ctx.word(v - 1) === ',' && ctx.lexicon.verbs.has(ctx.word(v));
}

export function hasVerbAfter(ctx: AttributionContext, from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) if (ctx.tag(i) === 'VERB' || ctx.tag(i) === 'AUX') return true;
  return false;
}

/** What follows a cue: adjuncts, an addressee, a medium, then the start of the content (or null). */
export function postContent(ctx: AttributionContext, si: number, p0: number, flags: CueFlags, lemma: string): PostContent | null {
  const s = ctx.sentences[si]!;
  const hi = s.endToken;
  let p = p0;
  let medium: Medium | null = null;
  let addressee: TokenRange | null = null;
  const consumed: number[] = [];
  for (let guard = 0; guard < 12 && p < hi; guard++) {
    const step = stepOverAdjunct(ctx, p, hi, medium !== null);
    if (step) {
      p = step.next;
      medium ??= step.medium;
      continue;
    }
    const w = ctx.word(p);
    if (flags.obj && !addressee && w !== 'that' && !ctx.quoteStartingAt(ctx.start(p))) {
      const np = ctx.npRight(p, hi);
      // "told a joke", "tells a different story": what is told, not whom.
      if (np && TOLD_NOUNS.has(ctx.word(np.end - 1))) return { marker: 'np', contentFirst: p, contentStart: ctx.start(p), medium, addressee, consumed };
      if (np && !(flags.bare && hasVerbAfter(ctx, np.end, Math.min(hi, np.end + 1)))) {
        // "asked the Supreme Court for quick action": the addressee stops before "for"/"about", which open the content.
        for (let k = np.first + 1; k < np.end; k++) if (ctx.word(k) === 'for' || ctx.word(k) === 'about') np.end = k;
        addressee = np;
        p = np.end;
        continue;
      }
    }
    if (w === 'to' && !flags.obj && lemma !== 'want' && ctx.tag(p + 1) !== 'VERB' && ctx.tag(p + 1) !== 'AUX') {
      const np = ctx.npRight(p + 1, hi);
      if (np) {
        addressee = np;
        p = np.end;
        continue;
      }
    }
    if (w === ',' && p + 1 < hi && (ctx.word(p + 1) === 'that' || PARTICIPLE_CUES.has(ctx.word(p + 1)) || ctx.anyQuoteStartingAt(ctx.end(p)))) {
      p++;
      continue;
    }
    // "said — on Twitter, as it happens — that ...": a parenthesis set off by dashes.
    if (DASHES.has(w)) {
      let close = p + 1;
      while (close < hi && close - p <= 12 && !DASHES.has(ctx.word(close))) close++;
      if (close < hi && DASHES.has(ctx.word(close)) && ctx.word(close + 1) === 'that') {
        p = close + 1;
        continue;
      }
    }
    if (PARTICIPLE_CUES.has(w) && p > p0 - 1) {
      consumed.push(p);
      p++;
      continue;
    }
    break;
  }
  const w = ctx.word(p);
  const at = (first: number, start: number, marker: PostContent['marker']): PostContent => ({ marker, contentFirst: first, contentStart: start, medium, addressee, consumed });
  if (p >= hi) {
    // "He said:" closing a paragraph, the quotation opening the next.
    if (ctx.word(p - 1) === ':') {
      const q = ctx.quoteStartingAt(ctx.end(p - 1));
      if (q) return at(p, q.start, 'quote');
    }
    return null;
  }
  // "46 percent said yes", "half said so": a one-word answer is the content.
  if (flags.bare && ANSWERS.has(w) && (p + 1 >= hi || /^[.,;!?]+$/.test(ctx.word(p + 1)))) return at(p, ctx.start(p), 'np');
  // ("said in his speech that night" has a determiner, not a clause.)
  if (w === 'that' && ctx.tag(p) !== 'PRON' && !(ctx.tag(p) === 'DET' && TIME_NOUNS.has(ctx.word(p + 1)))) return at(p, ctx.start(p), 'that');
  if (w === 'that' && p + 1 < hi && hasVerbAfter(ctx, p + 1, hi)) return at(p, ctx.start(p), 'that');
  if (w === ':') {
    if (p + 1 < hi) return at(p + 1, ctx.start(p + 1), 'colon');
    const q = ctx.quoteStartingAt(ctx.end(p));
    return q ? at(p + 1, q.start, 'colon') : null;
  }
  if (ctx.anyQuoteStartingAt(ctx.start(p))?.start === ctx.start(p)) return at(p, ctx.start(p), 'quote');
  if (w === 'to' && flags.to && (ctx.tag(p + 1) === 'VERB' || ctx.tag(p + 1) === 'AUX' || ctx.anyQuoteStartingAt(ctx.end(p)) || (ctx.tag(p + 1) === 'ADV' && ctx.tag(p + 2) === 'VERB'))) return at(p, ctx.start(p), 'to');
  // "told Megyn not to worry", "urged them never to ...": a negated infinitive.
  if ((w === 'not' || w === 'never') && ctx.word(p + 1) === 'to' && flags.to && (ctx.tag(p + 2) === 'VERB' || ctx.tag(p + 2) === 'AUX')) return at(p, ctx.start(p), 'to');
  // "explained why ...", "questioned whether ...": any cue takes an indirect question ("if" only where a clause may follow).
  if (WH.has(w) && (flags.bare || flags.obj || w !== 'if')) return at(p, ctx.start(p), 'wh');
  // (An object pronoun opens no clause: "a day after he said them, but ...".)
  if (flags.bare && (CLAUSE_START.has(ctx.tag(p)) || CLAUSE_START_WORDS.has(w)) && !OBJECT_PRONOUNS.has(w) && w !== 'whom' && hasVerbAfter(ctx, p + 1, hi)) return at(p, ctx.start(p), 'bare');
  // "said because Obama is popular, he ...", "said just because ... did not mean ...": a clause opened by a subordinator.
  const subordinator = ctx.tag(p) === 'ADV' && CONTENT_SUBORDINATORS.has(ctx.word(p + 1)) ? p + 1 : p;
  if (flags.bare && CONTENT_SUBORDINATORS.has(ctx.word(subordinator)) && hasVerbAfter(ctx, subordinator + 1, hi)) return at(p, ctx.start(p), 'bare');
  // "said about half of the adjustment reflected ...": a subject opening with a quantifier.
  if (flags.bare && QUANTIFIERS.has(w) && hasVerbAfter(ctx, p + 2, hi)) return at(p, ctx.start(p), 'bare');
  // A gerund subject: "said having Mr. Putin's respect is a positive development".
  // (Not when that verb is a reporting verb after a comma: in "proposed repealing the mandate, said ..." the gerund is an object.)
  if (flags.bare && ctx.tag(p) === 'VERB' && w.endsWith('ing') && hasVerbAfter(ctx, p + 2, hi) && !reportFollows(ctx, p + 2, hi)) return at(p, ctx.start(p), 'bare');
  // "declared in the debate spin room, “...”", "acknowledged, however, “...”", "saying at one point, ''...''":
  // a phrase with no verb, then a comma and the quotation.
  // (A hyphenated word's second half may be read as anything: "in an op-ed piece".)
  for (let q = p; q < hi && q - p <= 14; q++) {
    const quote = ctx.word(q) === ',' ? ctx.quoteStartingAt(ctx.end(q)) : null;
    if (quote) return at(q + 1, quote.start, 'quote');
    if ((!QUOTE_LEAD_TAGS.has(ctx.tag(q)) && ctx.word(q - 1) !== '-') || ctx.inQuote[q]! >= 0) break;
  }
  // "told a town hall in Salem, New Hampshire on Monday that ...": phrases with no verb before "that".
  // (Not past a clause of its own: "approve of his record, although that ...", "without mentioning Sanders, but that ...",
  // "now that she has ...".)
  for (let q = p; q < hi && q - p <= 12; q++) {
    const wq = ctx.word(q);
    // ("..., Sanders said, a policy that could ...": a noun phrase set off by a comma after the cue is an apposition, its "that" relative.)
    const apposition = ctx.word(p) === ',' && ctx.tag(p + 1) === 'DET' && ctx.tag(q - 1) === 'NOUN';
    if (wq === 'that' && q > p && hasVerbAfter(ctx, q + 1, hi) && !NOT_COMPLEMENTIZER_BEFORE.has(ctx.word(q - 1)) && !apposition) return at(q, ctx.start(q), 'that');
    if (wq === ':' && q + 1 < hi) return at(q + 1, ctx.start(q + 1), 'colon');
    if (ctx.tag(q) === 'VERB' || ctx.tag(q) === 'AUX' || ctx.tag(q) === 'SCONJ' || CLAUSE_OPENERS.has(wq) || (wq === ',' && ctx.tag(q + 1) === 'CCONJ') || ctx.inQuote[q]! >= 0) break;
  }
  if (flags.np && (ctx.npRight(p, hi) || objectOpensAt(ctx, p, hi))) return at(p, ctx.start(p), 'np');
  // "Cruz supports squeezing out undocumented immigrants": a gerund right after the cue is its object.
  if (flags.np && p === p0 && ctx.tag(p) === 'VERB' && ctx.word(p).endsWith('ing') && ctx.word(p - 1) !== ',') return at(p, ctx.start(p), 'np');
  // "asked for volunteers", "warned of the risk", "agreed with Trump on the issue": the object of the preposition.
  if (OBJECT_PREPOSITIONS.has(w) && p + 1 < hi && (ctx.npRight(p + 1, hi) || objectOpensAt(ctx, p + 1, hi))) return at(p + 1, ctx.start(p + 1), 'np');
  // "said in politics it takes time ...": a short prepositional phrase opening the reported clause,
  // when nothing else after the cue is its content.
  if (flags.bare && ctx.tag(p) === 'ADP' && ctx.inQuote[p]! < 0) {
    const np = ctx.npRight(p + 1, hi);
    if (np && np.end - p <= 5 && (CLAUSE_START.has(ctx.tag(np.end)) || CLAUSE_START_WORDS.has(ctx.word(np.end))) && ctx.tag(np.end) !== 'ADJ' && hasVerbAfter(ctx, np.end + 1, Math.min(hi, np.end + 4))) return at(p, ctx.start(p), 'bare');
  }
  return null;
}

const EXTRACTING = new Set(['which', 'that', 'what', 'who']);
/** Verbs that name their object with a complement and no "as" ("called it a disaster"). */
const NAMING_LEMMAS = new Set(['call', 'label', 'dub', 'brand', 'term']);

/**
 * "Florida, which he describes as his second home", "what he calls the
 * “Washington cartel”": the relative word is the cue's object and an "as"
 * phrase (or, after a naming verb, a noun phrase) says what it is said to
 * be. Two pieces: the relative word, and that phrase up to the end of the
 * relative clause.
 */
export function relativeObjectContent(ctx: AttributionContext, si: number, speakerFirst: number, after: number, lemma: string): CharSpan[] | null {
  const { firstToken: lo, endToken: hi } = ctx.sentences[si]!;
  const rel = speakerFirst - 1;
  if (rel < lo || !['which', 'whom', 'who', 'that', 'what'].includes(ctx.word(rel)) || after + 1 >= hi) return null;
  // ("what he calls the “Washington cartel”": naming verbs take the complement with no "as".)
  const complement = ctx.word(after) === 'as' || (NAMING_LEMMAS.has(lemma) && (ctx.tag(after) === 'DET' || ctx.anyQuoteStartingAt(ctx.start(after)) !== null));
  if (!complement) return null;
  let end = after + 1;
  while (end < hi && !/^[.!?;,]+$/.test(ctx.word(end)) && ctx.word(end) !== '—' && ctx.word(end) !== '–') end++;
  // A comma closing a quotation stays with it ("as “volatile,”").
  if (ctx.word(end) === ',' && CLOSING_MARKS.has(ctx.word(end + 1))) end += 2;
  return [span(ctx, { first: rel, end: rel + 1 }), span(ctx, { first: after, end })];
}

/**
 * "which she said represented all her emails", "what analysts said was a
 * sign of ...": the relative word stands for the subject of the reported
 * clause, whose verb follows the cue directly. The content runs from the
 * relative word to the end of the relative clause (a comma or the sentence end).
 */
export function relativeContent(ctx: AttributionContext, si: number, speakerFirst: number, after: number): CharSpan | null {
  const hi = ctx.sentences[si]!.endToken;
  const lo = ctx.sentences[si]!.firstToken;
  let rel = speakerFirst - 1;
  // "a step they believe could help unify the party": a relative clause with no relative word; the content starts at its noun.
  if (rel >= lo && ctx.tag(rel) === 'NOUN' && ctx.tag(speakerFirst) === 'PRON') rel = ctx.npLeft(speakerFirst, lo)?.first ?? -1;
  else if (rel < lo || !EXTRACTING.has(ctx.word(rel))) return null;
  if (rel < lo) return null;
  let v = after;
  while (v < hi && ctx.tag(v) === 'ADV') v++;
  if (v >= hi || (ctx.tag(v) !== 'VERB' && ctx.tag(v) !== 'AUX') || ctx.word(v).endsWith('ing')) return null;
  let end = v + 1;
  while (end < hi && !/^[.!?;,]+$/.test(ctx.word(end)) && ctx.word(end) !== '—' && ctx.word(end) !== '–') end++;
  return { start: ctx.start(rel), end: ctx.end(end - 1) };
}

/** Where the content before a frame ends: a comma, or the closing quotation right before the speaker. */
export function boundaryBefore(ctx: AttributionContext, first: number, lo: number): { at: number; quoteStart: number | null } | null {
  const quote = ctx.quoteEndingBefore(ctx.start(first));
  if (quote && (first === lo || ctx.word(first - 1) === ',' || ctx.start(first - 1) < quote.end)) return { at: quote.end, quoteStart: quote.start };
  if (first - 1 > lo && ctx.word(first - 1) === ',') return { at: ctx.start(first - 1), quoteStart: null };
  return null;
}

/**
 * Where content before a frame starts. A quotation that closes a clause
 * begun in plain words ("Gore tried to distance himself and 'made a
 * mistake,' Lichtman said") is part of that clause: the content is the whole
 * clause. A quotation opening the sentence (or begun in an earlier one) is
 * the content by itself.
 */
export function preContentStart(ctx: AttributionContext, lo: number, quoteStart: number | null): number {
  const sentenceStart = ctx.start(lo);
  if (quoteStart === null) return sentenceStart;
  if (quoteStart <= sentenceStart) return quoteStart;
  // "..., but with a caveat: “...,” the source said": a colon introduces the quotation, which is the content by itself.
  if (/:\s*$/.test(ctx.doc.norm.slice(Math.max(sentenceStart, quoteStart - 3), quoteStart))) return quoteStart;
  let words = 0;
  for (let i = lo; i < ctx.tokens.length && ctx.start(i) < quoteStart; i++) if (/[\p{L}\p{N}]/u.test(ctx.word(i)) && ctx.tag(i) !== 'CCONJ') words++;
  return words >= 2 ? sentenceStart : quoteStart;
}

/** Words that open an adverbial clause before the main clause ("While announcing that ..., Biden has been ..."). */
const FRONTED_SUBORDINATORS = new Set(['while', 'though', 'although', 'despite', 'after', 'before', 'since', 'because', 'as', 'when', 'if', 'unless', 'whereas', 'once', 'even']);

/**
 * "Though Obama has said that he opposes troops on the ground, his
 * administration continues to ...": a cue inside a clause that opens the
 * sentence reports only up to the comma where the main clause begins.
 */
export function untilMainClause(ctx: AttributionContext, si: number, cueFirst: number, first: number, content: CharSpan): CharSpan {
  const s = ctx.sentences[si]!;
  const hi = s.endToken;
  // The content up to the first comma (outside quotation marks) that `opensRest` accepts, else all of it.
  const cutAtComma = (opensRest: (next: number) => boolean): CharSpan => {
    for (let i = first + 1; i + 1 < hi && ctx.start(i) < content.end; i++) {
      if (ctx.word(i) === ',' && ctx.inQuote[i]! < 0 && opensRest(i + 1)) return { start: content.start, end: Math.max(content.start, ctx.end(i - 1)) };
    }
    return content;
  };
  // "Holm, arguing that fares rose, left the board": a participle set off after the subject ends where the predicate comes.
  if (ctx.word(cueFirst - 1) === ',' && ctx.word(cueFirst).endsWith('ing') && cueFirst - 1 > s.firstToken) {
    return cutAtComma((next) => {
      let v = next;
      while (v < hi && ctx.tag(v) === 'ADV') v++;
      return (ctx.tag(v) === 'VERB' || ctx.tag(v) === 'AUX') && !ctx.word(v).endsWith('ing');
    });
  }
  let lo = s.firstToken;
  while (lo < cueFirst && ctx.tag(lo) === 'PUNCT') lo++;
  // ("Promising that his next book would ..., Bolton said ...": so does a participle opening the sentence.)
  const participleOpens = lo === cueFirst && ctx.word(lo).endsWith('ing') && ctx.tag(lo) === 'VERB';
  if (!FRONTED_SUBORDINATORS.has(ctx.word(lo)) && !participleOpens) return content;
  for (let i = lo; i < cueFirst; i++) if (ctx.word(i) === ',' && ctx.inQuote[i]! < 0) return content;
  return cutAtComma((next) => hasVerbAfter(ctx, next, hi));
}
