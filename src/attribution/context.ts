/**
 * Per-document view the attribution rules work on: token words and tags in
 * flat arrays, which tokens sit inside quotations, and small noun-phrase
 * helpers. Built once per document in linear time; every rule then looks at
 * a few tokens around a cue, never at the whole text.
 */
import type { Doc } from '../doc/document.js';
import type { Sentence, Token } from '../doc/schema.js';
import type { AttributionLexicon } from './lexicon.js';
import { findQuotes, type Paragraph, type Quote } from './quotes.js';
import { countWhile } from '../util/binary-search.js';

export interface TokenRange {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  end: number;
}

/** Quotes with at least this many words are speech, not scare quotes or titles. */
export const SPEECH_QUOTE_WORDS = 3;

const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
const HEAD_POS = new Set(['PROPN', 'NOUN', 'PRON', 'NUM']);
/** Pronouns and determiners that start clauses or questions, not speaker phrases. */
const NOT_NP = new Set(['who', 'which', 'that', 'what', 'whom', 'whose', 'where', 'when', 'there', 'whether', 'how', 'why', 'this', 'these', 'those', 'itself', 'themselves', 'himself', 'herself']);
/** Prepositions that continue a speaker phrase ("a spokeswoman for the campaign"). */
const FRACTIONS = new Set(['third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'half', 'majority', 'plurality', 'minority']);
const DEMONSTRATIVES = new Set(['this', 'these', 'those']);
const NP_BRIDGE = new Set(['of', 'for', 'at', 'from', 'in', 'on', 'with', 'to']);
export const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['him', 'them', 'me', 'us']);
const PERSONAL_PRONOUNS = new Set([...OBJECT_PRONOUNS, 'i', 'you', 'he', 'she', 'it', 'we', 'they']);
export const POSSESSIVE: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Adverbs and adjectives that open a sentence before a verb as themselves ("Later said", "Still, ..."). */
const SENTENCE_ADVERBS = new Set(['also', 'still', 'then', 'later', 'now', 'again', 'instead', 'yet', 'so', 'thus', 'hence', 'earlier', 'first', 'rather', 'indeed', 'soon', 'once', 'often', 'never', 'ever', 'here', 'there', 'too', 'even', 'just', 'only', 'already', 'almost', 'perhaps', 'maybe', 'most', 'many', 'some', 'few', 'several', 'more', 'less', 'much', 'other', 'others', 'such', 'last', 'next', 'both', 'all', 'each', 'further', 'together', 'meanwhile', 'however', 'therefore']);
/** Words whose "'s" is "is" or "has", not a possessive ("It's “absurd,” Jones said"). */
const CONTRACTED = new Set(['it', 'that', 'what', 'he', 'she', 'there', 'here', 'who', 'let', 'where', 'how', 'this', 'everyone', 'nobody', 'one']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);
const MAX_NP = 14;

export class AttributionContext {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Lower-cased analysis-view token texts. */
  readonly words: string[];
  readonly pos: string[];
  readonly quotes: Quote[];
  /** Speech-like quotes only (enough words), for "is this token quoted speech?". */
  readonly speechQuotes: Quote[];
  /** For each token, the index into speechQuotes of the quote it sits in, or -1. */
  readonly inQuote: Int32Array;
  /** For each token, its sentence index. */
  readonly sentenceOf: Int32Array;
  readonly paragraphs: Paragraph[];
  /** Speech-like quotes by the offset of their opening mark and by their end. */
  private readonly quoteByStart: Map<number, Quote>;
  private readonly quoteByEnd: Map<number, Quote>;
  private readonly shortQuoteByStart: Map<number, Quote>;
  private readonly punctuatedQuoteByEnd: Map<number, Quote>;

  constructor(
    readonly doc: Doc,
    readonly lexicon: AttributionLexicon,
  ) {
    this.tokens = doc.get('tokens');
    this.sentences = doc.get('sentences');
    this.words = this.tokens.map((t) => doc.norm.slice(t.start, t.end).toLowerCase());
    this.pos = this.tokens.map((t) => t.pos);
    this.paragraphs = doc
      .get('blocks')
      .filter((b) => b.kind !== 'boilerplate')
      .map((b) => ({ start: b.start, end: b.end }));
    this.quotes = findQuotes(doc.text, doc.norm, this.paragraphs);
    this.speechQuotes = this.quotes.filter((q) => q.words >= SPEECH_QUOTE_WORDS);
    this.quoteByStart = new Map(this.speechQuotes.map((q) => [q.start, q]));
    this.quoteByEnd = new Map(this.speechQuotes.map((q) => [q.end, q]));
    this.punctuatedQuoteByEnd = new Map(this.quotes.filter((q) => !q.single && q.punctuated && q.words > 0).map((q) => [q.end, q]));
    this.shortQuoteByStart = new Map(this.quotes.filter((q) => !q.single).map((q) => [q.start, q]));
    this.inQuote = new Int32Array(this.tokens.length).fill(-1);
    let q = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      while (q < this.speechQuotes.length && this.speechQuotes[q]!.end <= t.start) q++;
      const quote = this.speechQuotes[q];
      if (quote && quote.innerStart <= t.start && t.end <= quote.innerEnd) this.inQuote[i] = q;
    }
    this.sentenceOf = new Int32Array(this.tokens.length).fill(-1);
    this.sentences.forEach((s, si) => {
      for (let i = s.firstToken; i < s.endToken; i++) {
        this.sentenceOf[i] = si;
        // "referring to reports that ...": an "-s" form right after "to" is no infinitive but a plural noun.
        if (this.pos[i] === 'VERB' && this.words[i - 1] === 'to' && /[^siu]s$/.test(this.words[i]!) && i > s.firstToken) {
          this.pos[i] = 'NOUN';
          this.pos[i - 1] = 'ADP';
        }
      }
      // "Jolly said ...", "Young told ...": a capitalised name opening the sentence that the tagger reads as an adverb or
      // adjective, right before a reporting verb.
      const f = s.firstToken;
      if ((this.pos[f] === 'ADV' || this.pos[f] === 'ADJ') && this.pos[f + 1] === 'VERB' && lexicon.verbs.has(this.words[f + 1]!) && /^\p{Lu}\p{Ll}/u.test(doc.text.slice(this.tokens[f]!.start, this.tokens[f]!.start + 2)) && !SENTENCE_ADVERBS.has(this.words[f]!)) this.pos[f] = 'PROPN';
    });
  }

  word(i: number): string {
    return this.words[i] ?? '';
  }

  tag(i: number): string {
    return this.pos[i] ?? '';
  }

  start(i: number): number {
    return this.tokens[i]!.start;
  }

  end(i: number): number {
    return this.tokens[i]!.end;
  }

  isNegation(i: number): boolean {
    return NEGATION.has(this.word(i));
  }

  /** "26%", "a third", "the majority": a share of people, which heads a speaker phrase. */
  private isShare(i: number): boolean {
    return (this.word(i) === '%' && this.tag(i - 1) === 'NUM') || FRACTIONS.has(this.word(i));
  }

  private isNpToken(i: number): boolean {
    const w = this.word(i);
    // "those over 60", "these voters", "this source": a demonstrative determining what follows.
    if (DEMONSTRATIVES.has(w) && ['NOUN', 'ADJ', 'NUM', 'PROPN', 'ADP'].includes(this.tag(i + 1)) && this.word(i + 1) !== 'that') return true;
    if (NOT_NP.has(w)) return false;
    if (NP_POS.has(this.tag(i))) return true;
    // Hyphenated compounds: "self-described", "Russian-backed".
    if (this.tag(i) === 'VERB' && this.word(i - 1) === '-') return true;
    // Capitalised words inside names that the tagger reads as verbs ("the Associated Press", "Sen. Ted Cruz").
    if (this.tag(i) === 'VERB' && (this.tag(i + 1) === 'PROPN' || this.tag(i - 1) === 'PROPN') && !this.lexicon.verbs.has(w) && /^\p{Lu}/u.test(this.doc.text[this.start(i)] ?? '')) return true;
    // A plural possessive ("Sanders' campaign"), never half of a doubled-apostrophe quotation mark.
    if (w === "'") return this.word(i - 1).endsWith('s') && this.word(i + 1) !== "'" && this.tag(i + 1) !== 'PUNCT';
    // "26% say", "a third agreed", "Exit polling showed": a percentage, a fraction word, a gerund after a name.
    if (this.isShare(i)) return true;
    if (this.tag(i) === 'VERB' && w.endsWith('ing') && this.tag(i - 1) === 'PROPN' && /^\p{Lu}/u.test(this.doc.text[this.start(i - 1)] ?? '') && (this.tag(i + 1) === 'VERB' || this.tag(i + 1) === 'AUX')) return true;
    // Possessive 's, name-internal hyphens and ampersands.
    return w === "'s" || w === '-' || w === '&';
  }

  private hasHead(range: TokenRange): boolean {
    for (let i = range.end - 1; i >= range.first; i--) {
      const w = this.word(i);
      if (w === ',') continue;
      if (w === ')') {
        while (i > range.first && this.word(i) !== '(') i--;
        continue;
      }
      if (this.isShare(i)) return true;
      // "the 46-year-old": a hyphenated adjective after a determiner stands for a person.
      if (this.tag(i) === 'ADJ' && this.word(i - 1) === '-' && this.tag(range.first) === 'DET') return true;
      // "The self-described democratic socialist said": the tagger reads a noun after adjectives as one more adjective.
      if (this.tag(i) === 'ADJ' && this.tag(range.first) === 'DET' && i - range.first >= 2 && this.tag(i - 1) === 'ADJ' && !NOT_NP.has(w)) return true;
      return (HEAD_POS.has(this.tag(i)) || (this.tag(i) === 'VERB' && this.isNpToken(i))) && !NOT_NP.has(w);
    }
    return false;
  }

  /** The noun phrase ending just before token `end`, not reaching before `min`. */
  npLeft(end: number, min: number): TokenRange | null {
    let i = end - 1;
    // "Sen. Bernie Sanders (I-Vt.) said": a short parenthesis after the name.
    if (this.word(i) === ')') {
      let open = i - 1;
      while (open > min && i - open < 8 && this.word(open) !== '(') open--;
      if (this.word(open) === '(' && open - 1 >= min && this.tag(open - 1) === 'PROPN') i = open - 1;
    }
    while (i >= min && end - i <= MAX_NP) {
      // A personal pronoun is a whole phrase ("told him she ..." has two).
      if (this.tag(i) === 'PRON' && !POSSESSIVE.has(this.word(i))) {
        // "people close to him", "a source familiar with them": an object pronoun after a bridge goes on.
        if (i === end - 1 && OBJECT_PRONOUNS.has(this.word(i)) && NP_BRIDGE.has(this.word(i - 1)) && i - 2 >= min && this.isNpToken(i - 2)) {
          i -= 2;
          continue;
        }
        if (i === end - 1) i--;
        break;
      }
      if (this.isNpToken(i)) i--;
      else if (NP_BRIDGE.has(this.word(i)) && i - 1 >= min && this.isNpToken(i - 1) && i < end - 1) i--;
      // "nine out of 10": a share.
      else if (this.word(i) === 'of' && this.word(i - 1) === 'out' && this.tag(i - 2) === 'NUM' && i - 2 >= min && i < end - 1) i -= 2;
      else if (this.word(i) === 'and' && this.tag(i - 1) === 'PROPN' && this.tag(i + 1) === 'PROPN') i--;
      else break;
    }
    let first = i + 1;
    // "gave money to a group backing ...": a phrase bridged by "to" that is a verb's object stops at "to"
    // ("Chad's ambassador to France confirmed" is a subject).
    if (this.tag(first - 1) === 'VERB' || this.tag(first - 1) === 'AUX') {
      for (let k = end - 1; k > first; k--) if (this.word(k) === 'to') {
        first = k + 1;
        break;
      }
    }
    // A phrase cannot start with a bridge word or a possessive.
    let f = first;
    while (f < end && (NP_BRIDGE.has(this.word(f)) || this.word(f) === "'s" || this.word(f) === 'and')) f++;
    if (f >= end) return null;
    const range = { first: f, end };
    return this.hasHead(range) ? range : null;
  }

  /** The noun phrase starting at token `first`, not reaching `limit`. */
  npRight(first: number, limit: number): TokenRange | null {
    let i = first;
    while (i < limit && i - first < MAX_NP) {
      // A personal pronoun is a whole phrase ("told them the ferry would run" has two).
      if (PERSONAL_PRONOUNS.has(this.word(i)) && this.tag(i) === 'PRON') {
        if (i === first) i++;
        break;
      }
      // "told the AP her group ...", "told reporters the vote ...": a determiner after a noun opens the next phrase.
      if (i > first && (this.tag(i) === 'DET' || POSSESSIVE.has(this.word(i))) && (this.tag(i - 1) === 'NOUN' || this.tag(i - 1) === 'PROPN') && !DEMONSTRATIVES.has(this.word(i))) break;
      if (this.isNpToken(i)) i++;
      else if (NP_BRIDGE.has(this.word(i)) && i > first && i + 1 < limit && this.isNpToken(i + 1)) i++;
      else if (this.word(i) === 'and' && this.tag(i - 1) === 'PROPN' && this.tag(i + 1) === 'PROPN') i++;
      else break;
    }
    if (i === first) return null;
    const range = { first, end: i };
    return this.hasHead(range) ? range : null;
  }

  /** Whether a quotation reads as a title ("“Fox and Friends”"): at most six words, capitalised, no punctuation closing it. */
  isTitleLike(q: { start: number; end: number } | null): boolean {
    if (!q) return false;
    const text = this.doc.text.slice(q.start, q.end);
    const inner = text.replace(/^\P{L}+|\P{L}+$/gu, '');
    const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    return words.length > 0 && words.length <= 6 && /^\p{Lu}/u.test(inner) && !/[.,!?;:]\P{L}*$/u.test(text);
  }

  /** The index of the first token starting at or after offset `at` (tokens.length when there is none). */
  tokenFrom(at: number): number {
    return countWhile(this.tokens.length, (i) => this.tokens[i]!.start < at);
  }

  /** The speech-like quote whose closing mark ends exactly at or just before offset `at` (spaces and commas between). */
  quoteEndingBefore(at: number): Quote | null {
    let p = at;
    // Never back over a paragraph break: a quotation closing the paragraph before is not this sentence's.
    while (p > 0 && /[^\S\n]|,/.test(this.doc.norm[p - 1]!)) p--;
    // A short quotation counts when it ends in punctuation ("'Denver,' he answered").
    const short = this.punctuatedQuoteByEnd.get(p);
    // ... unless a name's possessive or a preposition shows it is a title ("on Fox News's “Hannity,” Gingrich said if ...";
    // "It's “absurd,” Jones said" is no possessive).
    const before = short === undefined ? null : /(\p{Lu}[\p{L}.-]*)'s\s*$|\b(on|in|at|of|from|to)\s*$/iu.exec(this.doc.norm.slice(Math.max(0, short.start - 40), short.start));
    const title = before !== null && (before[2] !== undefined || !CONTRACTED.has(before[1]!.toLowerCase()));
    const quote = this.quoteByEnd.get(p) ?? (title ? undefined : short);
    return quote && quote.closed ? quote : null;
  }

  /** Any double-quoted span (however short) opening at offset `at`: right after a cue, even "We'll see" is speech. */
  anyQuoteStartingAt(at: number): Quote | null {
    let p = at;
    while (p < this.doc.norm.length && /\s/.test(this.doc.norm[p]!)) p++;
    return this.quoteByStart.get(p) ?? this.shortQuoteByStart.get(p) ?? null;
  }

  /** The speech-like quote opening at offset `at` (after spaces), if any. */
  quoteStartingAt(at: number): Quote | null {
    let p = at;
    while (p < this.doc.norm.length && /\s/.test(this.doc.norm[p]!)) p++;
    return this.quoteByStart.get(p) ?? null;
  }

  /**
   * Where content in a sentence stops: the end of the last token, leaving out
   * a final full stop (kept when it sits inside a closing quotation).
   */
  sentenceContentEnd(si: number): number {
    const s = this.sentences[si]!;
    let last = s.endToken - 1;
    while (last > s.firstToken && /^[.!?;]+$/.test(this.word(last)) && this.word(last) !== '?') last--;
    return this.end(last);
  }
}
