/**
 * The shipped dictionary on real news from ../shared (read at run time,
 * never copied): CoNLL-2003 gold tags and the reference example article.
 * Skips with a notice when ../shared is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActorDictionary } from './dictionary.js';
import { SHARED_DIR, conllPath, evaluateOnConll } from './eval-conll.js';

const SHARED = SHARED_DIR;
const present = fs.existsSync(SHARED);
if (!present) console.log(`[actors] ${SHARED} missing: skipping tests on shared data`);

describe.skipIf(!present)('actor dictionary on shared news data', () => {
  it('hits gold entities almost only, and finds most gold locations (CoNLL-2003 dev)', () => {
    const r = evaluateOnConll(conllPath('dev'));
    expect(r.matches).toBeGreaterThan(1000);
    expect(r.precision).toBeGreaterThan(0.98);
    expect(r.coverageByType.LOC ?? 0).toBeGreaterThan(0.6);
  });

  it('finds the actors of the reference article', () => {
    const text = fs.readFileSync(path.join(SHARED, 'examples', 'putin-kim-letters.txt'), 'utf8');
    const tokens = text.split(/\s+/).filter((t) => t !== '');
    const dict = loadActorDictionary();
    const ms = dict.match(tokens);
    const codes = new Set(ms.map((m) => m.entry.code));
    for (const c of ['RUSGOV', 'PRKGOV', 'PRKMED', 'GBRMED', 'PRK', 'RUS']) expect(codes.has(c), c).toBe(true);
    // Every match covers text that spells the phrase (modulo case and accents).
    for (const m of ms) {
      const span = tokens.slice(m.startToken, m.endToken).join(' ');
      const inner = span.slice(m.startOffsetInToken, span.length - (tokens[m.endToken - 1]!.length - m.endOffsetInToken));
      expect(inner.toLowerCase().replace(/[’']s$|[’']$/, '')).toContain(m.phrase.toLowerCase().split(' ')[0]!.replace(/[’']/g, ''));
    }
  });
});
