/**
 * Matching lexicon patterns against the words after a verb: items in order,
 * each within its allowed gap, punctuation not counted.
 */
import type { Alternative, PatternItem } from './lexicon.js';
import type { Word } from './sentence-view.js';

export interface PatternMatch {
  /** Word index one past the last matched word. */
  end: number;
  /** Matched words: the more, the more specific the rule. */
  score: number;
  /** First matched word, or -1 when the pattern is empty or all optional. */
  first: number;
}

function matchAlternative(words: readonly Word[], at: number, alt: Alternative, end: number): number {
  let i = at;
  for (let p = 0; p < alt.length; p++) {
    if (p > 0) while (i < end && words[i]!.lower === '-') i++;
    if (i >= end) return -1;
    const w = words[i]!;
    const piece = alt[p]!;
    if (w.lower !== piece && !w.lemmas.includes(piece)) return -1;
    i++;
  }
  return i;
}

/** Matches `pattern` starting the search at word `from`, never past `end`. */
/**
 * With `inClause`, the search for an item gives up at "that" and at another
 * verb, so a verb's pattern is not completed from a clause it governs
 * ("stressed that ... in the interest of").
 */
export function matchPattern(words: readonly Word[], pattern: readonly PatternItem[], from: number, end: number, inClause = false): PatternMatch | null {
  let pos = from;
  let score = 0;
  let first = -1;
  for (const item of pattern) {
    let found = -1;
    let foundAt = -1;
    let skipped = 0;
    for (let q = pos; q < end && skipped <= item.maxGap; q++) {
      const w = words[q]!;
      if (w.punct) continue;
      for (const alt of item.alternatives) {
        const e = matchAlternative(words, q, alt, end);
        if (e > found) {
          found = e;
          foundAt = q;
        }
      }
      if (found !== -1) break;
      if (inClause && (w.lower === 'that' || (w.pos === 'VERB' && words[q - 1]?.lower !== '-'))) break;
      skipped++;
    }
    if (found === -1) {
      if (item.optional) continue;
      return null;
    }
    if (first === -1) first = foundAt;
    score += found - foundAt;
    pos = found;
  }
  return { end: pos, score, first };
}
