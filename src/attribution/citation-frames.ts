/**
 * Frames that are not built around a reporting verb: source citations
 * ("According to KCNA, ..."), a name and a colon (headlines, transcripts,
 * "Rep. Gowdy: \"...\""), impersonal reports ("it was reported that") and
 * the question put to someone ("Asked whether ..., the mayor said").
 */
import type { AttributionContext, TokenRange } from './context.js';
import { CLOSING_MARKS, contentFrom, span } from './content-spans.js';
import { baseFrame, LIGHT_FLAGS, POST_PHRASE_FLAGS, type Cue, type Frame } from './frames.js';
import { clauseSubjectBefore } from './speakers.js';
import { closesApposition } from './subjects.js';

/** "According to SPEAKER, CONTENT" and "CONTENT, according to SPEAKER". */
export function accordingFrame(ctx: AttributionContext, si: number, first: number, end: number, consumed: Set<number>, lemma = 'according to'): Frame | null {
  const s = ctx.sentences[si]!;
  const lo = s.firstToken;
  const hi = s.endToken;
  let np = ctx.npRight(end, hi) ?? looseSource(ctx, end, hi);
  if (!np) return null;
  // The source may carry its own modifiers ("according to exit polls conducted for the AP by Edison Research"):
  // it runs to the next comma, or to the sentence end when the citation closes the sentence.
  let stop = np.end;
  while (stop < hi && ctx.word(stop) !== ',' && !/^[.!?;]+$/.test(ctx.word(stop)) && stop - end < 25) stop++;
  const opensSentence = first === lo || ctx.tag(first - 1) === 'CCONJ' || ctx.tag(first - 1) === 'ADV';
  // ... but not over a stray reporting verb ("According to KCNA news agency said, ...").
  if (ctx.lexicon.verbs.has(ctx.word(stop - 1)) && ctx.tag(stop - 1) === 'VERB') stop--;
  if (stop > np.end && (ctx.word(stop) === ',' || ctx.lexicon.verbs.has(ctx.word(stop)) ? opensSentence : stop >= hi - 1)) np = { first: np.first, end: stop };
  let p = np.end;
  // "According to KCNA news agency said, ...": a stray reporting verb after the source.
  if (ctx.lexicon.verbs.has(ctx.word(p)) && ctx.word(p + 1) === ',') consumed.add(p++);
  const frame = baseFrame(ctx, si, { first, end, lemma, cls: 'source', flags: POST_PHRASE_FLAGS }, 'according');
  frame.speaker = span(ctx, np);
  let opening = first;
  while (opening > lo && (ctx.tag(opening - 1) === 'CCONJ' || ctx.tag(opening - 1) === 'ADV' || ctx.word(opening - 1) === ',')) opening--;
  if (opening === lo) {
    if (ctx.word(p) !== ',' || p + 1 >= hi) return null;
    // "According to the poll, conducted in May, ...", "In the polls, however, ...": a participle phrase or an adverb set off by commas.
    for (;;) {
      let next = -1;
      if (ctx.tag(p + 1) === 'ADV' && ctx.word(p + 2) === ',') next = p + 2;
      else if (ctx.tag(p + 1) === 'VERB' && ctx.word(p + 1).endsWith('ed')) {
        next = p + 2;
        while (next < hi && next - p <= 12 && ctx.word(next) !== ',') next++;
      }
      if (next < 0 || ctx.word(next) !== ',' || next + 1 >= hi) break;
      p = next;
    }
    frame.parts.push(contentFrom(ctx, si, ctx.start(p + 1)));
    return frame;
  }
  const comma = ctx.word(first - 1) === ',';
  const boundary = comma ? ctx.start(first - 1) : ctx.start(first);
  const quote = ctx.quoteEndingBefore(boundary);
  frame.boundary = boundary;
  const continues = ctx.word(p) === ',' && hi - (p + 1) >= 3;
  // "With most votes counted, according to the AP, Clinton led": an opening phrase with no verb is not part of the claim.
  let openingIsClause = quote !== null;
  for (let i = lo; i < first - 1 && !openingIsClause; i++) openingIsClause = ctx.tag(i) === 'AUX' || (ctx.tag(i) === 'VERB' && !ctx.word(i).endsWith('ing'));
  if (openingIsClause || !continues) frame.parts.push(quote ? { start: quote.start, end: quote.end } : { start: ctx.start(lo), end: boundary });
  if (continues) frame.parts.push(contentFrom(ctx, si, ctx.start(p + 1)));
  return frame;
}

const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);
const POLL_NAME_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT']);

/**
 * "In a CBS News poll released Monday, CONTENT": a poll or survey cited with
 * "in" is a source like "according to". True when a noun phrase headed by a
 * poll noun follows token `at` and runs, past participial or time modifiers,
 * to a comma or the sentence end. (The scan only asks at the head of a
 * sentence: "rose in the polls" and "leads in national polls" are mostly not
 * citations in PolNeAR; 27% of such predictions matched on train.)
 */
export function pollSourceAt(ctx: AttributionContext, at: number, hi: number): boolean {
  let head = -1;
  for (let i = at; i < hi && i - at <= 10; i++) {
    const w = ctx.word(i);
    if (w === ',' || /^[.!?;]+$/.test(w)) break;
    if (!POLL_NAME_TAGS.has(ctx.tag(i)) && w !== "'s") break;
    if (ctx.tag(i) === 'PUNCT' && w !== '/' && w !== '-') break;
    if (POLL_NOUNS.has(w) && ctx.tag(i) === 'NOUN' && ctx.tag(i + 1) !== 'NOUN') {
      head = i;
      break;
    }
  }
  if (head < 0) return false;
  for (let i = head + 1; i < hi; i++) {
    const w = ctx.word(i);
    if (w === ',' || /^[.!?;]+$/.test(w)) return true;
    if (ctx.tag(i) === 'AUX' || (ctx.tag(i) === 'VERB' && !w.endsWith('ed')) || ctx.inQuote[i]! >= 0) return false;
  }
  return true;
}

/**
 * "according to exit polls", "according to recent polling": sources the tagger
 * reads with a verb in them. The words up to the next comma or the sentence
 * end, when they are few and hold a noun or a gerund.
 */
function looseSource(ctx: AttributionContext, first: number, hi: number): TokenRange | null {
  let stop = first;
  let nominal = false;
  while (stop < hi && ctx.word(stop) !== ',' && !/^[.!?;:]+$/.test(ctx.word(stop))) {
    if (stop - first >= 12 || ctx.word(stop) === 'that' || ctx.inQuote[stop]! >= 0) return null;
    const tag = ctx.tag(stop);
    nominal ||= tag === 'NOUN' || tag === 'PROPN' || tag === 'PRON' || (tag === 'VERB' && ctx.word(stop).endsWith('ing'));
    stop++;
  }
  return nominal && stop > first ? { first, end: stop } : null;
}

/** "it was reported that CONTENT": a report with no speaker. */
export function impersonalFrame(ctx: AttributionContext, si: number, cue: Cue): Frame | null {
  const hi = ctx.sentences[si]!.endToken;
  if (ctx.word(cue.end) !== 'that' || cue.end + 1 >= hi) return null;
  const frame = baseFrame(ctx, si, cue, 'impersonal');
  frame.parts.push(contentFrom(ctx, si, ctx.start(cue.end)));
  return frame;
}

/** "Rep. Trey Gowdy: "..."" — a name, a colon, a quotation. */
export function colonFrame(ctx: AttributionContext, si: number): Frame | null {
  const s = ctx.sentences[si]!;
  // A transcript quoted turn by turn ('"PENCE: Well, ...'): the name after the opening mark.
  const opener = /^["'“‘]+$/.test(ctx.word(s.firstToken)) ? 1 : 0;
  const np = ctx.npRight(s.firstToken + opener, s.endToken);
  if (!np || ctx.word(np.end) !== ':') return null;
  const quote = ctx.quoteStartingAt(ctx.end(np.end));
  // Headline style, "Graham: Trump's rhetoric destroying GOP's chance": a short name, a colon, the claim.
  const headline = (s.section === 'title' || si === 0) && np.end - np.first <= 5 && s.endToken - np.end > 3;
  // Transcript style, "TAPPER: And obviously ...": a capitalised name opening a paragraph.
  const para = ctx.paragraphs.find((p) => p.start <= s.start && s.start < p.end);
  const name = ctx.doc.text.slice(ctx.start(np.first), ctx.end(np.end - 1));
  const transcript = para !== undefined && para.start === s.start && np.end + 1 < s.endToken && np.end - np.first <= 4 && name === name.toUpperCase() && /\p{Lu}{2}/u.test(name);
  if (!quote && !headline && !transcript) return null;
  if (opener && !transcript) return null;
  // "The Latest: ...", "The result: ...": a label opened by a determiner names a column or a turn, not a speaker.
  if (!quote && headline && !transcript && ctx.tag(np.first) === 'DET') return null;
  if (!headline && !transcript && ctx.tag(np.end - 1) !== 'PROPN' && ctx.tag(np.end - 1) !== 'NOUN') return null;
  const frame = baseFrame(ctx, si, { first: np.end, end: np.end + 1, lemma: ':', cls: 'speech', flags: LIGHT_FLAGS }, 'colon');
  frame.speaker = span(ctx, np);
  if (quote) frame.parts.push({ start: quote.start, end: quote.end });
  else if (transcript) frame.parts.push({ start: ctx.start(np.end + 1), end: para!.end });
  else frame.parts.push(contentFrom(ctx, si, ctx.start(np.end + 1)));
  return frame;
}


const ASKED_ADJUNCT_PREPOSITIONS = new Set(['on', 'during', 'at', 'in', 'by', 'after', 'before', 'over']);
const MAX_ASKED_ADJUNCT = 6;
const WH_ALONE = new Set(['why', 'how', 'what', 'when', 'where']);
const QUESTION_OPENERS = new Set(['about', 'if', 'whether', 'why', 'what', 'how', 'who', 'when', 'where', 'which', 'to']);

/**
 * "Asked whether the plan was fair, the mayor said ...", "when asked about the
 * delays": a participle clause reporting a question whose asker is not named.
 * The content is the question, up to the comma that closes the clause.
 */
export function askedFrame(ctx: AttributionContext, si: number, i: number): Frame | null {
  const s = ctx.sentences[si]!;
  const hi = s.endToken;
  if (ctx.word(i) !== 'asked' || ctx.inQuote[i]! >= 0) return null;
  // "Asked ...", "when asked ..." wherever it stands ("who used the same words when asked in May if ...").
  const opens = i === s.firstToken || (ctx.word(i - 1) === 'when' && i - 1 >= s.firstToken);
  if (!opens) return null;
  let p = i + 1;
  // Adverbs and a weekday may stand before the question ("asked again Monday whether"), but "why" and "how" open it.
  while (p < hi && !QUESTION_OPENERS.has(ctx.word(p)) && (ctx.tag(p) === 'ADV' || ctx.tag(p) === 'PROPN' && /day$/.test(ctx.word(p)))) p++;
  // "Asked on Monday whether ...", "Asked during a debate why ...", "Asked by a reporter whether ...":
  // one short prepositional phrase (where, when, or by whom) may come before the question.
  let asker: TokenRange | null = null;
  if (p < hi && ASKED_ADJUNCT_PREPOSITIONS.has(ctx.word(p))) {
    let q = p + 1;
    while (q < hi && q - p <= MAX_ASKED_ADJUNCT && !QUESTION_OPENERS.has(ctx.word(q)) && /^[\p{L}\p{N}'’.-]/u.test(ctx.word(q))) q++;
    if (q > p + 1 && q < hi && QUESTION_OPENERS.has(ctx.word(q))) {
      if (ctx.word(p) === 'by') asker = ctx.npRight(p + 1, q);
      p = q;
    }
  }
  if (p >= hi || !QUESTION_OPENERS.has(ctx.word(p))) return null;
  let end = p + 1;
  while (end < hi && !/^[.!?;]+$/.test(ctx.word(end))) {
    // The question ends at a comma, also one closing a quoted title ("an appearance on “CBS This Morning,” Sanders said").
    // A free-standing dash opens an aside ("how she would define it - the term he used - Berg ...").
    if (ctx.word(end) !== ',' && ctx.inQuote[end]! < 0 && closesApposition(ctx, end)) break;
    if (ctx.word(end) === ',' && (ctx.inQuote[end]! < 0 || CLOSING_MARKS.has(ctx.word(end + 1)))) {
      if (CLOSING_MARKS.has(ctx.word(end + 1))) end += 2;
      break;
    }
    end++;
  }
  // "When asked why, Berg said ...": a question word alone is the question.
  if (end - p < 2 && !(end - p === 1 && WH_ALONE.has(ctx.word(p)))) return null;
  const frame = baseFrame(ctx, si, { first: i, end: i + 1, lemma: 'ask', cls: 'speech', flags: LIGHT_FLAGS }, 'post');
  frame.parts.push({ start: ctx.start(p), end: ctx.end(end - 1) });
  if (asker) frame.speaker = span(ctx, asker);
  return frame;
}

/**
 * "Later that day, Berg went even further: “If he loses, it is over.”": a
 * clause ending in a colon introduces the quotation after it, and its
 * subject is the speaker, whatever the verb. Only when no other frame of the
 * sentence already took the quotation.
 */
export function colonQuoteFrame(ctx: AttributionContext, si: number, frames: readonly Frame[]): Frame | null {
  const s = ctx.sentences[si]!;
  for (let c = s.firstToken + 2; c < s.endToken; c++) {
    if (ctx.word(c) !== ':' || ctx.inQuote[c]! >= 0) continue;
    const quote = ctx.quoteStartingAt(ctx.end(c));
    if (!quote || frames.some((f) => f.parts.some((p) => p.start <= quote.start && quote.start < p.end))) return null;
    const subject = clauseSubjectBefore(ctx, s.firstToken, c);
    if (!subject) return null;
    const frame = baseFrame(ctx, si, { first: c, end: c + 1, lemma: ':', cls: 'speech', flags: LIGHT_FLAGS }, 'colon');
    frame.speaker = span(ctx, subject);
    frame.parts.push({ start: quote.start, end: quote.end });
    return frame;
  }
  return null;
}
