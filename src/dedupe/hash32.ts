/**
 * Small, fast, deterministic 32-bit hashing for shingles and band keys.
 * Written by hand (MurmurHash3 x86_32) rather than pulled in as a library:
 * it is thirty lines, needs no native build, and its output must never
 * change between releases because signatures and band keys are persisted.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3's finaliser: mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * MurmurHash3 x86_32 over a string's UTF-16 code units, two per 32-bit block.
 * (Not byte-compatible with the UTF-8 reference; it only has to be stable.)
 */
export function murmur32(text: string, seed = 0): number {
  let h = seed | 0;
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  if (i < n) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (n * 2));
}

/** MurmurHash3 over a run of 32-bit words (for hashing the rows of a band). */
export function murmur32Words(words: ArrayLike<number>, start: number, end: number, seed = 0): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) h = mixBlock(h, words[i]! | 0);
  return fmix32(h ^ ((end - start) * 4));
}
