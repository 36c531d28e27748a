/**
 * The attribution component: who said what, through whom, and how sure.
 * Fills the `attributions` and `hedges` layers from tokens, sentences,
 * boilerplate (credits, promos, syndication) and the entity layers (to turn
 * a speaker span, even "he", into an actor).
 */
import type { Doc } from '../doc/document.js';
import type { Actor, Attribution, Hedge, Mention, Span } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';
import { articleRelays, buildChains, isMediaActor, relayFor, type ChainDraft, type Relay } from './chains.js';
import { AttributionContext } from './context.js';
import type { CharSpan } from './content-spans.js';
import type { Frame } from './frames.js';
import { findHedges, isHedged } from './hedges.js';
import { attributionLexicon, type AttributionLexicon } from './lexicon.js';
import type { Quote } from './quotes.js';
import { scanFrames } from './scan.js';
import { countWhile } from '../util/binary-search.js';

/** Quoted fragments with at least this many words make indirect content "mixed". */
const MIXED_QUOTE_WORDS = 2;
const INDEFINITE = new Set(['a', 'an', 'some', 'several', 'two', 'three', 'four', 'many', 'other', 'another', 'one', 'multiple', 'various', 'senior', 'top']);

export class Attributor implements Component {
  readonly name = 'attribution';
  readonly requires = ['blocks', 'tokens', 'sentences', 'boilerplate', 'mentions', 'actors'] as const;
  readonly provides = ['attributions', 'hedges'] as const;

  constructor(private readonly lexicon: AttributionLexicon = attributionLexicon()) {}

  private looksLikeMedia(text: string): boolean {
    return text.split(/[^\p{L}\p{N}]+/u).some((w) => this.lexicon.mediaNameWords.has(w.toLowerCase()));
  }

  process(doc: Doc): void {
    const ctx = new AttributionContext(doc, this.lexicon);
    const mentions = doc.get('mentions') ?? [];
    const actors = doc.get('actors') ?? [];
    const actorById = new Map(actors.map((a) => [a.id, a]));
    const mentionIndex = new MentionIndex(mentions);
    const actorAt = (start: number, end: number): Actor | null => {
      const m = mentionIndex.best(start, end);
      return m?.actorId ? (actorById.get(m.actorId) ?? null) : null;
    };

    const found = findHedges(ctx);
    const hedges: Hedge[] = found.map((f) => f.hedge);
    const scanned = scanFrames(ctx).filter((f) => !f.relayOnly);
    addDashCredits(ctx, scanned);
    addFloatingQuotes(ctx, scanned);
    addHedgedClaims(ctx, scanned, found);
    const frames = flattenNested(scanned);
    frames.sort((a, b) => (a.cue?.start ?? a.parts[0]!.start) - (b.cue?.start ?? b.parts[0]!.start));

    const attributions: Attribution[] = [];
    const drafts: ChainDraft[] = [];
    for (const f of frames) {
      const parts = f.parts.map((p) => trimSpan(doc.text, p)).filter((p) => p.end > p.start);
      if (parts.length === 0) continue;
      const content = doc.span(parts[0]!.start, parts[parts.length - 1]!.end);
      const speaker = f.speaker ? doc.span(f.speaker.start, trimSpan(doc.text, f.speaker).end) : null;
      const speakerActor = speaker ? actorAt(speaker.start, speaker.end) : null;
      const medium = f.medium ? doc.span(f.medium.start, f.medium.end) : null;
      const addressee = f.addressee ? doc.span(f.addressee.start, f.addressee.end) : null;
      const own: Relay[] = [];
      if (f.medium?.via) {
        const via = doc.span(ctx.start(f.medium.via.first), ctx.end(f.medium.via.end - 1));
        own.push(relayFor(via, actorAt(via.start, via.end), 'relay'));
      }
      if (addressee) {
        const a = actorAt(addressee.start, addressee.end);
        if (isMediaActor(a) || (a === null && this.looksLikeMedia(addressee.text))) own.push(relayFor(addressee, a, 'relay'));
      }
      attributions.push({
        type: contentType(ctx, parts),
        content,
        ...(parts.length > 1 ? { parts: parts.map((p) => doc.span(p.start, p.end)) } : {}),
        speaker,
        speakerActorId: speakerActor?.id ?? null,
        cue: f.cue ? { ...doc.span(f.cue.start, f.cue.end), lemma: f.lemma } : null,
        medium,
        addressee,
        chain: [],
        hedged: isHedged(hedges, content.start, content.end) || (f.cue !== null && isHedged(hedges, f.cue.start, f.cue.end)),
        anonymous: speaker !== null && isAnonymous(ctx, f, speaker, mentions),
      });
      for (const r of f.relays) {
        if (r.speaker) {
          const s = doc.span(r.speaker.start, r.speaker.end);
          own.push(relayFor(s, actorAt(s.start, s.end), 'relay'));
        }
      }
      const mediaSpeaker = isMediaActor(speakerActor) || (speaker !== null && speakerActor === null && this.looksLikeMedia(speaker.text));
      drafts.push({ speaker, speakerActor, mediaSpeaker, medium, own, at: content.start });
    }
    // Nesting: a statement inside another's content was relayed by that speaker.
    attributions.forEach((a, i) => {
      if (!a.cue) return;
      const containers = attributions
        .map((b, j) => ({ b, j }))
        .filter(({ b, j }) => j !== i && b.speaker && b.content.start <= a.cue!.start && a.cue!.end <= b.content.end && !(a.content.start <= b.cue!.start && b.cue!.end <= a.content.end))
        .sort((x, y) => x.b.content.end - x.b.content.start - (y.b.content.end - y.b.content.start));
      const nested = containers.map(({ b }) => relayFor(b.speaker!, b.speakerActorId ? (actorById.get(b.speakerActorId) ?? null) : null, 'relay'));
      drafts[i]!.own = [...nested, ...drafts[i]!.own];
    });
    const article = articleRelays(doc, actorAt, mentions, actors);
    const chains = buildChains(drafts, article, (r) => r.actorId !== null && isMediaActor(actors.find((a) => a.id === r.actorId) ?? null));
    attributions.forEach((a, i) => (a.chain = chains[i]!));
    doc.set('attributions', attributions);
    doc.set('hedges', hedges);
  }
}

/**
 * A statement reported inside another one's content is part of that content
 * ("The Post reported that Clinton told aides that ..." is one attribution, to
 * the Post), as in PolNeAR. The exception is a source citation: "According to
 * KCNA, ... he stressed that ..." keeps the inner statement, and KCNA becomes
 * a relay in its chain.
 */
function flattenNested(frames: Frame[]): Frame[] {
  // Does the content of `outer` hold the cue of `inner`?
  const holds = (outer: Frame, inner: Frame): boolean => outer !== inner && inner.cue !== null && outer.parts.some((p) => p.start <= inner.cue!.start && inner.cue!.end <= p.end);
  return frames.filter((f) => {
    // "In the poll, 26% say ...": a poll cited with "in" is the circumstance of a statement it holds, not a source of its own.
    if (f.shape === 'according' && f.lemma === 'in' && frames.some((g) => holds(f, g))) return false;
    if (f.cue === null) return true;
    const containers = frames.filter((g) => holds(g, f));
    return containers.every((g) => g.shape === 'according' && f.shape === 'post' && f.cls !== 'belief' && f.cls !== 'intention');
  });
}

/**
 * Mentions by position, for finding the one that best covers a phrase without
 * scanning them all (an article may hold thousands of mentions and of phrases).
 */
class MentionIndex {
  /** Indices into the mentions, by start. */
  private readonly order: number[];
  /** The largest end among order[0..i]. */
  private readonly maxEnd: number[];

  constructor(private readonly mentions: readonly Mention[]) {
    this.order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
    let max = -1;
    this.maxEnd = this.order.map((i) => (max = Math.max(max, mentions[i]!.end)));
  }

  /**
   * The mention overlapping [start, end) with the most overlap, preferring one with
   * an actor, then the one nearest the end of the phrase (its head); on a tie the first in the article's list.
   */
  best(start: number, end: number): Mention | null {
    // Mentions starting before `end`, scanned back while one of them may still reach past `start`.
    const lo = countWhile(this.order.length, (k) => this.mentions[this.order[k]!]!.start < end);
    let best = -1;
    let bestScore = 0;
    for (let k = lo - 1; k >= 0 && this.maxEnd[k]! > start; k--) {
      const i = this.order[k]!;
      const m = this.mentions[i]!;
      const overlap = Math.min(end, m.end) - Math.max(start, m.start);
      if (overlap <= 0) continue;
      const score = overlap + (m.actorId ? 1000 : 0) + m.end / 1e9;
      if (score > bestScore || (score === bestScore && i < best)) {
        best = i;
        bestScore = score;
      }
    }
    return best >= 0 ? this.mentions[best]! : null;
  }
}

function trimSpan(text: string, s: CharSpan): CharSpan {
  let { start, end } = s;
  while (start < end && /[\s,;:\u2014\u2013-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:\u2014\u2013-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function contentType(ctx: AttributionContext, parts: readonly CharSpan[]): Attribution['type'] {
  let quoted = 0;
  let anyQuote = false;
  for (const p of parts) {
    // Single quotes count when they hold speech (British style), not for one-word scare quotes.
    const speech = (q: (typeof ctx.quotes)[number]): boolean => !q.single || q.words >= 3;
    const whole = ctx.quotes.find((q) => speech(q) && q.start <= p.start && p.end <= q.end + 1 && q.start >= p.start - 1);
    if (whole && whole.end >= p.end - 1) quoted++;
    if (ctx.quotes.some((q) => speech(q) && q.words >= MIXED_QUOTE_WORDS && q.start < p.end && q.end > p.start)) anyQuote = true;
  }
  if (quoted === parts.length) return 'direct';
  return anyQuote ? 'mixed' : 'indirect';
}

function isAnonymous(ctx: AttributionContext, f: Frame, speaker: Span, mentions: readonly Mention[]): boolean {
  const all = ctx.doc.norm.slice(speaker.start, speaker.end).toLowerCase().split(/[\s,]+/).filter(Boolean);
  // "officials who spoke on condition of anonymity": the head is the noun before the relative clause.
  const relative = all.findIndex((w) => w === 'who' || w === 'whom');
  const words = relative > 0 ? all.slice(0, relative) : all;
  const head = words[words.length - 1] ?? '';
  if (!ctx.lexicon.anonymousHeads.has(head)) return false;
  if (mentions.some((m) => m.type === 'PER' && m.kind === 'name' && m.start >= speaker.start && m.end <= speaker.end)) return false;
  if (head === 'source' || head === 'sources' || head === 'insider' || head === 'insiders') return true;
  const s = ctx.sentences[f.sentence]!;
  if (ctx.lexicon.anonymousPhrases.findAll(ctx.words, s.firstToken, s.endToken).length > 0) return true;
  const first = words[0] ?? '';
  return INDEFINITE.has(first) || (head.endsWith('s') && !['the', 'his', 'her', 'its', 'their'].includes(first));
}

/** A phrase cue ending in a preposition takes a noun phrase ("referring to", "talking about"), not a statement. */
const NP_OBJECT_PREPOSITION = /\s(to|about|at|on|of|for|with)$/;

/**
 * The credit line of a quotation: a dash and the speaker's name after it, at
 * the end of its line ("“…” ― Ana Ruiz", "“…”\n\n- Ana Ruiz, a nurse."), as
 * under an epigraph or a vox-pop. The name: up to six capitalised words or
 * initials; a description may follow a comma.
 */
const DASH_CREDIT = /^[ \t]*(\u2015|\u2014|\u2013|--?)[ \t]*((?:\p{Lu}[\p{L}'.-]*|\p{Lu}\.)(?:[ \t]+(?:\p{Lu}[\p{L}'.-]*|\p{Lu}\.)){0,5})[ \t]*(?:,[^\n]*)?$/u;
/** A credit line is short; a name is no weekday or month ("“No More War” — Monday"). */
const MAX_CREDIT_LINE = 200;
const NOT_NAMES = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Does any frame's content overlap [start, end)? */
function covered(frames: readonly Frame[], start: number, end: number): boolean {
  return frames.some((f) => f.parts.some((p) => p.start < end && start < p.end));
}

function addDashCredits(ctx: AttributionContext, frames: Frame[]): void {
  const text = ctx.doc.norm;
  // From `from` to the end of its line or of its paragraph, whichever comes first.
  const lineFrom = (from: number, paraEnd: number): string => {
    const newline = text.indexOf('\n', from);
    return text.slice(from, newline >= 0 && newline < paraEnd ? newline : paraEnd);
  };
  for (const q of ctx.speechQuotes) {
    if (!q.closed || covered(frames, q.start, q.end)) continue;
    const para = ctx.paragraphs.findIndex((p) => p.start <= q.start && q.start < p.end);
    if (para < 0) continue;
    // The rest of the quotation's line, or, when the quotation ends its paragraph, the next paragraph's first line.
    let from = q.end;
    let line = lineFrom(from, ctx.paragraphs[para]!.end);
    if (/^[\s.]*$/.test(line) && from + line.length >= ctx.paragraphs[para]!.end) {
      const next = ctx.paragraphs[para + 1];
      if (!next) continue;
      from = next.start;
      line = lineFrom(from, next.end);
    }
    if (line.length > MAX_CREDIT_LINE || !/^\s*[-\u2013\u2014\u2015]/.test(line)) continue;
    const m = DASH_CREDIT.exec(line.replace(/\.\s*$/, ''));
    if (!m || NOT_NAMES.test(m[2]!)) continue;
    const dash = from + m[0].indexOf(m[1]!);
    const nameStart = from + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
    const cueToken = ctx.tokens.findIndex((t) => t.start === dash);
    frames.push({
      sentence: ctx.sentenceOf[cueToken] ?? ctx.sentenceOf[ctx.tokens.findIndex((t) => t.start >= q.start)] ?? 0,
      shape: 'credit',
      cue: { start: dash, end: dash + m[1]!.length },
      cueToken,
      lemma: 'credit',
      cls: 'speech',
      speaker: { start: nameStart, end: nameStart + m[2]!.replace(/\.$/, '').length },
      parts: [{ start: q.start, end: q.end }],
      medium: null,
      addressee: null,
      boundary: null,
      relays: [],
      relayOnly: false,
    });
  }
}

/** A paragraph that is all quotation, with no cue of its own, continues the previous speaker. */
function addFloatingQuotes(ctx: AttributionContext, frames: Frame[]): void {
  const lastPart = (f: Frame): CharSpan => f.parts[f.parts.length - 1]!;
  // A quotation, or a clause closing with one ("Clubs are ''just scratching out a profit,'' Hedge said. ''…''").
  const quotesByEnd = new Map<number, Quote[]>();
  for (const x of ctx.quotes) if (x.words >= 2) quotesByEnd.set(x.end, [...(quotesByEnd.get(x.end) ?? []), x]);
  const endsInQuote = (p: CharSpan): boolean => [p.end - 1, p.end, p.end + 1].some((e) => quotesByEnd.get(e)?.some((x) => x.start >= p.start) ?? false);
  const quoteStarts = new Set(ctx.quotes.map((x) => x.start));
  // The frames in the order their content starts, kept so as floating frames are added (a stable sort, as before).
  const ordered = [...frames].sort((a, b) => a.parts[0]!.start - b.parts[0]!.start);
  /** How many frames' content starts at or before offset `at`. */
  const startingBy = (at: number): number => countWhile(ordered.length, (i) => ordered[i]!.parts[0]!.start <= at);
  /** The last frame, in content order, whose content starts by `at` and that passes `test`. */
  const lastBefore = (at: number, test: (f: Frame) => boolean): Frame | undefined => {
    for (let i = startingBy(at) - 1; i >= 0; i--) if (test(ordered[i]!)) return ordered[i];
    return undefined;
  };
  for (const q of ctx.speechQuotes) {
    if (covered(frames, q.start, q.end)) continue;
    const paraIndex = paragraphAt(ctx, q.start);
    const para = ctx.paragraphs[paraIndex];
    if (!para) continue;
    const before = ctx.doc.norm.slice(para.start, q.start);
    const after = ctx.doc.norm.slice(q.end, para.end);
    // (A frame's content ends after it starts, so one ending by q.start also starts by it.)
    let previous = lastBefore(q.start, (f) => f.speaker !== null && lastPart(f).end <= q.start);
    if (!previous) continue;
    // "'Part one,' he said, referring to the plan. 'Part two.'": a participle naming what the statement is about hangs off
    // the quoted statement, which goes on. (After "adding that ..." or "explaining why ...", the quotation goes on with that.)
    const comma = previous.participleAfterComma;
    const cueText = previous.cue ? ctx.doc.norm.slice(previous.cue.start, previous.cue.end).toLowerCase() : '';
    if (comma !== undefined && NP_OBJECT_PREPOSITION.test(cueText)) {
      const sentence = previous.sentence;
      previous = lastBefore(comma, (f) => f.sentence === sentence && f.speaker !== null && lastPart(f).end <= comma) ?? previous;
    }
    const wholeParagraph = before.trim() === '' && /^[\s.,!?]*$/.test(after);
    // "'Part one,' he said. 'Part two.'": a quotation right after a quoted statement continues it, even when a
    // lesser frame came between them in that sentence ("said Berg, a group focused on trade. 'Part two.'").
    const quotedJustBefore = lastBefore(q.start, (f) => f.speaker !== null && lastPart(f).end <= q.start && lastPart(f).start >= para.start && endsInQuote(lastPart(f)));
    // (Not a title after a possessive: "told ABC’s “Good Morning America.”")
    const title = /\p{L}['’]s\s*$/u.test(ctx.doc.norm.slice(Math.max(para.start, q.start - 30), q.start));
    // (Nor a quotation that a clause of its own goes on from: "“...,” read one. “Anybody but him,” was another.")
    const qSentence = ctx.sentences[ctx.sentenceOf[ctx.tokenFrom(q.start)] ?? -1];
    const nextToken = ctx.tokenFrom(q.end);
    const clauseAfter = qSentence !== undefined && nextToken < ctx.tokens.length && ctx.start(nextToken) < qSentence.end && (ctx.tag(nextToken) === 'AUX' || ctx.tag(nextToken) === 'VERB');
    const continued = quotedJustBefore && !title && !clauseAfter && !ctx.isTitleLike(q) && ctx.doc.norm.slice(ctx.sentences[quotedJustBefore.sentence]!.end, q.start).trim() === '' ? quotedJustBefore : null;
    // A paragraph of quotation right after a quoted statement goes on with it (one statement, several pieces).
    const prevPara = ctx.paragraphs[paraIndex - 1];
    // The quoted statement of the paragraph before, even when a reported one follows it there.
    const quotedBefore = prevPara
      ? lastBefore(prevPara.end, (f) => f.speaker !== null && f.parts.some((p) => p.start >= prevPara.start && p.end <= prevPara.end && quoteStarts.has(p.start)))
      : undefined;
    if (continued) continued.parts.push({ start: q.start, end: q.end });
    else if (wholeParagraph && quotedBefore) quotedBefore.parts.push({ start: q.start, end: q.end });
    else if (wholeParagraph) {
      const floating: Frame = {
        sentence: ctx.sentenceOf[ctx.tokenFrom(q.start)] ?? previous.sentence,
        shape: 'floating',
        cue: null,
        cueToken: -1,
        lemma: '',
        cls: 'speech',
        speaker: previous.speaker,
        parts: [{ start: q.start, end: q.end }],
        medium: previous.medium,
        addressee: null,
        boundary: null,
        relays: previous.relays,
        relayOnly: false,
      };
      frames.push(floating);
      ordered.splice(startingBy(q.start), 0, floating);
    }
  }
}

/** The index of the paragraph holding offset `at`, or -1. */
function paragraphAt(ctx: AttributionContext, at: number): number {
  const i = countWhile(ctx.paragraphs.length, (k) => ctx.paragraphs[k]!.start <= at) - 1;
  return i >= 0 && at < ctx.paragraphs[i]!.end ? i : -1;
}

/** "There are reports that X", "reports are swirling that X": a claim with no speaker, hedged. */
function addHedgedClaims(ctx: AttributionContext, frames: Frame[], found: ReturnType<typeof findHedges>): void {
  for (const h of found) {
    if (!h.claim || !h.hedge.scope || ctx.inQuote[h.token]! >= 0) continue;
    const scope = h.hedge.scope;
    if (frames.some((f) => f.parts.some((p) => p.start <= h.hedge.start && h.hedge.end <= p.end))) continue;
    // "Rubio seemed to offer a caveat": a statement with its own speaker inside the hedged clause stays that speaker's
    // (and is flagged hedged); no speakerless claim is made of it.
    // Only for "seems"/"appears": "reports are swirling that X offered Y" is the reports' claim whatever X did.
    const evidential = h.claim === 'seem' || h.claim === 'appear';
    if (evidential && frames.some((f) => f.cue && f.speaker && scope.start <= f.cue.start && f.cue.end <= scope.end)) continue;
    frames.push({
      sentence: h.sentence,
      shape: 'hedge',
      cue: { start: h.hedge.start, end: h.hedge.end },
      cueToken: h.token,
      lemma: h.claim,
      cls: 'report',
      speaker: null,
      parts: [{ start: scope.start, end: scope.end }],
      medium: null,
      addressee: null,
      boundary: null,
      relays: [],
      relayOnly: false,
    });
  }
}
