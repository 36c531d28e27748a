/**
 * Tagging-time scoring: a compact feature-hash -> weight-row map, and the
 * emission computation that reuses each distinct word's cached intrinsic
 * score vector so only contextual features are looked up per token.
 */
import { FrozenHashMap } from './hash.js';
import { NUM_LABELS } from './labels.js';
import type { PreparedSentence, WordEntry } from './features.js';
import { viterbi, ViterbiScratch, type TransitionWeights } from './perceptron.js';

const L = NUM_LABELS;

/** The weights of one tagging pass. */
export interface PassWeights extends TransitionWeights {
  /** Feature hash of each weight row. */
  keys: Uint32Array;
  /** rows x NUM_LABELS. */
  w: Float32Array;
}

export class PassScorer {
  private readonly rows: FrozenHashMap;
  private emit = new Float32Array(64 * L);
  private readonly scratch = new ViterbiScratch();

  constructor(
    readonly weights: PassWeights,
    /** Slot in WordEntry.scores for this pass's cached intrinsic scores. */
    private readonly slot: number,
  ) {
    const ids = new Int32Array(weights.keys.length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    this.rows = new FrozenHashMap(weights.keys, ids);
  }

  private addFeatures(hashes: Uint32Array, from: number, to: number, out: Float32Array, o: number): void {
    const w = this.weights.w;
    for (let k = from; k < to; k++) {
      const r = this.rows.get(hashes[k]!);
      if (r < 0) continue;
      const base = r * L;
      for (let y = 0; y < L; y++) out[o + y]! += w[base + y]!;
    }
  }

  private intrinsic(e: WordEntry): Float32Array {
    let s = e.scores[this.slot];
    if (!s) {
      s = new Float32Array(L);
      this.addFeatures(e.intrinsic, 0, e.intrinsic.length, s, 0);
      e.scores[this.slot] = s;
    }
    return s;
  }

  /** Decode one prepared sentence into BILOU labels. */
  decode(s: PreparedSentence, usePass2: boolean, out: Uint8Array): void {
    const n = s.entries.length;
    if (this.emit.length < n * L) this.emit = new Float32Array(n * L * 2);
    const emit = this.emit;
    for (let i = 0; i < n; i++) {
      const o = i * L;
      emit.set(this.intrinsic(s.entries[i]!), o);
      this.addFeatures(s.ctx, s.ctxStart[i]!, s.ctxStart[i + 1]!, emit, o);
      if (usePass2 && s.p2 && s.p2Start) this.addFeatures(s.p2, s.p2Start[i]!, s.p2Start[i + 1]!, emit, o);
    }
    viterbi(emit, n, this.weights, out, this.scratch);
  }
}
