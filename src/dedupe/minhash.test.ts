import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MINHASH_CONFIG,
  bandKeys,
  estimateSimilarity,
  minHashConfigId,
  shingleHashes,
  signature,
  signatureFromBytes,
  signatureToBytes,
} from './minhash.js';
import { murmur32 } from './hash32.js';

/** A pseudo-random text of `n` words drawn from a vocabulary, seeded. */
function words(n: number, seed: number): string[] {
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(`w${s % 5000}`);
  }
  return out;
}

function exactJaccard(a: string, b: string): number {
  const x = shingleHashes(a, DEFAULT_MINHASH_CONFIG.shingleSize);
  const y = shingleHashes(b, DEFAULT_MINHASH_CONFIG.shingleSize);
  let both = 0;
  for (const h of x) if (y.has(h)) both++;
  return both / (x.size + y.size - both);
}

describe('MinHash', () => {
  it('estimates Jaccard similarity of shingle sets within sampling error', () => {
    const base = words(400, 1);
    for (const keep of [100, 200, 300, 380]) {
      const edited = [...base.slice(0, keep), ...words(400 - keep, 99 + keep)];
      const a = base.join(' ');
      const b = edited.join(' ');
      const truth = exactJaccard(a, b);
      // 128 hashes: standard error at most sqrt(0.25 / 128) = 0.044; allow three of them.
      expect(Math.abs(estimateSimilarity(signature(a), signature(b)) - truth)).toBeLessThan(0.14);
    }
  });

  it('gives 1 for the same words whatever the case, spacing and punctuation, and 0 for empty text', () => {
    const a = signature('The crane collapsed, the port closed.');
    expect(estimateSimilarity(a, signature('the CRANE collapsed;  the port\nclosed'))).toBe(1);
    expect(estimateSimilarity(a, signature(''))).toBe(0);
    expect(estimateSimilarity(signature(''), signature(''))).toBe(0);
  });

  it('is deterministic and stable (persisted values must not change)', () => {
    expect(Array.from(signature('one two three four'))).toEqual(Array.from(signature('one two three four')));
    // Pinned: a change here invalidates every stored signature and band key.
    const pinned = signature('harbour crane collapse at port elvar');
    expect([pinned[0], pinned[127], bandKeys(pinned)[0]]).toEqual([1094395665, 624465976, '0:789d8e03']);
    expect(murmur32('a')).not.toBe(murmur32('b'));
    expect(minHashConfigId()).toBe('minhash-v1-s3-k128-b32-r4-x5eed1e55');
  });

  it('makes one band key per band, shared by identical texts, none for empty text', () => {
    const keys = bandKeys(signature('a short text about a harbour crane'));
    expect(keys).toHaveLength(DEFAULT_MINHASH_CONFIG.bands);
    expect(keys[3]).toMatch(/^3:[0-9a-f]{8}$/);
    expect(bandKeys(signature('A short text about a harbour crane.'))).toEqual(keys);
    expect(bandKeys(signature(''))).toEqual([]);
  });

  it('round-trips signatures through bytes', () => {
    const sig = signature(words(50, 7).join(' '));
    expect(Array.from(signatureFromBytes(signatureToBytes(sig)))).toEqual(Array.from(sig));
    expect(() => signatureFromBytes(new Uint8Array(5))).toThrow(/multiple of 4/);
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimateSimilarity(new Uint32Array(4), new Uint32Array(8))).toThrow(/different lengths/);
  });
});
