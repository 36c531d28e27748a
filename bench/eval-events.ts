/**
 * Event coding accuracy and speed.
 *
 *   node --import tsx bench/eval-events.ts                 # every shared gold set + speed
 *   node --import tsx bench/eval-events.ts gold.jsonl [--actors PETR.actors.txt] [--agents PETR.agents.txt] [--limit N] [--verbose]
 *   node --import tsx bench/eval-events.ts --sample corpus.jsonl [--limit N] [--seed S]   # N coded events to read by eye
 *
 * A gold file's layout is detected: CAMEO manual examples ({code, text}),
 * PLOVER gold records ({expected: [{event_plover_current, source, target}]}),
 * or PETRARCH validation records ({text, date, expected: [{source, target, code}]}),
 * the last scored as triple P/R/F1 with the actors from --actors/--agents
 * (PETRARCH dictionary format). Gold data stays in ../shared; nothing is copied.
 */
import path from 'node:path';
import { loadActorDictionary } from '../src/entities/actors/index.js';
import { loadCodebook } from '../src/events/codebook.js';
import {
  detectLayout,
  readJsonl,
  sampleCorpusEvents,
  scoreCameoManual,
  scoreNoEventCorpus,
  scorePlover,
  scoreTriples,
  timeCoder,
  type Resources,
} from '../src/events/eval/evaluate.js';
import { buildEvalPipeline } from '../src/events/eval/eval-pipeline.js';
import { loadEventLexicon } from '../src/events/lexicon.js';
import { loadPetrarchDictionary } from '../src/events/petrarch-dictionary.js';
import { HAS_SHARED, printTable, runScript, sharedPath } from './shared.js';

const EVENTS = (...p: string[]): string => sharedPath('eval', 'events', ...p);
const pct = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(3));

async function runFile(file: string, res: Resources, opts: { actors: string[]; agents: string[]; limit: number; verbose: boolean }): Promise<void> {
  const [first] = await readJsonl<Parameters<typeof detectLayout>[0]>(file, 1);
  if (!first) return console.log(`${file}: empty`);
  const layout = detectLayout(first);
  console.log(`\n## ${path.basename(file)} (${layout})`);
  if (layout === 'cameo-manual') {
    const s = await scoreCameoManual(file, res, opts.limit);
    printTable(['records', 'coded', 'root acc', '3-digit acc', 'full-code acc'], [[s.records, s.coded, pct(s.rootRight, s.records), pct(s.threeDigitRight, s.records), pct(s.fullRight, s.records)]]);
    console.log('\nper-root confusion (gold root: right/gold, most frequent wrong predictions)');
    printTable(
      ['root', 'gold', 'right', 'acc', 'wrong (predicted root: n)'],
      s.confusion.map((c) => [c.root, c.gold, c.right, pct(c.right, c.gold), Object.entries(c.wrong).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}:${v}`).join(' ')]),
    );
    if (opts.verbose) for (const m of s.misses) console.log(`  miss ${m.gold} got ${m.got}: ${m.text.slice(0, 140)}`);
  } else if (layout === 'plover') {
    const s = await scorePlover(file, res, opts.limit);
    printTable(
      ['records', 'coded', 'PLOVER type acc', 'src pairs', 'src country acc', 'src role acc', 'tgt pairs', 'tgt country acc'],
      [[s.records, s.coded, pct(s.typeRight, s.records), s.sourcePairs, pct(s.sourceCountryRight, s.sourcePairs), pct(s.sourceRoleRight, s.sourcePairs), s.targetPairs, pct(s.targetCountryRight, s.targetPairs)]],
    );
    if (opts.verbose) for (const m of s.misses) console.log(`  miss ${m.id}: gold ${m.gold} got ${m.got}`);
  } else {
    const dir = path.dirname(file);
    const actors = opts.actors.length > 0 ? opts.actors : [path.join(dir, 'petrarch2_unittest_dictionaries', 'PETR.Validate.actors.txt')];
    const agents = opts.agents.length > 0 || opts.actors.length > 0 ? opts.agents : [path.join(dir, 'petrarch2_unittest_dictionaries', 'PETR.Validate.agents.txt')];
    const dictionary = loadPetrarchDictionary(actors, agents);
    const s = await scoreTriples(file, dictionary, res, opts.limit);
    const p = s.right / Math.max(1, s.predicted);
    const r = s.right / Math.max(1, s.gold);
    printTable(
      ['records', 'gold triples', 'predicted', 'right', 'P', 'R', 'F1', 'no-event recs', 'with events'],
      [[s.records, s.gold, s.predicted, s.right, p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r), s.noEventRecords, s.noEventWithEvents]],
    );
    const pp = s.pairsRight / Math.max(1, s.pairsPredicted);
    const pr = s.pairsRight / Math.max(1, s.goldPairs);
    console.log(`actor pairs (source, target by country code, any event code): P ${pp.toFixed(3)} R ${pr.toFixed(3)} F1 ${(pp + pr === 0 ? 0 : (2 * pp * pr) / (pp + pr)).toFixed(3)}`);
    console.log('(PETRARCH unit tests use their own WEIS-derived verb dictionary, which newsgraph does not read: codes are scored against our lexicon as is.)');
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const take = (flag: string): string[] => {
    const out: string[] = [];
    for (let i = args.indexOf(flag); i >= 0; i = args.indexOf(flag)) {
      out.push(args[i + 1]!);
      args.splice(i, 2);
    }
    return out;
  };
  const actors = take('--actors');
  const agents = take('--agents');
  const limit = Number(take('--limit')[0] ?? Infinity);
  const sample = take('--sample')[0];
  const seed = Number(take('--seed')[0] ?? 7);
  const verbose = args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('--'));
  const res: Resources = { dictionary: loadActorDictionary(), lexicon: loadEventLexicon(), codebook: loadCodebook() };
  const { ner } = buildEvalPipeline(res.dictionary, res.lexicon, res.codebook);
  console.log(`entities: EntityLinker with ${ner === 'model' ? 'the NER model' : 'the actor dictionary only (no NER model in models/ner-v1)'}; attribution: Attributor`);
  if (sample) {
    // read by eye: every line is one coded event and its sentence
    const n = Number.isFinite(limit) ? limit : 40;
    for (const [i, x] of (await sampleCorpusEvents(sample, res, n, 400, seed)).entries()) console.log(`${i + 1}. [${x.id}] ${x.sentence}\n   ${x.line}`);
    return;
  }
  if (files.length > 0) {
    for (const f of files) await runFile(f, res, { actors, agents, limit, verbose });
    return;
  }
  if (!HAS_SHARED) {
    console.log('eval-events: ../shared/eval not found; pass a gold file');
    return;
  }
  for (const f of ['cameo_manual_examples.jsonl', 'plover_gsr_cameo.jsonl', 'petrarch2_unittests.jsonl']) await runFile(EVENTS(f), res, { actors, agents, limit, verbose });

  console.log('\n## no-event sentences: BBC sport and entertainment sentences naming an actor');
  const fp = await scoreNoEventCorpus(sharedPath('eval', 'corpus', 'bbc-fulltext.jsonl'), res, Number.isFinite(limit) ? limit : 3000);
  printTable(
    ['sentences', 'with events', 'rate (any event)', 'with non-statement events', 'rate (excluding 010 statements)'],
    [[fp.sentences, fp.withEvents, pct(fp.withEvents, fp.sentences), fp.withNonStatementEvents, pct(fp.withNonStatementEvents, fp.sentences)]],
  );
  for (const x of fp.samples) console.log(`  fp: ${x}`);

  console.log('\n## speed: coder stage alone, one core (BBC articles analysed up to attribution first)');
  const sp = await timeCoder(sharedPath('eval', 'corpus', 'bbc-fulltext.jsonl'), res, 400);
  printTable(['documents', 'sentences', 'coder CPU ms', 'sentences/s (CPU)'], [[sp.documents, sp.sentences, sp.coderMs, Math.round(sp.sentencesPerSecond)]]);
}

await runScript('eval-events', main);
