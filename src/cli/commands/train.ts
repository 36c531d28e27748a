import type { Command } from 'commander';
import { trainNer } from '../../entities/tagger/index.js';
import { NewsgraphError } from '../../util/errors.js';

const list = (v: string, prev: string[] = []): string[] => [...prev, ...v.split(',').filter(Boolean)];

/** `newsgraph train ner`: train the named-entity tagger on CoNLL or JSONL data. */
export function registerTrainCommands(program: Command): void {
  const train = program.command('train').description('train models');
  train
    .command('ner')
    .description('train the named-entity tagger (CoNLL-style or JSONL {tokens, tags} files); deterministic for a seed')
    .requiredOption('--train <files>', 'training files, comma-separated or repeated', list)
    .option('--dev <files>', 'dev files for per-epoch scores, comma-separated or repeated', list)
    .requiredOption('--out <dir>', 'output model directory, e.g. models/ner-v2')
    .option('--epochs <n>', 'training epochs', (v) => positive(v, '--epochs'))
    .option('--seed <n>', 'shuffling seed', (v) => positive(v, '--seed'))
    .action(async (opts: { train: string[]; dev?: string[]; out: string; epochs?: number; seed?: number }) => {
      const started = Date.now();
      const result = await trainNer({
        train: opts.train,
        ...(opts.dev ? { dev: opts.dev } : {}),
        out: opts.out,
        ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        command: `newsgraph ${process.argv.slice(2).join(' ')}`,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stderr.write(`model written to ${result.out} in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
    });
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError('usage', `${name} must be a positive integer, got "${v}"`);
  return n;
}
