/**
 * Name lists learnt from tagged data (and lists we wrote in data/ner-lists):
 * how often each word and each whole name string carried each type, and how
 * a word is usually capitalised. Everything is keyed by hashes, so a saved
 * model holds no text from its training corpus.
 *
 * For training, these lists are built by cross-validation ("jackknifing"):
 * a document's features come from lists built on the other folds, so the
 * model learns how far to trust a list hit on names it has not seen, rather
 * than learning that every training name is in the list.
 */
import { FrozenHashMap, mix } from './hash.js';
import { bioToMentions } from './labels.js';
import type { NerDocument } from './corpus.js';
import { F_ALLCAPS, F_HASALPHA, F_INITCAP, F_LOWER, isHeadline, wordFacts, type WordFacts } from './word.js';

/** Classes counted per word: O, PER, ORG, LOC, MISC. */
const CLASSES = 5;
const CLASS_OF: Record<string, number> = { PER: 1, ORG: 2, LOC: 3, MISC: 4 };
export const SPAN_SEED = 0x5a17;
export const MAX_SPAN = 6;

export const CASE_LOWER = 0;
export const CASE_TITLE = 1;
export const CASE_UPPER = 2;
export const CASE_NONE = 3;

/** Serialisable lexicon: parallel key/value arrays per table. */
export interface LexiconData {
  exactKeys: Uint32Array;
  exactCodes: Int32Array;
  lowerKeys: Uint32Array;
  lowerCodes: Int32Array;
  spanKeys: Uint32Array;
  spanCodes: Int32Array;
  listKeys: Uint32Array;
  listCodes: Int32Array;
  listCategories: string[];
}

export class Lexicon {
  readonly exact: FrozenHashMap;
  readonly lower: FrozenHashMap;
  readonly span: FrozenHashMap;
  readonly list: FrozenHashMap;
  constructor(readonly data: LexiconData) {
    this.exact = new FrozenHashMap(data.exactKeys, data.exactCodes);
    this.lower = new FrozenHashMap(data.lowerKeys, data.lowerCodes);
    this.span = new FrozenHashMap(data.spanKeys, data.spanCodes);
    this.list = new FrozenHashMap(data.listKeys, data.listCodes);
  }
}

function bucket(n: number): number {
  return n <= 1 ? 0 : n <= 4 ? 1 : n <= 19 ? 2 : 3;
}

/** Code of a class-count vector: has-mask (bits 0-4), majority (5-7), count bucket (8-9). */
function classCode(counts: ArrayLike<number>, n: number): number {
  let total = 0;
  let best = 0;
  for (let c = 0; c < n; c++) {
    total += counts[c]!;
    if (counts[c]! > counts[best]!) best = c;
  }
  let mask = 0;
  for (let c = 0; c < n; c++) if (counts[c]! > 0 && counts[c]! >= 0.1 * total) mask |= 1 << c;
  return mask | (best << 5) | (bucket(total) << 8);
}

export function codeHas(code: number, cls: number): boolean {
  return (code & (1 << cls)) !== 0;
}
export function codeMajority(code: number): number {
  return (code >> 5) & 7;
}
export function codeCount(code: number): number {
  return (code >> 8) & 3;
}
export function codeCasing(code: number): number {
  return (code >> 10) & 3;
}
export function codeLowerFreq(code: number): number {
  return (code >> 12) & 3;
}

/** Key of a token sequence for span tables: rolling mix of per-token hashes. */
export function spanKeyStep(prev: number, tokenHash: number): number {
  return mix(prev, tokenHash);
}

function getOrAdd(map: Map<number, Int32Array>, key: number, size: number): Int32Array {
  let v = map.get(key);
  if (!v) {
    v = new Int32Array(size);
    map.set(key, v);
  }
  return v;
}

function toArrays(map: Map<number, number>): { keys: Uint32Array; codes: Int32Array } {
  const keys = new Uint32Array(map.size);
  const codes = new Int32Array(map.size);
  let i = 0;
  for (const [k, v] of map) {
    keys[i] = k;
    codes[i] = v;
    i++;
  }
  return { keys, codes };
}

/** A name list entry: tokens separated by spaces, and a category. */
export interface ListEntry {
  text: string;
  category: string;
}

export function buildLexicon(docs: readonly NerDocument[], lists: readonly ListEntry[] = []): Lexicon {
  const exact = new Map<number, Int32Array>();
  // lower: 5 class counts, then casing counts lower/title/upper, seen mid-sentence
  const lower = new Map<number, Int32Array>();
  const spans = new Map<number, Int32Array>();
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const facts: WordFacts[] = s.tokens.map((t) => wordFacts(t));
      const headline = isHeadline(facts);
      const cls = new Uint8Array(s.tokens.length);
      for (const m of bioToMentions(s.tokens, s.tags)) {
        const c = CLASS_OF[m.type] ?? 0;
        let key = SPAN_SEED;
        for (let i = m.startToken; i < m.endToken; i++) {
          cls[i] = c;
          key = spanKeyStep(key, facts[i]!.normHash);
        }
        if (c > 0 && m.endToken - m.startToken <= MAX_SPAN) getOrAdd(spans, key, 4)[c - 1]!++;
      }
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i]!;
        getOrAdd(exact, f.normHash, CLASSES)[cls[i]!]!++;
        const lo = getOrAdd(lower, f.lowerHash, CLASSES + 3);
        lo[cls[i]!]!++;
        if (!headline && i > 0 && f.flags & F_HASALPHA) {
          if (f.flags & F_LOWER) lo[CLASSES]!++;
          else if (f.flags & F_ALLCAPS && f.text.length > 1) lo[CLASSES + 2]!++;
          else if (f.flags & F_INITCAP) lo[CLASSES + 1]!++;
        }
      }
    }
  }
  const exactCodes = new Map<number, number>();
  for (const [k, v] of exact) exactCodes.set(k, classCode(v, CLASSES));
  const lowerCodes = new Map<number, number>();
  for (const [k, v] of lower) {
    const lc = v[CLASSES]!;
    const tc = v[CLASSES + 1]!;
    const uc = v[CLASSES + 2]!;
    let casing = CASE_NONE;
    if (lc + tc + uc > 0) casing = lc >= tc && lc >= uc ? CASE_LOWER : tc >= uc ? CASE_TITLE : CASE_UPPER;
    const lowerFreq = lc === 0 ? 0 : lc <= 2 ? 1 : lc <= 9 ? 2 : 3;
    lowerCodes.set(k, classCode(v, CLASSES) | (casing << 10) | (lowerFreq << 12));
  }
  const spanCodes = new Map<number, number>();
  for (const [k, v] of spans) spanCodes.set(k, classCode(v, 4));

  const categories = [...new Set(lists.map((e) => e.category))].sort();
  if (categories.length > 30) throw new RangeError('too many name-list categories (max 30)');
  const listMap = new Map<number, number>();
  for (const e of lists) {
    let key = SPAN_SEED;
    const toks = e.text.split(/\s+/).filter(Boolean);
    if (toks.length === 0 || toks.length > MAX_SPAN) continue;
    for (const t of toks) key = spanKeyStep(key, wordFacts(t).lowerHash);
    listMap.set(key, (listMap.get(key) ?? 0) | (1 << categories.indexOf(e.category)));
  }
  const e = toArrays(exactCodes);
  const l = toArrays(lowerCodes);
  const sp = toArrays(spanCodes);
  const li = toArrays(listMap);
  return new Lexicon({
    exactKeys: e.keys,
    exactCodes: e.codes,
    lowerKeys: l.keys,
    lowerCodes: l.codes,
    spanKeys: sp.keys,
    spanCodes: sp.codes,
    listKeys: li.keys,
    listCodes: li.codes,
    listCategories: categories,
  });
}
