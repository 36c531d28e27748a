import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRaw } from '../analyze.js';
import { buildPipeline } from '../pipeline/presets.js';
import { rawText } from '../test-support/docs.js';
import { bodyHash } from './exact-duplicates.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { signatureFromBase64, signatureToBase64 } from './minhash.js';

const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const original = fixture('crane-original.txt');
const republished = fixture('crane-republished.txt');
const otherOutlet = fixture('crane-other-outlet.txt');
const strike = fixture('port-strike.txt');
const cleaner = buildPipeline('clean');
const analyse = (text: string) => analyzeRaw(cleaner, rawText(text));

describe('NearDuplicateIndex', () => {
  it('finds a republished copy with other boilerplate in plain text', () => {
    const index = new NearDuplicateIndex();
    expect(index.add('original', original)).toEqual({ duplicateOf: null, similarity: 0 });
    const result = index.add('copy', republished);
    expect(result.duplicateOf).toBe('original');
    expect(result.similarity).toBeGreaterThan(0.6);
  });

  it('ignores the boilerplate entirely when given analyses', () => {
    const index = new NearDuplicateIndex();
    index.add('original', analyse(original));
    const result = index.add('copy', analyse(republished));
    expect(result.duplicateOf).toBe('original');
    // Only the dateline and the quote style differ once boilerplate blocks are dropped.
    expect(result.similarity).toBeGreaterThan(0.85);
  });

  it('does not call another outlet’s article on the same event, or another story on the same topic, a duplicate', () => {
    const index = new NearDuplicateIndex();
    index.add('original', original);
    for (const [key, text] of [['other-outlet', otherOutlet], ['strike', strike]] as const) {
      const result = index.add(key, text);
      expect(result.duplicateOf, key).toBeNull();
      expect(result.similarity, key).toBeLessThan(0.2);
    }
  });

  it('query looks up without adding', () => {
    const index = new NearDuplicateIndex();
    index.add('original', original);
    expect(index.query(republished).duplicateOf).toBe('original');
    expect(index.size).toBe(1);
    expect(index.query(strike).duplicateOf).toBeNull();
  });

  it('re-adding a key does not make it a duplicate of itself', () => {
    const index = new NearDuplicateIndex();
    index.add('original', original);
    expect(index.add('original', original).duplicateOf).toBeNull();
    expect(index.size).toBe(1);
  });

  it('never matches empty texts', () => {
    const index = new NearDuplicateIndex();
    index.add('empty-1', '');
    expect(index.add('empty-2', '  ').duplicateOf).toBeNull();
  });

  it('rebuilds from stored signatures with the same answers', () => {
    const first = new NearDuplicateIndex();
    first.add('original', original);
    first.add('strike', strike);
    const stored = ['original', 'strike'].map((k) => [k, signatureToBase64(first.signatureOf(k)!)] as const);
    const second = new NearDuplicateIndex();
    for (const [k, sig] of stored) second.addSignature(k, signatureFromBase64(sig));
    expect(second.query(republished)).toEqual(first.query(republished));
  });

  it('is deterministic across instances', () => {
    const run = (): unknown[] => {
      const index = new NearDuplicateIndex();
      return [original, republished, otherOutlet, strike].map((t, i) => index.add(`d${i}`, t));
    };
    expect(run()).toEqual(run());
  });

  it('rejects a bad config', () => {
    expect(() => new NearDuplicateIndex({ bands: 30 })).toThrow(/bands \* rows/);
    expect(() => new NearDuplicateIndex({ threshold: 0 })).toThrow(/threshold/);
  });
});

describe('bodyHash', () => {
  it('is equal for copies that differ only in boilerplate, whitespace and quote style (analyses)', () => {
    // The copy adds a menu, a related link, social and syndication lines, curly quotes and extra spaces.
    expect(bodyHash(analyse(republished))).toBe(bodyHash(analyse(original)));
  });

  it('differs for plain-text copies with different boilerplate, and for different bodies', () => {
    expect(bodyHash(republished)).not.toBe(bodyHash(original));
    expect(bodyHash(analyse(otherOutlet))).not.toBe(bodyHash(analyse(original)));
  });

  it('folds whitespace and curly quotes in plain text', () => {
    expect(bodyHash('He said “yes”  to the\n deal.')).toBe(bodyHash('He said "yes" to the deal.'));
    expect(bodyHash('He said yes.')).not.toBe(bodyHash('He said no.'));
  });

  it('is null for an empty body', () => {
    expect(bodyHash('   \n ')).toBeNull();
  });
});
