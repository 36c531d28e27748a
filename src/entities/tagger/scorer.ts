/**
 * Tagging-time scoring: a compact feature-hash -> weights map, and the
 * emission computation that reuses each distinct word's cached intrinsic
 * score vector so only contextual features are looked up per token.
 *
 * Layout is chosen for cache misses, which dominate: one open-addressing
 * table of (key, packed row) int pairs, and rows stored sparsely (about one
 * label in five has a non-zero weight) as ints (weight << 5 | label) in
 * units of the model's quantisation step.
 */
import { NUM_LABELS } from './labels.js';
import { NB_OFFSETS, type PreparedSentence, type WordEntry } from './features.js';
import { viterbi, viterbiTables, ViterbiScratch, type TransitionWeights, type ViterbiTables } from './perceptron.js';

const L = NUM_LABELS;
/** Floats in one word's score vector: intrinsic, then one block per neighbour offset. */
const WORD_SCORES = (1 + NB_OFFSETS.length) * L;

/** The weights of one tagging pass. */
export interface PassWeights extends TransitionWeights {
  /** Feature hash of each weight row. */
  keys: Uint32Array;
  /** rows x NUM_LABELS. */
  w: Float32Array;
}

/**
 * All passes' weights behind one hash table, so a contextual feature is
 * looked up once: the first pass records the slot it found and the second
 * pass reuses it.
 */
export class PassScorer {
  /** Slots of STRIDE ints: key, then per pass (firstEntry << 5) | count; key 0 = empty. */
  private readonly table: Int32Array;
  private readonly stride: number;
  private readonly mask: number;
  private readonly entries: Int32Array[] = [];
  /** Transitions per pass, in weight units (divided by the quantisation step). */
  private readonly tw: ViterbiTables[] = [];
  private emit = new Float32Array(64 * L);
  /** Per-word score vectors (see wordScores), WORD_SCORES floats each. */
  private pool = new Float32Array(1 << 20);
  private poolUsed = 0;
  private readonly scratch = new ViterbiScratch();

  constructor(passes: readonly PassWeights[]) {
    if (passes.length < 1 || passes.length > 2) throw new RangeError(`PassScorer: 1 or 2 passes, got ${passes.length}`);
    this.stride = 1 + passes.length;
    const rowsOf = new Map<number, Int32Array>();
    passes.forEach((pw, pass) => {
      const { keys, w } = pw;
      let maxAbs = 0;
      for (const v of w) maxAbs = Math.max(maxAbs, Math.abs(v));
      const step = maxAbs > 0 ? maxAbs / 32767 : 1;
      const packed: number[] = [];
      for (let r = 0; r < keys.length; r++) {
        const first = packed.length;
        for (let y = 0; y < L; y++) {
          const q = Math.round(w[r * L + y]! / step);
          if (q !== 0) packed.push((q << 5) | y);
        }
        if (packed.length === first) continue;
        let cols = rowsOf.get(keys[r]! | 0);
        if (!cols) rowsOf.set(keys[r]! | 0, (cols = new Int32Array(passes.length)));
        cols[pass] = (first << 5) | (packed.length - first);
      }
      this.entries.push(Int32Array.from(packed));
      const scale = (a: Float32Array): Float32Array => a.map((v) => v / step);
      this.tw.push(viterbiTables({ trans: scale(pw.trans), start: scale(pw.start), end: scale(pw.end) }));
    });
    let cap = 16;
    while (cap < rowsOf.size * 2) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * this.stride);
    for (const [key, cols] of rowsOf) {
      let slot = key & this.mask;
      while (this.table[slot * this.stride] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * this.stride] = key;
      this.table.set(cols, slot * this.stride + 1);
    }
  }

  get passes(): number {
    return this.tw.length;
  }

  /** Table offset of a feature's slot, or -1. */
  private find(hash: number): number {
    const table = this.table;
    const stride = this.stride;
    const key = hash | 0;
    let slot = key & this.mask;
    for (;;) {
      const t = table[slot * stride]!;
      if (t === key) return slot * stride;
      if (t === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private addRow(row: number, entries: Int32Array, out: Float32Array, o: number): void {
    for (let j = row >>> 5, e = j + (row & 31); j < e; j++) {
      const x = entries[j]!;
      out[o + (x & 31)]! += x >> 5;
    }
  }

  private addFeatures(hashes: Uint32Array, from: number, to: number, pass: number, out: Float32Array, o: number, slots?: Int32Array): void {
    const entries = this.entries[pass]!;
    const table = this.table;
    for (let k = from; k < to; k++) {
      const at = this.find(hashes[k]!);
      if (slots) slots[k] = at;
      if (at < 0) continue;
      const row = table[at + 1 + pass]!;
      if (row !== 0) this.addRow(row, entries, out, o);
    }
  }

  /**
   * Forget every word's score vector: the feature extractor dropped its word
   * cache (the entries holding offsets into the pool are gone).
   */
  resetPool(): void {
    this.poolUsed = 0;
  }

  /**
   * Offset in the pool of a word's cached scores for one pass: its intrinsic
   * features at [0, L), then what it gives the token at NB_OFFSETS[k] from
   * it at [(k+1)L, (k+2)L). One vector per word keeps the per-token work to
   * five contiguous reads from one array.
   */
  private wordScores(e: WordEntry, pass: number): number {
    const cached = pass === 0 ? e.scores0 : e.scores1;
    if (cached >= 0) return cached;
    const at = this.poolUsed;
    if (at + WORD_SCORES > this.pool.length) {
      const next = new Float32Array(this.pool.length * 2);
      next.set(this.pool);
      this.pool = next;
    }
    this.poolUsed += WORD_SCORES;
    const s = this.pool;
    // A plain loop: TypedArray#fill over a range is a runtime call, and this
    // runs once per new word and pass.
    for (let j = at, e2 = at + WORD_SCORES; j < e2; j++) s[j] = 0;
    this.addFeatures(e.intrinsic, 0, e.intrinsic.length, pass, s, at);
    for (let k = 0; k < NB_OFFSETS.length; k++) this.addFeatures(e.nb, e.nbStart[k]!, e.nbStart[k + 1]!, pass, s, at + (k + 1) * L);
    if (pass === 0) e.scores0 = at;
    else e.scores1 = at;
    return at;
  }

  /**
   * Decode one prepared sentence into BILOU labels with the given pass.
   * Pass 0 records where each contextual feature was found; later passes
   * (which also add the sentence's second-pass features) reuse that.
   */
  decode(s: PreparedSentence, pass: number, out: Uint8Array): void {
    const n = s.entries.length;
    if (this.emit.length < n * L) this.emit = new Float32Array(n * L * 2);
    const emit = this.emit;
    const table = this.table;
    const entries = this.entries[pass]!;
    const slots = s.ctxSlots;
    const resolve = !s.ctxResolved;
    s.ctxResolved = true;
    const p2 = pass > 0 ? s.p2 : undefined;
    const p2Start = pass > 0 ? s.p2Start : undefined;
    for (let i = 0; i < n; i++) {
      const o = i * L;
      // Token i: its own word's intrinsic scores plus, from the word at i + d,
      // the scores that word keeps for offset d (NB_OFFSETS = -2, -1, 1, 2).
      const w0 = this.wordScores(s.entries[i]!, pass);
      const m2 = this.wordScores(s.padded[i]!, pass) + L;
      const m1 = this.wordScores(s.padded[i + 1]!, pass) + 2 * L;
      const p1 = this.wordScores(s.padded[i + 3]!, pass) + 3 * L;
      const p2w = this.wordScores(s.padded[i + 4]!, pass) + 4 * L;
      // Read the pool after the lookups above: they may have grown it.
      const pool = this.pool;
      for (let y = 0; y < L; y++) emit[o + y] = pool[w0 + y]! + pool[m2 + y]! + pool[m1 + y]! + pool[p1 + y]! + pool[p2w + y]!;
      const from = s.ctxStart[i]!;
      const to = s.ctxStart[i + 1]!;
      if (resolve) this.addFeatures(s.ctx, from, to, pass, emit, o, slots);
      else {
        for (let k = from; k < to; k++) {
          const at = slots[k]!;
          if (at < 0) continue;
          const row = table[at + 1 + pass]!;
          if (row !== 0) this.addRow(row, entries, emit, o);
        }
      }
      if (p2 && p2Start) this.addFeatures(p2, p2Start[i]!, p2Start[i + 1]!, pass, emit, o);
    }
    viterbi(emit, n, this.tw[pass]!, out, this.scratch);
  }
}
