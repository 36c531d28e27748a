/**
 * Finds the frames of each sentence, then settles how they relate: a frame
 * whose content holds another frame's cue becomes that frame's relay, and
 * content running into a later frame is cut at that frame's comma.
 */
import { POSSESSIVE, type AttributionContext } from './context.js';
import { accordingFrame, askedFrame, colonFrame, colonQuoteFrame, impersonalFrame, pollSourceAt } from './citation-frames.js';
import { baseFrame, cueFrame, LIGHT_FLAGS, LIGHT_OBJECT_PREPOSITIONS, POST_PHRASE_FLAGS, type Cue, type Frame } from './frames.js';
import { CLOSING_MARKS, contentFrom, hasVerbAfter } from './content-spans.js';
import { clauseSubjectBefore, QUANTIFIER_SUBJECTS } from './speakers.js';

const LIGHT_FILLERS = new Set(['DET', 'PRON', 'ADJ']);
const THAT_FLAGS = { obj: false, bare: false, pre: false, inv: false, to: false, np: false };

function lightCue(ctx: AttributionContext, i: number, hi: number): Cue | null {
  const lemma = ctx.lexicon.lightVerbs.get(ctx.word(i));
  if (!lemma || ctx.tag(i) !== 'VERB') return null;
  for (let n = i + 1; n < hi && n <= i + 4; n++) {
    if (ctx.lexicon.lightNouns.has(ctx.word(n)) && (ctx.tag(n) === 'NOUN' || ctx.tag(n) === 'VERB')) {
      return { first: i, end: n + 1, lemma: `${lemma} ${ctx.word(n)}`, cls: 'speech', flags: LIGHT_FLAGS };
    }
    if (!LIGHT_FILLERS.has(ctx.tag(n))) return null;
  }
  return null;
}

/** "expressed support for the plan": the object of the speech noun is the content. */
function lightObjectFrame(ctx: AttributionContext, si: number, cue: Cue, consumed: Set<number>): Frame | null {
  const hi = ctx.sentences[si]!.endToken;
  if (!LIGHT_OBJECT_PREPOSITIONS.has(ctx.word(cue.end)) || cue.end + 1 >= hi) return null;
  const frame = cueFrame(ctx, si, { ...cue, end: cue.end + 1, flags: { ...cue.flags, np: true } }, consumed);
  if (frame?.cue) frame.cue.end = ctx.end(cue.end - 1);
  return frame;
}

/**
 * The tagger often reads "reports" in "..., reports Reuters" or "Polls show"
 * as a noun; a cue form after a comma or a name, or before "that", is a verb.
 */
function isVerbUse(ctx: AttributionContext, i: number): boolean {
  const tag = ctx.tag(i);
  // "758 pledged delegates", "the stated goal": a participle before a noun is an adjective.
  const prevTag = ctx.tag(i - 1);
  if ((prevTag === 'DET' || prevTag === 'NUM' || prevTag === 'ADJ') && ctx.tag(i + 1) === 'NOUN' && ctx.word(i).endsWith('ed')) return false;
  // "Western states that ...", "the four states that ...": a plural "-s" form after a modifier is a noun, whatever its tag.
  if ((prevTag === 'DET' || prevTag === 'NUM' || prevTag === 'ADJ') && /[^s]s$/.test(ctx.word(i)) && ctx.word(i + 1) === 'that') return false;
  if (tag === 'VERB') return true;
  // "..., promising to build a wall", "“...,” promising that ...": an "-ing" cue form after a comma is a participle, whatever its tag.
  if (tag === 'ADJ' && ctx.word(i).endsWith('ing') && (ctx.word(i - 1) === ',' || (CLOSING_MARKS.has(ctx.word(i - 1)) && ctx.word(i - 2) === ','))) return true;
  // "United States", "Post" in a name: a capitalised noun is not a verb.
  if (tag !== 'NOUN' || /^\p{Lu}/u.test(ctx.doc.text[ctx.start(i)] ?? '')) return false;
  const prev = ctx.word(i - 1);
  // "Many say ...", "But most believe ...": a quantifier standing for people, then the verb.
  const opensClause = ctx.sentenceOf[i - 2] !== ctx.sentenceOf[i - 1] || ['CCONJ', 'PUNCT'].includes(ctx.tag(i - 2));
  if (QUANTIFIER_SUBJECTS.has(prev) && opensClause && OBJECT_OPENERS.has(ctx.tag(i + 1))) return true;
  // "One in five say ...", "nine out of 10 say ...": a share of people, then the verb.
  const share = ((ctx.word(i - 2) === 'in' || ctx.word(i - 2) === 'of') && ctx.tag(i - 3) === 'NUM') || (ctx.word(i - 2) === 'of' && ctx.word(i - 3) === 'out' && ctx.tag(i - 4) === 'NUM');
  if (prevTag === 'NUM' && share) return OBJECT_OPENERS.has(ctx.tag(i + 1)) || ctx.word(i + 1) === 'that';
  // "majorities in all five say they ...", "56 percent say that ...": a count of people, then the verb and its clause.
  if ((prevTag === 'NUM' || prev === 'percent') && (ctx.tag(i + 1) === 'PRON' || ctx.word(i + 1) === 'that') && !POSSESSIVE.has(ctx.word(i + 1))) return true;
  // "Western states that ...", "their states": a noun after a modifier stays a noun.
  if (prevTag === 'ADJ' || prevTag === 'DET' || prevTag === 'NUM' || POSSESSIVE.has(prev)) return false;
  // "..., records show." / "polls show that": a plural noun subject right before a cue form that closes the clause.
  if (prevTag === 'NOUN' && prev.endsWith('s') && (ctx.word(i + 1) === ',' || ctx.word(i + 1) === '.')) return true;
  // "Many activists dislike the idea", "most voters say he ...": a plural subject, then a clause or an object.
  if (prevTag === 'NOUN' && prev.endsWith('s') && !ctx.word(i).endsWith('s') && OBJECT_OPENERS.has(ctx.tag(i + 1))) return true;
  // "The ad claims “...”": a quotation right after a cue form that follows its subject.
  const quoteAfter = ctx.quoteStartingAt(ctx.end(i)) !== null && ctx.tag(i - 1) === 'NOUN';
  return prev === ',' || ctx.word(i + 1) === 'that' || ctx.tag(i - 1) === 'PROPN' || ctx.tag(i - 1) === 'PRON' || ctx.quoteEndingBefore(ctx.start(i)) !== null || quoteAfter;
}

const OBJECT_OPENERS = new Set(['DET', 'PRON', 'PROPN', 'ADJ', 'NUM', 'SCONJ']);

/** Nouns that carry a statement or belief in a that-clause ("Clinton's claim that ..."). */
const SPEECH_NOUNS = new Set(['claim', 'claims', 'assertion', 'statement', 'suggestion', 'argument', 'insistence', 'announcement', 'belief', 'view', 'promise', 'pledge', 'warning', 'allegation', 'accusation', 'contention', 'prediction', 'hope', 'fear', 'concern', 'admission', 'declaration', 'assurance', 'insinuation', 'charge', 'remark', 'comment', 'position', 'complaint', 'denial', 'boast', 'vow', 'threat', 'proposal', 'demand', 'idea', 'theory', 'notion']);

const ADJECTIVES: ReadonlySet<string> = new Set(['ADJ']);
const ADJECTIVES_AND_ADVERBS: ReadonlySet<string> = new Set(['ADJ', 'ADV']);

/** The possessor of the noun at i ("his", "Clinton's"), past modifiers with the given tags, or null. */
function possessorBefore(ctx: AttributionContext, si: number, i: number, skip: ReadonlySet<string>): { first: number; end: number } | null {
  const s = ctx.sentences[si]!;
  let j = i - 1;
  while (j >= s.firstToken && skip.has(ctx.tag(j))) j--;
  if (POSSESSIVE.has(ctx.word(j))) return { first: j, end: j + 1 };
  if (ctx.word(j) === "'s" || ctx.word(j) === "'") {
    const np = ctx.npLeft(j, s.firstToken);
    if (np) return { first: np.first, end: j };
  }
  return null;
}

/**
 * "Sanders has toned down his criticism of Clinton": a possessive pronoun in
 * the object of the clause's verb stands for the clause's subject; when that
 * subject is a name, the name is the speaker as written.
 */
function namedPossessor(ctx: AttributionContext, si: number, possessor: { first: number; end: number } | null): { first: number; end: number } | null {
  if (!possessor || possessor.end - possessor.first !== 1 || !POSSESSIVE.has(ctx.word(possessor.first))) return possessor;
  const lo = ctx.sentences[si]!.firstToken;
  let v = possessor.first - 1;
  while (v > lo && (ctx.tag(v) === 'ADV' || ctx.tag(v) === 'ADP' || ctx.tag(v) === 'PART')) v--;
  if (ctx.tag(v) !== 'VERB') return possessor;
  const subject = clauseSubjectBefore(ctx, lo, v + 1);
  return subject && ctx.tag(subject.end - 1) === 'PROPN' ? subject : possessor;
}

/** "Clinton's claim that X", "his insistence that X": the possessor is the speaker. */
function nounFrame(ctx: AttributionContext, si: number, i: number): Frame | null {
  const s = ctx.sentences[si]!;
  const speaker = namedPossessor(ctx, si, possessorBefore(ctx, si, i, ADJECTIVES));
  if (!speaker || i + 2 >= s.endToken) return null;
  const frame = cueFrame(ctx, si, { first: i, end: i + 1, lemma: ctx.word(i), cls: 'speech', flags: THAT_FLAGS }, new Set(), speaker);
  return frame;
}

/** Nouns for acts of saying or stance whose object is what was said ("Trump's criticism of the deal"). */
const NOMINAL_CUES = new Set(['criticism', 'endorsement', 'support', 'opposition', 'call', 'calls', 'comments', 'remarks', 'decision', 'proposal', 'pledge', 'promise', 'attack', 'attacks', 'praise', 'concerns', 'concern', 'warning', 'threat', 'demand', 'defense', 'defence', 'denial', 'rejection', 'embrace', 'description', 'characterization', 'condemnation', 'plan', 'vow', 'push', 'refusal', 'insistence', 'statement', 'comment']);
const NOUN_OBJECT_PREPOSITIONS = new Set(['of', 'for', 'about', 'on', 'over', 'against', 'to']);

const QUESTION_LINKS = new Set(['about', 'of', 'over', 'is', 'was', 'remains', ':']);
const QUESTION_WORDS_AFTER = new Set(['whether', 'how', 'why', 'what', 'who', 'when', 'where', 'if']);

/**
 * "new questions about whether the foundation rewarded donors", "the question
 * is whether ...", "a pressing question: how ...": a question asked by no one
 * in particular. The content is the indirect question; there is no speaker.
 */
function questionFrame(ctx: AttributionContext, si: number, i: number): Frame | null {
  const hi = ctx.sentences[si]!.endToken;
  const link = i + 1;
  const wh = link + 1;
  if (wh >= hi || !QUESTION_LINKS.has(ctx.word(link)) || !QUESTION_WORDS_AFTER.has(ctx.word(wh))) return null;
  const frame = baseFrame(ctx, si, { first: i, end: i + 1, lemma: 'question', cls: 'speech', flags: POST_PHRASE_FLAGS }, 'impersonal');
  frame.parts.push(contentFrom(ctx, si, ctx.start(wh)));
  return frame;
}

/** "Clinton's criticism of the deal", "his call for a ban", "Trump's refusal to release": the possessor says it. */
function nounObjectFrame(ctx: AttributionContext, si: number, i: number): Frame | null {
  const s = ctx.sentences[si]!;
  const speaker = namedPossessor(ctx, si, possessorBefore(ctx, si, i, ADJECTIVES_AND_ADVERBS));
  if (!speaker || i + 2 >= s.endToken) return null;
  const prep = ctx.word(i + 1);
  if (prep === 'to' && ctx.tag(i + 2) !== 'VERB' && ctx.tag(i + 2) !== 'AUX') return null;
  const flags = { obj: false, bare: false, pre: false, inv: false, to: true, np: true };
  // The cue covers the noun and its preposition; the content is the object.
  const frame = cueFrame(ctx, si, { first: i, end: prep === 'to' ? i + 1 : i + 2, lemma: ctx.word(i), cls: 'speech', flags }, new Set(), speaker);
  if (frame?.cue) frame.cue.end = ctx.end(i);
  // The phrase is a subject or object in its sentence: its content stops where the sentence's own verb starts.
  const part = frame?.parts[0];
  if (part) {
    for (let k = i + 3; k < s.endToken && ctx.start(k) < part.end; k++) {
      const afterNoun = ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(ctx.tag(k - 1));
      if (afterNoun && (ctx.tag(k) === 'AUX' || (ctx.tag(k) === 'VERB' && !ctx.word(k).endsWith('ing')))) {
        part.end = ctx.end(k - 1);
        break;
      }
    }
  }
  return frame;
}

function framesInSentence(ctx: AttributionContext, si: number): Frame[] {
  const s = ctx.sentences[si]!;
  const lex = ctx.lexicon;
  const frames: Frame[] = [];
  const consumed = new Set<number>();
  const colon = colonFrame(ctx, si);
  if (colon) frames.push(colon);
  for (let i = s.firstToken; i < s.endToken; i++) {
    if (ctx.inQuote[i]! >= 0 || consumed.has(i)) continue;
    const asked = askedFrame(ctx, si, i);
    if (asked) {
      frames.push(asked);
      continue;
    }
    if (ctx.word(i) === 'in' && (i === s.firstToken || ctx.tag(i - 1) === 'CCONJ') && pollSourceAt(ctx, i + 1, s.endToken)) {
      const frame = accordingFrame(ctx, si, i, i + 1, consumed, 'in');
      if (frame) {
        frames.push(frame);
        continue;
      }
    }
    const phrase = lex.phrases.matchAt(ctx.words, i, s.endToken);
    if (phrase) {
      const { lemma, cls, frame: shape } = phrase.value;
      // "talked about the market and made comments ...": a phrase ending in a preposition takes a noun phrase, not a bare clause.
      const prepositional = ctx.tag(phrase.end - 1) === 'ADP' && ctx.word(phrase.end - 1) !== 'out';
      const cue: Cue = { first: phrase.first, end: phrase.end, lemma, cls, flags: prepositional ? PREPOSITIONAL_PHRASE_FLAGS : POST_PHRASE_FLAGS };
      const frame =
        shape === 'according'
          ? accordingFrame(ctx, si, phrase.first, phrase.end, consumed)
          : shape === 'impersonal'
            ? impersonalFrame(ctx, si, cue)
            : cueFrame(ctx, si, cue, consumed);
      if (frame) {
        frames.push(frame);
        i = phrase.end - 1;
        continue;
      }
    }
    const light = lightCue(ctx, i, s.endToken);
    if (light) {
      const frame = cueFrame(ctx, si, light, consumed) ?? lightObjectFrame(ctx, si, light, consumed);
      if (frame) {
        frames.push(frame);
        i = light.end - 1;
        continue;
      }
    }
    if (NOUN_OBJECT_PREPOSITIONS.has(ctx.word(i + 1)) && NOMINAL_CUES.has(ctx.word(i)) && ctx.tag(i) === 'NOUN') {
      const frame = nounObjectFrame(ctx, si, i);
      if (frame) {
        frames.push(frame);
        continue;
      }
    }
    if ((ctx.word(i) === 'question' || ctx.word(i) === 'questions') && ctx.tag(i) === 'NOUN') {
      const frame = questionFrame(ctx, si, i);
      if (frame) {
        frames.push(frame);
        continue;
      }
    }
    if (ctx.word(i + 1) === 'that' && SPEECH_NOUNS.has(ctx.word(i)) && ctx.tag(i) === 'NOUN') {
      const frame = nounFrame(ctx, si, i);
      if (frame) {
        frames.push(frame);
        continue;
      }
    }
    const verb = lex.verbs.get(ctx.word(i));
    // "The candidate plans to be back", "senators claim to object": a cue form read as a noun, after its subject, before an infinitive.
    const beforeInfinitive = verb !== undefined && verb.flags.to && ctx.tag(i) === 'NOUN' && ctx.word(i + 1) === 'to' && (ctx.tag(i + 2) === 'VERB' || ctx.tag(i + 2) === 'AUX') && (ctx.tag(i - 1) === 'NOUN' || ctx.tag(i - 1) === 'PROPN');
    if (verb && (isVerbUse(ctx, i) || beforeInfinitive)) {
      const frame = cueFrame(ctx, si, { first: i, end: i + 1, lemma: verb.lemma, cls: verb.cls, flags: verb.flags }, consumed);
      if (frame) frames.push(frame);
    } else if (ctx.tag(i) === 'VERB' && afterQuotedStatement(ctx, si, i)) {
      // "“...,” Oliver barked.": any verb closing a quotation's frame is a speech verb.
      const frame = cueFrame(ctx, si, { first: i, end: i + 1, lemma: ctx.word(i), cls: 'speech', flags: QUOTE_FRAME_FLAGS }, consumed);
      if (frame) frames.push(frame);
    } else if (ctx.tag(i) === 'VERB' && ctx.word(i + 1) === 'whether') {
      // Any verb with a subject and a whether-clause asks or weighs a question ("wondered whether", "determine whether").
      const frame = cueFrame(ctx, si, { first: i, end: i + 1, lemma: ctx.word(i), cls: 'speech', flags: THAT_FLAGS }, consumed);
      if (frame) frames.push(frame);
    } else if (ctx.tag(i) === 'VERB' && ctx.word(i + 1) === 'that' && ctx.tag(i + 1) === 'SCONJ') {
      // Any verb with a subject and a that-clause reports a statement or a belief ("observed that", "recognised that").
      const frame = cueFrame(ctx, si, { first: i, end: i + 1, lemma: ctx.word(i), cls: 'speech', flags: THAT_FLAGS }, consumed);
      if (frame) frames.push(frame);
    }
  }
  const introduced = colonQuoteFrame(ctx, si, frames);
  if (introduced) frames.push(introduced);
  splitSequences(ctx, si, frames);
  return settle(ctx, frames);
}

const QUOTE_FRAME_FLAGS = { obj: false, bare: false, pre: true, inv: true, to: false, np: false };

/**
 * "“...,” Oliver barked." / "“...,” barked Oliver.": a past-tense verb right
 * after a quotation and a one- to four-word name, or right after the
 * quotation with the name after it, that ends the sentence or a clause.
 */
function afterQuotedStatement(ctx: AttributionContext, si: number, i: number): boolean {
  const s = ctx.sentences[si]!;
  const w = ctx.word(i);
  if (!w.endsWith('ed') || /^\p{Lu}/u.test(ctx.doc.text[ctx.start(i)] ?? '')) return false;
  const ends = (k: number): boolean => k >= s.endToken - 1 || /^[.,;!?]$/.test(ctx.word(k));
  // "“...,” Oliver barked." — the name between the quotation and the verb.
  let n = i - 1;
  while (n >= s.firstToken && i - n <= 4 && ctx.tag(n) === 'PROPN') n--;
  if (n < i - 1 && ctx.quoteEndingBefore(ctx.start(n + 1)) !== null && ends(i + 1)) return true;
  // "“...,” barked Oliver." — the name after the verb.
  if (ctx.quoteEndingBefore(ctx.start(i)) !== null && ctx.tag(i + 1) === 'PROPN') {
    let k = i + 1;
    while (k < s.endToken && ctx.tag(k) === 'PROPN') k++;
    if (ends(k)) return true;
  }
  // "he barked" — a pronoun.
  if (ctx.tag(i - 1) === 'PRON' && ['he', 'she', 'they', 'i', 'we'].includes(ctx.word(i - 1)) && ctx.quoteEndingBefore(ctx.start(i - 1)) !== null && ends(i + 1)) return true;
  return false;
}

const PREPOSITIONAL_PHRASE_FLAGS = { ...POST_PHRASE_FLAGS, bare: false };

const CONTRASTS = new Set(['and', 'but', 'while', 'whereas']);

/**
 * "7 percent said they are undecided, while 27 percent said they could
 * change their minds": a second speaker and cue after a comma or
 * "while"/"but"/"and" start a statement of their own; the first content
 * stops there. ("X said that Y told Z ..." has neither and stays nested.)
 */
function splitSequences(ctx: AttributionContext, si: number, frames: Frame[]): void {
  const s = ctx.sentences[si]!;
  for (const b of frames) {
    if (b.shape !== 'post' || b.speaker === null || b.cue === null) continue;
    let k = s.firstToken;
    while (k < s.endToken && ctx.start(k) < b.speaker.start) k++;
    if (k <= s.firstToken || k >= s.endToken) continue;
    if (CONTRASTS.has(ctx.word(k - 1)) && ctx.word(k - 2) === ',') k--;
    else if ((ctx.word(k - 1) === 'while' || ctx.word(k - 1) === 'whereas') && ctx.word(k - 2) !== ',') k--;
    const sep = ctx.word(k - 1) === ',' || ctx.word(k - 1) === ';' ? k - 1 : CONTRASTS.has(ctx.word(k)) ? k : CONTRASTS.has(ctx.word(k - 1)) ? k - 1 : -1;
    if (sep < 0) continue;
    const cut = ctx.start(sep);
    for (const a of frames) {
      // A turn after "NAME:" is the name's whole paragraph, whatever the speaker says of others in it.
      if (a === b || a.cue === null || a.cue.start >= cut || a.shape === 'colon') continue;
      const last = a.parts[a.parts.length - 1]!;
      // ("According to the summary, Mills and another aide asked ...": "and" with no verb before it in the content joins
      // two subjects; it starts no statement of its own.)
      if (ctx.word(sep) === 'and' && !hasVerbAfter(ctx, ctx.tokenFrom(last.start), sep)) continue;
      if (last.start < cut && b.cue.end <= last.end) last.end = cut;
    }
  }
}

function contentStart(f: Frame): number {
  return f.parts[0]!.start;
}

/** A cue that reports words (its content may be a clause or come first: "said", "wrote"), not a stance ("discussed", "backed"). */
function utterance(ctx: AttributionContext, f: Frame): boolean {
  if (f.shape !== 'post' && f.shape !== 'pre' && f.shape !== 'inverted') return true;
  // Phrase and light-verb cues ("was quoted as saying", "expressed interest") report words.
  if (f.lemma.includes(' ')) return true;
  // "Polling shows that ..., said Sylke Tempel", "Trump's remarks about X were racist, Ryan said": what a poll or a
  // document shows, and a statement named by a noun, are the outer speaker's content.
  if (f.cls === 'report') return false;
  if (ctx.tag(f.cueToken) === 'NOUN') return false;
  const verb = ctx.lexicon.verbs.get(ctx.word(f.cueToken));
  return verb === undefined || verb.flags.bare || verb.flags.pre || verb.flags.inv;
}

/** Relays and clipping among the frames of one sentence. */
function settle(ctx: AttributionContext, frames: Frame[]): Frame[] {
  for (const f of frames) {
    if (f.boundary === null || f.cue === null) continue;
    // A frame after its content whose content holds another cue relays that cue's frame.
    // Or whose quoted content sits inside another frame's content ("X told Y that Z 'quote,' the network said").
    const inner =
      frames
        .filter((g) => g !== f && g.cue !== null && g.cue.start >= contentStart(f) && g.cue.end <= f.boundary!)
        .sort((a, b) => b.cue!.start - a.cue!.start)[0] ??
      frames.find((g) => g !== f && g.cue !== null && g.cue.end <= contentStart(f) && g.parts.some((p) => p.start < contentStart(f) && f.boundary! <= p.end));
    // "Voters view him favorably, according to the poll", "X discussed how ..., the Times reported": a belief,
    // an intention or a stance the source reports is the source's content, not a statement it relays.
    const reportsBelief = inner !== undefined && (inner.cls === 'belief' || inner.cls === 'intention' || !utterance(ctx, inner));
    if (inner && !reportsBelief) {
      f.relayOnly = true;
      inner.relays.push(f);
    }
    // Content of earlier frames stops where this frame begins.
    for (const g of frames) {
      if (g === f) continue;
      for (const part of g.parts) {
        if (part.start < f.boundary && f.boundary < part.end && g.cue !== null && g.cue.start < f.boundary) part.end = f.boundary;
      }
    }
  }
  // "criticized the plan, calling it 'disqualifying'": a participle frame after a comma ends the content before it.
  for (const f of frames) {
    if (f.cue === null || !f.participleAfterComma) continue;
    for (const g of frames) {
      if (g === f) continue;
      for (const part of g.parts) {
        if (part.start < f.participleAfterComma && f.participleAfterComma < part.end) part.end = f.participleAfterComma;
      }
    }
  }
  // A relay of a relay relays the inner frame too ("X said, Y reported, Z reports").
  for (const f of frames) {
    if (!f.relayOnly) {
      const queue = [...f.relays];
      const all: Frame[] = [];
      while (queue.length > 0) {
        const r = queue.shift()!;
        all.push(r);
        queue.push(...r.relays);
      }
      f.relays = all;
    }
  }
  // Two cues giving the same content and speaker ("According to KCNA ... said,"): keep the first.
  const kept: Frame[] = [];
  for (const f of frames) {
    const dup = kept.find((k) => k.parts[0]!.start === f.parts[0]!.start && k.parts[0]!.end === f.parts[0]!.end);
    if (!dup) kept.push(f);
  }
  return kept;
}

export function scanFrames(ctx: AttributionContext): Frame[] {
  const frames: Frame[] = [];
  for (let si = 0; si < ctx.sentences.length; si++) {
    if (ctx.sentences[si]!.section === 'related') continue;
    frames.push(...framesInSentence(ctx, si));
  }
  return frames;
}
