/**
 * A tiny token-phrase matcher for the word lists in data/attribution/.
 * A pattern is words separated by spaces; `a|b` is an alternative and a
 * trailing `?` makes a word optional ("reports are swirling around? that?").
 * Matching is on lower-cased token texts, so it costs one map lookup per
 * token plus the few patterns that share a first word.
 */
export interface PhraseStep {
  words: ReadonlySet<string>;
  optional: boolean;
}

export interface Phrase<T> {
  steps: readonly PhraseStep[];
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Token index of the first matched token. */
  first: number;
  /** Token index one past the last matched token. */
  end: number;
}

export function parsePattern(pattern: string): PhraseStep[] {
  return pattern
    .trim()
    .split(/\s+/)
    .map((w) => {
      const optional = w.endsWith('?');
      const word = optional ? w.slice(0, -1) : w;
      return { words: new Set(word.toLowerCase().split('|')), optional };
    });
}

export class PhraseMatcher<T> {
  /** Patterns indexed by every word their first required step can start with. */
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  constructor(phrases: readonly Phrase<T>[]) {
    for (const p of phrases) {
      const firstRequired = p.steps.findIndex((s) => !s.optional);
      if (firstRequired !== 0) throw new Error('a phrase pattern must start with a required word');
      for (const w of p.steps[0]!.words) {
        const list = this.byFirst.get(w) ?? [];
        list.push(p);
        this.byFirst.set(w, list);
      }
    }
  }

  /** The longest pattern that starts at token `i`, or null. */
  matchAt(words: readonly string[], i: number, limit = words.length): PhraseMatch<T> | null {
    const candidates = this.byFirst.get(words[i] ?? '');
    if (!candidates) return null;
    let best: PhraseMatch<T> | null = null;
    for (const p of candidates) {
      const end = matchSteps(p.steps, words, i, limit);
      if (end !== null && (best === null || end > best.end)) best = { value: p.value, first: i, end };
    }
    return best;
  }

  /** Every non-overlapping longest match in [from, to). */
  findAll(words: readonly string[], from: number, to: number): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(words, i, to);
      if (m) {
        out.push(m);
        i = m.end - 1;
      }
    }
    return out;
  }
}

function matchSteps(steps: readonly PhraseStep[], words: readonly string[], start: number, limit: number): number | null {
  let i = start;
  for (const step of steps) {
    const w = i < limit ? words[i] : undefined;
    if (w !== undefined && step.words.has(w)) i++;
    else if (!step.optional) return null;
  }
  return i;
}
