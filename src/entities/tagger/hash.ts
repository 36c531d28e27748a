/**
 * 32-bit hashing used for every feature and lexicon key. Features are never
 * stored as strings: a word is hashed once (and cached), and feature ids are
 * integer mixes of a template id with word hashes, so the hot path does no
 * string concatenation. Zero is reserved as the empty slot of the tables.
 */

/** FNV-1a over UTF-16 code units, with a seed so different tables do not share keys. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3 finaliser: spreads FNV's weak low bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine two 32-bit values into a feature id (never 0). */
export function mix(a: number, b: number): number {
  const h = fmix((Math.imul(a ^ 0x9e3779b9, 0x85ebca77) + b) | 0);
  return h === 0 ? 1 : h;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/**
 * Open-addressing map from non-zero uint32 keys to int32 values, built once
 * and then read-only: what the tagger uses to find a feature's weight row.
 */
export class FrozenHashMap {
  readonly keys: Uint32Array;
  readonly values: Int32Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    for (let i = 0; i < keys.length; i++) this.set(keys[i]! >>> 0, values[i]!);
  }

  private set(key: number, value: number): void {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === 0 || k === key) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The value for key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    let slot = key & this.mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Small deterministic PRNG (mulberry32) for seeded shuffling. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], rng: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
