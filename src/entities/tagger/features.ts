/**
 * Feature extraction. A feature is a uint32 hash: mix(template, value). The
 * word-intrinsic part (word, affixes, shape, lexicon codes) is computed once
 * per distinct string and cached on a WordEntry, together with (at tagging
 * time) the summed weights of those features; the contextual part (window
 * words, shapes, sentence position, name-list spans, document features) is
 * computed per sentence.
 */
import { mix, mix3 } from './hash.js';
import {
  CASE_LOWER,
  CASE_TITLE,
  CASE_UPPER,
  Lexicon,
  MAX_SPAN,
  SPAN_SEED,
  codeCasing,
  codeCount,
  codeHas,
  codeLowerFreq,
  codeMajority,
  spanKeyStep,
} from './lexicon.js';
import { NUM_LABELS, posOfLabel, typeOfLabel } from './labels.js';
import {
  F_ALLCAPS,
  F_HASALPHA,
  F_INITCAP,
  F_LOWER,
  F_PUNCT,
  isHeadline,
  wordFacts,
  type WordFacts,
} from './word.js';

/** Template ids. Changing any of these invalidates saved models (bump FEATURE_VERSION). */
export const FEATURE_VERSION = 1;
let nextTemplate = 1;
const tpl = (): number => nextTemplate++;
const T_BIAS = tpl(), T_W = tpl(), T_LW = tpl(), T_LSH = tpl(), T_SSH = tpl(), T_PRE = tpl(), T_SUF = tpl();
const T_LEN = tpl(), T_LXM = tpl(), T_LXH = tpl(), T_LXC = tpl(), T_UNSEEN = tpl(), T_LLM = tpl(), T_LLH = tpl();
const T_CASE = tpl(), T_LOWF = tpl();
const T_WIN = tpl(), T_BI_L = tpl(), T_BI_R = tpl(), T_SS_NB = tpl(), T_SS3 = tpl(), T_SS_L = tpl(), T_SS_R = tpl();
const T_W_SS = tpl(), T_SS_W = tpl(), T_LX_NB = tpl(), T_FIRST = tpl(), T_FIRST_LEX = tpl(), T_HEAD = tpl();
const T_SLEN = tpl(), T_GZH = tpl(), T_GZM = tpl(), T_LIST = tpl(), T_LIST_NB = tpl(), T_DOC = tpl(), T_TRUE = tpl();
const T_P1 = tpl(), T_P1_NB = tpl(), T_P2_MAJ = tpl(), T_P2_HAS = tpl(), T_P2_NONE = tpl(), T_P2_POS = tpl();
const T_LIST_CAP = tpl(), T_SUF_SS = tpl();

const BOS = 0x0b05;
const EOS = 0x0e05;

/** Offsets of the neighbour features a word gives the tokens around it. */
export const NB_OFFSETS = [-2, -1, 1, 2] as const; // PassScorer relies on this order and NB_PAD = 2
/** Padding on each side of PreparedSentence.padded. */
export const NB_PAD = 2;
/** Layout of WordEntry.nb: a word gives 1, 3, 3, 1 features at -2, -1, +1, +2; a sentence boundary 1, 2, 2, 1. */
const WORD_NB_START = [0, 1, 4, 7, 8] as const;
const BOUNDARY_NB_START = [0, 1, 3, 5, 6] as const;

/** Per lower-cased form: scratch space for document-level counts, stamped by document. */
interface LowerInfo {
  docStamp: number;
  docBits: number;
  /** Document stamp when the word occurs in a headline (its body casing is wanted). */
  headStamp: number;
  p2Stamp: number;
  /** Allocated on first use: only capitalised words need it. */
  p2Counts: Int32Array | null;
}

export interface WordEntry extends WordFacts {
  /** Lexicon code of the exact (digit-normalised) string, -1 if never seen. */
  exactCode: number;
  lowerCode: number;
  intrinsic: Uint32Array;
  /**
   * Features this word gives the token at NB_OFFSETS[k] from it (window
   * word, shape and lexicon class): they depend on this word only, so their
   * weights are cached per word like the intrinsic ones.
   */
  nb: Uint32Array;
  /** Features for NB_OFFSETS[k] are nb[nbStart[k] .. nbStart[k+1]) (one array: fewer allocations per new word). */
  nbStart: readonly number[];
  /**
   * Where the summed weights of the intrinsic and nb features for model
   * pass 0 and pass 1 start in the tagger's score pool, or -1 before they are
   * computed (tagging only; see PassScorer). Offsets into one shared array
   * rather than an array per word: no allocation per new word and one
   * base pointer for every read.
   */
  scores0: number;
  scores1: number;
  lo: LowerInfo;
}

export interface PreparedSentence {
  tokens: readonly string[];
  entries: WordEntry[];
  /** entries with NB_PAD sentence-boundary entries on each side. */
  padded: WordEntry[];
  headline: boolean;
  /**
   * Contextual feature hashes of token i are ctx[ctxStart[i] .. ctxStart[i+1]).
   * ctx, ctxStart and ctxSlots are views into arrays shared by the whole
   * document (one allocation per document rather than several per sentence).
   */
  ctx: Uint32Array;
  ctxStart: Uint32Array;
  /** Where the tagger found each ctx feature: filled by the first pass (see ctxResolved), reused by the second. */
  ctxSlots: Int32Array;
  ctxResolved: boolean;
  /** Second-pass (document agreement) features, same layout; set by addPass2Features. */
  p2?: Uint32Array;
  p2Start?: Uint32Array;
}

export interface PreparedDoc {
  sentences: PreparedSentence[];
}

class HashBuffer {
  data = new Uint32Array(1024);
  length = 0;
  push(h: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = h;
  }
  take(): Uint32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

const NO_HASHES = new Uint32Array(0);
const NO_SLOTS = new Int32Array(0);

/**
 * Cut document-wide feature and start buffers into per-sentence views:
 * sentence k's features are hashes[featAt[k] .. featAt[k+1]) and its token
 * starts (relative to its first feature, n + 1 of them) begin at startAt[k].
 */
function cutViews(
  sentences: readonly { entries: readonly unknown[] }[],
  hashes: Uint32Array,
  starts: Uint32Array,
  featAt: readonly number[],
  startAt: readonly number[],
  set: (k: number, feats: Uint32Array, start: Uint32Array) => void,
): void {
  for (let k = 0; k < sentences.length; k++) {
    set(k, hashes.subarray(featAt[k]!, featAt[k + 1]!), starts.subarray(startAt[k]!, startAt[k]! + sentences[k]!.entries.length + 1));
  }
}

const DOC_CAP_MID = 1;
const DOC_LOWER = 2;
/** Distinct words cached (about 1.3 KB each with their scores): bounds memory near 130 MB. */
const MAX_CACHE = 100_000;

export class FeatureExtractor {
  private readonly cache = new Map<string, WordEntry>();
  private readonly lowerInfo = new Map<number, LowerInfo>();
  private docStamp = 0;
  /** Bumped whenever the word cache is dropped (score offsets held elsewhere go stale). */
  generation = 0;
  private readonly bos: WordEntry;
  private readonly eos: WordEntry;
  private readonly buf = new HashBuffer();
  /** Per-token feature starts, relative to their sentence's first feature. */
  private readonly startBuf = new HashBuffer();
  private readonly intrinsicBuf = new HashBuffer();

  constructor(readonly lexicon: Lexicon) {
    this.bos = this.boundaryEntry(BOS);
    this.eos = this.boundaryEntry(EOS);
  }

  private boundaryEntry(mark: number): WordEntry {
    const e = this.makeEntry(mark === BOS ? '<s>' : '</s>');
    e.nb = Uint32Array.of(
      mix3(T_WIN, -2, mark),
      mix3(T_WIN, -1, mark),
      mix3(T_SS_NB, -1, mark),
      mix3(T_WIN, 1, mark),
      mix3(T_SS_NB, 1, mark),
      mix3(T_WIN, 2, mark),
    );
    e.nbStart = BOUNDARY_NB_START;
    return e;
  }

  entry(text: string): WordEntry {
    let e = this.cache.get(text);
    if (e) return e;
    e = this.makeEntry(text);
    this.cache.set(text, e);
    return e;
  }

  private makeEntry(text: string): WordEntry {
    const f = wordFacts(text);
    const exactCode = this.lexicon.exact.get(f.normHash);
    const lowerCode = this.lexicon.lower.get(f.lowerHash);
    const b = this.intrinsicBuf;
    b.push(mix(T_BIAS, 0));
    b.push(mix(T_W, f.normHash));
    b.push(mix(T_LW, f.lowerHash));
    b.push(mix(T_LSH, f.longShapeHash));
    b.push(mix(T_SSH, f.shortShapeHash));
    const lw = f.lower;
    for (let k = 1; k <= 4 && k < lw.length; k++) {
      b.push(mix3(T_PRE, k, lowerPrefixHash(lw, k)));
      b.push(mix3(T_SUF, k, lowerSuffixHash(lw, k)));
    }
    if (lw.length > 3) b.push(mix3(T_SUF_SS, f.shortShapeHash, lowerSuffixHash(lw, 3)));
    b.push(mix(T_LEN, Math.min(text.length, 10)));
    if (exactCode < 0) {
      b.push(mix(T_UNSEEN, f.shortShapeHash));
    } else {
      b.push(mix(T_LXM, codeMajority(exactCode)));
      b.push(mix3(T_LXC, codeCount(exactCode), codeMajority(exactCode)));
      for (let c = 0; c < 5; c++) if (codeHas(exactCode, c)) b.push(mix(T_LXH, c));
    }
    if (lowerCode >= 0) {
      b.push(mix(T_LLM, codeMajority(lowerCode)));
      for (let c = 0; c < 5; c++) if (codeHas(lowerCode, c)) b.push(mix(T_LLH, c));
      b.push(mix3(T_CASE, codeCasing(lowerCode), f.flags & (F_INITCAP | F_ALLCAPS)));
      b.push(mix3(T_LOWF, codeLowerFreq(lowerCode), f.flags & (F_INITCAP | F_ALLCAPS)));
    }
    const intrinsic = b.take();
    const lexClass = exactCode < 0 ? 7 : codeMajority(exactCode);
    const w = f.lowerHash;
    const sh = f.shortShapeHash;
    const nb = Uint32Array.of(
      mix3(T_WIN, -2, w),
      mix3(T_WIN, -1, w),
      mix3(T_SS_NB, -1, sh),
      mix3(T_LX_NB, -1, lexClass),
      mix3(T_WIN, 1, w),
      mix3(T_SS_NB, 1, sh),
      mix3(T_LX_NB, 1, lexClass),
      mix3(T_WIN, 2, w),
    );
    let lo = this.lowerInfo.get(f.lowerHash);
    if (!lo) this.lowerInfo.set(f.lowerHash, (lo = { docStamp: 0, docBits: 0, headStamp: 0, p2Stamp: 0, p2Counts: null }));
    // An explicit literal, not a spread of f: V8 builds spread objects with
    // extra keys through a slow path (this was most of the cost of a new word).
    return {
      text: f.text,
      norm: f.norm,
      lower: f.lower,
      normHash: f.normHash,
      lowerHash: f.lowerHash,
      longShapeHash: f.longShapeHash,
      shortShapeHash: f.shortShapeHash,
      shortShape: f.shortShape,
      flags: f.flags,
      exactCode,
      lowerCode,
      intrinsic,
      nb,
      nbStart: WORD_NB_START,
      scores0: -1,
      scores1: -1,
      lo,
    };
  }

  /**
   * Case a headline word as the document (or else the lexicon) usually
   * writes it. In a title-case headline only words usually written in lower
   * case change; names keep their capital.
   */
  private trueCase(e: WordEntry, variants: Map<number, string>, allCaps: boolean): { entry: WordEntry; source: number } {
    if (!(e.flags & F_HASALPHA)) return { entry: e, source: 0 };
    const v = variants.get(e.lowerHash);
    if (v !== undefined) return { entry: this.entry(v), source: 1 };
    if (e.lowerCode >= 0) {
      const c = codeCasing(e.lowerCode);
      if (c === CASE_LOWER) return { entry: this.entry(e.text.toLowerCase()), source: 2 };
      if (c === CASE_TITLE && allCaps) return { entry: this.entry(e.text.charAt(0) + e.text.slice(1).toLowerCase()), source: 3 };
      if (c === CASE_UPPER || c === CASE_TITLE) return { entry: e, source: 4 };
    }
    // An unknown word in a title-case headline: names in a headline come back
    // in the body (and then have a variant above), so this is more likely a
    // capitalised common word ("Putin Sends Letter").
    if (!allCaps && e.flags & F_INITCAP) return { entry: this.entry(e.text.toLowerCase()), source: 6 };
    return { entry: e, source: 5 };
  }

  /**
   * A headline in title case ("Putin Sends Letter to Kim as Ties Deepen"):
   * most words capitalised, among them at least two that the lexicon knows as
   * usually lower-case words. A line of names has capitals but no such words.
   */
  private isTitleCaseHeadline(es: readonly WordEntry[]): boolean {
    let words = 0;
    let capitals = 0;
    let commonCapitals = 0;
    let lowers = 0;
    const maxLowers = 0.3 * es.length;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      if (!(e.flags & F_HASALPHA) || e.text.length < 2) continue;
      words++;
      if (!(e.flags & F_INITCAP)) {
        if (++lowers > maxLowers) return false; // running text: stop early
        continue;
      }
      capitals++;
      if (i > 0 && e.lowerCode >= 0 && codeCasing(e.lowerCode) === CASE_LOWER && codeLowerFreq(e.lowerCode) >= 2) commonCapitals++;
    }
    return words >= 3 && capitals >= 0.7 * words && commonCapitals >= 2;
  }

  prepareDoc(sentences: readonly (readonly string[])[]): PreparedDoc {
    // Caches are bounded; clear them only between documents so that all
    // entries of one document share their LowerInfo.
    if (this.cache.size >= MAX_CACHE) {
      this.cache.clear();
      this.lowerInfo.clear();
      for (const e of [this.bos, this.eos]) e.scores0 = e.scores1 = -1;
      this.generation++;
    }
    const stamp = ++this.docStamp;
    const raw = sentences.map((toks) => toks.map((t) => this.entry(t)));
    const allCaps = raw.map((es) => isHeadline(es));
    const headline = raw.map((es, si) => allCaps[si]! || this.isTitleCaseHeadline(es));
    // Words of headline sentences: only their casing in the body is needed.
    raw.forEach((es, si) => {
      if (headline[si]) for (const e of es) e.lo.headStamp = stamp;
    });
    // Document casing evidence, from mixed-case sentences only.
    const variantCounts = new Map<number, Map<string, number>>();
    raw.forEach((es, si) => {
      if (headline[si]) return;
      for (let i = 0; i < es.length; i++) {
        const e = es[i]!;
        if (!(e.flags & F_HASALPHA)) continue;
        const lo = e.lo;
        if (lo.docStamp !== stamp) {
          lo.docStamp = stamp;
          lo.docBits = 0;
        }
        if (e.flags & F_LOWER) lo.docBits |= DOC_LOWER;
        else if (i > 0 && e.flags & F_INITCAP) lo.docBits |= DOC_CAP_MID;
        if (i > 0 && lo.headStamp === stamp) {
          let m = variantCounts.get(e.lowerHash);
          if (!m) variantCounts.set(e.lowerHash, (m = new Map()));
          m.set(e.text, (m.get(e.text) ?? 0) + 1);
        }
      }
    });
    const variants = new Map<number, string>();
    for (const [k, m] of variantCounts) {
      let best = '';
      let bestN = 0;
      for (const [t, n] of m) if (n > bestN) [best, bestN] = [t, n];
      variants.set(k, best);
    }
    const out: PreparedSentence[] = [];
    const featAt: number[] = [];
    const startAt: number[] = [];
    for (let si = 0; si < raw.length; si++) {
      let entries = raw[si]!;
      let sources: number[] | null = null;
      if (headline[si]) {
        const tc = entries.map((e) => this.trueCase(e, variants, allCaps[si]!));
        entries = tc.map((x) => x.entry);
        sources = tc.map((x) => x.source);
      }
      featAt.push(this.buf.length);
      startAt.push(this.startBuf.length);
      out.push(this.sentenceFeatures(sentences[si]!, entries, headline[si]!, sources, stamp));
    }
    featAt.push(this.buf.length);
    const ctx = this.buf.take();
    const slots = new Int32Array(ctx.length);
    cutViews(out, ctx, this.startBuf.take(), featAt, startAt, (k, feats, start) => {
      const s = out[k]!;
      s.ctx = feats;
      s.ctxStart = start;
      s.ctxSlots = slots.subarray(featAt[k]!, featAt[k + 1]!);
    });
    return { sentences: out };
  }

  private sentenceFeatures(
    tokens: readonly string[],
    es: WordEntry[],
    headline: boolean,
    sources: number[] | null,
    stamp: number,
  ): PreparedSentence {
    const n = es.length;
    const b = this.buf;
    const base = b.length;
    const starts = this.startBuf;
    const gz = this.spanMatches(es, this.lexicon.span, false);
    const lists = this.spanMatches(es, this.lexicon.list, true);
    const lowerAt = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : es[i]!.lowerHash);
    const shapeAt = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : es[i]!.shortShapeHash);
    for (let i = 0; i < n; i++) {
      starts.push(b.length - base);
      const e = es[i]!;
      const w0 = e.lowerHash;
      const s0 = e.shortShapeHash;
      const wm1 = lowerAt(i - 1);
      const wp1 = lowerAt(i + 1);
      const sm1 = shapeAt(i - 1);
      const sp1 = shapeAt(i + 1);
      b.push(mix3(T_BI_L, wm1, w0));
      b.push(mix3(T_BI_R, w0, wp1));
      b.push(mix(mix3(T_SS3, sm1, s0), sp1));
      b.push(mix3(T_SS_L, sm1, s0));
      b.push(mix3(T_SS_R, s0, sp1));
      b.push(mix3(T_W_SS, wm1, s0));
      b.push(mix3(T_SS_W, s0, wp1));
      if (i === 0) {
        b.push(mix(T_FIRST, s0));
        if (e.lowerCode >= 0) b.push(mix3(T_FIRST_LEX, codeLowerFreq(e.lowerCode), codeCasing(e.lowerCode)));
        else b.push(mix3(T_FIRST_LEX, 7, 7));
      }
      if (headline) {
        b.push(mix(T_HEAD, s0));
        b.push(mix3(T_TRUE, sources![i]!, s0));
      }
      b.push(mix3(T_SLEN, Math.min(n, 4), s0));
      const g = gz[i]!;
      if (g !== 0) {
        const code = g >> 3;
        const pos = g & 3;
        for (let t = 0; t < 4; t++) if (codeHas(code, t)) b.push(mix3(T_GZH, t, pos));
        b.push(mix3(T_GZM, codeMajority(code), pos + 4 * codeCount(code)));
      }
      const l = lists[i]!;
      if (l !== 0) {
        const cats = l >> 3;
        const pos = l & 3;
        for (let c = 0; cats >> c; c++) {
          if (!((cats >> c) & 1)) continue;
          b.push(mix3(T_LIST, c, pos));
          b.push(mix3(T_LIST_CAP, c, e.flags & (F_INITCAP | F_ALLCAPS)));
        }
      }
      for (let off = -1; off <= 1; off += 2) {
        const j = i + off;
        if (j < 0 || j >= n) continue;
        const lj = lists[j]!;
        if (lj === 0) continue;
        const cats = lj >> 3;
        for (let c = 0; cats >> c; c++) if ((cats >> c) & 1) b.push(mix3(T_LIST_NB, off, c));
      }
      if (e.flags & F_INITCAP && e.flags & F_HASALPHA) {
        const posClass = headline ? 2 : i === 0 ? 1 : 0;
        const docBits = e.lo.docStamp === stamp ? e.lo.docBits : 0;
        b.push(mix3(T_DOC, docBits | (posClass << 2), e.flags & F_ALLCAPS));
      }
    }
    starts.push(b.length - base);
    const padded = [this.bos, this.bos, ...es, this.eos, this.eos];
    // ctx, ctxStart and ctxSlots are cut from the document's buffers by prepareDoc.
    return { tokens, entries: es, padded, headline, ctx: NO_HASHES, ctxStart: NO_HASHES, ctxSlots: NO_SLOTS, ctxResolved: false };
  }

  /**
   * Greedy longest matches of a span table over the sentence. Result per
   * token: 0 = no match, else (code << 3) | 4 | position (B/I/L/U as 0..3).
   */
  private spanMatches(es: WordEntry[], table: { get(k: number): number }, byLower: boolean): Int32Array {
    const n = es.length;
    const out = new Int32Array(n);
    let i = 0;
    while (i < n) {
      // Names start with a capital or a digit; skipping other starts halves the lookups.
      if (es[i]!.flags & (F_LOWER | F_PUNCT)) {
        i++;
        continue;
      }
      let key = SPAN_SEED;
      let bestLen = 0;
      let bestCode = 0;
      for (let j = i; j < n && j - i < MAX_SPAN; j++) {
        key = spanKeyStep(key, byLower ? es[j]!.lowerHash : es[j]!.normHash);
        const code = table.get(key);
        if (code >= 0) {
          bestLen = j - i + 1;
          bestCode = code;
        }
      }
      if (bestLen === 0) {
        i++;
        continue;
      }
      for (let k = 0; k < bestLen; k++) {
        const pos = bestLen === 1 ? 3 : k === 0 ? 0 : k === bestLen - 1 ? 2 : 1;
        out[i + k] = (bestCode << 3) | 4 | pos;
      }
      i += bestLen;
    }
    return out;
  }

  /**
   * Features from a first tagging pass: what the same word got elsewhere in
   * the document (a name keeps its type across an article) and the first
   * pass's own labels around the token.
   */
  addPass2Features(doc: PreparedDoc, pass1: readonly ArrayLike<number>[]): void {
    const stamp = ++this.docStamp;
    doc.sentences.forEach((s, si) => {
      const labels = pass1[si]!;
      for (let i = 0; i < s.entries.length; i++) {
        const e = s.entries[i]!;
        if (!(e.flags & F_INITCAP && e.flags & F_HASALPHA)) continue;
        let c = e.lo.p2Counts;
        if (!c) c = e.lo.p2Counts = new Int32Array(5);
        if (e.lo.p2Stamp !== stamp) {
          e.lo.p2Stamp = stamp;
          c.fill(0);
        }
        c[typeOfLabel(labels[i]!) + 1]!++;
      }
    });
    const b = this.buf;
    const starts = this.startBuf;
    const others = new Int32Array(5);
    const featAt: number[] = [];
    const startAt: number[] = [];
    doc.sentences.forEach((s, si) => {
      const labels = pass1[si]!;
      const n = s.entries.length;
      const base = b.length;
      featAt.push(base);
      startAt.push(starts.length);
      for (let i = 0; i < n; i++) {
        starts.push(b.length - base);
        const l0 = labels[i]!;
        b.push(mix(T_P1, l0));
        b.push(mix3(T_P1_NB, -1, i > 0 ? labels[i - 1]! : NUM_LABELS));
        b.push(mix3(T_P1_NB, 1, i + 1 < n ? labels[i + 1]! : NUM_LABELS));
        const e = s.entries[i]!;
        const c = e.lo.p2Counts;
        if (e.lo.p2Stamp !== stamp || !c) continue;
        let total = 0;
        let best = 0;
        for (let k = 0; k < 5; k++) {
          others[k] = c[k]! - (k === typeOfLabel(l0) + 1 ? 1 : 0);
          total += others[k]!;
          if (others[k]! > others[best]!) best = k;
        }
        if (total === 0) {
          b.push(mix(T_P2_NONE, posOfLabel(l0) + 1));
          continue;
        }
        b.push(mix3(T_P2_MAJ, best, Math.min(total, 3)));
        b.push(mix3(T_P2_POS, best, s.headline ? 2 : i === 0 ? 1 : 0));
        for (let k = 0; k < 5; k++) if (others[k]! > 0) b.push(mix3(T_P2_HAS, k, others[k] === total ? 1 : 0));
      }
      starts.push(b.length - base);
    });
    featAt.push(b.length);
    cutViews(doc.sentences, b.take(), starts.take(), featAt, startAt, (k, feats, start) => {
      doc.sentences[k]!.p2 = feats;
      doc.sentences[k]!.p2Start = start;
    });
  }
}

function lowerPrefixHash(s: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function lowerSuffixHash(s: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = s.length - k; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
