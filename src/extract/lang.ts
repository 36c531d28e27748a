/** Cheap language guess from Unicode scripts and stopword counts (data/extraction/stopwords.json). */
import { type StopwordData, loadJson } from './data-files.js';

const DATA = loadJson<StopwordData>('stopwords.json');
const SCRIPT_RES = Object.entries(DATA.scripts).map(([script, lang]) => ({ lang, re: new RegExp(`\\p{Script=${script}}`, 'gu') }));
const STOPWORDS = Object.entries(DATA.words).map(([lang, words]) => ({ lang, words: new Set(words) }));

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  // Japanese text mixes Han with kana, so kana wins over Han when both are present.
  let bestScript: { lang: string; count: number } | null = null;
  for (const { lang, re } of SCRIPT_RES) {
    const count = sample.match(re)?.length ?? 0;
    if (count > letters * 0.3 && (!bestScript || count > bestScript.count || (lang === 'ja' && count > letters * 0.05))) bestScript = { lang, count };
  }
  if (bestScript && bestScript.lang !== 'ar') return bestScript.lang;
  const words = sample.toLowerCase().match(/[\p{L}\p{M}'-]+/gu) ?? [];
  if (words.length < 5) return bestScript?.lang ?? null;
  let best: { lang: string; hits: number } | null = null;
  for (const { lang, words: set } of STOPWORDS) {
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (!best || hits > best.hits) best = { lang, hits };
  }
  if (best && best.hits >= Math.max(2, words.length * 0.05)) return best.lang;
  return bestScript?.lang ?? null;
}
