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
 *
 * This file holds the frame types and the builders (cueFrame, passiveFrame,
 * baseFrame) with what they decide about the frame as a whole: naming
 * participles, what may follow a pre frame, the medium. Where the content
 * starts and ends is in content-spans.ts; who the speaker is, in speakers.ts.
 */
import { mediumAt, skipAdjunct, stepOverAdjunct, whenPhraseAt, type Medium } from './adjuncts.js';
import { boundaryBefore, CLOSING_MARKS, contentFrom, hasVerbAfter, npContent, postContent, preContentStart, relativeContent, relativeObjectContent, span, untilCoordinatedCue, untilMainClause, type CharSpan, type PostContent } from './content-spans.js';
import type { AttributionContext, TokenRange } from './context.js';
import type { CueClass, CueFlags } from './lexicon.js';
import { clauseSubjectBefore as clauseSubject, infinitiveSubject, leftOfCue, participleSubject, speakerLeft } from './speakers.js';
import { closesApposition, wholeSubject } from './subjects.js';

export type FrameShape = 'post' | 'pre' | 'inverted' | 'according' | 'colon' | 'impersonal' | 'floating' | 'credit' | 'hedge';

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

const POST_PHRASE_FLAGS: CueFlags = { obj: false, bare: true, pre: true, inv: false, to: true, np: true };
const LIGHT_FLAGS: CueFlags = { obj: false, bare: false, pre: false, inv: false, to: true, np: false };
const LIGHT_OBJECT_PREPOSITIONS = new Set(['for', 'over', 'about', 'on', 'at', 'in']);
/** Content openers clear enough to trust a loosely found subject. */
const STRONG_MARKERS = new Set<PostContent['marker']>(['that', 'colon', 'quote', 'bare']);

interface Cue {
  first: number;
  end: number;
  lemma: string;
  cls: CueClass;
  flags: CueFlags;
}

const PARTICIPLE_PREPOSITIONS = new Set(['by', 'after', 'while', 'before', 'when', 'since']);
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
    // "the campaign called AP's report a ...": a possessive name opens the object, it is not the name given.
    if (ctx.word(k) === "'s") return false;
  }
  // A second object after the name makes it "called X a Y".
  const secondObject = k < hi && (['DET', 'ADJ', 'NOUN', 'PRON'].includes(ctx.tag(k)) || ctx.anyQuoteStartingAt(ctx.start(k)) !== null);
  return !secondObject;
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
  // "Blumenthal was asked, “If you had known …?”": the quotation after the passive cue is what was said.
  const after = ctx.word(cue.end) === ',' || ctx.word(cue.end) === ':' ? cue.end + 1 : cue.end;
  const quoted = after < hi ? ctx.quoteStartingAt(ctx.start(after)) : null;
  if (quoted && quoted.start === ctx.start(after)) {
    frame.parts.push({ start: quoted.start, end: quoted.end });
    return frame;
  }
  let end = cue.end;
  while (end < hi && ctx.word(end) !== 'by' && ctx.word(end) !== ',' && !/^[.!?;]+$/.test(ctx.word(end))) end++;
  if (ctx.word(end) === 'by') {
    const agent = ctx.npRight(end + 1, hi);
    // "by the councils on Monday": a time phrase is no part of the agent.
    if (agent) for (let k = agent.first + 1; k < agent.end; k++) if (skipAdjunct(ctx, k, hi) > k) agent.end = k;
    if (agent) frame.speaker = span(ctx, agent);
    // "Rubio was asked by host Gerard Baker whether ...", "... by host Bill Maher, “...”": the question after the agent.
    let q = agent ? agent.end : -1;
    if (q >= 0 && ctx.word(q) === ',') q++;
    const quote = q >= 0 && q < hi ? ctx.quoteStartingAt(ctx.start(q)) : null;
    if (quote && quote.start === ctx.start(q)) {
      frame.parts.push({ start: quote.start, end: quote.end });
      return frame;
    }
    if (q >= 0 && q < hi && ctx.word(q - 1) !== ',' && QUESTION_WORDS.has(ctx.word(q))) {
      frame.parts.push(contentFrom(ctx, si, ctx.start(q)));
      return frame;
    }
  }
  frame.parts.push({ start: ctx.start(subject.first), end: ctx.end(end - 1) });
  return frame;
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
    const step = stepOverAdjunct(ctx, p, hi, medium !== null);
    if (step) {
      p = step.next;
      medium ??= step.medium;
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
  // A closing quotation mark ends the frame too; an opening one starts more of the clause ("said X's donations ''call ...''").
  const closingMark = (ctx.word(p) === "'" || ctx.word(p) === '"') && ctx.anyQuoteStartingAt(ctx.start(p))?.start !== ctx.start(p);
  if (p >= hi || /^[.!?;,]+$/.test(ctx.word(p)) || closingMark) return { next: p, medium, addressee };
  // Circumstances after the frame ("said during a speech at the council in New York"): skip to the next comma.
  // So is a participle after the addressee ("told 2,267 people gathered in the arena").
  const reducedRelative = addressee !== null && p === addressee.end && (ctx.tag(p) === 'VERB' || ctx.word(p) === 'being') && /(ed|ing)$/.test(ctx.word(p));
  if (ctx.tag(p) === 'ADP' || anything || reducedRelative) {
    let q = p;
    while (q < hi && ctx.word(q) !== ',' && !/^[.!?;]+$/.test(ctx.word(q))) {
      const m = medium ? null : mediumAt(ctx, q, hi);
      if (m) medium = m.medium;
      if ((ctx.word(q) === 'that' && ctx.tag(q) === 'SCONJ') || ctx.word(q) === ':') return null;
      q++;
    }
    return { next: q, medium, addressee };
  }
  return null;
}

/** "(As X reported, CONTENT.)": content opened inside a parenthesis ends where it closes. */
function untilParenthesisCloses(ctx: AttributionContext, as: number, content: CharSpan): CharSpan {
  if (ctx.word(as - 1) !== '(') return content;
  const close = ctx.doc.norm.indexOf(')', content.start);
  if (close < 0 || close > content.end) return content;
  let end = close;
  while (end > content.start && /[\s.]/.test(ctx.doc.norm[end - 1]!)) end--;
  return { start: content.start, end };
}

/** Tokens lo..end hold a main clause: a verb, and no opening adverbial ("In 2012, X pleaded ..." has none). */
function opensWithClause(ctx: AttributionContext, lo: number, end: number): boolean {
  const opener = ctx.tag(lo) === 'ADP' || ctx.tag(lo) === 'SCONJ' || ctx.tag(lo) === 'ADV' || ctx.tag(lo) === 'CCONJ';
  return !opener && hasVerbAfter(ctx, lo, end);
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

function isReportVerb(ctx: AttributionContext, i: number, lo: number): boolean {
  return i > lo && ctx.lexicon.verbs.has(ctx.word(i)) && ctx.tag(i) === 'VERB';
}

/**
 * "..., said Kari Lund, the harbour chief," ending at the comma `comma`: the noun phrase after an inverted
 * reporting verb (one that follows a quotation or a comma), or null.
 */
function invertedFrameSpeaker(ctx: AttributionContext, lo: number, comma: number): TokenRange | null {
  for (let v = comma - 2; v > lo && v >= comma - 14; v--) {
    const verb = ctx.lexicon.verbs.get(ctx.word(v));
    if (!verb || ctx.tag(v) !== 'VERB') continue;
    if (!verb.flags.inv) return null;
    // After a quotation, or "..., said" ("Huma Abedin, an aide, emailed supporters, telling them" is not inverted).
    const opensInverted = ctx.quoteEndingBefore(ctx.start(v)) !== null || (ctx.word(v - 1) === ',' && verb.lemma === 'say');
    const np = opensInverted ? ctx.npRight(v + 1, comma) : null;
    // The phrase reaches the comma, or an apposition after it does ("Kari Lund, the harbour chief,").
    if (np && (np.end === comma || ctx.word(np.end) === ',')) return np;
    return null;
  }
  return null;
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
  const ingCue = !givenSpeaker && !left.auxiliary && ctx.word(cue.first).endsWith('ing');
  // "..., she said, referring to ...": a phrase cue opened by a participle hangs off the report frame before it
  // (only there: "Others, reacting to the delay, shouted" is not a statement about the delay).
  const invertedBefore = ingCue && ctx.word(left.first - 1) === ',' ? invertedFrameSpeaker(ctx, lo, left.first - 1) : null;
  const afterReport = ctx.word(left.first - 1) === ',' && (invertedBefore !== null || isReportVerb(ctx, left.first - 2, lo));
  // "by talking about ...", "After talking about security, Netanyahu ...": a phrase participle opened by a preposition.
  const adverbial = ctx.tag(cue.first) === 'VERB' && PARTICIPLE_PREPOSITIONS.has(ctx.word(left.first - 1));
  const participle = ingCue && (cue.end === cue.first + 1 || (ctx.tag(cue.first) === 'VERB' && (afterReport || adverbial)));
  // A sentence split inside the subject ("Sen. Bernie Sanders (I-Vt.) | said he ..."): the subject may start in the previous sentence.
  const subjectLo = splitSubjectStart(ctx, si);
  let speaker: TokenRange | null = givenSpeaker ?? (participle ? null : speakerLeft(ctx, left.first, lo));
  if (!speaker && !participle && left.first === lo && subjectLo < lo) speaker = speakerLeft(ctx, left.first, subjectLo);
  if (!speaker && !participle && !givenSpeaker) speaker = infinitiveSubject(ctx, left.first, lo);
  // "“...,” Jeb Bush, the former governor and a candidate, told CNN": a long subject right after a quotation.
  // Or one the noun-phrase walk cut short ("“...,” the senator and candidate told ABC").
  if (!participle && !givenSpeaker && (!speaker || ctx.quoteEndingBefore(ctx.start(speaker.first)) === null)) {
    const subject = wholeSubject(ctx, left.first, lo);
    if (subject && (!speaker || subject.first < speaker.first) && ctx.quoteEndingBefore(ctx.start(subject.first)) !== null) speaker = subject;
  }
  // "..., his top aide, Tad Devine, told the paper.": a speaker and its apposition after the content's comma.
  if (!speaker && !participle && !givenSpeaker && cue.flags.pre && ctx.word(left.first - 1) === ',') {
    const second = ctx.npLeft(left.first - 1, lo);
    const first = second && ctx.word(second.first - 1) === ',' ? ctx.npLeft(second.first - 1, lo) : null;
    if (first && first.first - 1 > lo && ctx.word(first.first - 1) === ',' && ctx.inQuote[first.first]! < 0) speaker = { first: first.first, end: left.first - 1 };
  }
  // "..., Federal Election Commission records compiled by the Center for Responsive Politics show.": a long subject
  // between the content's comma and a cue that ends the sentence.
  // (Also when the noun-phrase walk found only the end of it: "... the Center for Responsive Politics".)
  const cutShort = speaker !== null && boundaryBefore(ctx, speaker.first, lo) === null;
  if ((!speaker || cutShort) && !participle && !givenSpeaker && cue.flags.pre && (cue.end >= hi - 1 || /^[.!?]$/.test(ctx.word(cue.end)))) {
    let comma = left.first - 1;
    while (comma > lo && left.first - comma <= 16 && ctx.word(comma) !== ',') comma--;
    if (comma > lo && ctx.word(comma) === ',' && ctx.inQuote[comma + 1]! < 0) {
      const subject = looseSpeakerRight(ctx, comma + 1, left.first);
      if (subject && subject.end === left.first && ['NOUN', 'PROPN'].includes(ctx.tag(left.first - 1))) speaker = subject;
    }
  }
  // "flipped his choice on the spot – saying ...": a free-standing dash sets off a participle as a comma does.
  const dashBefore = ['—', '–', '--'].includes(ctx.word(left.first - 1)) && closesApposition(ctx, left.first - 1);
  // "... win this race,” adding that ...": a comma inside the closing quotation mark sets it off too.
  let markStart = left.first;
  while (markStart > left.first - 2 && CLOSING_MARKS.has(ctx.word(markStart - 1))) markStart--;
  const quotedCommaBefore = markStart < left.first && ctx.word(markStart - 1) === ',';
  if (participle && (ctx.word(left.first - 1) === ',' || dashBefore || quotedCommaBefore || left.first === lo)) {
    // "..., the operator said, adding that ...": the participle goes with the speaker of the cue before it.
    const previous = left.first - 2;
    if (ctx.word(left.first - 1) === ',' && isReportVerb(ctx, previous, lo)) {
      speaker = speakerLeft(ctx, leftOfCue(ctx, previous, lo).first, lo);
    }
    // "“...,” said Kari Lund, the harbour chief, adding that ...": the speaker after an inverted cue.
    speaker ??= invertedBefore;
    speaker ??= clauseSubject(ctx, lo, left.first);
    if (!speaker && subjectLo < lo) speaker = clauseSubject(ctx, subjectLo, left.first);
    // "Salceda, citing State Department data, said": an apposition right after the subject.
    if (!speaker && ctx.word(left.first - 1) === ',') speaker = ctx.npLeft(left.first - 1, lo);
    // "Promising that ..., Berg left": a participle opening the sentence; its subject follows the clause.
    if (!speaker && left.first === lo) speaker = participleSubject(ctx, si, left.first);
  } else if (participle) speaker = participleSubject(ctx, si, left.first);

  // "As the paper noted, CONTENT": a clause opened by "as" gives the speaker of the main clause after its comma.
  // "..., as The Times reported on Tuesday, and ...": one set off by commas after a clause gives that clause.
  const as = speaker && !participle && ctx.word(speaker.first - 1) === 'as' ? speaker.first - 1 : -1;
  if (as >= lo) {
    const opening = as === lo || ctx.tag(as - 1) === 'CCONJ' || ctx.word(as - 1) === '(' || (ctx.word(as - 1) === ',' && as - 2 === lo && ctx.tag(lo) === 'CCONJ');
    const after = afterFrame(ctx, si, cue.end, cue.flags.obj);
    const clauseBefore = !opening && ctx.word(as - 1) === ',' && opensWithClause(ctx, lo, as - 1);
    if (after && (opening || clauseBefore) && /^[,.;)]$/.test(ctx.word(after.next))) {
      const content = opening
        ? ctx.word(after.next) === ',' && after.next + 2 < hi && hasVerbAfter(ctx, after.next + 1, hi) ? untilParenthesisCloses(ctx, as, contentFrom(ctx, si, ctx.start(after.next + 1))) : null
        : { start: ctx.start(lo), end: ctx.start(as - 1) };
      if (content) {
        const frame = baseFrame(ctx, si, cue, 'post');
        frame.speaker = span(ctx, speaker!);
        frame.medium = after.medium;
        frame.addressee = after.addressee ? span(ctx, after.addressee) : null;
        frame.parts.push(content);
        return frame;
      }
    }
  }
  const post = postContent(ctx, si, cue.end, cue.flags, cue.lemma);
  // "CONTENT, SPEAKER said" or "'CONTENT,' SPEAKER said"
  // A quotation closing right before the speaker is what any speech cue said ("“...,” he urged them").
  const closing = speaker !== null && cue.cls === 'speech' ? ctx.quoteEndingBefore(ctx.start(speaker.first)) : null;
  const quoteBefore = closing !== null && closing.end > s.start && !/\n/.test(ctx.doc.text.slice(closing.end, ctx.start(speaker!.first)));
  // An infinitive ("things to say about his job") reports nothing that comes before it.
  const infinitive = ctx.word(left.first - 1) === 'to' && ctx.tag(left.first - 1) === 'PART';
  const boundary = speaker && !infinitive && (cue.flags.pre || quoteBefore) ? boundaryBefore(ctx, speaker.first, lo) : null;
  // "On the subject of Israel, Trump added, 'Sheldon knows ...'": the quotation after the cue is the content.
  // ("..., the operator said, adding that ...": the participle is a statement of its own, not this cue's content.)
  const strongPost = post !== null && post.consumed.length === 0 && (post.marker === 'quote' || post.marker === 'that' || post.marker === 'colon');
  // "“… experience.” He adds, “…”": a quotation that ends its sentence, followed by a capitalised speaker and a
  // quotation of its own after the cue, is someone else's (or an earlier) statement, not the first part of this one.
  const endedQuote =
    boundary !== null && boundary.quoteStart !== null && post?.marker === 'quote' && /[.!?]\P{L}*$/u.test(ctx.doc.text.slice(boundary.quoteStart, boundary.at)) && /^\p{Lu}/u.test(ctx.doc.text[ctx.start(speaker!.first)] ?? '');
  // "When Sanders took the stage ..., many wondered whether ...": an adverbial clause or phrase opening the sentence
  // is circumstance, not what the cue reports, when the cue has content of its own after it.
  // Nor is an opening phrase with no verb in it when the sentence ends with the cue ("On Thursday, Comey will testify.";
  // in "In his state, Christie said, offenders are ..." the statement goes on after the frame).
  // ("And, in a clip ...", "But Thursday night at the convention, ...": a conjunction, a comma and a time phrase may come first.)
  let opener = ctx.tag(lo) === 'CCONJ' ? lo + 1 : lo;
  if (opener > lo && ctx.word(opener) === ',') opener++;
  const endsWithCue = cue.end >= hi - 1 && !/[\p{L}\p{N}]/u.test(ctx.word(hi - 1));
  // A title in quotation marks inside the opening phrase ("At an event billed as “Hard Hats for Hillary,” Clinton unveiled ...")
  // does not make it a statement.
  // Nor does one that a verb inside it takes ("And, in a clip the judge called “distasteful,” Holm ...").
  const quoteInside =
    boundary !== null &&
    boundary.quoteStart !== null &&
    boundary.quoteStart > ctx.start(opener) &&
    (titleCased(ctx.doc.text.slice(boundary.quoteStart, boundary.at)) || isReportVerb(ctx, ctx.tokenFrom(boundary.quoteStart) - 1, opener));
  const adverbialBefore =
    boundary !== null && (boundary.quoteStart === null || quoteInside) && (ADVERBIAL_OPENERS.has(ctx.word(opener)) || whenPhraseAt(ctx, opener, hi)) && (post !== null || (endsWithCue && !hasVerbAfter(ctx, opener, speaker!.first)));
  if (boundary && speaker && !participle && !endedQuote && !adverbialBefore && !(strongPost && boundary.quoteStart === null)) {
    // After a quotation and its speaker, whatever follows the cue is circumstance ("told ITV in an interview aired Monday when asked ...").
    // So is whatever follows a cue that opens no content of its own ("..., Wilkin said during his speech to be a delegate").
    // ("“...,” the nominee told “Fox and Friends” after ...": a programme's title after the cue is no content either.)
    const titleAfter = boundary.quoteStart !== null && post?.marker === 'quote' && ctx.isTitleLike(ctx.anyQuoteStartingAt(post.contentStart));
    const after = afterFrame(ctx, si, cue.end, cue.flags.obj) ?? ((boundary.quoteStart !== null && (!post || post.marker === 'wh' || post.marker === 'np' || titleAfter)) || (!post && opensWithClause(ctx, lo, speaker.first - 1)) ? afterFrame(ctx, si, cue.end, cue.flags.obj, true) : null);
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
        // ("..., Sanders said, a policy that could ...": a noun phrase with a relative clause is an apposition to the content.)
        const restNp = ctx.tag(rest) === 'DET' ? ctx.npRight(rest, hi) : null;
        const apposition = restNp !== null && ['that', 'which', 'who'].includes(ctx.word(restNp.end));
        const clauseGoesOn =
          boundary.quoteStart === null &&
          !apposition &&
          (openerIsClause ? !participleAfter && !restQuote : hasVerbAfter(ctx, rest, Math.min(hi, rest + 12)));
        // ("..., records show, and aviation experts say ...": a coordinated clause with a cue of its own is a statement of its own.)
        const coordinated = ctx.tag(rest) === 'CCONJ' && !quoteGoesOn && reportsOwnStatement(ctx, rest + 1, hi);
        if ((quoteGoesOn || clauseGoesOn) && !coordinated && hi - rest >= 2) frame.parts.push(contentFrom(ctx, si, ctx.start(rest)));
      }
      return frame;
    }
  }
  // "Said Berg, “...”": a sentence opening with an inverted cue, its speaker, then the quotation.
  if (!speaker && cue.flags.inv && !participle && left.first === lo && cue.first === lo) {
    const np = ctx.npRight(cue.end, hi);
    // "Said Kari Holm, who grew up in Tromsø, “...”": a relative clause set off by commas may follow the name.
    let sepAt = np ? np.end : -1;
    if (np && ctx.word(sepAt) === ',' && (ctx.word(sepAt + 1) === 'who' || ctx.word(sepAt + 1) === 'which')) {
      let k = sepAt + 2;
      while (k < hi && ctx.word(k) !== ',' && k - sepAt <= 20) k++;
      if (ctx.word(k) === ',') sepAt = k;
    }
    const sep = np ? ctx.word(sepAt) : '';
    const quote = np && (sep === ',' || sep === ':') ? ctx.anyQuoteStartingAt(ctx.end(sepAt)) : null;
    if (np && quote) {
      const frame = baseFrame(ctx, si, cue, 'post');
      frame.speaker = span(ctx, np);
      frame.parts.push({ start: quote.start, end: quote.end });
      return frame;
    }
  }
  // "CONTENT, said SPEAKER" / "'CONTENT,' reports Reuters"
  // (Not when a that-clause or a colon follows the cue: "…, the hacker known as “Guccifer,” stated that he ...".)
  if (!speaker && cue.flags.inv && !participle && post?.marker !== 'that' && post?.marker !== 'colon') {
    const inverted = boundaryBefore(ctx, left.first, lo);
    // "..., said Tuesday." has no speaker after the verb; "..., said on Tuesday the minister" does.
    let np = inverted ? ctx.npRight(skipAdjunct(ctx, cue.end, hi), hi) : null;
    // "“...,” said a data expert who has worked for one of the rivals.": a relative clause closing the sentence is the speaker's.
    if (np && (ctx.word(np.end) === 'who' || ctx.word(np.end) === 'whose')) {
      let k = np.end + 1;
      while (k < hi && !/^[.!?;,]+$/.test(ctx.word(k)) && ctx.inQuote[k]! < 0) k++;
      if (k >= hi - 1) np = { first: np.first, end: k };
    }
    // "“...,” said the base chief known as Bob, speaking ...": right after a quotation, a speaker phrase the
    // noun-phrase walk cannot span (participles, "and", adjectives after the noun) runs to the next comma.
    if (inverted && inverted.quoteStart !== null && ctx.quoteEndingBefore(ctx.start(cue.first)) !== null && (!np || !afterFrame(ctx, si, np.end, false))) {
      np = looseSpeakerRight(ctx, skipAdjunct(ctx, cue.end, hi), hi) ?? np;
    }
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
  // A relative clause around the cue: "Florida, which he describes as his second home" gives the relative word and the
  // "as" phrase; "the vote, which she has said was a mistake, ..." gives the relative clause the cue sits in.
  if (speaker && !participle) {
    const relativeObject = cue.flags.np ? relativeObjectContent(ctx, si, speaker.first, cue.end, cue.lemma) : null;
    const relativeClause = !relativeObject && !post && cue.flags.bare ? relativeContent(ctx, si, speaker.first, cue.end) : null;
    const parts = relativeObject ?? (relativeClause ? [relativeClause] : null);
    if (parts) {
      const frame = baseFrame(ctx, si, cue, 'post');
      frame.speaker = span(ctx, speaker);
      frame.parts.push(...parts);
      return frame;
    }
  }
  // A subject the noun-phrase walk cannot span (long appositions, relative clauses), when the content is clearly opened.
  // Or when the subject visibly closes an apposition ("Sanders, a Democratic rival, assailed her for ...").
  // "Humphrey, who calls Trump a “sociopath,” said ...": the apposition's comma may sit inside a closing quotation mark.
  const subjectEnd = CLOSING_MARKS.has(ctx.word(left.first - 1)) && ctx.word(left.first - 2) === ',' ? left.first - 1 : left.first;
  const afterApposition = closesApposition(ctx, subjectEnd - 1);
  if (!speaker && !participle && post && (STRONG_MARKERS.has(post.marker) || afterApposition) && subjectEnd > lo) speaker = wholeSubject(ctx, subjectEnd, lo, subjectEnd < left.first);
  if (post && (speaker || participle)) {
    const frame = baseFrame(ctx, si, cue, 'post');
    if (participle && ctx.word(left.first - 1) === ',') frame.participleAfterComma = ctx.start(left.first - 1);
    else if (participle && quotedCommaBefore) frame.participleAfterComma = ctx.end(left.first - 1);
    frame.speaker = speaker ? span(ctx, speaker) : null;
    frame.medium = post.medium ?? (speaker ? (mediumOfRelative(ctx, speaker.first, lo) ?? openingMedium(ctx, lo, speaker.first)) : null);
    frame.addressee = post.addressee ? span(ctx, post.addressee) : null;
    const quote = post.marker === 'quote' ? ctx.anyQuoteStartingAt(post.contentStart) : null;
    // "said “it gets me mad” every time he thinks of ...": a quoted fragment the clause goes on after is part of a mixed content.
    const fragment = quote !== null && !/[.!?,;:]\P{L}*$/u.test(ctx.doc.text.slice(quote.start, quote.end)) && quoteGoesOnAfter(ctx, si, quote.end);
    if (quote && !fragment) frame.parts.push({ start: quote.start, end: quote.end });
    else {
      const content = untilMainClause(ctx, si, cue.first, post.contentFirst, post.marker === 'np' ? npContent(ctx, si, post.contentFirst) : untilCoordinatedCue(ctx, si, post.contentFirst, contentFrom(ctx, si, post.contentStart), participle, post.marker === 'to'));
      if (cue.flags.act && (post.marker === 'np' || post.marker === 'bare') && namesObjectAs(ctx, post.contentFirst, content.end)) return null;
      frame.parts.push(content);
    }
    for (const c of post.consumed) consumed.add(c);
    if (!speaker) return null;
    return frame;
  }
  return null;
}

/**
 * The words from `p` to the next comma or the sentence end as a speaker
 * phrase: at most 16 tokens outside quotation marks, holding a noun or a name,
 * with no finite verb except inside a relative clause ("who oversaw ...").
 */
function looseSpeakerRight(ctx: AttributionContext, p: number, hi: number): TokenRange | null {
  let end = p;
  let head = false;
  let relative = false;
  while (end < hi && !/^[,.!?;:]+$/.test(ctx.word(end)) && end - p < 16) {
    const tag = ctx.tag(end);
    const w = ctx.word(end);
    if (ctx.inQuote[end]! >= 0) return null;
    if (w === 'who' || w === 'which' || w === 'that') relative = true;
    const finite = tag === 'AUX' || (tag === 'VERB' && !/(ed|ing|wn)$/.test(w));
    if (finite && !relative) return null;
    if (tag === 'NOUN' || tag === 'PROPN') head = true;
    end++;
  }
  if (!head || end === p || end - p >= 16) return null;
  return { first: p, end };
}

/** Whether a clause starting at `first` has a subject and a listed cue verb of its own within its first words. */
function reportsOwnStatement(ctx: AttributionContext, first: number, hi: number): boolean {
  for (let i = first + 1; i < hi && i - first <= 6; i++) {
    if (ctx.tag(i) === 'VERB' && ctx.lexicon.verbs.has(ctx.word(i))) return ['NOUN', 'PROPN', 'PRON'].includes(ctx.tag(i - 1));
    if (ctx.tag(i) === 'VERB' || ctx.tag(i) === 'AUX' || ctx.word(i) === ',') return false;
  }
  return false;
}

/** Words opening an indirect question after a passive cue and its agent. */
const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'when', 'where', 'who', 'which']);

/** Words opening an adverbial clause or phrase before the main clause ("When ...", "On Friday morning, ..."). */
/** Does the sentence go on with words right after a quotation ending at `end` (not punctuation, not another quotation)? */
function quoteGoesOnAfter(ctx: AttributionContext, si: number, end: number): boolean {
  const k = ctx.tokenFrom(end);
  return k < ctx.sentences[si]!.endToken - 1 && /^[\p{L}\p{N}]/u.test(ctx.word(k)) && ctx.inQuote[k]! < 0;
}

/** A short quotation in title case ("“Hard Hats for Hillary,”"): a name, not speech. */
function titleCased(quote: string): boolean {
  const words = quote.split(/\s+/).map((w) => w.replace(/^\P{L}+|\P{L}+$/gu, '')).filter((w) => w.length > 0);
  return words.length > 0 && words.length <= 8 && words.every((w) => w.length <= 3 || /^\p{Lu}/u.test(w));
}

const ADVERBIAL_OPENERS = new Set(['when', 'as', 'after', 'before', 'while', 'since', 'once', 'until', 'on', 'during', 'despite', 'following', 'at', 'in', 'if', 'although', 'though', 'whereas', 'unless', 'because', 'with', 'by', 'for']);

/** "recognised [two “people’s republics”] as independent states": an object followed by "as" and its complement, outside quotation marks. */
function namesObjectAs(ctx: AttributionContext, first: number, end: number): boolean {
  let quoted = false;
  for (let i = first + 1; i < ctx.tokens.length && ctx.start(i) < end; i++) {
    const w = ctx.word(i);
    if (w === '"') quoted = !quoted;
    else if (w === 'as' && !quoted) return true;
  }
  return false;
}

export { LIGHT_FLAGS, LIGHT_OBJECT_PREPOSITIONS, POST_PHRASE_FLAGS, type Cue };
