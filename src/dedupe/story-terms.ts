/**
 * Terms for story clustering: content words of the title and the lead, with
 * stopwords dropped and plurals folded, weighted by where they occur.
 */
import { dataPath, readWordList } from '../util/data-files.js';
import { wordTokens } from './text.js';

let stopwords: Set<string> | null = null;
export function storyStopwords(): Set<string> {
  stopwords ??= new Set(readWordList(dataPath('dedupe', 'stopwords.txt')).map((w) => w.toLowerCase()));
  return stopwords;
}

/**
 * Harman's S-stemmer plus the possessive: "missiles" and "missile",
 * "countries" and "country", "Kim's" and "Kim" become one term. Deliberately
 * weak: a strong stemmer merges words that tell stories apart.
 */
export function foldTerm(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && !/(?:ae|ee|oe)s$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

/** Content terms of a text in order: no stopwords, no single characters, no lone digits. */
export function contentTerms(text: string): string[] {
  const stop = storyStopwords();
  const out: string[] = [];
  for (const token of wordTokens(text)) {
    if (token.length < 2 || stop.has(token)) continue;
    const term = foldTerm(token);
    if (term.length < 2 || stop.has(term)) continue;
    out.push(term);
  }
  return out;
}

export interface TermWeights {
  /** Multiplier for title terms: a headline names the event. */
  titleWeight: number;
  /** How many content terms at the start of the body make the lead. */
  leadTerms: number;
  leadWeight: number;
  /** Multiplier for body terms after the lead (0 ignores them). */
  bodyWeight: number;
}

/** Weighted term counts of one article. */
export function weightedTermCounts(title: string, body: string, weights: TermWeights): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (term: string, w: number): void => {
    if (w > 0) counts.set(term, (counts.get(term) ?? 0) + w);
  };
  for (const t of contentTerms(title)) bump(t, weights.titleWeight);
  const bodyTerms = contentTerms(body);
  for (let i = 0; i < bodyTerms.length; i++) bump(bodyTerms[i]!, i < weights.leadTerms ? weights.leadWeight : weights.bodyWeight);
  return counts;
}
