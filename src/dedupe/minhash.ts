/**
 * MinHash signatures over word shingles, and LSH band keys for finding
 * candidate near-duplicates without comparing every pair.
 *
 * Signatures and band keys are meant to be persisted (the store can keep the
 * band keys in an indexed table), so everything here is deterministic and
 * tied to a config id: never compare signatures made with different configs.
 */
import { NewsgraphError } from '../util/errors.js';
import { fmix32, murmur32, murmur32Words } from './hash32.js';
import { wordTokens } from './text.js';

export interface MinHashConfig {
  /** Words per shingle. 3 keeps short feed summaries comparable; long texts work too. */
  shingleSize: number;
  /** Hash functions (signature length). `bands * rows` must equal it. */
  numHashes: number;
  /** LSH bands; two texts become candidates when one whole band agrees. */
  bands: number;
  /** Signature rows per band. */
  rows: number;
  /** Seed of the hash family; changing it invalidates stored signatures. */
  seed: number;
}

/**
 * 128 hashes in 32 bands of 4 rows: a pair with Jaccard s becomes a candidate
 * with probability 1 - (1 - s^4)^32: 0.23 at s=0.3, 0.87 at s=0.5, 0.99 at
 * s=0.6 and above; candidates are then checked on the full signature.
 */
export const DEFAULT_MINHASH_CONFIG: Readonly<MinHashConfig> = Object.freeze({
  shingleSize: 3,
  numHashes: 128,
  bands: 32,
  rows: 4,
  seed: 0x5eed1e55,
});

/** Marks a slot no shingle filled (empty text). */
const EMPTY = 0xffffffff;

export function validateMinHashConfig(config: MinHashConfig): void {
  const ints = [config.shingleSize, config.numHashes, config.bands, config.rows];
  if (ints.some((v) => !Number.isInteger(v) || v < 1) || config.bands * config.rows !== config.numHashes) {
    throw new NewsgraphError('usage', `bad MinHash config: need positive integers with bands * rows = numHashes (${JSON.stringify(config)})`);
  }
}

/** Short id of a config, to store beside signatures and band keys. */
export function minHashConfigId(config: MinHashConfig = DEFAULT_MINHASH_CONFIG): string {
  return `minhash-v1-s${config.shingleSize}-k${config.numHashes}-b${config.bands}-r${config.rows}-x${(config.seed >>> 0).toString(16)}`;
}

interface HashFamily {
  multipliers: Uint32Array;
  offsets: Uint32Array;
}

const families = new Map<string, HashFamily>();

/** k bijections of 32-bit words, h -> fmix32(h * odd + offset), drawn from the seed. */
function hashFamily(config: MinHashConfig): HashFamily {
  const id = `${config.numHashes}:${config.seed}`;
  let family = families.get(id);
  if (family) return family;
  const multipliers = new Uint32Array(config.numHashes);
  const offsets = new Uint32Array(config.numHashes);
  let state = config.seed >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
  for (let i = 0; i < config.numHashes; i++) {
    multipliers[i] = next() | 1;
    offsets[i] = next();
  }
  family = { multipliers, offsets };
  families.set(id, family);
  return family;
}

/** Hashes of the distinct word shingles of a text. */
export function shingleHashes(text: string, shingleSize: number): Set<number> {
  const tokens = wordTokens(text);
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = murmur32(tokens[i]!);
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  if (tokens.length < shingleSize) {
    out.add(murmur32Words(tokenHashes, 0, tokens.length));
    return out;
  }
  for (let i = 0; i + shingleSize <= tokens.length; i++) out.add(murmur32Words(tokenHashes, i, i + shingleSize));
  return out;
}

/** The MinHash signature of a text: one minimum per hash function. */
export function signature(text: string, config: MinHashConfig = DEFAULT_MINHASH_CONFIG): Uint32Array {
  const { multipliers, offsets } = hashFamily(config);
  const sig = new Uint32Array(config.numHashes).fill(EMPTY);
  for (const h of shingleHashes(text, config.shingleSize)) {
    for (let i = 0; i < sig.length; i++) {
      const v = fmix32((Math.imul(h, multipliers[i]!) + offsets[i]!) | 0);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function isEmptySignature(sig: Uint32Array): boolean {
  return sig.every((v) => v === EMPTY);
}

/** Estimated Jaccard similarity of the two shingle sets (0 if either text was empty). */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new NewsgraphError('usage', `signatures of different lengths (${a.length} and ${b.length}) cannot be compared`);
  }
  if (a.length === 0 || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * One key per band: `<band>:<hash of its rows>`, e.g. `7:3fa2c9d1`. Two texts
 * sharing any key are candidates. Empty texts get no keys.
 */
export function bandKeys(sig: Uint32Array, config: MinHashConfig = DEFAULT_MINHASH_CONFIG): string[] {
  if (sig.length !== config.numHashes) {
    throw new NewsgraphError('usage', `signature has ${sig.length} values, config expects ${config.numHashes}`);
  }
  if (isEmptySignature(sig)) return [];
  const keys: string[] = [];
  for (let b = 0; b < config.bands; b++) {
    const h = murmur32Words(sig, b * config.rows, (b + 1) * config.rows, b);
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Little-endian bytes, for a BLOB/BYTEA column. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(sig.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i]!, true);
  return out;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new NewsgraphError('bad-data', `stored signature has ${bytes.length} bytes, not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Base64 text, for JSON or a TEXT column. */
export function signatureToBase64(sig: Uint32Array): string {
  return Buffer.from(signatureToBytes(sig)).toString('base64');
}

export function signatureFromBase64(text: string): Uint32Array {
  return signatureFromBytes(new Uint8Array(Buffer.from(text, 'base64')));
}
