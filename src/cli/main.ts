import { Command, CommanderError, Option } from 'commander';
import { PRESET_NAMES, type PresetName } from '../pipeline/presets.js';
import { defaultReadContext } from '../readers/inputs.js';
import { defaultDb, openStore } from '../store/open.js';
import { describeError, NewsgraphError } from '../util/errors.js';
import { terminalSafe } from '../util/terminal.js';
import { VERSION } from '../version.js';
import { runAnalyze, type AnalyzeFormat } from './commands/analyze.js';
import { runIngest } from './commands/ingest.js';
import { registerExportCommand } from './commands/export.js';
import { registerQueryCommands } from './commands/query.js';
import { registerServeCommand } from './commands/serve.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerFeedsCommands, subscribeOpml } from './commands/feeds.js';
import { registerTrainCommands } from './commands/train.js';
import { renderReport } from './report.js';

const DEFAULT_DB = defaultDb();
const write = (s: string): void => void process.stdout.write(s);
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function dbOption(): Option {
  return new Option('--db <path-or-url>', 'SQLite database file or postgres:// URL (or set NEWSGRAPH_DB)').default(DEFAULT_DB);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('newsgraph')
    .description('Turn news into sourced, structured facts. Every fact points back into the input by character offsets.')
    .version(VERSION, '-V, --version')
    // Usage errors are one line like every other error: "newsgraph: unknown option '--x' (see newsgraph --help)".
    .configureOutput({ outputError: (message, writeErr) => writeErr(`newsgraph: ${message.trim().replace(/^error: /, '')} (see newsgraph --help)\n`) })
    .exitOverride();

  program
    .command('analyze')
    .description('analyse text, HTML, JSONL, feeds, WARC archives or URLs (or - for stdin) and print what was found')
    .argument('[inputs...]', 'files, directories or http(s) URLs; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['report', 'json', 'jsonl']).default('report'))
    .option('--allow-private', 'let the URL fetcher reach private and loopback addresses')
    .option('--actors <file.tsv>', 'extra actor dictionary file (data/actors format); repeatable', collect, [])
    .option('--petrarch-actors <file>', 'PETRARCH/TABARI actor dictionary; repeatable', collect, [])
    .option('--petrarch-agents <file>', 'PETRARCH/TABARI agent dictionary; repeatable', collect, [])
    .option('--preset <name>', `pipeline preset: ${PRESET_NAMES.join(', ')}`, 'default')
    .action(async (inputs: string[], opts: { format: AnalyzeFormat; allowPrivate?: boolean; actors: string[]; petrarchActors: string[]; petrarchAgents: string[]; preset: string }) => {
      const read = defaultReadContext({ allowPrivate: Boolean(opts.allowPrivate), warn: log });
      const pipeline = { preset: presetName(opts.preset), actorFiles: opts.actors, petrarchActors: opts.petrarchActors, petrarchAgents: opts.petrarchAgents };
      process.exitCode = await runAnalyze(inputs, { format: opts.format, color: useColor(), write, log, read, pipeline });
    });

  program
    .command('ingest')
    .description('analyse documents and store them (idempotent by content hash)')
    .argument('<inputs...>', 'files, directories or http(s) URLs (.txt, .html, .jsonl, feeds, .warc, .warc.gz)')
    .addOption(dbOption())
    .option('--batch-size <n>', 'documents per write transaction', (v) => positiveInt(v, '--batch-size'), 200)
    .option('-q, --quiet', 'no progress output')
    .option('--allow-private', 'let the URL fetcher reach private and loopback addresses')
    .option('--actors <file.tsv>', 'extra actor dictionary file (data/actors format); repeatable', collect, [])
    .option('--petrarch-actors <file>', 'PETRARCH/TABARI actor dictionary; repeatable', collect, [])
    .option('--petrarch-agents <file>', 'PETRARCH/TABARI agent dictionary; repeatable', collect, [])
    .action(async (inputs: string[], opts: { db: string; batchSize: number; quiet?: boolean; allowPrivate?: boolean; actors: string[]; petrarchActors: string[]; petrarchAgents: string[] }) => {
      const store = await openStore(opts.db);
      try {
        const read = defaultReadContext({ allowPrivate: Boolean(opts.allowPrivate), warn: log });
        const pipeline = { actorFiles: opts.actors, petrarchActors: opts.petrarchActors, petrarchAgents: opts.petrarchAgents };
        // An OPML file is a list of feeds: ingesting it subscribes to them.
        for (const opml of inputs.filter((i) => /\.opml$/i.test(i))) {
          const r = await subscribeOpml(store, opml);
          log(`${opml}: ${r.listed} feeds listed, ${r.added} new subscriptions; fetch them with "newsgraph feeds poll"`);
        }
        const documents = inputs.filter((i) => !/\.opml$/i.test(i));
        if (documents.length > 0) {
          const summary = await runIngest(store, documents, { batchSize: opts.batchSize, quiet: Boolean(opts.quiet), log, read, pipeline });
          if (summary.failed > 0) process.exitCode = 1;
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('show')
    .description('show a stored document by id or key (content hash, or a prefix of at least 8 characters)')
    .argument('<id>', 'document id or key')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['report', 'json']).default('report'))
    .action(async (id: string, opts: { db: string; format: 'report' | 'json' }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const analysis = await store.get(id);
        if (!analysis) throw new NewsgraphError('not-found', `no stored document with id or key "${id}" in ${store.path}`);
        write(opts.format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : `${renderReport(analysis, { color: useColor() })}\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('stats')
    .description('what the store holds')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['report', 'json']).default('report'))
    .action(async (opts: { db: string; format: 'report' | 'json' }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const s = await store.stats();
        if (opts.format === 'json') {
          write(`${JSON.stringify(s, null, 2)}\n`);
          return;
        }
        const rows = [
          ['database', s.path],
          ['schema version', String(s.schemaVersion)],
          ['documents', String(s.documents)],
          ['sentences', String(s.sentences)],
          ['tokens', String(s.tokens)],
          ['boilerplate spans', String(s.boilerplate)],
          ['entity mentions', String(s.mentions)],
          ['attributions', String(s.attributions)],
          ['events', String(s.events)],
          ['event records', String(s.eventRecords)],
          ['stories', String(s.stories)],
          ['feeds', String(s.feeds)],
        ];
        for (const [k, v] of rows) write(`${k!.padEnd(18)} ${v}\n`);
        if (s.bySource.length > 0) {
          write('\nby source:\n');
          for (const b of s.bySource) write(`  ${String(b.documents).padStart(7)}  ${terminalSafe(b.source)}\n`);
        }
      } finally {
        await store.close();
      }
    });

  registerExtractCommand(program, write);
  registerFeedsCommands(program, { write, log, dbOption });
  registerTrainCommands(program);

  registerQueryCommands(program);
  registerServeCommand(program);
  registerExportCommand(program);

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function presetName(value: string): PresetName {
  if (!(PRESET_NAMES as string[]).includes(value)) throw new NewsgraphError('usage', `unknown preset "${value}" (choose ${PRESET_NAMES.join(', ')})`);
  return value as PresetName;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError('usage', `${name} must be a positive integer, got "${value}"`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed its one-line message (or the help/version text)
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    log(`newsgraph: ${describeError(e)}`);
    if (process.env.NEWSGRAPH_DEBUG && e instanceof Error) log(e.stack ?? '');
    return e instanceof NewsgraphError && e.code === 'usage' ? 2 : 1;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `newsgraph analyze ... | head` closes the pipe early: that is not an error.
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(`newsgraph: ${describeError(e)}`);
    process.exitCode = 1;
  },
);
