/**
 * The speaker of a cue, found by the strict noun-phrase walk: what stands
 * left of the cue (leftOfCue: auxiliaries, adverbs, negation, time phrases),
 * the noun phrase there with its appositions and relative clauses
 * (speakerLeft), the subject an infinitive or a participle cue depends on
 * (infinitiveSubject, participleSubject), and the subject of the clause a
 * cue hangs off (clauseSubject). The looser fallbacks for long subjects are
 * in subjects.ts; the frames that use both are in frames.ts.
 */
import type { AttributionContext, TokenRange } from './context.js';
import { hasVerbAfter } from './content-spans.js';
import { wholeSubject } from './subjects.js';

const TIME_NOUNS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon', 'weekend']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight']);
const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'earlier', 'later', 'next']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
/** Words tagged otherwise that stand as adverbs between a subject and its verb ("has since stressed"). */
const ADVERB_LIKE = new Set(['since', 'already', 'long']);
/** Quantifiers and emphatic words floating after the subject ("Bolton and Gorka both denounced", "Trump himself said", "voters overall said"). */
const FLOATING_WORDS = new Set(['both', 'all', 'each', 'overall', 'alone', 'together', 'himself', 'herself', 'themselves', 'itself']);
/** Quantifiers that stand alone for people ("Most believe", "Many say", "Others argued"). */
export const QUANTIFIER_SUBJECTS = new Set(['most', 'many', 'some', 'few', 'several', 'others', 'another', 'both', 'all', 'half', 'none', 'more', 'fewer']);

const PARENTHETICALS: readonly (readonly string[])[] = [['for', 'example'], ['for', 'instance'], ['however'], ['in', 'fact'], ['though'], ['too'], ['meanwhile'], ['of', 'course'], ['in', 'turn'], ['in', 'particular']];

/** For the comma at `comma` closing ", for example," or ", in releasing the email,": the index of the comma opening it, or -1. */
function parentheticalBefore(ctx: AttributionContext, comma: number, lo: number): number {
  // ", in releasing the email,": a preposition and a participle.
  for (let open = comma - 1; open > lo && comma - open <= 12; open--) {
    if (ctx.word(open) !== ',') continue;
    if (ctx.tag(open + 1) === 'ADP' && ctx.tag(open + 2) === 'VERB' && ctx.word(open + 2).endsWith('ing')) return open;
    break;
  }
  for (const words of PARENTHETICALS) {
    const open = comma - words.length - 1;
    if (open < lo || ctx.word(open) !== ',') continue;
    if (words.every((w, k) => ctx.word(open + 1 + k) === w)) return open;
  }
  return -1;
}

/** Auxiliaries, adverbs and negation left of a cue: where the speaker phrase must end. */
export function leftOfCue(ctx: AttributionContext, cue: number, lo: number): { first: number; negated: boolean; passive: boolean; auxiliary: boolean } {
  let a = cue;
  let negated = false;
  let be = false;
  let auxiliary = false;
  while (a - 1 >= lo) {
    const t = a - 1;
    const w = ctx.word(t);
    // "Chaffetz, for example, earlier asked": a parenthetical set off by commas between subject and verb.
    const aside = w === ',' ? parentheticalBefore(ctx, t, lo) : -1;
    if (aside >= 0) {
      a = aside;
      continue;
    }
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
    // "Bolton and Gorka both denounced": a floating quantifier after the subject stands like an adverb.
    if (FLOATING_WORDS.has(w) && t - 1 >= lo && (ctx.tag(t - 1) === 'NOUN' || ctx.tag(t - 1) === 'PROPN' || ctx.tag(t - 1) === 'PRON')) {
      a--;
      continue;
    }
    if (ctx.isNegation(t)) negated = true;
    else if (ctx.tag(t) === 'AUX' || BE.has(w) || w === 'has' || w === 'have' || w === 'had') {
      be ||= BE.has(w);
      auxiliary = true;
    }
    else if ((ctx.tag(t) !== 'ADV' && !ADVERB_LIKE.has(w)) || w === 'as' || w === 'so') break;
    a--;
  }
  const form = ctx.word(cue);
  // "he's predicted big wins": "'s" before a participle with an object is "has", not a passive.
  const hasObject = ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(ctx.tag(cue + 1)) || ctx.word(cue + 1) === 'that';
  if (be && ctx.word(cue - 1) === "'s" && hasObject) be = false;
  return { first: a, negated, passive: be && !form.endsWith('ing'), auxiliary };
}

/**
 * "tried to discuss", "were quick to condemn", "is continuing to insist": the
 * cue is an infinitive and its speaker is the subject of the verb or
 * adjective it depends on; "led the chairwoman to announce": the noun phrase
 * right before "to".
 */
export function infinitiveSubject(ctx: AttributionContext, cueFirst: number, lo: number): TokenRange | null {
  const to = cueFirst - 1;
  if (to <= lo || ctx.word(to) !== 'to' || ctx.tag(to) !== 'PART') return null;
  let gov = to - 1;
  while (gov > lo && ctx.tag(gov) === 'ADV') gov--;
  const tag = ctx.tag(gov);
  // A name or a personal pronoun ("led Wasserman Schultz to announce", "asked him to explain"); common nouns are rarely the sayer.
  if (tag === 'PROPN' || (tag === 'PRON' && !NOT_SAYERS.has(ctx.word(gov)))) {
    // ... when a verb governs that name ("led Kari Lund to announce"); after a preposition the name is a place or a time
    // ("took to Twitter to say", "visited Oslo on Friday to view"), and the infinitive is one of purpose.
    const np = ctx.npLeft(gov + 1, lo);
    const before = np ? np.first - 1 : gov - 1;
    if (np && ctx.tag(before) === 'ADP') return purposeSubject(ctx, to, lo);
    return np;
  }
  if (tag !== 'VERB' && tag !== 'ADJ' && tag !== 'AUX') return purposeSubject(ctx, to, lo);
  const left = leftOfCue(ctx, gov, lo);
  if (left.negated) return null;
  // "will have to continue to emphasize": a chain of infinitives goes back to the first one's subject.
  if (tag === 'VERB' && ctx.word(left.first - 1) === 'to' && ctx.tag(left.first - 1) === 'PART') return infinitiveSubject(ctx, left.first, lo);
  const subject = speakerLeft(ctx, left.first, lo);
  // "It is hard to see": no sayer.
  return subject && !(subject.end - subject.first === 1 && NOT_SAYERS.has(ctx.word(subject.first))) ? subject : null;
}
/**
 * "Davis appeared on Fox to defend her", "Keyworth rushed to meet her in Palo Alto to discuss ...": an
 * infinitive of purpose after an object or a place belongs to the subject of the clause's verb.
 */
function purposeSubject(ctx: AttributionContext, to: number, lo: number): TokenRange | null {
  for (let v = to - 1; v > lo && to - v <= 15; v--) {
    const w = ctx.word(v);
    if (w === ',' || w === ';' || w === ':' || w === 'who' || w === 'which' || w === 'that' || ctx.inQuote[v]! >= 0) return null;
    if (ctx.tag(v) !== 'VERB' || w.endsWith('ing')) continue;
    const left = leftOfCue(ctx, v, lo);
    if (left.negated || left.passive) return null;
    if (ctx.word(left.first - 1) === 'to' && ctx.tag(left.first - 1) === 'PART') return infinitiveSubject(ctx, left.first, lo);
    return speakerLeft(ctx, left.first, lo);
  }
  return null;
}

const NOT_SAYERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'it', 'this', 'that', 'there']);

const ADVERBIAL_OPENERS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'without', 'despite', 'of', 'in', 'for', 'about']);

/**
 * The speaker of a participle cue that does not follow a comma:
 * "a group backing Bush", "ads attacking Christie" (a reduced relative: the
 * noun before it), "After thanking the crowd, he touted ..." and "quit
 * before announcing her run" (an adverbial clause: the main clause's subject).
 */
export function participleSubject(ctx: AttributionContext, si: number, at: number): TokenRange | null {
  const s = ctx.sentences[si]!;
  const lo = s.firstToken;
  const prev = at - 1;
  // "Trump fired back a statement saying ...", "sent an email vowing ...": a message does not speak; its sender does.
  if (prev >= lo && ctx.tag(prev) === 'NOUN' && (ctx.lexicon.media.has(ctx.word(prev)) || MESSAGE_NOUNS.has(ctx.word(prev)))) {
    const sender = clauseSubject(ctx, lo, at);
    if (sender) return sender;
  }
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
  // "Promising that ..., Berg left": a participle opening the sentence has the main clause's subject too.
  const opensSentence = at === lo || (prev === lo && ctx.tag(lo) === 'CCONJ');
  // "In addition to stating ...": a preposition completing a longer opener.
  const opener = ADVERBIAL_OPENERS.has(ctx.word(prev)) || (ctx.word(prev) === 'to' && ctx.word(prev - 1) === 'addition');
  if (!opensSentence && (prev < lo || !opener)) return null;
  // "Instead of calling himself ..., Trump": the opener's words from the sentence start.
  let k = lo;
  while (k < prev && (ctx.tag(k) === 'ADV' || ctx.tag(k) === 'ADP' || ctx.tag(k) === 'CCONJ' || ctx.word(k) === 'addition')) k++;
  if (opensSentence || k === prev) {
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
  // "Speaking in Florida, Trump insisted ...": an opening participle phrase is no part of the clause's own verbs.
  let i0 = lo;
  // "As word of her victories rolled in, he gave a speech, predicting ...": so is an opening subordinate clause.
  const opener = (ctx.tag(lo) === 'VERB' && /(ing|ed)$/.test(ctx.word(lo))) || SUBORDINATORS.has(ctx.word(lo));
  if (opener) {
    while (i0 < before && ctx.word(i0) !== ',') i0++;
    i0 = i0 < before ? i0 + 1 : lo;
  }
  for (let i = i0; i < before; i++) {
    // Verbs inside a quotation belong to the quoted speaker's clause ("“I think ...,” Graham said, adding ...").
    if (ctx.inQuote[i]! >= 0) continue;
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
/** Nouns for messages beyond the medium nouns of data/attribution/media-nouns.tsv. */
const MESSAGE_NOUNS = new Set(['response', 'reply', 'banner', 'banners', 'sign', 'signs', 'document', 'petition', 'resolution', 'text']);
const SUBORDINATORS = new Set(['as', 'when', 'while', 'after', 'before', 'although', 'though', 'because', 'since', 'if', 'once', 'until', 'whereas']);

/** The speaker left of a cue, with an apposition ("Jack Dorsey, Twitter's chief executive, said"). */
export function speakerLeft(ctx: AttributionContext, a: number, lo: number): TokenRange | null {
  // "voters who said": the relative pronoun stands for the speaker, as written.
  if ((ctx.word(a - 1) === 'who' || ctx.word(a - 1) === 'which') && a - 1 >= lo) return { first: a - 1, end: a };
  // ... and so does "that" after a noun ("polls that showed Trump ahead").
  if (ctx.word(a - 1) === 'that' && ctx.tag(a - 1) === 'PRON' && a - 2 >= lo && (ctx.tag(a - 2) === 'NOUN' || ctx.tag(a - 2) === 'PROPN')) return { first: a - 1, end: a };
  const np = ctx.npLeft(a, lo);
  if (np) return withRestrictiveRelative(ctx, np, a, lo) ?? coordinatedSubject(ctx, np, lo) ?? np;
  if (QUANTIFIER_SUBJECTS.has(ctx.word(a - 1)) && a - 1 >= lo) return { first: a - 1, end: a };
  // "Cook said ...": a capitalised name opening the clause that the tagger read as a verb or an adjective.
  const name = a - 1;
  // ... also right after a quotation ("“...,” Cross wrote").
  const opens = name === lo || ctx.tag(name - 1) === 'CCONJ' || ctx.word(name - 1) === ',' || (name >= lo && ctx.quoteEndingBefore(ctx.start(name)) !== null);
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
      let head = ctx.npLeft(i - 1, lo);
      // "Woodrow Benford, 58, who lives outside Minneapolis, says": an age or an apposition between the name and "who".
      for (let guard = 0; head && guard < 2 && ctx.word(head.first - 1) === ','; guard++) {
        const before = ctx.npLeft(head.first - 1, lo);
        if (!before || !startsClause(ctx, before.first, lo)) break;
        head = { first: before.first, end: head.end };
      }
      return head && startsClause(ctx, head.first, lo) ? { first: head.first, end: a - 1 } : null;
    }
  }
  // "Ted Cruz, when asked what is wrong with the plan, responded that ...": an adverbial clause set off by commas
  // between the subject and the cue.
  for (let i = a - 2; i > lo && a - i <= 30; i--) {
    if (ctx.word(i) !== ',') continue;
    if (!INTERRUPTING_SUBORDINATORS.has(ctx.word(i + 1))) break;
    const head = ctx.npLeft(i, lo);
    if (head && startsClause(ctx, head.first, lo) && ctx.inQuote[head.first]! < 0) return head;
    break;
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

// (Not "after", "before", "since": as prepositions they stand before dates, "since Jan. 1, 2015".)
/** "Mills and another aide asked": two noun phrases joined by "and" that open the clause are one subject. */
function coordinatedSubject(ctx: AttributionContext, np: TokenRange, lo: number): TokenRange | null {
  if (ctx.word(np.first - 1) !== 'and') return null;
  const first = ctx.npLeft(np.first - 1, lo);
  return first && startsClause(ctx, first.first, lo) ? { first: first.first, end: np.end } : null;
}

/** Words opening an adverbial clause that may interrupt a subject and its verb ("Cruz, when asked ..., said"). */
const INTERRUPTING_SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'if', 'though', 'although', 'as', 'because', 'once', 'since', 'unless']);
const CLAUSE_BREAKS = new Set(['—', '–', '--', ':', ';']);
const CLAUSE_SUBORDINATORS = new Set(['while', 'whereas', 'although', 'though', 'because', 'when', 'if', 'unless']);

/** A subject may open the sentence or follow a closing quotation ("'...,' Jeff Weaver, the manager, said"). */
function startsClause(ctx: AttributionContext, first: number, lo: number): boolean {
  if (first === lo || ctx.quoteEndingBefore(ctx.start(first)) !== null) return true;
  // "But Matt Morrison, the deputy director, said", "In a statement, the director, James Comey, said"
  const before = first - 1;
  // ("..., while Mike Huckabee, the former governor, proposed": a subordinator opens a clause too.)
  // ("… a one-off — Brendan Buck, a spokesman, told …": so does a dash, a colon or a semicolon.)
  return ctx.tag(before) === 'CCONJ' || ctx.tag(before) === 'SCONJ' || CLAUSE_SUBORDINATORS.has(ctx.word(before)) || CLAUSE_BREAKS.has(ctx.word(before)) || (ctx.tag(before) === 'ADV' && before === lo) || (ctx.word(before) === ',' && !hasVerbAfter(ctx, lo, before));
}

export { clauseSubject as clauseSubjectBefore };
