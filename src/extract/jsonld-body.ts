/**
 * Uses JSON-LD `articleBody` as a second opinion on the body. Publishers write
 * it for search engines, so when it is present and the DOM holds the same text,
 * the units that repeat it are the article. It can be truncated (paywalls) or
 * stale, so it only wins when it agrees with the page well.
 */
import type { TextUnit } from './units.js';
import { shingleSet, wordTokens } from './shingles.js';

const N = 3;

export interface JsonLdDecision {
  method: 'dom' | 'jsonld-match' | 'jsonld-text';
  units: TextUnit[];
}

interface Coverage {
  /** Share of body shingles found in the units. */
  recall: number;
  /** Share of the units' shingles found in the body. */
  precision: number;
  chars: number;
}

function coverage(units: TextUnit[], body: Set<string>): Coverage {
  const seen = new Set<string>();
  let total = 0;
  let hit = 0;
  let chars = 0;
  for (const u of units) {
    chars += u.chars;
    for (const s of shingleSet(wordTokens(u.text), N)) {
      total++;
      if (body.has(s)) {
        hit++;
        seen.add(s);
      }
    }
  }
  return { recall: body.size > 0 ? seen.size / body.size : 0, precision: total > 0 ? hit / total : 0, chars };
}

export function decideWithJsonLd(bodyText: string, domUnits: TextUnit[], allUnits: TextUnit[]): JsonLdDecision {
  const bodyTokens = wordTokens(bodyText);
  if (bodyTokens.length < 40) return { method: 'dom', units: domUnits };
  const body = shingleSet(bodyTokens, N);
  const bodyWords = new Set(bodyTokens);
  const dom = coverage(domUnits, body);
  if (dom.recall >= 0.9 && dom.precision >= 0.9) return { method: 'dom', units: domUnits };

  // Units that repeat the body: most of their shingles (or, if tiny, all their words) occur in it.
  const flags = allUnits.map((u) => {
    const toks = wordTokens(u.text);
    if (toks.length === 0) return false;
    if (toks.length < N + 1) return toks.every((t) => bodyWords.has(t)) ? null : false;
    const sh = shingleSet(toks, N);
    let hit = 0;
    for (const s of sh) if (body.has(s)) hit++;
    return hit / sh.size >= 0.6;
  });
  const firstIdx = flags.indexOf(true);
  const lastIdx = flags.lastIndexOf(true);
  // Short units only count between matched ones, where they are likely sub-headings.
  const matched = firstIdx < 0 ? [] : allUnits.filter((_, i) => flags[i] === true || (flags[i] === null && i > firstIdx && i < lastIdx));
  const match = coverage(matched, body);
  const bodyChars = bodyText.replace(/\s+/g, '').length;

  if (match.recall >= 0.8 && (dom.recall < 0.9 ? match.recall >= dom.recall + 0.05 : bodyChars >= dom.chars * 0.5)) {
    return { method: 'jsonld-match', units: matched };
  }
  if (match.recall < 0.3 && dom.chars < bodyChars * 0.3) return { method: 'jsonld-text', units: [] };
  return { method: 'dom', units: domUnits };
}
