/**
 * Scoring for attribution extraction (the protocol in ../shared/eval/README.md):
 * predicted and gold attributions are matched one-to-one by content overlap
 * (character-level F1 over the content pieces); a match needs overlap >= 0.5.
 * Also exact-span F1, end-to-end content+speaker F1 (speaker spans overlap, or
 * both null), and cue accuracy on matched pairs, each broken down by type.
 */
export interface ScoredSpan {
  start: number;
  end: number;
}

export interface ScoredAttribution {
  type: string;
  /** The content pieces (one, or several when the content is interrupted). */
  content: ScoredSpan[];
  speaker: ScoredSpan | null;
  cue: ScoredSpan | null;
}

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
  exact: number;
  endToEnd: number;
  cueRight: number;
  cueScored: number;
}

export interface TypedCounts {
  all: Counts;
  byType: Record<string, Counts>;
}

export const MATCH_THRESHOLD = 0.5;

export function emptyCounts(): Counts {
  return { predicted: 0, gold: 0, matched: 0, exact: 0, endToEnd: 0, cueRight: 0, cueScored: 0 };
}

function chars(parts: readonly ScoredSpan[]): Set<number> {
  const set = new Set<number>();
  for (const p of parts) for (let i = p.start; i < p.end; i++) set.add(i);
  return set;
}

export function overlapF1(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const c of small) if (large.has(c)) inter++;
  return (2 * inter) / (a.size + b.size);
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const c of a) if (!b.has(c)) return false;
  return true;
}

function spansOverlap(a: ScoredSpan | null, b: ScoredSpan | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start < b.end && b.start < a.end;
}

export interface DocumentMatch {
  pairs: { predicted: number; gold: number; overlap: number }[];
}

/** Greedy one-to-one matching by descending overlap F1. */
export function matchDocument(predicted: readonly ScoredAttribution[], gold: readonly ScoredAttribution[], threshold = MATCH_THRESHOLD): DocumentMatch {
  const pc = predicted.map((p) => chars(p.content));
  const gc = gold.map((g) => chars(g.content));
  const candidates: { predicted: number; gold: number; overlap: number }[] = [];
  pc.forEach((p, i) =>
    gc.forEach((g, j) => {
      const overlap = overlapF1(p, g);
      if (overlap >= threshold) candidates.push({ predicted: i, gold: j, overlap });
    }),
  );
  candidates.sort((a, b) => b.overlap - a.overlap);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: DocumentMatch['pairs'] = [];
  for (const c of candidates) {
    if (usedP.has(c.predicted) || usedG.has(c.gold)) continue;
    usedP.add(c.predicted);
    usedG.add(c.gold);
    pairs.push(c);
  }
  return { pairs };
}

function bump(counts: TypedCounts, type: string, key: keyof Counts, by = 1): void {
  counts.all[key] += by;
  counts.byType[type] ??= emptyCounts();
  counts.byType[type]![key] += by;
}

/** Add one document's counts. Precision-side counts go to the predicted type, recall-side to the gold type. */
export function scoreDocument(predicted: readonly ScoredAttribution[], gold: readonly ScoredAttribution[], into: TypedCounts): DocumentMatch {
  for (const p of predicted) bump(into, p.type, 'predicted');
  for (const g of gold) bump(into, g.type, 'gold');
  const match = matchDocument(predicted, gold);
  for (const pair of match.pairs) {
    const p = predicted[pair.predicted]!;
    const g = gold[pair.gold]!;
    bump(into, g.type, 'matched');
    if (spansOverlap(p.speaker, g.speaker)) bump(into, g.type, 'endToEnd');
    if (g.cue !== null) {
      bump(into, g.type, 'cueScored');
      if (spansOverlap(p.cue, g.cue)) bump(into, g.type, 'cueRight');
    }
  }
  // Exact spans: their own one-to-one matching on identical content.
  const used = new Set<number>();
  const gc = gold.map((g) => chars(g.content));
  for (const p of predicted) {
    const pcs = chars(p.content);
    const j = gc.findIndex((g, k) => !used.has(k) && sameSet(pcs, g));
    if (j >= 0) {
      used.add(j);
      bump(into, gold[j]!.type, 'exact');
    }
  }
  return match;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface Summary {
  content: Prf;
  exact: Prf;
  endToEnd: Prf;
  cueAccuracy: number;
}

export function summarize(c: Counts): Summary {
  return {
    content: prf(c.matched, c.predicted, c.gold),
    exact: prf(c.exact, c.predicted, c.gold),
    endToEnd: prf(c.endToEnd, c.predicted, c.gold),
    cueAccuracy: c.cueScored === 0 ? 0 : c.cueRight / c.cueScored,
  };
}
