/**
 * Entity linking within an article, scored on GUM coreference chains
 * (people and organisations).
 *
 *   npm run eval:linking [-- gold.jsonl]
 *
 * Each GUM document is laid out one sentence per line, tokens joined by
 * spaces, and run through the default pipeline. A gold mention is *found*
 * when one of our mentions overlaps it and ends on the same token (the head
 * of an English noun phrase is usually its last word). Scores:
 * - mention recall: found / gold mentions in person and organisation chains
 *   of two or more mentions;
 * - linking accuracy: of found mentions that have an earlier found mention
 *   in their gold chain, the share whose actor is that earlier mention's
 *   actor (mention-to-entity accuracy along the chain);
 * - pairwise link precision: of pairs of found mentions we put in one actor,
 *   the share that are in one gold chain.
 */
import { analyzeRaw } from '../src/analyze.js';
import type { Analysis } from '../src/doc/schema.js';
import { buildPipeline } from '../src/pipeline/presets.js';
import { HAS_SHARED, printTable, readJsonlFile, runScript, sharedPath } from './shared.js';

interface GumMention {
  sent: number;
  start: number;
  end: number;
  eid: string;
  etype: string;
  identity: string | null;
}

interface GumDoc {
  doc: string;
  sentences: string[][];
  mentions: GumMention[];
}

export interface LinkingScores {
  documents: number;
  goldMentions: number;
  found: number;
  linkable: number;
  linkedRight: number;
  pairs: number;
  pairsRight: number;
  byType: Map<string, { linkable: number; right: number }>;
  articlesPerSecond: number;
}

const TYPES = new Set(['person', 'organization']);

function layout(doc: GumDoc): { text: string; tokenStart: number[][]; tokenEnd: number[][] } {
  let text = '';
  const tokenStart: number[][] = [];
  const tokenEnd: number[][] = [];
  for (const sentence of doc.sentences) {
    const starts: number[] = [];
    const ends: number[] = [];
    sentence.forEach((tok, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += tok;
      ends.push(text.length);
    });
    tokenStart.push(starts);
    tokenEnd.push(ends);
    text += '\n';
  }
  return { text, tokenStart, tokenEnd };
}

export async function evaluateLinking(file: string, limit = Infinity): Promise<LinkingScores> {
  const pipeline = buildPipeline();
  const scores: LinkingScores = { documents: 0, goldMentions: 0, found: 0, linkable: 0, linkedRight: 0, pairs: 0, pairsRight: 0, byType: new Map(), articlesPerSecond: 0 };
  let ms = 0;
  for await (const doc of readJsonlFile<GumDoc>(file, limit)) {
    const { text, tokenStart, tokenEnd } = layout(doc);
    const t0 = performance.now();
    const analysis: Analysis = analyzeRaw(pipeline, { id: doc.doc, text, title: null, url: null, published: null, source: null, format: 'text', encoding: 'utf-8', origin: doc.doc });
    ms += performance.now() - t0;
    scores.documents++;
    const ours = analysis.layers.mentions ?? [];
    const chainSize = new Map<string, number>();
    for (const m of doc.mentions) if (TYPES.has(m.etype)) chainSize.set(m.eid, (chainSize.get(m.eid) ?? 0) + 1);
    const gold = doc.mentions
      .filter((m) => TYPES.has(m.etype) && (chainSize.get(m.eid) ?? 0) >= 2)
      .map((m) => ({ ...m, charStart: tokenStart[m.sent]![m.start]!, charEnd: tokenEnd[m.sent]![m.end - 1]! }))
      .sort((a, b) => a.charStart - b.charStart || b.charEnd - a.charEnd);
    scores.goldMentions += gold.length;
    // Our actor for each gold mention: a mention of ours overlapping it that ends where it ends.
    const actorOf = gold.map((g) => {
      const hit = ours.find((o) => o.actorId !== null && o.start < g.charEnd && g.charStart < o.end && o.end === g.charEnd);
      return hit?.actorId ?? null;
    });
    const seen = new Map<string, string[]>();
    gold.forEach((g, i) => {
      const actor = actorOf[i];
      if (actor === null || actor === undefined) return;
      scores.found++;
      const earlier = seen.get(g.eid);
      if (earlier && earlier.length > 0) {
        scores.linkable++;
        const right = earlier.includes(actor);
        if (right) scores.linkedRight++;
        const t = scores.byType.get(g.etype) ?? { linkable: 0, right: 0 };
        t.linkable++;
        if (right) t.right++;
        scores.byType.set(g.etype, t);
      }
      seen.set(g.eid, [...(earlier ?? []), actor]);
    });
    for (let i = 0; i < gold.length; i++) {
      for (let j = i + 1; j < gold.length; j++) {
        if (actorOf[i] && actorOf[i] === actorOf[j] && (gold[i]!.charStart !== gold[j]!.charStart || gold[i]!.charEnd !== gold[j]!.charEnd)) {
          scores.pairs++;
          if (gold[i]!.eid === gold[j]!.eid) scores.pairsRight++;
        }
      }
    }
  }
  scores.articlesPerSecond = scores.documents / (ms / 1000);
  return scores;
}

export function printLinking(s: LinkingScores, file: string): void {
  console.log(`gold: ${file}\n${s.documents} documents; person and organisation chains of two or more mentions\n`);
  printTable(
    ['measure', 'value', 'count'],
    [
      ['mention recall', s.found / s.goldMentions, `${s.found}/${s.goldMentions}`],
      ['linking accuracy', s.linkedRight / s.linkable, `${s.linkedRight}/${s.linkable}`],
      ...[...s.byType].map(([type, t]) => [`  ${type}`, t.right / t.linkable, `${t.right}/${t.linkable}`] as (string | number)[]),
      ['pairwise link precision', s.pairsRight / s.pairs, `${s.pairsRight}/${s.pairs}`],
      ['articles/s', s.articlesPerSecond, ''],
    ],
  );
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? (HAS_SHARED ? sharedPath('eval', 'ner', 'gum', 'gum-news-coref.jsonl') : null);
  if (!file) {
    console.log('no gold file: give a GUM coreference JSONL file (default ../shared/eval/ner/gum/gum-news-coref.jsonl)');
    return;
  }
  printLinking(await evaluateLinking(file), file);
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript('eval-linking', main);
