/**
 * Training: lexicons by cross-validation, a first-pass model, a second-pass
 * model that also sees what the first pass said elsewhere in the document
 * (trained on cross-validated first-pass output), and a saved model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NewsgraphError } from '../../util/errors.js';
import { countTokens, readNerFiles, type NerDocument } from './corpus.js';
import { scoreNer, type NerEvalResult } from './evaluate.js';
import { FeatureExtractor, NB_OFFSETS, NB_PAD, type PreparedDoc, type PreparedSentence } from './features.js';
import { makeRng, shuffleInPlace } from './hash.js';
import { NUM_LABELS, bilouToBio, bioToBilou } from './labels.js';
import { buildLexicon, type Lexicon, type ListEntry } from './lexicon.js';
import { readNameLists } from './name-lists.js';
import { DEFAULT_PRUNE, saveNerModel, type NerModelMeta } from './model-io.js';
import { emissions, PerceptronTrainer, viterbi, viterbiTables, ViterbiScratch, type AveragedWeights, type TrainExample } from './perceptron.js';
import type { PassWeights } from './scorer.js';

export interface TrainNerOptions {
  /** CoNLL or JSONL files. */
  train: string[];
  dev?: string[];
  /** Output model directory. */
  out: string;
  /** Epochs of the first pass (default 8, chosen on CoNLL-2003 dev). */
  epochs?: number;
  /** Epochs of the second, document-level pass (default 6, chosen on CoNLL-2003 dev). */
  pass2Epochs?: number;
  seed?: number;
  /** Cross-validation folds for lexicons and first-pass output (default 5). */
  folds?: number;
  /** Keep features seen at least this often in training (default 1). */
  minCount?: number;
  /** Drop weight rows below this fraction of the largest weight when saving (default 0.03). */
  prune?: number;
  /** Skip the document-level second pass. */
  noPass2?: boolean;
  /** Directory of our own name lists (default data/ner-lists); '' for none. */
  listsDir?: string;
  /** Free text recorded in the model's meta (e.g. the command used). */
  command?: string;
  log?: (line: string) => void;
}

export interface TrainNerResult {
  out: string;
  meta: NerModelMeta;
  /** Dev scores after each epoch: pass 1 then pass 2. */
  devHistory: { pass: number; epoch: number; f1: number; f1NoMisc: number }[];
  finalDev?: NerEvalResult;
}

interface SentenceHashes {
  hashes: Uint32Array;
  starts: Int32Array;
}

function sentenceHashes(s: PreparedSentence, withP2: boolean): SentenceHashes {
  const n = s.entries.length;
  let total = s.ctx.length + (withP2 && s.p2 ? s.p2.length : 0);
  for (let i = 0; i < n; i++) {
    total += s.entries[i]!.intrinsic.length;
    NB_OFFSETS.forEach((d, j) => {
      const e = s.padded[i + NB_PAD + d]!;
      total += e.nbStart[j + 1]! - e.nbStart[j]!;
    });
  }
  const hashes = new Uint32Array(total);
  const starts = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = k;
    hashes.set(s.entries[i]!.intrinsic, k);
    k += s.entries[i]!.intrinsic.length;
    for (let j = 0; j < NB_OFFSETS.length; j++) {
      const e = s.padded[i + NB_PAD + NB_OFFSETS[j]!]!;
      const nb = e.nb.subarray(e.nbStart[j]!, e.nbStart[j + 1]!);
      hashes.set(nb, k);
      k += nb.length;
    }
    const c = s.ctx.subarray(s.ctxStart[i]!, s.ctxStart[i + 1]!);
    hashes.set(c, k);
    k += c.length;
    if (withP2 && s.p2 && s.p2Start) {
      const p = s.p2.subarray(s.p2Start[i]!, s.p2Start[i + 1]!);
      hashes.set(p, k);
      k += p.length;
    }
  }
  starts[n] = k;
  return { hashes, starts };
}

/** Map feature hashes to dense row ids, keeping those seen at least minCount times. */
function buildIndex(all: SentenceHashes[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of all) for (const h of s.hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [h, c] of counts) if (c >= minCount) index.set(h, index.size);
  return index;
}

function toExample(s: SentenceHashes, index: Map<number, number>, gold: Uint8Array): TrainExample {
  const rows = new Int32Array(s.hashes.length);
  for (let k = 0; k < rows.length; k++) rows[k] = index.get(s.hashes[k]!) ?? -1;
  return { rows, starts: s.starts, gold };
}

function decodeWith(w: AveragedWeights, ex: TrainExample, scratch: ViterbiScratch, out: Uint8Array): void {
  const n = ex.gold.length;
  const emit = new Float32Array(n * NUM_LABELS);
  emissions(w.w, ex.rows, ex.starts, n, emit);
  viterbi(emit, n, viterbiTables(w), out, scratch);
}

interface Corpus {
  docs: NerDocument[];
  prepared: PreparedDoc[];
  gold: Uint8Array[][];
}

function examplesOf(c: Corpus, index: Map<number, number>, withP2: boolean): TrainExample[][] {
  return c.prepared.map((pd, di) => pd.sentences.map((s, si) => toExample(sentenceHashes(s, withP2), index, c.gold[di]![si]!)));
}

function predictDocs(w: AveragedWeights, exs: TrainExample[][]): Uint8Array[][] {
  const scratch = new ViterbiScratch();
  return exs.map((doc) =>
    doc.map((ex) => {
      const out = new Uint8Array(ex.gold.length);
      decodeWith(w, ex, scratch, out);
      return out;
    }),
  );
}

function scoreLabels(c: Corpus, labels: Uint8Array[][]): NerEvalResult {
  return scoreNer(c.docs, labels.map((d) => d.map((s) => bilouToBio(s))));
}

/** Train `epochs` epochs on the examples, calling onEpoch with averaged weights after each. */
function runPerceptron(
  exs: TrainExample[],
  numRows: number,
  epochs: number,
  seed: number,
  onEpoch?: (epoch: number, w: AveragedWeights, errRate: number) => void,
): AveragedWeights {
  const trainer = new PerceptronTrainer(numRows);
  const order = exs.slice();
  const rng = makeRng(seed);
  let pred = new Uint8Array(256);
  let avg: AveragedWeights | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, rng);
    let wrong = 0;
    let toks = 0;
    for (const ex of order) {
      if (pred.length < ex.gold.length) pred = new Uint8Array(ex.gold.length * 2);
      wrong += trainer.learn(ex, pred);
      toks += ex.gold.length;
    }
    if (onEpoch || epoch === epochs) {
      avg = trainer.averaged();
      onEpoch?.(epoch, avg, wrong / Math.max(1, toks));
    }
  }
  return avg ?? trainer.averaged();
}

function toPassWeights(avg: AveragedWeights, index: Map<number, number>): PassWeights {
  const keys = new Uint32Array(index.size);
  for (const [h, r] of index) keys[r] = h;
  return { keys, w: avg.w, trans: avg.trans, start: avg.start, end: avg.end };
}

export async function trainNer(opts: TrainNerOptions): Promise<TrainNerResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const epochs = opts.epochs ?? 8;
  const pass2Epochs = opts.pass2Epochs ?? 6;
  const seed = opts.seed ?? 1;
  const folds = opts.folds ?? 5;
  const minCount = opts.minCount ?? 1;
  if (opts.train.length === 0) throw new NewsgraphError('usage', 'trainNer: no training files');
  if (folds < 2) throw new NewsgraphError('usage', 'trainNer: folds must be at least 2');
  const t0 = performance.now();
  const trainDocs = readNerFiles(opts.train);
  const devDocs = opts.dev && opts.dev.length > 0 ? readNerFiles(opts.dev) : [];
  if (trainDocs.length === 0) throw new NewsgraphError('bad-data', 'trainNer: training files hold no sentences');
  const lists: ListEntry[] = opts.listsDir === '' ? [] : readNameLists(opts.listsDir);
  log(`train: ${trainDocs.length} docs, ${countTokens(trainDocs)} tokens; dev: ${devDocs.length} docs, ${countTokens(devDocs)} tokens; ${lists.length} list entries`);

  // Documents to folds, deterministically.
  const order = trainDocs.map((_, i) => i);
  shuffleInPlace(order, makeRng(seed ^ 0x5eed));
  const foldOf = new Int32Array(trainDocs.length);
  order.forEach((d, k) => (foldOf[d] = k % folds));
  const foldLexicons: Lexicon[] = [];
  for (let k = 0; k < folds; k++) foldLexicons.push(buildLexicon(trainDocs.filter((_, d) => foldOf[d] !== k), lists));
  const fullLexicon = buildLexicon(trainDocs, lists);
  const foldExtractors = foldLexicons.map((l) => new FeatureExtractor(l));
  const fullExtractor = new FeatureExtractor(fullLexicon);

  const goldOf = (docs: NerDocument[]): Uint8Array[][] => docs.map((d) => d.sentences.map((s) => bioToBilou(s.tags)));
  const train: Corpus = {
    docs: trainDocs,
    prepared: trainDocs.map((d, i) => foldExtractors[foldOf[i]!]!.prepareDoc(d.sentences.map((s) => s.tokens))),
    gold: goldOf(trainDocs),
  };
  const dev: Corpus = {
    docs: devDocs,
    prepared: devDocs.map((d) => fullExtractor.prepareDoc(d.sentences.map((s) => s.tokens))),
    gold: goldOf(devDocs),
  };
  const history: TrainNerResult['devHistory'] = [];

  // Pass 1.
  const index1 = buildIndex(train.prepared.flatMap((pd) => pd.sentences.map((s) => sentenceHashes(s, false))), minCount);
  const trainEx1 = examplesOf(train, index1, false);
  const devEx1 = examplesOf(dev, index1, false);
  log(`pass 1: ${index1.size} features (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
  const pass1 = runPerceptron(trainEx1.flat(), index1.size, epochs, seed, (epoch, w, err) => {
    if (devDocs.length === 0) return log(`pass 1 epoch ${epoch}: train token error ${(100 * err).toFixed(2)}%`);
    const r = scoreLabels(dev, predictDocs(w, devEx1));
    history.push({ pass: 1, epoch, f1: r.overall.f1, f1NoMisc: r.overallNoMisc.f1 });
    log(`pass 1 epoch ${epoch}: train token error ${(100 * err).toFixed(2)}%, dev F1 ${(100 * r.overall.f1).toFixed(2)} (PER/ORG/LOC ${(100 * r.overallNoMisc.f1).toFixed(2)})`);
  });
  let finalDev: NerEvalResult | undefined;
  let pass2: PassWeights | undefined;
  if (opts.noPass2) {
    if (devDocs.length > 0) finalDev = scoreLabels(dev, predictDocs(pass1, devEx1));
  } else {
    // Cross-validated first-pass labels for the training documents.
    const jack: Uint8Array[][] = new Array<Uint8Array[]>(trainDocs.length);
    for (let k = 0; k < folds; k++) {
      const inFold = trainEx1.filter((_, d) => foldOf[d] !== k).flat();
      const wk = runPerceptron(inFold, index1.size, epochs, seed + k + 1);
      const held = trainDocs.map((_, d) => d).filter((d) => foldOf[d] === k);
      const preds = predictDocs(wk, held.map((d) => trainEx1[d]!));
      held.forEach((d, j) => (jack[d] = preds[j]!));
      log(`pass 1 fold ${k + 1}/${folds} done (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
    }
    const jackScore = scoreLabels(train, jack);
    log(`cross-validated pass-1 F1 on train: ${(100 * jackScore.overall.f1).toFixed(2)}`);
    train.prepared.forEach((pd, d) => foldExtractors[foldOf[d]!]!.addPass2Features(pd, jack[d]!));
    const devPass1 = predictDocs(pass1, devEx1);
    dev.prepared.forEach((pd, d) => fullExtractor.addPass2Features(pd, devPass1[d]!));
    const index2 = buildIndex(train.prepared.flatMap((pd) => pd.sentences.map((s) => sentenceHashes(s, true))), minCount);
    const trainEx2 = examplesOf(train, index2, true).flat();
    const devEx2 = examplesOf(dev, index2, true);
    log(`pass 2: ${index2.size} features`);
    const w2 = runPerceptron(trainEx2, index2.size, pass2Epochs, seed + 100, (epoch, w, err) => {
      if (devDocs.length === 0) return log(`pass 2 epoch ${epoch}: train token error ${(100 * err).toFixed(2)}%`);
      const r = scoreLabels(dev, predictDocs(w, devEx2));
      history.push({ pass: 2, epoch, f1: r.overall.f1, f1NoMisc: r.overallNoMisc.f1 });
      log(`pass 2 epoch ${epoch}: train token error ${(100 * err).toFixed(2)}%, dev F1 ${(100 * r.overall.f1).toFixed(2)} (PER/ORG/LOC ${(100 * r.overallNoMisc.f1).toFixed(2)})`);
    });
    if (devDocs.length > 0) finalDev = scoreLabels(dev, predictDocs(w2, devEx2));
    pass2 = toPassWeights(w2, index2);
  }
  const meta: NerModelMeta = {
    format: 'newsgraph-ner',
    featureVersion: 0,
    trainedOn: opts.train.map((f) => path.basename(f)),
    devFiles: (opts.dev ?? []).map((f) => path.basename(f)),
    trainTokens: countTokens(trainDocs),
    epochs,
    pass2Epochs: opts.noPass2 ? 0 : pass2Epochs,
    seed,
    folds,
    minCount,
    prune: opts.prune ?? DEFAULT_PRUNE,
    passes: pass2 ? 2 : 1,
    command: opts.command ?? '',
    dev: finalDev ? { f1: finalDev.overall.f1, f1NoMisc: finalDev.overallNoMisc.f1 } : null,
    created: new Date().toISOString(),
  };
  fs.mkdirSync(opts.out, { recursive: true });
  const saved = saveNerModel(opts.out, { meta, lexicon: fullLexicon, passes: pass2 ? [toPassWeights(pass1, index1), pass2] : [toPassWeights(pass1, index1)] }, meta.prune);
  log(`saved ${opts.out} (${(saved.bytes / 1e6).toFixed(2)} MB, ${saved.rowsKept} weight rows) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  return { out: opts.out, meta: saved.meta, devHistory: history, ...(finalDev ? { finalDev } : {}) };
}
