/**
 * How many lines each boilerplate rule labels, per corpus, with samples to
 * read. Cleaning labels rather than deletes, but a line labelled boilerplate
 * is not analysed as body, so every hit here must be real boilerplate.
 *
 *   npm run report:cleaning [-- file.jsonl ...] [--samples N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { toDoc } from '../src/analyze.js';
import { Cleaner } from '../src/clean/cleaner.js';
import { parseJsonlRecord } from '../src/readers/inputs.js';
import { HAS_SHARED, printTable, readJsonlFile, runScript, sharedPath } from './shared.js';

export interface CleaningCounts {
  corpus: string;
  documents: number;
  lines: number;
  byRule: Map<string, number>;
  samples: Map<string, string[]>;
}

export async function countCleaning(file: string, sampleCount = 3): Promise<CleaningCounts> {
  const cleaner = new Cleaner();
  const counts: CleaningCounts = { corpus: path.basename(file), documents: 0, lines: 0, byRule: new Map(), samples: new Map() };
  let n = 0;
  for await (const rec of readJsonlFile<Record<string, unknown>>(file)) {
    n++;
    if (typeof rec.text !== 'string' || rec.text.trim() === '') continue;
    const doc = toDoc(parseJsonlRecord(JSON.stringify(rec), `${file}:${n}`, String(n)));
    cleaner.process(doc);
    counts.documents++;
    counts.lines += doc.get('blocks').length;
    for (const b of doc.get('boilerplate')) {
      counts.byRule.set(b.rule, (counts.byRule.get(b.rule) ?? 0) + 1);
      const list = counts.samples.get(b.rule) ?? [];
      if (list.length < sampleCount) list.push(b.text.slice(0, 120));
      counts.samples.set(b.rule, list);
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const samplesAt = args.indexOf('--samples');
  const sampleCount = samplesAt >= 0 ? Number(args[samplesAt + 1]) : 3;
  let files = args.filter((a, i) => !a.startsWith('--') && (samplesAt < 0 || i !== samplesAt + 1));
  if (files.length === 0) {
    if (!HAS_SHARED) {
      console.log('no ../shared/eval found: give JSONL corpus files as arguments');
      return;
    }
    const dir = sharedPath('eval', 'corpus');
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(dir, f));
  }
  const results: CleaningCounts[] = [];
  for (const f of files) results.push(await countCleaning(f, sampleCount));
  const rules = [...new Set(results.flatMap((r) => [...r.byRule.keys()]))].sort();
  console.log('Lines labelled boilerplate, per rule and corpus (a labelled line is not analysed as body):\n');
  printTable(
    ['rule', ...results.map((r) => r.corpus.replace('.jsonl', ''))],
    [
      ['(documents)', ...results.map((r) => r.documents)],
      ['(blocks)', ...results.map((r) => r.lines)],
      ...rules.map((rule) => [rule, ...results.map((r) => r.byRule.get(rule) ?? 0)]),
    ],
  );
  console.log('\nSamples:');
  for (const r of results) {
    for (const [rule, list] of r.samples) for (const s of list) console.log(`  ${r.corpus}  ${rule.padEnd(20)} ${s}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript('cleaning-report', main);
