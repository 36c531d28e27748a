/**
 * `newsgraph query events|quotes|actors|stories|documents` and
 * `newsgraph search`: read the store with filters. Each command opens the
 * store read-only through openStore, so `--db` takes a SQLite path or a
 * postgres:// URL.
 */
import { Command, Option } from 'commander';
import { columnsOf, type Column } from '../../store/export/columns.js';
import { defaultDb, openStore } from '../../store/open.js';
import type { ActorRow, DocumentRow, EventRecordRow, EventRow, Page, QuoteRow, SearchHit, Store, StoryRow } from '../../store/store.js';
import { dayOption } from '../../util/dates.js';
import { NewsgraphError } from '../../util/errors.js';
import { defaultFormat, emitRows, QUERY_FORMATS, type QueryFormat, type TableColumn } from './query-output.js';

const TABLE_LIMIT = 50;

interface CommonOptions {
  db: string;
  format?: QueryFormat;
  limit?: number;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError('usage', `${name} must be a positive integer, got "${value}"`);
  return n;
}

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--db <path-or-url>', 'SQLite file or postgres:// URL (or set NEWSGRAPH_DB)').default(defaultDb()))
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, else jsonl)').choices(QUERY_FORMATS))
    .option('-n, --limit <n>', `at most n rows (default: ${TABLE_LIMIT} for a table, all otherwise)`, (v) => positiveInt(v, '--limit'));
}

async function withStore(db: string, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(db, { readonly: true });
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

function plan(opts: CommonOptions): { format: QueryFormat; limit: number | null } {
  const format = opts.format ?? defaultFormat();
  return { format, limit: opts.limit ?? (format === 'table' ? TABLE_LIMIT : null) };
}

function note(format: QueryFormat) {
  return (printed: number, truncated: boolean): void => {
    if (format === 'table' && truncated) process.stderr.write(`(first ${printed} rows; use --limit or --format csv|jsonl for more)\n`);
  };
}

/** Pages of a list that has no stream, as one async sequence. */
async function* allPages<T>(fetch: (cursor: string | null) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetch(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

const actorCell = (code: string | null, name: string | null): string => [code, name].filter(Boolean).join(' ');

const EVENT_TABLE: TableColumn<EventRow>[] = [
  { label: 'date', get: (r) => r.date },
  { label: 'source', get: (r) => actorCell(r.sourceCode, r.sourceName), max: 28 },
  { label: 'code', get: (r) => r.code },
  { label: 'target', get: (r) => actorCell(r.targetCode, r.targetName), max: 28 },
  { label: 'quad', get: (r) => r.quadClass, align: 'right' },
  { label: 'goldstein', get: (r) => r.goldstein, align: 'right' },
  { label: 'verb', get: (r) => r.verb, max: 16 },
  { label: 'hedged', get: (r) => r.hedged },
  { label: 'outlet', get: (r) => r.outlet, max: 20 },
  { label: 'document', get: (r) => r.documentId, max: 24 },
];

const RECORD_TABLE: TableColumn<EventRecordRow>[] = [
  { label: 'date', get: (r) => r.date },
  { label: 'source', get: (r) => actorCell(r.sourceCode, r.sourceName), max: 28 },
  { label: 'code', get: (r) => r.code },
  { label: 'target', get: (r) => actorCell(r.targetCode, r.targetName), max: 28 },
  { label: 'mentions', get: (r) => r.mentions, align: 'right' },
  { label: 'documents', get: (r) => r.documents, align: 'right' },
  { label: 'outlets', get: (r) => r.outlets, align: 'right' },
  { label: 'first url', get: (r) => r.firstUrl, max: 40 },
];

const QUOTE_TABLE: TableColumn<QuoteRow>[] = [
  { label: 'speaker', get: (r) => r.speaker, max: 24 },
  { label: 'cue', get: (r) => r.cue, max: 12 },
  { label: 'content', get: (r) => r.content, max: 60 },
  { label: 'relay chain', get: (r) => r.chain.map((x) => x.name).join(' > '), max: 40 },
  { label: 'hedged', get: (r) => r.hedged },
  { label: 'outlet', get: (r) => r.outlet, max: 20 },
  { label: 'document', get: (r) => r.documentId, max: 24 },
];

const ACTOR_TABLE: TableColumn<ActorRow>[] = [
  { label: 'name', get: (r) => r.name, max: 32 },
  { label: 'code', get: (r) => r.code },
  { label: 'country', get: (r) => r.country },
  { label: 'kind', get: (r) => r.kind },
  { label: 'documents', get: (r) => r.documents, align: 'right' },
  { label: 'mentions', get: (r) => r.mentions, align: 'right' },
];

const STORY_TABLE: TableColumn<StoryRow>[] = [
  { label: 'id', get: (r) => r.id, align: 'right' },
  { label: 'label', get: (r) => r.label, max: 48 },
  { label: 'documents', get: (r) => r.documents, align: 'right' },
  { label: 'first', get: (r) => r.firstPublished },
  { label: 'last', get: (r) => r.lastPublished },
];

const DOCUMENT_TABLE: TableColumn<DocumentRow>[] = [
  { label: 'id', get: (r) => r.id, max: 24 },
  { label: 'published', get: (r) => r.published, max: 20 },
  { label: 'outlet', get: (r) => r.outlet, max: 20 },
  { label: 'title', get: (r) => r.title, max: 50 },
  { label: 'events', get: (r) => r.events, align: 'right' },
  { label: 'quotes', get: (r) => r.attributions, align: 'right' },
];

const SEARCH_TABLE: TableColumn<SearchHit>[] = [
  { label: 'id', get: (r) => r.id, max: 24 },
  { label: 'published', get: (r) => r.published, max: 20 },
  { label: 'outlet', get: (r) => r.outlet, max: 20 },
  { label: 'title', get: (r) => r.title, max: 40 },
  { label: 'snippet', get: (r) => r.snippet, max: 70 },
];

const SEARCH_CSV: Column<SearchHit>[] = [
  ...(['key', 'id', 'title', 'url', 'published', 'outlet', 'snippet'] as const).map((k): Column<SearchHit> => ({ name: k, type: 'text', get: (r) => r[k] })),
  { name: 'rank', type: 'float', get: (r) => r.rank },
];

const STORY_CSV: Column<StoryRow>[] = [
  { name: 'id', type: 'int', get: (r) => r.id },
  { name: 'label', type: 'text', get: (r) => r.label },
  { name: 'documents', type: 'int', get: (r) => r.documents },
  { name: 'first_published', type: 'text', get: (r) => r.firstPublished },
  { name: 'last_published', type: 'text', get: (r) => r.lastPublished },
  { name: 'created_at', type: 'text', get: (r) => r.createdAt },
];

const hedgedOptions = (cmd: Command): Command =>
  cmd.option('--hedged', 'only hedged ones').option('--no-hedged', 'only ones that are not hedged');

export function registerQueryCommands(program: Command): void {
  const query = program.command('query').description('query stored facts: events, quotes, actors, stories, documents');

  hedgedOptions(common(query.command('events')))
    .description('events; --records gives the one-a-day records (same source, target, code and day collapsed across articles)')
    .option('--actor <code-or-name>', 'source actor: CAMEO code prefix (RUS matches RUSGOV) or name (any case, whole words)')
    .option('--target <code-or-name>', 'target actor, as --actor')
    .option('--country <iso3>', 'source or target country')
    .option('--code <cameo>', 'CAMEO event code prefix (19 matches 190, 193 ...)')
    .option('--root <cameo>', 'CAMEO root code, exactly')
    .option('--quad <n>', 'quad class 1-4', (v) => positiveInt(v, '--quad'))
    .option('--from <day>', 'from this day (YYYY-MM-DD)', dayOption('--from'))
    .option('--to <day>', 'to this day, inclusive', dayOption('--to'))
    .option('--outlet <name>', 'reported by this outlet')
    .option('--document <id-or-key>', 'from this document (id, key, or key prefix of 8+ characters)')
    .option('--records', 'one-a-day event records instead of event mentions')
    .action(async (o: CommonOptions & { actor?: string; target?: string; country?: string; code?: string; root?: string; quad?: number; from?: string; to?: string; outlet?: string; hedged?: boolean; document?: string; records?: boolean }) => {
      if (o.quad !== undefined && o.quad > 4) throw new NewsgraphError('usage', '--quad must be 1, 2, 3 or 4');
      const filter = { actor: o.actor, target: o.target, country: o.country, code: o.code, root: o.root, quadClass: o.quad, from: o.from, to: o.to, outlet: o.outlet, hedged: o.hedged, document: o.document };
      const { format, limit } = plan(o);
      await withStore(o.db, async (store) => {
        if (o.records) await emitRows(store.stream('eventRecords', filter), { format, limit, table: RECORD_TABLE, csv: columnsOf('eventRecords'), done: note(format) });
        else await emitRows(store.stream('events', filter), { format, limit, table: EVENT_TABLE, csv: columnsOf('events'), done: note(format) });
      });
    });

  hedgedOptions(common(query.command('quotes')))
    .description('quotes (attributions) with their relay chains')
    .option('--speaker <name>', 'speaker name (any case, whole words: "Kim Jong Un")')
    .option('--cue <word>', 'cue word or lemma ("said", "warn")')
    .option('--outlet <name>', 'published by this outlet')
    .option('--relay <name>', 'relayed through this source anywhere in the chain ("KCNA")')
    .option('--document <id-or-key>', 'from this document (id, key, or key prefix of 8+ characters)')
    .action(async (o: CommonOptions & { speaker?: string; cue?: string; outlet?: string; relay?: string; hedged?: boolean; document?: string }) => {
      const { format, limit } = plan(o);
      const filter = { speaker: o.speaker, cue: o.cue, outlet: o.outlet, relay: o.relay, hedged: o.hedged, document: o.document };
      await withStore(o.db, (store) => emitRows(store.stream('quotes', filter), { format, limit, table: QUOTE_TABLE, csv: columnsOf('quotes'), done: note(format) }).then(() => {}));
    });

  common(query.command('actors'))
    .description('actors across documents, most widely reported first')
    .option('--name <name-or-code>', 'name (any case, whole words) or CAMEO code prefix')
    .option('--code <cameo>', 'CAMEO actor code prefix')
    .option('--country <iso3>', 'country')
    .option('--kind <kind>', 'person, country, media, organisation ...')
    .option('--outlet <name>', 'mentioned by this outlet')
    .action(async (o: CommonOptions & { name?: string; code?: string; country?: string; kind?: string; outlet?: string }) => {
      const { format, limit } = plan(o);
      const filter = { name: o.name, code: o.code, country: o.country, kind: o.kind, outlet: o.outlet };
      await withStore(o.db, (store) => emitRows(store.stream('actors', filter), { format, limit, table: ACTOR_TABLE, csv: columnsOf('actors'), done: note(format) }).then(() => {}));
    });

  common(query.command('stories'))
    .description('stories (clusters of documents about one event)')
    .option('--min-documents <n>', 'only stories with at least n documents', (v) => positiveInt(v, '--min-documents'))
    .action(async (o: CommonOptions & { minDocuments?: number }) => {
      const { format, limit } = plan(o);
      await withStore(o.db, (store) =>
        emitRows(allPages((cursor) => store.stories({ minDocuments: o.minDocuments }, { limit: 500, cursor })), { format, limit, table: STORY_TABLE, csv: STORY_CSV, done: note(format) }).then(() => {}),
      );
    });

  common(query.command('documents'))
    .description('stored documents')
    .option('--outlet <name>', 'from this outlet')
    .option('--from <day>', 'published from this day (YYYY-MM-DD)', dayOption('--from'))
    .option('--to <day>', 'published to this day, inclusive', dayOption('--to'))
    .option('--story <id>', 'in this story', (v) => positiveInt(v, '--story'))
    .action(async (o: CommonOptions & { outlet?: string; from?: string; to?: string; story?: number }) => {
      const { format, limit } = plan(o);
      const filter = { outlet: o.outlet, from: o.from, to: o.to, story: o.story };
      await withStore(o.db, (store) => emitRows(store.stream('documents', filter), { format, limit, table: DOCUMENT_TABLE, csv: columnsOf('documents'), done: note(format) }).then(() => {}));
    });

  common(program.command('search'))
    .description('full-text search over stored documents (all words must match; English stemming)')
    .argument('<text>', 'words to search for')
    .action(async (text: string, o: CommonOptions) => {
      // As its --help says: 50 hits on a table, every hit (best first) otherwise.
      const { format, limit } = plan(o);
      await withStore(o.db, (store) =>
        emitRows(allPages((cursor) => store.search(text, { limit: Math.min(limit ?? 1000, 1000), cursor })), { format, limit, table: SEARCH_TABLE, csv: SEARCH_CSV, done: note(format) }).then(() => {}),
      );
    });
}
