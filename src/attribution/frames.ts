/**
 * Attribution frames: a cue (reporting verb, "according to", a light verb
 * plus a speech noun, a colon after a name) with the speaker and content it
 * governs in one sentence.
 *
 *   post:      SPEAKER CUE [addressee] [medium] (that|:|"|to|clause) CONTENT
 *   pre:       CONTENT, SPEAKER CUE [medium]      / "CONTENT," SPEAKER CUE
 *   inverted:  CONTENT, CUE SPEAKER
 *   (according-to, colon and impersonal frames: citation-frames.ts)
 *
 * A pre frame whose content holds another frame's cue is a relay of that
 * frame ("..., Putin said in the letter, reports Reuters"), not a new one.
 */
import { mediumAt, skipAdjunct, type Medium } from './adjuncts.js';
import type { AttributionContext, TokenRange } from './context.js';
import type { CueClass, CueFlags } from './lexicon.js';
import { closesApposition, objectOpensAt, wholeSubject } from './subjects.js';

export interface CharSpan {
  start: number;
  end: number;
}

export type FrameShape = 'post' | 'pre' | 'inverted' | 'according' | 'colon' | 'impersonal' | 'floating' | 'hedge';

export interface Frame {
  sentence: number;
  shape: FrameShape;
  cue: CharSpan | null;
  cueToken: number;
  lemma: string;
  cls: CueClass;
  speaker: CharSpan | null;
  /** The pieces of the content, in order (two when the frame interrupts it). */
  parts: CharSpan[];
  medium: Medium | null;
  addressee: CharSpan | null;
  /** For frames whose content comes first: where the content stops (the comma or quote before the frame). */
  boundary: number | null;
  /** Relay frames attached to this one ("reports Reuters"), innermost first. */
  relays: Frame[];
  relayOnly: boolean;
  /** For a participle cue after a comma (", calling it ..."): the comma's offset, where earlier content stops. */
  participleAfterComma?: number;
}

const TIME_NOUNS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon', 'weekend']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight']);
const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'earlier', 'later', 'next']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const PARTICIPLE_CUES = new Set(['saying', 'adding', 'writing', 'stating', 'noting', 'telling', 'explaining', 'arguing', 'insisting', 'warning']);
const QUANTIFIERS = new Set(['about', 'nearly', 'almost', 'only', 'more', 'most', 'some', 'roughly', 'around', 'over', 'fewer', 'less']);
const WH = new Set(['whether', 'if', 'how', 'why', 'what', 'when', 'who', 'where']);
const CLAUSE_START = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);
const CLAUSE_START_WORDS = new Set(['there', 'this', 'these', 'those']);
const POST_PHRASE_FLAGS: CueFlags = { obj: false, bare: true, pre: true, inv: false, to: true, np: true };
const LIGHT_FLAGS: CueFlags = { obj: false, bare: false, pre: false, inv: false, to: true, np: false };
const LIGHT_OBJECT_PREPOSITIONS = new Set(['for', 'over', 'about', 'on', 'at', 'in']);
/** Content openers clear enough to trust a loosely found subject. */
const OBJECT_PREPOSITIONS = new Set(['for', 'of', 'about', 'against', 'with']);
const STRONG_MARKERS = new Set<PostContent['marker']>(['that', 'colon', 'quote', 'bare']);

interface Cue {
  first: number;
  end: number;
  lemma: string;
  cls: CueClass;
  flags: CueFlags;
}

interface PostContent {
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
function untilCoordinatedCue(ctx: AttributionContext, si: number, first: number, content: CharSpan, participleCue = false): CharSpan {
  const hi = ctx.sentences[si]!.endToken;
  for (let i = first + 2; i + 1 < hi && ctx.start(i) < content.end; i++) {
    const w = ctx.word(i);
    if ((w !== 'and' && w !== 'but') || ctx.inQuote[i]! >= 0) continue;
    let v = i + 1;
    while (v < hi && ctx.tag(v) === 'ADV') v++;
    const form = ctx.word(v);
    // "saying he would not back it and suggesting that ...": participles coordinate with a participle cue.
    if (ctx.tag(v) === 'VERB' && ctx.lexicon.verbs.has(form) && form.endsWith('ing') === participleCue && ctx.word(v - 1) !== 'to') {
      let end = i;
      while (end > first && ctx.word(end - 1) === ',') end--;
      return { start: content.start, end: ctx.end(end - 1) };
    }
  }
  return content;
}

const CLOSING_MARKS = new Set(['"', '”', "'", '’']);
/** "assailed her for supporting the war": "for" and a gerund give the reason, part of the content. */
const FOR_GERUND = (ctx: AttributionContext, i: number): boolean => ctx.word(i) === 'for' && ctx.word(i + 1).endsWith('ing');
const ADJUNCT_STARTS = new Set(['during', 'after', 'before', 'while', 'when', 'because', 'since', 'amid', 'despite', 'following', 'yesterday', 'today']);

/** A noun-phrase content ("endorsed Clinton during a call"): up to the first comma, dash or adjunct after it. */
function npContent(ctx: AttributionContext, si: number, first: number): CharSpan {
  const hi = ctx.sentences[si]!.endToken;
  let i = first;
  while (i < hi) {
    const w = ctx.word(i);
    // "the “ultimate hypocrite,” linking to ...": a comma inside closing quotation marks stays with the phrase.
    if (w === ',' && CLOSING_MARKS.has(ctx.word(i + 1))) {
      i += 2;
      break;
    }
    if (i > first && (w === ',' || w === ';' || w === '—' || w === '–' || w === '--' || ADJUNCT_STARTS.has(w) || (ctx.tag(i) === 'SCONJ' && !FOR_GERUND(ctx, i)))) break;
    // "welcomed the vote and said he would attend": a second predicate of the same subject ends the object.
    if (i > first && (w === 'and' || w === 'but') && (ctx.tag(i + 1) === 'VERB' || ctx.tag(i + 1) === 'AUX') && !ctx.word(i + 1).endsWith('ing')) break;
    if (/^[.!?]+$/.test(w) && i === hi - 1) break;
    i++;
  }
  const whole = contentFrom(ctx, si, ctx.start(first));
  return { start: ctx.start(first), end: Math.min(whole.end, Math.max(ctx.end(Math.max(first, i - 1)), ctx.start(first))) };
}

export function hasVerbAfter(ctx: AttributionContext, from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) if (ctx.tag(i) === 'VERB' || ctx.tag(i) === 'AUX') return true;
  return false;
}

/** What follows a cue: adjuncts, an addressee, a medium, then the start of the content (or null). */
function postContent(ctx: AttributionContext, si: number, p0: number, flags: CueFlags, lemma: string): PostContent | null {
  const s = ctx.sentences[si]!;
  const hi = s.endToken;
  let p = p0;
  let medium: Medium | null = null;
  let addressee: TokenRange | null = null;
  const consumed: number[] = [];
  for (let guard = 0; guard < 12 && p < hi; guard++) {
    const skipped = skipAdjunct(ctx, p, hi);
    if (skipped > p) {
      p = skipped;
      continue;
    }
    const m: ReturnType<typeof mediumAt> = medium ? null : mediumAt(ctx, p, hi);
    if (m) {
      medium = m.medium;
      p = m.next;
      continue;
    }
    const w = ctx.word(p);
    if (flags.obj && !addressee && w !== 'that' && !ctx.quoteStartingAt(ctx.start(p))) {
      const np = ctx.npRight(p, hi);
      if (np && !(flags.bare && hasVerbAfter(ctx, np.end, Math.min(hi, np.end + 1)))) {
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
    if (w === ',' && p + 1 < hi && (ctx.word(p + 1) === 'that' || PARTICIPLE_CUES.has(ctx.word(p + 1)) || ctx.quoteStartingAt(ctx.end(p)))) {
      p++;
      continue;
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
  if (w === 'that' && ctx.tag(p) !== 'PRON') return at(p, ctx.start(p), 'that');
  if (w === 'that' && p + 1 < hi && hasVerbAfter(ctx, p + 1, hi)) return at(p, ctx.start(p), 'that');
  if (w === ':') {
    if (p + 1 < hi) return at(p + 1, ctx.start(p + 1), 'colon');
    const q = ctx.quoteStartingAt(ctx.end(p));
    return q ? at(p + 1, q.start, 'colon') : null;
  }
  if (ctx.anyQuoteStartingAt(ctx.start(p))?.start === ctx.start(p)) return at(p, ctx.start(p), 'quote');
  if (w === 'to' && flags.to && (ctx.tag(p + 1) === 'VERB' || ctx.tag(p + 1) === 'AUX' || ctx.quoteStartingAt(ctx.end(p)))) return at(p, ctx.start(p), 'to');
  // "explained why ...", "questioned whether ...": any cue takes an indirect question ("if" only where a clause may follow).
  if (WH.has(w) && (flags.bare || flags.obj || w !== 'if')) return at(p, ctx.start(p), 'wh');
  if (flags.bare && (CLAUSE_START.has(ctx.tag(p)) || CLAUSE_START_WORDS.has(w)) && hasVerbAfter(ctx, p + 1, hi)) return at(p, ctx.start(p), 'bare');
  // "said about half of the adjustment reflected ...": a subject opening with a quantifier.
  if (flags.bare && QUANTIFIERS.has(w) && hasVerbAfter(ctx, p + 2, hi)) return at(p, ctx.start(p), 'bare');
  // A gerund subject: "said having Mr. Putin's respect is a positive development".
  if (flags.bare && ctx.tag(p) === 'VERB' && w.endsWith('ing') && hasVerbAfter(ctx, p + 2, hi)) return at(p, ctx.start(p), 'bare');
  // "told a town hall in Salem, New Hampshire on Monday that ...": phrases with no verb before "that".
  for (let q = p; q < hi && q - p <= 12; q++) {
    const wq = ctx.word(q);
    if (wq === 'that' && q > p && hasVerbAfter(ctx, q + 1, hi)) return at(q, ctx.start(q), 'that');
    if (wq === ':' && q + 1 < hi) return at(q + 1, ctx.start(q + 1), 'colon');
    if (ctx.tag(q) === 'VERB' || ctx.tag(q) === 'AUX' || ctx.tag(q) === 'SCONJ' || ctx.inQuote[q]! >= 0) break;
  }
  if (flags.np && (ctx.npRight(p, hi) || objectOpensAt(ctx, p, hi))) return at(p, ctx.start(p), 'np');
  // "asked for volunteers", "warned of the risk", "agreed with Trump on the issue": the object of the preposition.
  if (OBJECT_PREPOSITIONS.has(w) && p + 1 < hi && (ctx.npRight(p + 1, hi) || objectOpensAt(ctx, p + 1, hi))) return at(p + 1, ctx.start(p + 1), 'np');
  return null;
}

/** Words tagged otherwise that stand as adverbs between a subject and its verb ("has since stressed"). */
const ADVERB_LIKE = new Set(['since', 'already', 'long']);
/** Quantifiers that stand alone for people ("Most believe", "Many say", "Others argued"). */
export const QUANTIFIER_SUBJECTS = new Set(['most', 'many', 'some', 'few', 'several', 'others', 'both', 'all', 'half', 'none', 'more', 'fewer']);

const NAMING_FORMS = new Set(['called', 'dubbed', 'named', 'titled']);

/**
 * "a new group called Black Votes Matter", "a program dubbed “Fast Track”":
 * a participle that names the common noun before it, not a statement. (With
 * a second object, "the mayor called Berg a liar", it is one.)
 */
function isNaming(ctx: AttributionContext, cue: Cue, left: number, hi: number): boolean {
  if (!NAMING_FORMS.has(ctx.word(cue.first)) || cue.end !== cue.first + 1 || left !== cue.first || ctx.tag(left - 1) !== 'NOUN') return false;
  let k = cue.end;
  const quoted = ctx.anyQuoteStartingAt(ctx.start(k));
  if (quoted) {
    while (k < hi && ctx.start(k) < quoted.end) k++;
  } else {
    if (ctx.tag(k) !== 'PROPN') return false;
    while (k < hi && ctx.tag(k) === 'PROPN') k++;
  }
  // A second object after the name makes it "called X a Y".
  const secondObject = k < hi && (['DET', 'ADJ', 'NOUN', 'PRON'].includes(ctx.tag(k)) || ctx.anyQuoteStartingAt(ctx.start(k)) !== null);
  return !secondObject;
}

/** Auxiliaries, adverbs and negation left of a cue: where the speaker phrase must end. */
function leftOfCue(ctx: AttributionContext, cue: number, lo: number): { first: number; negated: boolean; passive: boolean; auxiliary: boolean } {
  let a = cue;
  let negated = false;
  let be = false;
  let auxiliary = false;
  while (a - 1 >= lo) {
    const t = a - 1;
    const w = ctx.word(t);
    // "A news report Wednesday said": a bare weekday between subject and verb.
    if (WEEKDAYS.has(w) && t - 1 >= lo && (ctx.tag(t - 1) === 'NOUN' || ctx.tag(t - 1) === 'PROPN')) {
      a--;
      continue;
    }
    if (TIME_NOUNS.has(w) && a - 2 >= lo && TIME_PREPOSITIONS.has(ctx.word(t - 1))) {
      // "Trump on Tuesday backed away from": a time phrase between subject and verb.
      a -= 2;
      continue;
    }
    // "Most believe": a quantifier opening the clause is the subject, not an adverb.
    if (QUANTIFIER_SUBJECTS.has(w) && (t === lo || ctx.tag(t - 1) === 'CCONJ' || ctx.tag(t - 1) === 'PUNCT')) break;
    if (ctx.isNegation(t)) negated = true;
    else if (ctx.tag(t) === 'AUX' || BE.has(w) || w === 'has' || w === 'have' || w === 'had') {
      be ||= BE.has(w);
      auxiliary = true;
    }
    else if ((ctx.tag(t) !== 'ADV' && !ADVERB_LIKE.has(w)) || w === 'as' || w === 'so') break;
    a--;
  }
  const form = ctx.word(cue);
  return { first: a, negated, passive: be && !form.endsWith('ing'), auxiliary };
}

/**
 * "tried to discuss", "were quick to condemn", "is continuing to insist": the
 * cue is an infinitive and its speaker is the subject of the verb or
 * adjective it depends on; "led the chairwoman to announce": the noun phrase
 * right before "to".
 */
function infinitiveSubject(ctx: AttributionContext, cueFirst: number, lo: number): TokenRange | null {
  const to = cueFirst - 1;
  if (to <= lo || ctx.word(to) !== 'to' || ctx.tag(to) !== 'PART') return null;
  let gov = to - 1;
  while (gov > lo && ctx.tag(gov) === 'ADV') gov--;
  const tag = ctx.tag(gov);
  // A name or a personal pronoun ("led Wasserman Schultz to announce", "asked him to explain"); common nouns are rarely the sayer.
  if (tag === 'PROPN' || (tag === 'PRON' && !NOT_SAYERS.has(ctx.word(gov)))) return ctx.npLeft(gov + 1, lo);
  if (tag !== 'VERB' && tag !== 'ADJ' && tag !== 'AUX') return null;
  const left = leftOfCue(ctx, gov, lo);
  if (left.negated) return null;
  const subject = speakerLeft(ctx, left.first, lo);
  // "It is hard to see": no sayer.
  return subject && !(subject.end - subject.first === 1 && NOT_SAYERS.has(ctx.word(subject.first))) ? subject : null;
}
const NOT_SAYERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'it', 'this', 'that', 'there']);

const ADVERBIAL_OPENERS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'without', 'despite', 'of', 'in', 'for', 'about']);

/**
 * The speaker of a participle cue that does not follow a comma:
 * "a group backing Bush", "ads attacking Christie" (a reduced relative: the
 * noun before it), "After thanking the crowd, he touted ..." and "quit
 * before announcing her run" (an adverbial clause: the main clause's subject).
 */
function participleSubject(ctx: AttributionContext, si: number, at: number): TokenRange | null {
  const s = ctx.sentences[si]!;
  const lo = s.firstToken;
  const prev = at - 1;
  if (prev >= lo && (ctx.tag(prev) === 'NOUN' || ctx.tag(prev) === 'PROPN')) return ctx.npLeft(at, lo);
  // "..., saying X and suggesting Y": a second participle shares the first one's subject.
  if ((ctx.word(prev) === 'and' || ctx.word(prev) === 'but') && prev > lo) return clauseSubject(ctx, lo, prev);
  // "has avoided directly criticizing", "kept attacking": the subject of the verb the gerund completes.
  let governor = prev;
  while (governor > lo && ctx.tag(governor) === 'ADV') governor--;
  if (governor >= lo && ctx.tag(governor) === 'VERB' && !ctx.word(governor).endsWith('ing')) {
    const left = leftOfCue(ctx, governor, lo);
    return left.negated || left.passive ? null : speakerLeft(ctx, left.first, lo);
  }
  if (prev < lo || !ADVERBIAL_OPENERS.has(ctx.word(prev))) return null;
  if (prev === lo || (prev - 1 === lo && ctx.tag(lo) === 'CCONJ')) {
    // The clause opens the sentence: the subject follows its closing comma.
    for (let c = at + 1; c < s.endToken && c - at <= 25; c++) {
      if (ctx.word(c) !== ',') continue;
      const np = ctx.npRight(c + 1, s.endToken);
      return np && (ctx.tag(np.end) === 'VERB' || ctx.tag(np.end) === 'AUX' || ctx.tag(np.end) === 'ADV') ? np : null;
    }
    return null;
  }
  return clauseSubject(ctx, lo, prev);
}

/** The subject of the clause a participle cue hangs off ("Kim voiced ..., saying that"). */
function clauseSubject(ctx: AttributionContext, lo: number, before: number): TokenRange | null {
  // Verbs inside a relative clause set off by commas ("Tom Berg, who leads the union, has ...") are not the clause's own.
  let relative = false;
  for (let i = lo; i < before; i++) {
    if (ctx.word(i - 1) === ',' && RELATIVE.has(ctx.word(i))) relative = true;
    else if (relative && ctx.word(i) === ',') relative = false;
    if (relative) continue;
    if (ctx.tag(i) === 'VERB' || ctx.tag(i) === 'AUX') {
      const left = leftOfCue(ctx, i, lo);
      // "Donald Trump, who trails in the polls, has picked up ..., telling ABC that": a long subject too.
      return ctx.npLeft(left.first, lo) ?? wholeSubject(ctx, left.first, lo);
    }
  }
  return null;
}

const RELATIVE = new Set(['who', 'which']);

/** The speaker left of a cue, with an apposition ("Jack Dorsey, Twitter's chief executive, said"). */
function speakerLeft(ctx: AttributionContext, a: number, lo: number): TokenRange | null {
  // "voters who said": the relative pronoun stands for the speaker, as written.
  if ((ctx.word(a - 1) === 'who' || ctx.word(a - 1) === 'which') && a - 1 >= lo) return { first: a - 1, end: a };
  const np = ctx.npLeft(a, lo);
  if (np) return withRestrictiveRelative(ctx, np, a, lo) ?? np;
  if (QUANTIFIER_SUBJECTS.has(ctx.word(a - 1)) && a - 1 >= lo) return { first: a - 1, end: a };
  // "Cook said ...": a capitalised name opening the clause that the tagger read as a verb or an adjective.
  const name = a - 1;
  const opens = name === lo || ctx.tag(name - 1) === 'CCONJ' || ctx.word(name - 1) === ',';
  if (name >= lo && opens && /^\p{Lu}\p{Ll}+$/u.test(ctx.doc.text.slice(ctx.start(name), ctx.end(name))) && !ctx.lexicon.verbs.has(ctx.word(name)) && ['VERB', 'ADJ', 'ADV', 'NOUN'].includes(ctx.tag(name))) {
    return { first: name, end: a };
  }
  // "X survived ... and says": the subject of the first verb.
  if ((ctx.word(a - 1) === 'and' || ctx.word(a - 1) === 'but') && a - 1 > lo) return clauseSubject(ctx, lo, a - 1);
  if (ctx.word(a - 1) !== ',') return null;
  // "Chris Cox, who runs the NRA's lobbying arm, says"
  for (let i = a - 2; i > lo && a - i <= 20; i--) {
    if (ctx.word(i) === ',' || ctx.word(i) === '.') break;
    if (RELATIVE.has(ctx.word(i)) && ctx.word(i - 1) === ',') {
      const head = ctx.npLeft(i - 1, lo);
      return head && startsClause(ctx, head.first, lo) ? { first: head.first, end: a - 1 } : null;
    }
  }
  // "Jillian Chase, 27, a Tinder user in New York, said": phrases between commas back to the subject,
  // the leftmost of which must be able to open the clause.
  const pieces: TokenRange[] = [];
  for (let edge = a - 1; pieces.length < 4; ) {
    const piece = ctx.npLeft(edge, lo);
    if (!piece) break;
    pieces.push(piece);
    if (ctx.word(piece.first - 1) !== ',') break;
    edge = piece.first - 1;
  }
  for (let k = pieces.length - 1; k >= 1; k--) {
    if (startsClause(ctx, pieces[k]!.first, lo)) return { first: pieces[k]!.first, end: a - 1 };
  }
  return null;
}

/**
 * "Officials who spoke on condition of anonymity said": the noun phrase next
 * to the cue belongs to a relative clause, and the speaker is the head the
 * clause hangs off, when that head opens the clause.
 */
function withRestrictiveRelative(ctx: AttributionContext, np: TokenRange, a: number, lo: number): TokenRange | null {
  for (let i = np.first - 1; i > lo && np.first - i <= 10; i--) {
    const w = ctx.word(i);
    if (w === ',' || w === '.' || w === ';' || ctx.tag(i) === 'PUNCT') return null;
    if (w === 'who' || w === 'whom') {
      const head = ctx.npLeft(i, lo);
      return head && startsClause(ctx, head.first, lo) ? { first: head.first, end: a } : null;
    }
  }
  return null;
}

/** A subject may open the sentence or follow a closing quotation ("'...,' Jeff Weaver, the manager, said"). */
function startsClause(ctx: AttributionContext, first: number, lo: number): boolean {
  if (first === lo || ctx.quoteEndingBefore(ctx.start(first)) !== null) return true;
  // "But Matt Morrison, the deputy director, said", "In a statement, the director, James Comey, said"
  const before = first - 1;
  return ctx.tag(before) === 'CCONJ' || (ctx.tag(before) === 'ADV' && before === lo) || (ctx.word(before) === ',' && !hasVerbAfter(ctx, lo, before));
}

/**
 * "The proposal was rejected by 64 percent of voters", "Berg was called a
 * liar": a passive cue whose object has become the subject. The content is
 * the clause up to the "by" phrase, and the "by" phrase (when there is one)
 * is the speaker. Only verbs whose content may be a noun phrase; participles
 * that make an unattributed claim ("is considered") are the hedge rules' job.
 */
function passiveFrame(ctx: AttributionContext, si: number, cue: Cue, auxFirst: number): Frame | null {
  const s = ctx.sentences[si]!;
  const hi = s.endToken;
  if (!cue.flags.np || cue.end !== cue.first + 1 || !ctx.word(cue.first).endsWith('ed')) return null;
  if (ctx.lexicon.passiveParticiples.matchAt(ctx.words, cue.first, hi)) return null;
  const subject = ctx.npLeft(auxFirst, s.firstToken) ?? wholeSubject(ctx, auxFirst, s.firstToken);
  if (!subject || ctx.inQuote[subject.first]! >= 0) return null;
  const frame = baseFrame(ctx, si, cue, 'post');
  let end = cue.end;
  while (end < hi && ctx.word(end) !== 'by' && ctx.word(end) !== ',' && !/^[.!?;]+$/.test(ctx.word(end))) end++;
  if (ctx.word(end) === 'by') {
    const agent = ctx.npRight(end + 1, hi);
    // "by the councils on Monday": a time phrase is no part of the agent.
    if (agent) for (let k = agent.first + 1; k < agent.end; k++) if (skipAdjunct(ctx, k, hi) > k) agent.end = k;
    if (agent) frame.speaker = span(ctx, agent);
  }
  frame.parts.push({ start: ctx.start(subject.first), end: ctx.end(end - 1) });
  return frame;
}

const EXTRACTING = new Set(['which', 'that', 'what', 'who']);

/**
 * "which she said represented all her emails", "what analysts said was a
 * sign of ...": the relative word stands for the subject of the reported
 * clause, whose verb follows the cue directly. The content runs from the
 * relative word to the end of the relative clause (a comma or the sentence end).
 */
function relativeContent(ctx: AttributionContext, si: number, speakerFirst: number, after: number): CharSpan | null {
  const hi = ctx.sentences[si]!.endToken;
  const rel = speakerFirst - 1;
  if (rel < ctx.sentences[si]!.firstToken || !EXTRACTING.has(ctx.word(rel))) return null;
  let v = after;
  while (v < hi && ctx.tag(v) === 'ADV') v++;
  if (v >= hi || (ctx.tag(v) !== 'VERB' && ctx.tag(v) !== 'AUX') || ctx.word(v).endsWith('ing')) return null;
  let end = v + 1;
  while (end < hi && !/^[.!?;,]+$/.test(ctx.word(end)) && ctx.word(end) !== '—' && ctx.word(end) !== '–') end++;
  return { start: ctx.start(rel), end: ctx.end(end - 1) };
}

/** Where the content before a frame ends: a comma, or the closing quotation right before the speaker. */
function boundaryBefore(ctx: AttributionContext, first: number, lo: number): { at: number; quoteStart: number | null } | null {
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
function preContentStart(ctx: AttributionContext, lo: number, quoteStart: number | null): number {
  const sentenceStart = ctx.start(lo);
  if (quoteStart === null) return sentenceStart;
  if (quoteStart <= sentenceStart) return quoteStart;
  let words = 0;
  for (let i = lo; i < ctx.tokens.length && ctx.start(i) < quoteStart; i++) if (/[\p{L}\p{N}]/u.test(ctx.word(i)) && ctx.tag(i) !== 'CCONJ') words++;
  return words >= 2 ? sentenceStart : quoteStart;
}

/** After a pre frame: adjuncts and medium, then the sentence end, a comma, or nothing acceptable. */
function afterFrame(ctx: AttributionContext, si: number, p0: number, obj: boolean, anything = false): { next: number; medium: Medium | null; addressee: TokenRange | null } | null {
  const hi = ctx.sentences[si]!.endToken;
  let p = p0;
  let medium: Medium | null = null;
  let addressee: TokenRange | null = null;
  for (let guard = 0; guard < 8 && p < hi; guard++) {
    // "said Sen. Kari Lund (D-Nord.), who ...": a short parenthesis after the speaker.
    if (ctx.word(p) === '(') {
      let close = p + 1;
      while (close < hi && close - p < 10 && ctx.word(close) !== ')') close++;
      if (ctx.word(close) === ')') {
        p = close + 1;
        continue;
      }
    }
    const skipped = skipAdjunct(ctx, p, hi);
    if (skipped > p) {
      p = skipped;
      continue;
    }
    const m: ReturnType<typeof mediumAt> = medium ? null : mediumAt(ctx, p, hi);
    if (m) {
      medium = m.medium;
      p = m.next;
      continue;
    }
    if (obj && !addressee) {
      const np = ctx.npRight(p, hi);
      if (np) {
        addressee = np;
        p = np.end;
        continue;
      }
    }
    break;
  }
  if (p >= hi || /^[.!?;,]+$/.test(ctx.word(p)) || ctx.word(p) === "'" || ctx.word(p) === '"') return { next: p, medium, addressee };
  // Circumstances after the frame ("said during a speech at the council in New York"): skip to the next comma.
  if (ctx.tag(p) === 'ADP' || anything) {
    let q = p;
    while (q < hi && ctx.word(q) !== ',' && !/^[.!?;]+$/.test(ctx.word(q))) {
      const m = medium ? null : mediumAt(ctx, q, hi);
      if (m) medium = m.medium;
      if (ctx.word(q) === 'that' || ctx.word(q) === ':') return null;
      q++;
    }
    return { next: q, medium, addressee };
  }
  return null;
}

export function baseFrame(ctx: AttributionContext, si: number, cue: Cue, shape: FrameShape): Frame {
  return {
    sentence: si,
    shape,
    cue: { start: ctx.start(cue.first), end: ctx.end(cue.end - 1) },
    cueToken: cue.first,
    lemma: cue.lemma,
    cls: cue.cls,
    speaker: null,
    parts: [],
    medium: null,
    addressee: null,
    boundary: null,
    relays: [],
    relayOnly: false,
  };
}

/** "a letter to Kim ..., where he stressed": the noun a relative clause hangs off is the medium. */
function mediumOfRelative(ctx: AttributionContext, speakerFirst: number, lo: number): Medium | null {
  let r = speakerFirst - 1;
  if (ctx.word(r) === 'which' && ctx.word(r - 1) === 'in') r--;
  else if (ctx.word(r) !== 'where') return null;
  // Walk back over the antecedent's modifiers ("a letter to Kim on the 77th anniversary of ...") to its noun.
  for (let i = r - 1; i >= lo && r - i <= 25; i--) {
    const label = ctx.lexicon.media.get(ctx.word(i));
    if (label && ctx.tag(i) === 'NOUN') return { start: ctx.start(i), end: ctx.end(i), label, via: null };
    if (ctx.tag(i) === 'VERB' && i < r - 1 && ctx.lexicon.media.has(ctx.word(i + 2)) === false && ctx.tag(i + 1) !== 'DET') return null;
  }
  return null;
}

/** Where a subject may start: the previous sentence when this one opens in lower case in the same paragraph (a bad split). */
function splitSubjectStart(ctx: AttributionContext, si: number): number {
  const s = ctx.sentences[si]!;
  const prev = ctx.sentences[si - 1];
  if (!prev || prev.section !== s.section || !/^\p{Ll}/u.test(ctx.doc.text[s.start] ?? '')) return s.firstToken;
  return ctx.doc.text.slice(prev.end, s.start).includes('\n') ? s.firstToken : prev.firstToken;
}

/** "In a statement, the ministry said ...": a medium phrase opening the sentence before the speaker. */
function openingMedium(ctx: AttributionContext, lo: number, speakerFirst: number): Medium | null {
  const m = mediumAt(ctx, lo, speakerFirst);
  return m && ctx.word(m.next) === ',' ? m.medium : null;
}

/** A frame for a verb-like cue (single verb, phrase or light verb + noun). */
export function cueFrame(ctx: AttributionContext, si: number, cue: Cue, consumed: Set<number>, givenSpeaker: TokenRange | null = null): Frame | null {
  const s = ctx.sentences[si]!;
  const lo = s.firstToken;
  const hi = s.endToken;
  const left = givenSpeaker ? { first: cue.first, negated: false, passive: false, auxiliary: false } : leftOfCue(ctx, cue.first, lo);
  if (left.passive && !left.negated && !givenSpeaker) return passiveFrame(ctx, si, cue, left.first);
  if (left.negated || left.passive) return null;
  if (!givenSpeaker && isNaming(ctx, cue, left.first, hi)) return null;
  // "saying", "calling" hang off another clause; "is thanking", "has been criticizing" are finite.
  const participle = !givenSpeaker && !left.auxiliary && ctx.word(cue.first).endsWith('ing') && cue.end === cue.first + 1;
  // A sentence split inside the subject ("Sen. Bernie Sanders (I-Vt.) | said he ..."): the subject may start in the previous sentence.
  const subjectLo = splitSubjectStart(ctx, si);
  let speaker: TokenRange | null = givenSpeaker ?? (participle ? null : speakerLeft(ctx, left.first, lo));
  if (!speaker && !participle && left.first === lo && subjectLo < lo) speaker = speakerLeft(ctx, left.first, subjectLo);
  if (!speaker && !participle && !givenSpeaker) speaker = infinitiveSubject(ctx, left.first, lo);
  // "“...,” Jeb Bush, the former governor and a candidate, told CNN": a long subject right after a quotation.
  if (!speaker && !participle && !givenSpeaker && closesApposition(ctx, left.first - 1)) {
    const subject = wholeSubject(ctx, left.first, lo);
    if (subject && ctx.quoteEndingBefore(ctx.start(subject.first)) !== null) speaker = subject;
  }
  if (participle && (ctx.word(left.first - 1) === ',' || left.first === lo)) {
    // "..., the operator said, adding that ...": the participle goes with the speaker of the cue before it.
    const previous = left.first - 2;
    if (ctx.word(left.first - 1) === ',' && previous > lo && ctx.lexicon.verbs.has(ctx.word(previous)) && ctx.tag(previous) === 'VERB') {
      speaker = speakerLeft(ctx, leftOfCue(ctx, previous, lo).first, lo);
    }
    speaker ??= clauseSubject(ctx, lo, left.first);
    if (!speaker && subjectLo < lo) speaker = clauseSubject(ctx, subjectLo, left.first);
    // "Salceda, citing State Department data, said": an apposition right after the subject.
    if (!speaker && ctx.word(left.first - 1) === ',') speaker = ctx.npLeft(left.first - 1, lo);
  } else if (participle) speaker = participleSubject(ctx, si, left.first);

  const post = postContent(ctx, si, cue.end, cue.flags, cue.lemma);
  // "CONTENT, SPEAKER said" or "'CONTENT,' SPEAKER said"
  // A quotation closing right before the speaker is what any speech cue said ("“...,” he urged them").
  const closing = speaker !== null && cue.cls === 'speech' ? ctx.quoteEndingBefore(ctx.start(speaker.first)) : null;
  const quoteBefore = closing !== null && closing.end > s.start && !/\n/.test(ctx.doc.text.slice(closing.end, ctx.start(speaker!.first)));
  const boundary = speaker && (cue.flags.pre || quoteBefore) ? boundaryBefore(ctx, speaker.first, lo) : null;
  // "On the subject of Israel, Trump added, 'Sheldon knows ...'": the quotation after the cue is the content.
  // ("..., the operator said, adding that ...": the participle is a statement of its own, not this cue's content.)
  const strongPost = post !== null && post.consumed.length === 0 && (post.marker === 'quote' || post.marker === 'that' || post.marker === 'colon');
  if (boundary && speaker && !participle && !(strongPost && boundary.quoteStart === null)) {
    // After a quotation and its speaker, whatever follows the cue is circumstance ("told ITV in an interview aired Monday when asked ...").
    const after = afterFrame(ctx, si, cue.end, cue.flags.obj) ?? (boundary.quoteStart !== null && (!post || post.marker === 'wh') ? afterFrame(ctx, si, cue.end, cue.flags.obj, true) : null);
    if (after) {
      const frame = baseFrame(ctx, si, cue, 'pre');
      frame.speaker = span(ctx, speaker);
      frame.medium = after.medium ?? openingMedium(ctx, lo, speaker.first);
      frame.addressee = after.addressee ? span(ctx, after.addressee) : null;
      frame.boundary = boundary.quoteStart ?? boundary.at;
      const first: CharSpan = { start: preContentStart(ctx, lo, boundary.quoteStart), end: boundary.at };
      frame.parts.push(first);
      frame.boundary = boundary.at;
      // "'Part one,' he said, 'part two.'" and "The hashtag, he said, was popular."
      if (ctx.word(after.next) === ',' && after.next + 1 < hi) {
        const rest = after.next + 1;
        const restQuote = ctx.quoteStartingAt(ctx.start(rest));
        // The frame interrupts one quotation, or one clause whose verb comes after it.
        const quoteGoesOn = boundary.quoteStart !== null && restQuote !== null && restQuote.start === ctx.start(rest);
        // "When she got there, she said, there were no ballots": after a whole clause, the sentence goes on with the content too,
        // unless a participle hangs off the frame instead (", he said, adding that ...").
        const openerIsClause = hasVerbAfter(ctx, lo, speaker.first);
        const participleAfter = ctx.tag(rest) === 'VERB' && ctx.word(rest).endsWith('ing');
        const clauseGoesOn =
          boundary.quoteStart === null &&
          (openerIsClause ? !participleAfter && !restQuote : hasVerbAfter(ctx, rest, Math.min(hi, rest + 6)));
        if ((quoteGoesOn || clauseGoesOn) && hi - rest >= 2) frame.parts.push(contentFrom(ctx, si, ctx.start(rest)));
      }
      return frame;
    }
  }
  // "CONTENT, said SPEAKER" / "'CONTENT,' reports Reuters"
  if (!speaker && cue.flags.inv && !participle) {
    const inverted = boundaryBefore(ctx, left.first, lo);
    // "..., said Tuesday." has no speaker after the verb; "..., said on Tuesday the minister" does.
    const np = inverted ? ctx.npRight(skipAdjunct(ctx, cue.end, hi), hi) : null;
    if (inverted && np) {
      const after = afterFrame(ctx, si, np.end, false);
      if (after) {
        const frame = baseFrame(ctx, si, cue, 'inverted');
        frame.speaker = span(ctx, np);
        frame.medium = after.medium;
        frame.boundary = inverted.at;
        frame.parts.push({ start: preContentStart(ctx, lo, inverted.quoteStart), end: inverted.at });
        return frame;
      }
    }
  }
  // "the vote, which she has said was a mistake, ...": the relative clause the cue sits in is the content.
  if (!post && speaker && !participle && cue.flags.bare) {
    const relative = relativeContent(ctx, si, speaker.first, cue.end);
    if (relative) {
      const frame = baseFrame(ctx, si, cue, 'post');
      frame.speaker = span(ctx, speaker);
      frame.parts.push(relative);
      return frame;
    }
  }
  // A subject the noun-phrase walk cannot span (long appositions, relative clauses), when the content is clearly opened.
  // Or when the subject visibly closes an apposition ("Sanders, a Democratic rival, assailed her for ...").
  const afterApposition = closesApposition(ctx, left.first - 1);
  if (!speaker && !participle && post && (STRONG_MARKERS.has(post.marker) || afterApposition) && left.first > lo) speaker = wholeSubject(ctx, left.first, lo);
  if (post && (speaker || participle)) {
    const frame = baseFrame(ctx, si, cue, 'post');
    if (participle && ctx.word(left.first - 1) === ',') frame.participleAfterComma = ctx.start(left.first - 1);
    frame.speaker = speaker ? span(ctx, speaker) : null;
    frame.medium = post.medium ?? (speaker ? (mediumOfRelative(ctx, speaker.first, lo) ?? openingMedium(ctx, lo, speaker.first)) : null);
    frame.addressee = post.addressee ? span(ctx, post.addressee) : null;
    const quote = post.marker === 'quote' ? ctx.anyQuoteStartingAt(post.contentStart) : null;
    if (quote) frame.parts.push({ start: quote.start, end: quote.end });
    else frame.parts.push(post.marker === 'np' ? npContent(ctx, si, post.contentFirst) : untilCoordinatedCue(ctx, si, post.contentFirst, contentFrom(ctx, si, post.contentStart), participle));
    for (const c of post.consumed) consumed.add(c);
    if (!speaker) return null;
    return frame;
  }
  return null;
}

export { clauseSubject as clauseSubjectBefore, LIGHT_FLAGS, LIGHT_OBJECT_PREPOSITIONS, POST_PHRASE_FLAGS, type Cue };
