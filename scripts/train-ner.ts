/**
 * Train the NER tagger:
 *   node --import tsx scripts/train-ner.ts --train a.jsonl,b.conll [--dev c.jsonl] --out models/ner-v1
 *     [--epochs 8] [--pass2-epochs 6] [--seed 1] [--folds 5] [--min-count 1] [--prune 0.03] [--no-pass2] [--lists dir]
 */
import { parseArgs } from 'node:util';
import { trainNer } from '../src/entities/tagger/index.js';
import { describeError } from '../src/util/errors.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string' },
    dev: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    'pass2-epochs': { type: 'string' },
    seed: { type: 'string' },
    folds: { type: 'string' },
    'min-count': { type: 'string' },
    prune: { type: 'string' },
    'no-pass2': { type: 'boolean' },
    lists: { type: 'string' },
  },
});
const list = (v: string | undefined): string[] => (v ? v.split(',').filter(Boolean) : []);
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
if (!values.train || !values.out) {
  console.error('usage: train-ner --train a,b [--dev c] --out dir [--epochs N] [--seed N] [--folds N] [--no-pass2]');
  process.exit(2);
}
try {
  await trainNer({
    train: list(values.train),
    dev: list(values.dev),
    out: values.out,
    epochs: num(values.epochs),
    pass2Epochs: num(values['pass2-epochs']),
    seed: num(values.seed),
    folds: num(values.folds),
    minCount: num(values['min-count']),
    prune: num(values.prune),
    noPass2: values['no-pass2'] ?? false,
    listsDir: values.lists,
    command: `node --import tsx scripts/train-ner.ts ${process.argv.slice(2).join(' ')}`,
  });
} catch (e) {
  console.error(`train-ner: ${describeError(e)}`);
  process.exit(1);
}
