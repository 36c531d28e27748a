/**
 * NER evaluation: conlleval-style table for a model on a gold file.
 *   node --import tsx bench/eval-ner.ts [gold.jsonl|gold.conll] [--model dir] [--train file] [--single-pass] [--rounds N] [--json]
 * Default gold: ../shared/eval/ner/conll2003/dev.jsonl; "seen in training"
 * uses --train (default ../shared/eval/ner/conll2003/train.jsonl when present).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectMentionKeys, loadNerModel, readNerFile, DEFAULT_NER_MODEL_DIR } from '../src/entities/tagger/index.js';
import { evaluateNerTagger } from '../src/entities/tagger/run-eval.js';
import { describeError } from '../src/util/errors.js';

const root = path.resolve(import.meta.dirname, '..');
const conll = path.resolve(root, '../shared/eval/ner/conll2003');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string' },
    train: { type: 'string' },
    'single-pass': { type: 'boolean' },
    json: { type: 'boolean' },
    rounds: { type: 'string' },
  },
});
try {
  const goldFile = positionals[0] ?? path.join(conll, 'dev.jsonl');
  const modelDir = values.model ?? DEFAULT_NER_MODEL_DIR;
  const trainFile = values.train ?? path.join(conll, 'train.jsonl');
  const tagger = loadNerModel(modelDir);
  const gold = readNerFile(goldFile);
  const trainDocs = fs.existsSync(trainFile) ? readNerFile(trainFile) : undefined;
  const seen = trainDocs ? collectMentionKeys(trainDocs) : undefined;
  const run = evaluateNerTagger(tagger, gold, {
    ...(seen ? { seenMentions: seen } : {}),
    tagOptions: { singlePass: values['single-pass'] ?? false },
    rounds: values.rounds ? Number(values.rounds) : 3,
    // Warm up on other text (the first 200 training documents), as a long-running tagger would be.
    ...(trainDocs ? { warmup: trainDocs.slice(0, 200) } : {}),
    title: `model ${path.relative(process.cwd(), modelDir) || modelDir} on ${goldFile}${seen ? ` (seen = in ${path.basename(trainFile)})` : ''}`,
  });
  if (values.json) console.log(JSON.stringify({ ...run.result, tokensPerSecond: run.tokensPerSecond, cpuTokensPerSecond: run.cpuTokensPerSecond, coldCpuTokensPerSecond: run.coldCpuTokensPerSecond }, null, 2));
  else console.log(run.report);
} catch (e) {
  console.error(`eval-ner: ${describeError(e)}`);
  process.exit(1);
}
