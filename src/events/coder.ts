/**
 * EventCoder: who did what to whom, sentence by sentence, in CAMEO (code,
 * root, Goldstein, quad class) and PLOVER (type, mode). Verbs are found from
 * POS tags and coded with the lexicon (data/events); actors come from the
 * mentions and actors layers; flags from the verb group, the hedges and the
 * attributions. Headlines and related-link headlines keep their section.
 */
import type { Doc } from '../doc/document.js';
import type { Actor, Attribution, Event, Hedge, Mention, Sentence, Span, Token } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';
import { findAgent, findObject, findSubject, pronounFits, CLAUSE_BOUNDARY } from './arguments.js';
import { loadCodebook, type Codebook } from './codebook.js';
import { datesInSentence, eventDate, publishedDate } from './event-dates.js';
import { dedupeEvents } from './dedupe.js';
import { loadEventLexicon, modalCode, type EventLexicon, type Modality } from './lexicon.js';
import { resolveVerb, type CodedVerb } from './resolve-rule.js';
import { buildSentenceView, type ActorSpan, type SentenceView, type Word } from './sentence-view.js';
import { analyseVerbGroup } from './verb-group.js';

export interface EventCoderOptions {
  /**
   * Code verbs even when no source actor is found (source null). Off in the
   * pipeline; the code-only evaluation on CAMEO manual sentences turns it on.
   */
  requireSource?: boolean;
  /** Merge repeated (source, target, code, day) events. Default true. */
  dedupe?: boolean;
}

/** Verbs that report speech: their direct object is never a target ("said Russia attacked"). */
const NO_DIRECT_OBJECT = new Set(['say', 'state', 'announce', 'declare', 'add', 'note', 'remark', 'comment', 'write', 'stress', 'emphasize', 'emphasise', 'insist', 'assert', 'affirm', 'confirm', 'report', 'claim', 'hope', 'predict', 'expect', 'agree', 'explain', 'reiterate', 'deny', 'admit', 'acknowledge', 'fear', 'doubt', 'worry', 'protest', 'demonstrate', 'rally', 'march', 'riot', 'decide', 'plan', 'vow', 'pledge', 'resolve', 'want', 'wish', 'seek', 'intend', 'aim', 'prepare', 'propose', 'offer', 'promise']);
/** Reciprocal acts: "X and Y met" is X->Y and Y->X. */
const RECIPROCAL_ROOTS = new Set(['03', '04', '05', '06', '19']);
/** Gerunds after these are nouns ("chances of invading"), not events. */
const NOMINAL_BEFORE = new Set(['ADP', 'DET', 'ADJ', 'PRON', 'NUM']);
const STATEMENT = '010';
const GUILT_WORDS = new Set(['guilty', 'accused', 'suspected', 'convicted', 'charged', 'responsible', 'culpable', 'capable']);
/** Verbs that report: their subject says or tells what follows. */
const REPORTING_VERBS = new Set(['say', 'report', 'announce', 'state', 'tell', 'write', 'declare', 'confirm']);
const STATEMENT_VERBS = new Set(['say', 'declare', 'state', 'reiterate', 'insist', 'stress', 'tell', 'announce', 'warn', 'argue', 'add', 'write', 'conclude']);

interface Draft {
  event: Event;
  verbWord: number;
}

export class EventCoder implements Component {
  readonly name = 'events';
  readonly requires = ['tokens', 'sentences', 'mentions', 'actors', 'attributions', 'hedges'] as const;
  readonly provides = ['events'] as const;
  private readonly requireSource: boolean;
  private readonly dedupe: boolean;

  constructor(
    private readonly lexicon: EventLexicon = loadEventLexicon(),
    private readonly codebook: Codebook = loadCodebook(),
    options: EventCoderOptions = {},
  ) {
    this.requireSource = options.requireSource ?? true;
    this.dedupe = options.dedupe ?? true;
  }

  process(doc: Doc): void {
    const tokens = doc.get('tokens') ?? [];
    const sentences = doc.get('sentences') ?? [];
    const mentions = doc.get('mentions') ?? [];
    const actors = doc.get('actors') ?? [];
    const attributions = doc.get('attributions') ?? [];
    const hedges = doc.get('hedges') ?? [];
    const actorsById = new Map(actors.map((a) => [a.id, a]));
    const published = publishedDate(doc.meta.published);
    const byStart = [...mentions.entries()].sort((a, b) => a[1].start - b[1].start);
    let cursor = 0;
    let lastSource: ActorSpan | null = null;
    let lastSection: string | null = null;
    const events: Event[] = [];
    for (const [si, sentence] of sentences.entries()) {
      while (cursor < byStart.length && byStart[cursor]![1].end <= sentence.start) cursor++;
      const inSentence: { index: number; mention: Mention }[] = [];
      for (let k = cursor; k < byStart.length && byStart[k]![1].start < sentence.end; k++) {
        inSentence.push({ index: byStart[k]![0], mention: byStart[k]![1] });
      }
      if (sentence.section !== lastSection) lastSource = null;
      lastSection = sentence.section;
      const view = buildSentenceView(tokens, sentence.firstToken, sentence.endToken, doc.norm, this.lexicon.lemmatizer, inSentence, actorsById);
      const drafts = this.codeSentence(doc, view, si, sentence, tokens, lastSource, published, attributions, hedges, mentions, actorsById);
      for (const d of drafts) events.push(d.event);
      const firstSource = drafts.find((d) => d.event.source.actorId !== null);
      if (firstSource) {
        const m = view.actors.find((a) => a.actorId === firstSource.event.source.actorId && a.code === firstSource.event.source.code);
        if (m) lastSource = m;
      } else {
        const subject = view.actors.find((a) => !a.modifier && !a.pronoun && a.code !== null);
        if (subject) lastSource = subject;
      }
    }
    doc.set('events', this.dedupe ? dedupeEvents(events) : events);
  }

  private codeSentence(
    doc: Doc,
    view: SentenceView,
    sentenceIndex: number,
    sentence: Sentence,
    tokens: readonly Token[],
    previousSource: ActorSpan | null,
    published: Date | null,
    attributions: readonly Attribution[],
    hedges: readonly Hedge[],
    mentions: readonly Mention[],
    actorsById: ReadonlyMap<string, Actor>,
  ): Draft[] {
    const words = view.words;
    const drafts: Draft[] = [];
    const consumed = new Uint8Array(words.length);
    const subjects = new Map<number, ActorSpan[]>();
    let dates: ReturnType<typeof datesInSentence> | null = null;
    const headline = sentence.section !== 'body';
    for (let v = 0; v < words.length; v++) {
      if (consumed[v] || view.actorAt[v]) continue;
      const w = words[v]!;
      if (!this.isTrigger(view, v, headline)) continue;
      const windowEnd = clauseEnd(words, v + 1);
      let coded = resolveVerb(this.lexicon, words, v, windowEnd, w.pos !== 'AUX', clauseBegin(words, v));
      // "X said Y must V": whatever V is, an obligation put on someone in a statement is a demand
      if (!coded && w.pos === 'VERB' && this.reportedObligation(words, v)) coded = this.obligationRule;
      if (!coded) continue;
      // everything up to the end of the rule's complement belongs to this verb ("expressed interest to expand ties")
      const usedEnd = Math.max(v + 1, ...coded.used.map((u) => u.end));
      for (let k = v + 1; k < usedEnd; k++) consumed[k] = 1;
      const clauseStart = clauseBegin(words, v);
      const group = analyseVerbGroup(words, v, clauseStart);
      const used = (i: number): boolean => coded.used.some((u) => i >= u.start && i < u.end);

      // source and target
      let sources: ActorSpan[] = [];
      let targets: ActorSpan[] = [];
      let targetPhrase: { start: number; end: number } | null = null;
      if (group.passive) {
        sources = findAgent(view, v + 1, windowEnd);
        const subj = findSubject(view, group.start);
        targets = subj.actors;
      } else {
        // a participle after a comma shares the main verb's subject: "Bolton called out X on Twitter, saying ..."
        const participial = w.lower.endsWith('ing') && words[group.start - 1]?.lower === ',';
        let mainVerb = participial ? lastVerbBefore(words, group.start - 1) : -1;
        // "X reported that the residence was hit, denouncing the strike": the thing a passive was done to does not act;
        // the participle goes with the reporting verb's subject.
        if (mainVerb >= 0 && analyseVerbGroup(words, mainVerb, clauseBegin(words, mainVerb)).passive) {
          const reporting = words.findIndex((x, i) => i < mainVerb && x.pos === 'VERB' && x.lemmas.some((l) => REPORTING_VERBS.has(l)));
          if (reporting >= 0) mainVerb = reporting;
        }
        let subj = mainVerb >= 0 ? { actors: [] as ActorSpan[], pronoun: null, sharedWith: mainVerb } : findSubject(view, group.start);
        // quote inversion: '"...," said Martin Indyk, a former ambassador to Israel': the speaker follows the verb,
        // and nothing inside the quote is the source
        if (isInverted(words, group.start, v)) subj = { actors: speakerAfter(view, v), pronoun: null, sharedWith: null };
        let hops = 0;
        while (subj.sharedWith !== null && hops++ < 3) {
          const shared = subjects.get(subj.sharedWith);
          if (shared) {
            subj = { actors: shared, pronoun: null, sharedWith: null };
            break;
          }
          const g = analyseVerbGroup(words, subj.sharedWith, clauseBegin(words, subj.sharedWith));
          subj = findSubject(view, g.start);
        }
        sources = subj.actors;
        // an unlinked pronoun subject continues the previous sentence's source when it can stand for it:
        // "it" for a country or organisation, "he"/"she" for a person ("Trump ... it could veto" is not Trump)
        if (sources.length === 0 && subj.pronoun !== null && previousSource && pronounFits(subj.pronoun, actorsById.get(previousSource.actorId ?? '')?.type)) {
          sources = [previousSource];
        }
        const allowDirect = !w.lemmas.some((l) => NO_DIRECT_OBJECT.has(l)) || w.lemmas.includes('tell');
        const obj = findObject(view, v + 1, windowEnd, allowDirect, used, coded.rule.outcome.kind === 'frame');
        targets = obj.actors;
        targetPhrase = obj.phrase;
      }
      if (sources.length > 0) subjects.set(v, sources);
      // "X said Y must V": X demands of Y. Without anyone saying it ("Trump should meet Erdogan"), it is only a possibility.
      let demanded = false;
      if ((group.obligation || coded === this.obligationRule) && !group.passive) {
        const k = words.findIndex((x, i) => i < v && x.lemmas.some((l) => STATEMENT_VERBS.has(l)));
        const speaker = k >= 0 ? findSubject(view, analyseVerbGroup(words, k, clauseBegin(words, k)).start).actors : [];
        if (speaker.length > 0 || !this.requireSource) demanded = true;
        if (speaker.length > 0) {
          targets = sources;
          targetPhrase = null;
          sources = speaker;
        }
      }
      // an infinitive no frame took up ("getting the U.S. to attack Syria", "would let Congress disapprove") is not a fact
      const looseInfinitive = words[group.start - 1]?.lower === 'to' || (words[group.start - 1]?.pos === 'NOUN' && words[group.start - 2]?.lemmas.includes('let'));
      // a visit or a hosting needs someone visited or hosted ("toured the grounds" is not diplomacy)
      if (this.requireSource && /^04[234]/.test(coded.code) && targets.length === 0 && !(sources.length > 1)) continue;
      // Releasing persons (0841) read from the bare verb needs someone released: "released a report",
      // "a poll released Tuesday", "will release the findings" release no one.
      if (this.requireSource && coded.used.length === 0 && coded.code === '0841' && targets.length === 0 && targetPhrase !== null) continue;
      // As in PETRARCH, an event needs a source with an actor code: people and groups the dictionary cannot place are not coded.
      if (this.requireSource && !sources.some((a) => a.code !== null)) continue;
      if (this.requireSource) sources = sources.filter((a) => a.code !== null);

      // modality changes the act: "will provide aid" is an intent (0333), "must release them" a demand (1053),
      // "will not accept refugees" a refusal (1223)
      const modality: Modality | null = group.negated ? 'refuse' : group.obligation ? (demanded ? 'demand' : null) : group.future ? 'future' : null;
      const moved = modality ? modalCode(this.lexicon, modality, coded.code) : null;
      const entry = this.codebook.get(moved ?? coded.code);
      if (!entry) continue;
      dates ??= datesInSentence(doc.norm.slice(sentence.start, sentence.end), published);
      const verbSpan = doc.span(tokens[words[group.passive ? v : v]!.token]!.start, tokens[words[v]!.token]!.end);
      // a date belongs to the verb when no other verb stands between them ("the 2019 agreement signed when ..." is not this verb's)
      const verbStarts = words.filter((x, i) => x.pos === 'VERB' && i !== v).map((x) => tokens[x.token]!.start - sentence.start);
      const separated = (a: number, b: number): boolean => verbStarts.some((o) => o > a && o < b);
      const date = eventDate(dates, verbSpan.start - sentence.start, published, separated, group.tense);
      let attribution = attributions.findIndex((a) => inside(verbSpan, a.content) && !(a.cue && overlaps(verbSpan, a.cue)));
      // The event is itself a statement ("Putin expressed interest in …, state media reported"): it is reported when a relay passed it on.
      if (attribution < 0) {
        const own = attributions.findIndex((a) => a.cue !== null && overlaps(verbSpan, a.cue));
        if (own >= 0 && attributions[own]!.chain.some((r) => r.kind === 'relay')) attribution = own;
      }
      const hedged = group.hedgedByAdverb || hedges.some((h) => overlaps(verbSpan, h) || (h.scope !== null && inside(verbSpan, h.scope))) || (attribution >= 0 && attributions[attribution]!.hedged);

      const pairs = pairUp(sources, targets, entry.root);
      const phraseSpan = targetPhrase && targets.length === 0 ? spanOfWords(doc, tokens, words, targetPhrase.start, targetPhrase.end) : null;
      for (const pair of pairs.length > 0 ? pairs : [{ source: null, target: null }]) {
        const target = pair.target
          ? argument(doc, pair.target, mentions, actorsById)
          : phraseSpan
            ? { actorId: null, code: null, span: phraseSpan }
            : null;
        const event: Event = {
          sentence: sentenceIndex,
          section: sentence.section,
          source: pair.source ? argument(doc, pair.source, mentions, actorsById) : { actorId: null, code: null, span: null },
          target,
          verb: verbSpan,
          code: entry.code,
          root: entry.root,
          goldstein: entry.goldstein,
          quadClass: entry.quadClass,
          plover: entry.ploverType ? { type: entry.ploverType, mode: entry.ploverMode } : null,
          date,
          // a refusal coded from a negated act is itself not negated
          negated: group.negated && !moved,
          hypothetical: group.hypothetical || looseInfinitive || (group.obligation && !demanded),
          hedged,
          reported: attribution >= 0,
          attribution: attribution >= 0 ? attribution : null,
          mentions: [{ sentence: sentenceIndex, verb: verbSpan }],
          rule: moved ? `${ruleId(coded)}+intent.tsv:${modality}` : ruleId(coded),
        };
        drafts.push({ event, verbWord: v });
      }
    }
    // A question asserts nothing: no statement is made, and what it asks about is only possible.
    if (/\?["'”’)]*$/.test(sentence.text)) {
      for (const d of drafts) d.event.hypothetical = true;
      drafts.splice(0, drafts.length, ...drafts.filter((d) => d.event.code !== STATEMENT));
    }
    // Statements are subordinate: "X said Y attacked Z" is the attack, not the saying; the attack is reported.
    const statements = drafts.filter((d) => d.event.code === STATEMENT && d.event.source.span !== null);
    const acts = drafts.filter((d) => d.event.code !== STATEMENT);
    if (acts.length === 0) return drafts;
    if (statements.length > 0) for (const d of acts) d.event.reported = true;
    return acts;
  }

  private readonly obligationRule: CodedVerb = {
    code: '100',
    rule: { id: 'coder:obligation', head: '', pattern: [], outcome: { kind: 'code', code: '100' }, order: -1 },
    complement: null,
    used: [],
  };

  /** "must"/"needs to" before the verb, and a statement verb earlier in the sentence. */
  private reportedObligation(words: readonly Word[], v: number): boolean {
    let i = v - 1;
    while (i >= 0 && (words[i]!.pos === 'ADV' || words[i]!.pos === 'PART') && words[i]!.lower !== 'to') i--;
    const obliged = words[i]?.lower === 'must';
    if (!obliged) return false;
    for (let k = 0; k < i; k++) if (words[k]!.lemmas.some((l) => STATEMENT_VERBS.has(l))) return true;
    return false;
  }

  /** A verb that can carry an event: finite or infinitival, not a gerund inside a noun phrase or a participle used as an adjective. */
  private isTrigger(view: SentenceView, v: number, headline: boolean): boolean {
    const words = view.words;
    const w = words[v]!;
    const prev = words[v - 1];
    if (w.pos === 'AUX') return w.lemmas.includes('be') && this.lexicon.rulesByHead.has('be');
    if (w.pos !== 'VERB') {
      // wink tags some verbs as nouns, mostly in headlines ("Russia shells Kyiv") and after "to"/"will"
      if (w.pos !== 'NOUN' || !this.lexicon.lemmatizer.knows(w.lower)) return false;
      const actorBefore = prev ? view.actorAt[v - 1] : undefined;
      const after = prev && (actorBefore || prev.pos === 'AUX' || prev.lower === 'to');
      // in body text, "Arvania attacks Belmora" but not "the Arvania attacks": the actor must not be a noun modifier
      const subjectLike = actorBefore && !['DET', 'ADJ', 'ADP'].includes(words[actorBefore.start - 1]?.pos ?? '') && (view.actorAt[v + 1] || words[v + 1]?.pos === 'DET');
      if (!after || (!headline && !(prev.pos === 'AUX' || prev.lower === 'to' || subjectLike))) return false;
      if (!w.lemmas.some((l) => this.lexicon.rulesByHead.has(l))) return false;
      return true;
    }
    if (!w.lemmas.some((l) => this.lexicon.rulesByHead.has(l))) return false;
    if (prev && (prev.lower === '-' || prev.lower.endsWith('-'))) return false; // "Russian-backed"
    if (w.lower.endsWith('ing') && prev) {
      // "guilty of violating", "accused of attacking": the gerund is the act itself
      const charged = prev.lower === 'of' && GUILT_WORDS.has(words[v - 2]?.lower ?? '');
      if (NOMINAL_BEFORE.has(prev.pos) && !charged && prev.lower !== 'while' && prev.lower !== 'after' && prev.lower !== 'before') return false;
      if (prev.lower === "'s" || prev.lower === '’s') return false;
    }
    // participle as adjective: "the signed agreement"
    if (prev && (prev.pos === 'DET' || prev.pos === 'ADJ') && (words[v + 1]?.pos === 'NOUN') && /(ed|en)$/.test(w.lower)) return false;
    return true;
  }
}

const INVERTING = new Set(['say', 'add', 'tell', 'write', 'state', 'note', 'explain', 'insist', 'ask', 'reply', 'continue', 'argue']);

function isInverted(words: readonly Word[], groupStart: number, v: number): boolean {
  const before = words[groupStart - 1]?.lower ?? '';
  const after = words[v + 1];
  return [',', '"', '”', "'", '’'].includes(before) && words[v]!.lemmas.some((l) => INVERTING.has(l)) && after !== undefined && after.pos !== 'PRON';
}

/** The speaker right after an inverted reporting verb: the first actor before the next comma or full stop. */
function speakerAfter(view: SentenceView, v: number): ActorSpan[] {
  for (let i = v + 1; i < view.words.length && i <= v + 6; i++) {
    const w = view.words[i]!;
    if (w.lower === ',' || w.lower === '.' || CLAUSE_BOUNDARY.has(w.lower)) break;
    const a = view.actorAt[i];
    if (a && !a.modifier) return [a];
  }
  return [];
}

function lastVerbBefore(words: readonly Word[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    if (words[k]!.pos === 'VERB') return k;
    if (CLAUSE_BOUNDARY.has(words[k]!.lower)) return -1;
  }
  return -1;
}

function ruleId(coded: CodedVerb): string {
  return coded.complement ? `${coded.rule.id}+${coded.complement.id}` : coded.rule.id;
}

function clauseEnd(words: readonly Word[], from: number): number {
  let count = 0;
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    if (CLAUSE_BOUNDARY.has(w.lower) || w.lower === '.') return i;
    if (!w.punct && ++count > 22) return i;
  }
  return words.length;
}

function clauseBegin(words: readonly Word[], v: number): number {
  for (let i = v - 1; i >= 0; i--) if (CLAUSE_BOUNDARY.has(words[i]!.lower)) return i + 1;
  return 0;
}

function inside(s: Span, outer: Span): boolean {
  return s.start >= outer.start && s.end <= outer.end;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function spanOfWords(doc: Doc, tokens: readonly Token[], words: readonly Word[], start: number, end: number): Span {
  return doc.span(tokens[words[start]!.token]!.start, tokens[words[end - 1]!.token]!.end);
}

function argument(doc: Doc, a: ActorSpan, mentions: readonly Mention[], actorsById: ReadonlyMap<string, Actor>): Event['source'] {
  const m = mentions[a.mention]!;
  void actorsById;
  return { actorId: a.actorId, code: a.code, span: doc.span(m.start, m.end) };
}

interface Pair {
  source: ActorSpan | null;
  target: ActorSpan | null;
}

/** One event per (source, target) pair, as PETRARCH codes compounds; "X and Y met" is reciprocal. */
function pairUp(sources: readonly ActorSpan[], targets: readonly ActorSpan[], root: string): Pair[] {
  const same = (a: ActorSpan, b: ActorSpan): boolean => (a.actorId !== null && a.actorId === b.actorId) || a.mention === b.mention;
  const pairs: Pair[] = [];
  if (targets.length === 0 && sources.length > 1 && RECIPROCAL_ROOTS.has(root)) {
    for (const s of sources) for (const t of sources) if (!same(s, t)) pairs.push({ source: s, target: t });
    return pairs;
  }
  for (const s of sources.length > 0 ? sources : [null]) {
    // "cooperation between Moscow and Pyongyang", told by Pyongyang: the target is the other side
    const others = targets.filter((t) => !(s && (same(s, t) || (s.code !== null && t.code !== null && s.code.slice(0, 3) === t.code.slice(0, 3) && targets.some((u) => u.code?.slice(0, 3) !== s.code!.slice(0, 3))))));
    for (const t of others.length > 0 ? others : [null]) {
      if (s && t && same(s, t)) continue;
      pairs.push({ source: s, target: t });
    }
  }
  return pairs;
}
