/**
 * Model files. One gzipped binary (model.bin.gz): a JSON header, then typed
 * arrays (lexicon tables, feature keys, int16-quantised weights, transition
 * weights). model.json repeats the header's meta for people to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { NewsgraphError } from '../../util/errors.js';
import { FEATURE_VERSION } from './features.js';
import { NUM_LABELS } from './labels.js';
import { Lexicon, type LexiconData } from './lexicon.js';
import type { PassWeights } from './scorer.js';

export interface NerModelMeta {
  format: 'newsgraph-ner';
  featureVersion: number;
  trainedOn: string[];
  devFiles: string[];
  trainTokens: number;
  epochs: number;
  pass2Epochs: number;
  seed: number;
  folds: number;
  minCount: number;
  /** Rows pruned below this fraction of the largest weight. */
  prune: number;
  passes: number;
  command: string;
  dev: { f1: number; f1NoMisc: number } | null;
  created: string;
}

export interface NerModelData {
  meta: NerModelMeta;
  lexicon: Lexicon;
  passes: PassWeights[];
}

const MAGIC = 'NGNER001';
/** Default row pruning at save time (see quantise). */
export const DEFAULT_PRUNE = 0.03;
const FILE = 'model.bin.gz';
/** A model file larger than this is refused (the shipped one is a few MB). */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;

type Typed = Uint32Array | Int32Array | Int16Array | Float32Array;
const KINDS = { u32: Uint32Array, i32: Int32Array, i16: Int16Array, f32: Float32Array } as const;
type Kind = keyof typeof KINDS;

interface Section {
  name: string;
  kind: Kind;
  length: number;
}

function kindOf(a: Typed): Kind {
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Int16Array) return 'i16';
  return 'f32';
}

/**
 * int16 quantisation, dropping rows whose largest weight is below
 * `prune` times the largest weight of the pass. Averaging leaves most rare
 * features with tiny weights; dropping them (0.03 keeps about 60% of the
 * rows) costs nothing on dev and makes the model smaller and faster, since
 * tagging time is mostly cache misses in the feature table.
 */
function quantise(p: PassWeights, prune: number): { keys: Uint32Array; q: Int16Array; scale: number } {
  const L = NUM_LABELS;
  let maxAbs = 0;
  for (const v of p.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rows = p.keys.length;
  const keep: number[] = [];
  const floor = Math.max(prune * maxAbs, scale / 2);
  for (let r = 0; r < rows; r++) {
    for (let y = 0; y < L; y++) {
      if (Math.abs(p.w[r * L + y]!) >= floor) {
        keep.push(r);
        break;
      }
    }
  }
  const keys = new Uint32Array(keep.length);
  const q = new Int16Array(keep.length * L);
  keep.forEach((r, i) => {
    keys[i] = p.keys[r]!;
    for (let y = 0; y < L; y++) q[i * L + y] = Math.round(p.w[r * L + y]! / scale);
  });
  return { keys, q, scale };
}

export function saveNerModel(
  dir: string,
  data: NerModelData,
  prune = DEFAULT_PRUNE,
): { bytes: number; rowsKept: number; meta: NerModelMeta } {
  const meta: NerModelMeta = { ...data.meta, featureVersion: FEATURE_VERSION };
  const arrays: [string, Typed][] = [];
  const lex = data.lexicon.data;
  for (const k of ['exactKeys', 'exactCodes', 'lowerKeys', 'lowerCodes', 'spanKeys', 'spanCodes', 'listKeys', 'listCodes'] as const) {
    arrays.push([`lex.${k}`, lex[k]]);
  }
  const scales: number[] = [];
  let rowsKept = 0;
  data.passes.forEach((p, i) => {
    const { keys, q, scale } = quantise(p, prune);
    rowsKept += keys.length;
    scales.push(scale);
    arrays.push([`p${i}.keys`, keys], [`p${i}.w`, q], [`p${i}.trans`, p.trans], [`p${i}.start`, p.start], [`p${i}.end`, p.end]);
  });
  const sections: Section[] = arrays.map(([name, a]) => ({ name, kind: kindOf(a), length: a.length }));
  const header = Buffer.from(
    JSON.stringify({ meta, labels: NUM_LABELS, scales, listCategories: lex.listCategories, sections }),
    'utf8',
  );
  const pad = (n: number): number => (4 - (n % 4)) % 4;
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  parts.push(len, header, Buffer.alloc(pad(header.length)));
  for (const [, a] of arrays) {
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b, Buffer.alloc(pad(b.length)));
  }
  const gz = zlib.gzipSync(Buffer.concat(parts), { level: 9 });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, FILE), gz);
  fs.writeFileSync(path.join(dir, 'model.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return { bytes: gz.length, rowsKept, meta };
}

function bad(dir: string, why: string): NewsgraphError {
  return new NewsgraphError('bad-model', `NER model in ${dir} is unusable: ${why}`);
}

export function loadNerModelData(dir: string): NerModelData {
  const file = path.join(dir, FILE);
  let gz: Buffer;
  try {
    if (fs.statSync(file).size > MAX_MODEL_BYTES) throw bad(dir, 'file too large');
    gz = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof NewsgraphError) throw e;
    throw new NewsgraphError('not-found', `NER model not found: ${file}`);
  }
  let raw: Buffer;
  try {
    raw = zlib.gunzipSync(gz, { maxOutputLength: MAX_MODEL_BYTES });
  } catch {
    throw bad(dir, 'not a gzip file');
  }
  if (raw.length < 12 || raw.toString('latin1', 0, 8) !== MAGIC) throw bad(dir, 'wrong file type');
  const hlen = raw.readUInt32LE(8);
  if (12 + hlen > raw.length) throw bad(dir, 'truncated header');
  let header: { meta: NerModelMeta; labels: number; scales: number[]; listCategories: string[]; sections: Section[] };
  try {
    header = JSON.parse(raw.toString('utf8', 12, 12 + hlen));
  } catch {
    throw bad(dir, 'corrupt header');
  }
  if (header.meta?.format !== 'newsgraph-ner') throw bad(dir, 'not a newsgraph NER model');
  if (header.meta.featureVersion !== FEATURE_VERSION || header.labels !== NUM_LABELS) {
    throw bad(dir, `made for feature version ${header.meta.featureVersion}, this code is version ${FEATURE_VERSION}; retrain it`);
  }
  let off = 12 + hlen;
  off += (4 - (off % 4)) % 4;
  const got = new Map<string, Typed>();
  for (const s of header.sections) {
    const Ctor = KINDS[s.kind];
    if (!Ctor) throw bad(dir, `unknown section type ${s.kind}`);
    const bytes = s.length * Ctor.BYTES_PER_ELEMENT;
    if (off + bytes > raw.length) throw bad(dir, `truncated section ${s.name}`);
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(off, off + bytes));
    got.set(s.name, new Ctor(copy.buffer));
    off += bytes + ((4 - (bytes % 4)) % 4);
  }
  const need = <T extends Typed>(name: string): T => {
    const a = got.get(name);
    if (!a) throw bad(dir, `missing section ${name}`);
    return a as T;
  };
  const lexData: LexiconData = {
    exactKeys: need('lex.exactKeys'),
    exactCodes: need('lex.exactCodes'),
    lowerKeys: need('lex.lowerKeys'),
    lowerCodes: need('lex.lowerCodes'),
    spanKeys: need('lex.spanKeys'),
    spanCodes: need('lex.spanCodes'),
    listKeys: need('lex.listKeys'),
    listCodes: need('lex.listCodes'),
    listCategories: header.listCategories ?? [],
  };
  const passes: PassWeights[] = [];
  for (let i = 0; i < header.meta.passes; i++) {
    const q = need<Int16Array>(`p${i}.w`);
    const keys = need<Uint32Array>(`p${i}.keys`);
    if (q.length !== keys.length * NUM_LABELS) throw bad(dir, `pass ${i} weights do not match its keys`);
    const scale = header.scales[i] ?? 1;
    const w = new Float32Array(q.length);
    for (let k = 0; k < q.length; k++) w[k] = q[k]! * scale;
    passes.push({ keys, w, trans: need(`p${i}.trans`), start: need(`p${i}.start`), end: need(`p${i}.end`) });
  }
  return { meta: header.meta, lexicon: new Lexicon(lexData), passes };
}
