/**
 * Scoring functions for article extraction, reusable by the eval script and
 * the floor test. Each returns plain numbers.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
  /** True when the extractor returned no text. */
  empty: boolean;
}

function shingleMultiset(text: string, n: number): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  // Same as the ScrapingHub benchmark: texts shorter than n give one shorter shingle.
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const sh = tokens.slice(i, i + n).join('\u0001');
    if (sh) out.set(sh, (out.get(sh) ?? 0) + 1);
  }
  return out;
}

/** 4-token shingle multiset overlap between gold and predicted text (case-sensitive, like the benchmark). */
export function shingleCounts(gold: string, pred: string, n = 4): ShingleCounts {
  const g = shingleMultiset(gold, n);
  const p = shingleMultiset(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const gc = g.get(k) ?? 0;
    tp += Math.min(c, gc);
    fp += Math.max(0, c - gc);
  }
  for (const [k, c] of g) fn += Math.max(0, c - (p.get(k) ?? 0));
  return { tp, fp, fn, empty: pred.trim() === '' };
}

export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
  docs: number;
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/**
 * Per-document precision and recall averaged over documents; F1 of the averages.
 * Empty output counts as recall 0 and is left out of the precision average.
 */
export function averageShingleScores(docs: ShingleCounts[]): PrfScore {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  for (const d of docs) {
    if (d.empty) continue;
    const p = d.tp + d.fp > 0 ? d.tp / (d.tp + d.fp) : 0;
    const r = d.tp + d.fn > 0 ? d.tp / (d.tp + d.fn) : 1;
    pSum += p;
    pN++;
    rSum += r;
  }
  const precision = pN > 0 ? pSum / pN : 0;
  const recall = docs.length > 0 ? rSum / docs.length : 0;
  return { precision, recall, f1: f1(precision, recall), docs: docs.length };
}

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** trafilatura's evaluation: `with` snippets found are TP (else FN); `without` found are FP (else TN). */
export function snippetCounts(pred: string, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const text = squash(pred);
  const c: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of withSnippets) {
    if (text && text.includes(squash(s))) c.tp++;
    else c.fn++;
  }
  for (const s of withoutSnippets) {
    if (text && text.includes(squash(s))) c.fp++;
    else c.tn++;
  }
  return c;
}

export interface SnippetScore extends PrfScore {
  accuracy: number;
}

export function sumSnippetScores(docs: SnippetCounts[]): SnippetScore {
  const t = docs.reduce((a, d) => ({ tp: a.tp + d.tp, fn: a.fn + d.fn, fp: a.fp + d.fp, tn: a.tn + d.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  const precision = t.tp + t.fp > 0 ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn > 0 ? t.tp / (t.tp + t.fn) : 0;
  const all = t.tp + t.fn + t.fp + t.tn;
  return { precision, recall, f1: f1(precision, recall), accuracy: all > 0 ? (t.tp + t.tn) / all : 0, docs: docs.length };
}

export interface MetadataGold {
  title: string | null;
  published: string | null;
  authors: string[] | null;
}

export interface MetadataPrediction {
  title: string | null;
  published: string | null;
  authors: string[];
}

export interface MetadataMatch {
  title: boolean;
  date: boolean;
  authors: boolean;
}

function normName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whitespace and typographic quotes do not count as title differences. */
function foldQuotes(s: string): string {
  return squash(s).replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

function utcDay(s: string): string | null {
  const t = Date.parse(s.replace(' ', 'T'));
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * Exact-match checks for fundus metadata. Titles compare after whitespace
 * and typographic-quote normalisation; dates compare the calendar day as written (or the same UTC day);
 * authors compare as case-insensitive sets (gold null = no authors).
 */
export function metadataMatch(gold: MetadataGold, pred: MetadataPrediction): MetadataMatch {
  const title = !!gold.title && !!pred.title && foldQuotes(gold.title) === foldQuotes(pred.title);
  let date = false;
  if (gold.published && pred.published) {
    date = gold.published.slice(0, 10) === pred.published.slice(0, 10) || (utcDay(gold.published) !== null && utcDay(gold.published) === utcDay(pred.published));
  }
  const g = new Set((gold.authors ?? []).map(normName));
  const p = new Set(pred.authors.map(normName));
  const authors = g.size === p.size && [...g].every((a) => p.has(a));
  return { title, date, authors };
}

export interface MetadataRates {
  title: number;
  date: number;
  authors: number;
  docs: number;
}

export function metadataRates(matches: MetadataMatch[]): MetadataRates {
  const n = Math.max(1, matches.length);
  return {
    title: matches.filter((m) => m.title).length / n,
    date: matches.filter((m) => m.date).length / n,
    authors: matches.filter((m) => m.authors).length / n,
    docs: matches.length,
  };
}
