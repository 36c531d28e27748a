/**
 * Rough quality check of the actor dictionary on CoNLL-2003 (Reuters 1996,
 * gold NER tags), read at run time from ../shared/eval; nothing is copied.
 *
 *   node --import tsx src/entities/actors/eval-conll.ts [dev|train] [--show N]
 *
 * Precision: share of non-role matches whose tokens are all inside gold
 * entities (an actor name outside any entity is a false hit).
 * Coverage: share of gold LOC/ORG/PER/MISC entities that a match touches.
 * The numbers bound the dictionary's usefulness; they are not an NER score
 * (CoNLL tags sports teams, cities and events the dictionary never lists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_ACTOR_DIR, loadActorDictionary } from './dictionary.js';

export interface ConllEvalResult {
  sentences: number;
  matches: number;
  inEntity: number;
  precision: number;
  goldEntities: number;
  goldTouched: number;
  coverageByType: Record<string, number>;
  falseHits: Map<string, number>;
}

interface ConllRecord {
  tokens: string[];
  tags: string[];
}

/** ../shared beside the repository (data/actors is two levels below the repo root). */
export const SHARED_DIR = path.resolve(SHIPPED_ACTOR_DIR, '..', '..', '..', 'shared');

export function conllPath(split: string): string {
  return path.join(SHARED_DIR, 'eval', 'ner', 'conll2003', `${split}.jsonl`);
}

export function evaluateOnConll(file: string): ConllEvalResult {
  const dict = loadActorDictionary();
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConllRecord);
  let matches = 0;
  let inEntity = 0;
  let goldEntities = 0;
  let goldTouched = 0;
  const goldByType: Record<string, [number, number]> = {};
  const falseHits = new Map<string, number>();
  for (const r of records) {
    // Headlines in capitals and -DOCSTART- lines are not what the matcher is for.
    if (r.tokens[0] === '-DOCSTART-') continue;
    const found = dict.match(r.tokens).filter((m) => m.entry.type !== 'role');
    const touched = new Set<number>();
    for (const m of found) {
      matches++;
      let ok = true;
      for (let t = m.startToken; t < m.endToken; t++) {
        touched.add(t);
        if (r.tags[t] === 'O') ok = false;
      }
      if (ok) inEntity++;
      else {
        const key = `${r.tokens.slice(m.startToken, m.endToken).join(' ')} -> ${m.entry.id}`;
        falseHits.set(key, (falseHits.get(key) ?? 0) + 1);
      }
    }
    for (let t = 0; t < r.tags.length; t++) {
      const tag = r.tags[t]!;
      if (!tag.startsWith('B-')) continue;
      const type = tag.slice(2);
      let end = t + 1;
      while (r.tags[end] === `I-${type}`) end++;
      let hit = false;
      for (let u = t; u < end; u++) if (touched.has(u)) hit = true;
      goldEntities++;
      if (hit) goldTouched++;
      const g = (goldByType[type] ??= [0, 0]);
      g[0]++;
      if (hit) g[1]++;
    }
  }
  const coverageByType: Record<string, number> = {};
  for (const [t, [n, h]] of Object.entries(goldByType)) coverageByType[t] = n === 0 ? 0 : h / n;
  return {
    sentences: records.length,
    matches,
    inEntity,
    precision: matches === 0 ? 0 : inEntity / matches,
    goldEntities,
    goldTouched,
    coverageByType,
    falseHits,
  };
}

function main(): void {
  const split = process.argv[2] ?? 'dev';
  const showAt = process.argv.indexOf('--show');
  const show = showAt >= 0 ? Number(process.argv[showAt + 1] ?? 30) : 30;
  const file = conllPath(split);
  if (!fs.existsSync(file)) {
    console.log(`no ${file}: ../shared must sit beside the repository`);
    return;
  }
  const r = evaluateOnConll(file);
  console.log(`sentences ${r.sentences}, actor matches ${r.matches}, inside gold entities ${r.inEntity} (precision ${r.precision.toFixed(3)})`);
  console.log(`gold entities touched ${r.goldTouched}/${r.goldEntities}; by type ${JSON.stringify(Object.fromEntries(Object.entries(r.coverageByType).map(([k, v]) => [k, Number(v.toFixed(3))])))}`);
  const worst = [...r.falseHits].sort((a, b) => b[1] - a[1]).slice(0, show);
  console.log('most frequent matches outside gold entities:');
  for (const [k, n] of worst) console.log(`  ${n}\t${k}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
