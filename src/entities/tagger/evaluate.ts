/**
 * conlleval-style scoring: exact-match mentions (same start, end and type),
 * precision/recall/F1 per type, overall, overall without MISC, and broken
 * down by mention kind (seen in training or not, one token or several, in an
 * all-caps headline or in running text).
 */
import type { NerDocument } from './corpus.js';
import { ENTITY_TYPES, bioToMentions } from './labels.js';
import { isHeadline, wordFacts } from './word.js';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerEvalResult {
  byType: Record<string, Prf>;
  overall: Prf;
  /** PER, ORG and LOC only. */
  overallNoMisc: Prf;
  /** Keyed by kind: seen, unseen (needs seenMentions), single, multi, headline, text. */
  byKind: Record<string, Prf>;
  tokens: number;
  sentences: number;
  tokenAccuracy: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function finish(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Key of a mention string as used for "seen in training". */
export function mentionKey(tokens: readonly string[], start: number, end: number, type: string): string {
  return `${type}\t${tokens.slice(start, end).join(' ')}`;
}

/** Every mention string (with its type) in some documents. */
export function collectMentionKeys(docs: readonly NerDocument[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    for (const s of d.sentences) {
      for (const m of bioToMentions(s.tokens, s.tags)) out.add(mentionKey(s.tokens, m.startToken, m.endToken, m.type));
    }
  }
  return out;
}

/**
 * Score predicted BIO tags (one string[][] per document, parallel to gold)
 * against gold documents.
 */
export function scoreNer(
  gold: readonly NerDocument[],
  predicted: readonly (readonly (readonly string[])[])[],
  seenMentions?: ReadonlySet<string>,
): NerEvalResult {
  const counts = new Map<string, Counts>();
  const bump = (key: string, field: keyof Counts): void => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { tp: 0, fp: 0, fn: 0 }));
    c[field]++;
  };
  let tokens = 0;
  let sentences = 0;
  let correctTokens = 0;
  gold.forEach((doc, di) => {
    const pdoc = predicted[di];
    if (!pdoc || pdoc.length !== doc.sentences.length) {
      throw new RangeError(`scoreNer: document ${doc.id} has ${doc.sentences.length} sentences, prediction ${pdoc?.length ?? 0}`);
    }
    doc.sentences.forEach((s, si) => {
      const ptags = pdoc[si]!;
      if (ptags.length !== s.tokens.length) throw new RangeError(`scoreNer: length mismatch in ${doc.id} sentence ${si}`);
      sentences++;
      tokens += s.tokens.length;
      for (let i = 0; i < ptags.length; i++) if (ptags[i] === s.tags[i]) correctTokens++;
      const headline = isHeadline(s.tokens.map((t) => wordFacts(t)));
      const kinds = (start: number, end: number, type: string): string[] => {
        const k = [end - start === 1 ? 'single' : 'multi', headline ? 'headline' : 'text'];
        if (seenMentions) k.push(seenMentions.has(mentionKey(s.tokens, start, end, type)) ? 'seen' : 'unseen');
        return k;
      };
      const goldM = bioToMentions(s.tokens, s.tags);
      const predM = bioToMentions(s.tokens, ptags);
      const key = (m: { startToken: number; endToken: number; type: string }): string =>
        `${m.startToken}:${m.endToken}:${m.type}`;
      const predKeys = new Set(predM.map(key));
      const goldKeys = new Set(goldM.map(key));
      for (const m of goldM) {
        const field: keyof Counts = predKeys.has(key(m)) ? 'tp' : 'fn';
        bump(`type:${m.type}`, field);
        for (const k of kinds(m.startToken, m.endToken, m.type)) bump(`kind:${k}`, field);
      }
      for (const m of predM) {
        if (goldKeys.has(key(m))) continue;
        bump(`type:${m.type}`, 'fp');
        for (const k of kinds(m.startToken, m.endToken, m.type)) bump(`kind:${k}`, 'fp');
      }
    });
  });
  const sum = (types: readonly string[]): Counts => {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const t of types) {
      const x = counts.get(`type:${t}`);
      if (x) {
        c.tp += x.tp;
        c.fp += x.fp;
        c.fn += x.fn;
      }
    }
    return c;
  };
  const allTypes = [...new Set([...ENTITY_TYPES, ...[...counts.keys()].filter((k) => k.startsWith('type:')).map((k) => k.slice(5))])];
  const byType: Record<string, Prf> = {};
  for (const t of allTypes) byType[t] = finish(counts.get(`type:${t}`) ?? { tp: 0, fp: 0, fn: 0 });
  const byKind: Record<string, Prf> = {};
  for (const [k, c] of counts) if (k.startsWith('kind:')) byKind[k.slice(5)] = finish(c);
  return {
    byType,
    overall: finish(sum(allTypes)),
    overallNoMisc: finish(sum(['PER', 'ORG', 'LOC'])),
    byKind,
    tokens,
    sentences,
    tokenAccuracy: tokens === 0 ? 0 : correctTokens / tokens,
  };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

/** A conlleval-like table. */
export function formatNerReport(
  r: NerEvalResult,
  extra: { tokensPerSecond?: number; cpuTokensPerSecond?: number; coldCpuTokensPerSecond?: number; title?: string } = {},
): string {
  const lines: string[] = [];
  if (extra.title) lines.push(extra.title);
  lines.push(`${r.sentences} sentences, ${r.tokens} tokens; token accuracy ${pct(r.tokenAccuracy)}%`);
  const row = (name: string, p: Prf): string =>
    `${name.padEnd(14)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}  ${String(p.tp + p.fn).padStart(6)} ${String(p.tp + p.fp).padStart(6)}`;
  lines.push(`${'type'.padEnd(14)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}  ${'gold'.padStart(6)} ${'found'.padStart(6)}`);
  for (const [t, p] of Object.entries(r.byType)) lines.push(row(t, p));
  lines.push(row('overall', r.overall));
  lines.push(row('PER/ORG/LOC', r.overallNoMisc));
  lines.push('by mention kind:');
  for (const k of ['seen', 'unseen', 'single', 'multi', 'text', 'headline']) {
    const p = r.byKind[k];
    if (p) lines.push(row(`  ${k}`, p));
  }
  const rate = (x: number): string => Math.round(x).toLocaleString('en-US');
  if (extra.tokensPerSecond !== undefined) {
    const cpu = extra.cpuTokensPerSecond === undefined ? '' : ` (${rate(extra.cpuTokensPerSecond)} per CPU-second)`;
    lines.push(`speed: ${rate(extra.tokensPerSecond)} tokens/s wall${cpu}, one thread, word caches warm`);
    if (extra.coldCpuTokensPerSecond !== undefined) {
      lines.push(`first run, word caches cold: ${rate(extra.coldCpuTokensPerSecond)} per CPU-second`);
    }
  }
  return lines.join('\n');
}
