/**
 * `newsgraph export <table>`: a whole table (or a filtered part) as CSV,
 * JSONL, Parquet, or, for events, the GDELT event layout. Streams from a
 * database cursor, so any size exports in flat memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { checkNotTheStore, checkWritable, EXPORT_FORMATS, exportTable, writeError, type ExportFormat } from '../../store/export/export.js';
import { defaultDb, openStore } from '../../store/open.js';
import type { StreamKind } from '../../store/store.js';
import { dayOption } from '../../util/dates.js';
import { NewsgraphError } from '../../util/errors.js';

const TABLES: Record<string, StreamKind> = {
  events: 'events',
  'event-records': 'eventRecords',
  quotes: 'quotes',
  actors: 'actors',
  documents: 'documents',
};
const EXTENSIONS: Record<string, ExportFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.parquet': 'parquet', '.tsv': 'gdelt' };
const FILE_EXTENSION: Record<ExportFormat, string> = { csv: '.csv', jsonl: '.jsonl', parquet: '.parquet', gdelt: '.tsv', gdelt1: '.tsv' };

interface ExportOptions {
  db: string;
  format?: ExportFormat;
  out?: string;
  actor?: string;
  target?: string;
  country?: string;
  code?: string;
  root?: string;
  from?: string;
  to?: string;
  outlet?: string;
  speaker?: string;
  relay?: string;
}

function filterFor(kind: StreamKind, o: ExportOptions): Record<string, string | undefined> {
  switch (kind) {
    case 'events':
    case 'eventRecords':
      return { actor: o.actor, target: o.target, country: o.country, code: o.code, root: o.root, from: o.from, to: o.to, outlet: o.outlet };
    case 'quotes':
      return { speaker: o.speaker, relay: o.relay, outlet: o.outlet };
    case 'actors':
      return { code: o.code, country: o.country, outlet: o.outlet };
    case 'documents':
      return { outlet: o.outlet, from: o.from, to: o.to };
  }
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export a table as CSV, JSONL, Parquet or (events) GDELT TSV; "all" writes every table into a directory')
    .argument('<table>', `${Object.keys(TABLES).join(', ')} or all`)
    .addOption(new Option('--db <path-or-url>', 'SQLite file or postgres:// URL (or set NEWSGRAPH_DB)').default(defaultDb()))
    .addOption(new Option('-f, --format <format>', 'csv, jsonl, parquet; gdelt (GDELT 2.0, 61 columns) or gdelt1 (GDELT 1.0 daily, 58) for events').choices(EXPORT_FORMATS))
    .option('-o, --out <path>', 'output file (default stdout; Parquet needs a file), or the directory for "all"')
    .option('--actor <code-or-name>', 'events: source actor')
    .option('--target <code-or-name>', 'events: target actor')
    .option('--country <iso3>', 'events: source or target country; actors: country')
    .option('--code <cameo>', 'events: event code prefix; actors: actor code prefix')
    .option('--root <cameo>', 'events: root code')
    .option('--from <day>', 'events, documents: from this day (YYYY-MM-DD)', dayOption('--from'))
    .option('--to <day>', 'events, documents: to this day, inclusive', dayOption('--to'))
    .option('--outlet <name>', 'only this outlet')
    .option('--speaker <name>', 'quotes: speaker')
    .option('--relay <name>', 'quotes: relayed through')
    .action(async (table: string, o: ExportOptions) => {
      const format = o.format ?? (o.out ? EXTENSIONS[path.extname(o.out).toLowerCase()] : undefined) ?? 'csv';
      const jobs: { kind: StreamKind; out: string }[] = [];
      if (table === 'all') {
        if (!o.out) throw new NewsgraphError('usage', 'export all needs --out <directory>');
        if (format === 'gdelt' || format === 'gdelt1') throw new NewsgraphError('usage', 'export all writes csv, jsonl or parquet');
        try {
          fs.mkdirSync(o.out, { recursive: true });
        } catch (e) {
          throw writeError(o.out, e);
        }
        for (const [name, kind] of Object.entries(TABLES)) jobs.push({ kind, out: path.join(o.out, `${name}${FILE_EXTENSION[format]}`) });
      } else {
        let kind = TABLES[table];
        if (!kind) throw new NewsgraphError('usage', `unknown table "${table}": use ${Object.keys(TABLES).join(', ')} or all`);
        // GDELT rows are one-a-day records, so "events" in GDELT layout means the records.
        if (format === 'gdelt' || format === 'gdelt1') {
          if (kind !== 'events' && kind !== 'eventRecords') throw new NewsgraphError('usage', 'the GDELT layout is for events only');
          kind = 'eventRecords';
        }
        jobs.push({ kind, out: o.out ?? '-' });
      }
      // A wrong --out fails here, before the store is read, not after the work; the store's own file is never an output.
      for (const job of jobs) {
        if (job.out === '-') continue;
        checkNotTheStore(job.out, o.db);
        checkWritable(job.out);
      }
      const store = await openStore(o.db, { readonly: true });
      try {
        for (const job of jobs) {
          const started = Date.now();
          const result = await exportTable(store, { kind: job.kind, filter: filterFor(job.kind, o), format, out: job.out });
          if (job.out !== '-') process.stderr.write(`newsgraph: wrote ${result.rows} rows to ${job.out} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        }
      } finally {
        await store.close();
      }
    });
}
