/**
 * Structured averaged perceptron over BILOU labels with first-order Viterbi
 * decoding (Collins 2002). Illegal BILOU transitions are hard constraints.
 */
import { NUM_LABELS, POS_B, POS_I, POS_L, POS_U, bilouRules, labelOf, posOfLabel, typeOfLabel } from './labels.js';

const L = NUM_LABELS;
const RULES = bilouRules();
const NEG = -1e30;


export interface TransitionWeights {
  /** L x L, from-label major. */
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

/**
 * BILOU structure: the labels that close a name (O, L-t, U-t) are the only
 * predecessors of the labels that may start one (O, B-t, U-t); I-t and L-t
 * follow only B-t or I-t. Decoding uses this directly instead of looping
 * over an allowed-transition list: about three times faster.
 */
const CLOSING: number[] = [0];
for (let t = 0; t < (L - 1) / 4; t++) CLOSING.push(labelOf(t, POS_L), labelOf(t, POS_U));
const NC = CLOSING.length;
/** For each label: 1 if it continues a name (I-t, L-t). */
const CONTINUES = new Uint8Array(L);
for (let y = 1; y < L; y++) CONTINUES[y] = posOfLabel(y) === POS_I || posOfLabel(y) === POS_L ? 1 : 0;
/** Labels that may follow a closing label: O, B-t, U-t. */
const OPENERS = Uint8Array.from([...Array(L).keys()].filter((y) => !CONTINUES[y]));
if (L !== 17 || CLOSING.join() !== '0,3,4,7,8,11,12,15,16') throw new Error('viterbi is unrolled for four BILOU types');

/**
 * Transition scores laid out for decoding: for each label y, NC slots at
 * y * NC: from each closing label (for O, B-t, U-t) or from B-t and I-t
 * (for I-t, L-t). Disallowed starts and ends are -infinity.
 */
export interface ViterbiTables {
  predTrans: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

export function viterbiTables(tw: TransitionWeights): ViterbiTables {
  const predTrans = new Float64Array(L * NC);
  for (let y = 0; y < L; y++) {
    if (CONTINUES[y]) {
      const b = labelOf(typeOfLabel(y), POS_B);
      predTrans[y * NC] = tw.trans[b * L + y]!;
      predTrans[y * NC + 1] = tw.trans[(b + 1) * L + y]!;
    } else {
      for (let k = 0; k < NC; k++) predTrans[y * NC + k] = tw.trans[CLOSING[k]! * L + y]!;
    }
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
  for (let y = 0; y < L; y++) delta[y] = start[y]! + emit[y]!;
  // Unrolled for the four types of labels.ts (checked at load): the nine
  // closing labels are O, L-t = 3+4t, U-t = 4+4t.
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    const c0 = delta[prev]!;
    const c1 = delta[prev + 3]!;
    const c2 = delta[prev + 4]!;
    const c3 = delta[prev + 7]!;
    const c4 = delta[prev + 8]!;
    const c5 = delta[prev + 11]!;
    const c6 = delta[prev + 12]!;
    const c7 = delta[prev + 15]!;
    const c8 = delta[prev + 16]!;
    for (let j = 0; j < OPENERS.length; j++) {
      const y = OPENERS[j]!;
      const tb = y * NC;
      let best = c0 + predTrans[tb]!;
      let arg = 0;
      let s = c1 + predTrans[tb + 1]!;
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = c2 + predTrans[tb + 2]!;
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = c3 + predTrans[tb + 3]!;
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = c4 + predTrans[tb + 4]!;
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = c5 + predTrans[tb + 5]!;
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = c6 + predTrans[tb + 6]!;
      if (s > best) {
        best = s;
        arg = 12;
      }
      s = c7 + predTrans[tb + 7]!;
      if (s > best) {
        best = s;
        arg = 15;
      }
      s = c8 + predTrans[tb + 8]!;
      if (s > best) {
        best = s;
        arg = 16;
      }
      delta[cur + y] = best + emit[cur + y]!;
      back[cur + y] = arg;
    }
    for (let b = 1; b < L; b += 4) {
      // I-t = b+1 and L-t = b+2 follow B-t = b or I-t = b+1.
      const db = delta[prev + b]!;
      const di = delta[prev + b + 1]!;
      for (let y = b + 1; y <= b + 2; y++) {
        const sb = db + predTrans[y * NC]!;
        const si = di + predTrans[y * NC + 1]!;
        if (si > sb) {
          delta[cur + y] = si + emit[cur + y]!;
          back[cur + y] = b + 1;
        } else {
          delta[cur + y] = sb + emit[cur + y]!;
          back[cur + y] = b;
        }
      }
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
