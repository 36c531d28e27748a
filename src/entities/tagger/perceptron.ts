/**
 * Structured averaged perceptron over BILOU labels with first-order Viterbi
 * decoding (Collins 2002). Illegal BILOU transitions are hard constraints.
 */
import { NUM_LABELS, bilouRules } from './labels.js';

const L = NUM_LABELS;
const RULES = bilouRules();
const NEG = -1e30;

/** Allowed predecessors of each label, flattened: PRED[PRED_START[y] .. PRED_START[y+1]). */
const PRED_START = new Int32Array(L + 1);
const PRED_LIST: number[] = [];
for (let y = 0; y < L; y++) {
  PRED_START[y] = PRED_LIST.length;
  for (let p = 0; p < L; p++) if (RULES.allowed[p * L + y]) PRED_LIST.push(p);
}
PRED_START[L] = PRED_LIST.length;
const PRED = Uint8Array.from(PRED_LIST);

export interface TransitionWeights {
  /** L x L, from-label major. */
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

/**
 * Transition scores laid out for decoding: for each label y, the scores
 * from each allowed predecessor (in PRED order); disallowed starts and ends
 * are -infinity.
 */
export interface ViterbiTables {
  predTrans: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

export function viterbiTables(tw: TransitionWeights): ViterbiTables {
  const predTrans = new Float64Array(PRED.length);
  for (let y = 0; y < L; y++) {
    for (let k = PRED_START[y]!; k < PRED_START[y + 1]!; k++) predTrans[k] = tw.trans[PRED[k]! * L + y]!;
  }
  const start = new Float64Array(L);
  const end = new Float64Array(L);
  for (let y = 0; y < L; y++) {
    start[y] = RULES.canStart[y] ? tw.start[y]! : NEG;
    end[y] = RULES.canEnd[y] ? tw.end[y]! : NEG;
  }
  return { predTrans, start, end };
}

/**
 * Best label sequence for emission scores emit[i*L + y]. `out` receives the
 * labels; `scratch` is reused across calls.
 */
export function viterbi(
  emit: Float32Array,
  n: number,
  vt: ViterbiTables,
  out: Uint8Array,
  scratch: ViterbiScratch,
): void {
  if (n === 0) return;
  scratch.ensure(n);
  const delta = scratch.delta;
  const back = scratch.back;
  const { predTrans, start, end } = vt;
  const pred = PRED;
  for (let y = 0; y < L; y++) delta[y] = start[y]! + emit[y]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let y = 0; y < L; y++) {
      let best = NEG;
      let arg = 0;
      for (let k = PRED_START[y]!, e = PRED_START[y + 1]!; k < e; k++) {
        const p = pred[k]!;
        const s = delta[prev + p]! + predTrans[k]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[cur + y] = best + emit[cur + y]!;
      back[cur + y] = arg;
    }
  }
  const last = (n - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = delta[last + y]! + end[y]!;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
}

export class ViterbiScratch {
  delta = new Float64Array(0);
  back = new Uint8Array(0);
  ensure(n: number): void {
    if (this.delta.length < n * L) {
      this.delta = new Float64Array(n * L * 2);
      this.back = new Uint8Array(n * L * 2);
    }
  }
}

/** One training sentence: weight-row ids of each token's features, and gold labels. */
export interface TrainExample {
  rows: Int32Array;
  /** Features of token i are rows[starts[i] .. starts[i+1]). */
  starts: Int32Array;
  gold: Uint8Array;
}

export interface AveragedWeights extends TransitionWeights {
  w: Float32Array;
}

export class PerceptronTrainer {
  readonly w: Float32Array;
  private readonly u: Float32Array;
  readonly tw: TransitionWeights;
  private readonly tu: TransitionWeights;
  private c = 1;
  private emit = new Float32Array(0);
  private readonly scratch = new ViterbiScratch();

  constructor(readonly numRows: number) {
    this.w = new Float32Array(numRows * L);
    this.u = new Float32Array(numRows * L);
    const mk = (): TransitionWeights => ({
      trans: new Float32Array(L * L),
      start: new Float32Array(L),
      end: new Float32Array(L),
    });
    this.tw = mk();
    this.tu = mk();
  }

  /** Decode with the current (not averaged) weights. */
  decode(ex: TrainExample, out: Uint8Array): void {
    const n = ex.gold.length;
    if (this.emit.length < n * L) this.emit = new Float32Array(n * L * 2);
    emissions(this.w, ex.rows, ex.starts, n, this.emit);
    viterbi(this.emit, n, viterbiTables(this.tw), out, this.scratch);
  }

  /** One perceptron step; returns the number of wrong tokens. */
  learn(ex: TrainExample, pred: Uint8Array): number {
    const n = ex.gold.length;
    this.decode(ex, pred);
    const { gold, rows, starts } = ex;
    const c = this.c;
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      if (g !== p) {
        wrong++;
        for (let k = starts[i]!; k < starts[i + 1]!; k++) {
          const r = rows[k]! * L;
          this.w[r + g]! += 1;
          this.u[r + g]! += c;
          this.w[r + p]! -= 1;
          this.u[r + p]! -= c;
        }
      }
      const gPrev = i > 0 ? gold[i - 1]! : -1;
      const pPrev = i > 0 ? pred[i - 1]! : -1;
      if (g !== p || gPrev !== pPrev) {
        if (i === 0) {
          this.bump(this.tw.start, this.tu.start, g, 1, c);
          this.bump(this.tw.start, this.tu.start, p, -1, c);
        } else {
          this.bump(this.tw.trans, this.tu.trans, gPrev * L + g, 1, c);
          this.bump(this.tw.trans, this.tu.trans, pPrev * L + p, -1, c);
        }
      }
    }
    if (gold[n - 1] !== pred[n - 1]) {
      this.bump(this.tw.end, this.tu.end, gold[n - 1]!, 1, c);
      this.bump(this.tw.end, this.tu.end, pred[n - 1]!, -1, c);
    }
    this.c++;
    return wrong;
  }

  private bump(w: Float32Array, u: Float32Array, k: number, d: number, c: number): void {
    w[k]! += d;
    u[k]! += c * d;
  }

  /** Averaged weights (w - u/c): a fresh copy, training can go on. */
  averaged(): AveragedWeights {
    const avg = (w: Float32Array, u: Float32Array): Float32Array => {
      const out = new Float32Array(w.length);
      const inv = 1 / this.c;
      for (let i = 0; i < w.length; i++) out[i] = w[i]! - u[i]! * inv;
      return out;
    };
    return {
      w: avg(this.w, this.u),
      trans: avg(this.tw.trans, this.tu.trans),
      start: avg(this.tw.start, this.tu.start),
      end: avg(this.tw.end, this.tu.end),
    };
  }
}

/** emit[i*L+y] = sum of w[row*L+y] over token i's feature rows (rows < 0 are skipped). */
export function emissions(w: Float32Array, rows: Int32Array, starts: Int32Array, n: number, emit: Float32Array): void {
  emit.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const o = i * L;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const r = rows[k]!;
      if (r < 0) continue;
      const base = r * L;
      for (let y = 0; y < L; y++) emit[o + y]! += w[base + y]!;
    }
  }
}
