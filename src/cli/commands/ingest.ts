import { Ingester, type StoryCounts } from '../../ingest/ingester.js';
import { buildPipeline, type PipelineOptions } from '../../pipeline/presets.js';
import { expandPaths, readPath, type ReadContext } from '../../readers/inputs.js';
import { isPassed, type ReadItem } from '../../readers/raw-document.js';
import type { Store } from '../../store/store.js';
import { describeError, isNewsgraphError } from '../../util/errors.js';
import { Progress } from '../progress.js';

export interface IngestOptions {
  batchSize: number;
  quiet: boolean;
  log: (s: string) => void;
  read: ReadContext;
  pipeline?: PipelineOptions;
  /** Called after a source was read to its end (feed polling saves its state here). */
  afterSource?: (name: string) => Promise<void>;
}

export interface IngestSummary {
  stored: number;
  skipped: number;
  failed: number;
  /** Pages and feed items with no article text (not failures). */
  noText: number;
  /** What this run's documents did to stories. */
  stories: StoryCounts;
  /** Documents an interrupted run had left without a story, placed before this run began (not in `stories`). */
  recovered: number;
}

/**
 * Where raw documents come from: each source is read in turn; a failing
 * source stops only itself, a record it passes over stops nothing.
 */
export interface RawSource {
  name: string;
  read: () => AsyncIterable<ReadItem>;
}

/**
 * Analyse and store documents. Idempotent: a document whose content hash is
 * already stored is skipped before analysis, so a rerun after a crash picks
 * up where it stopped. Writes go in batches, each one transaction. A bad
 * record (a bad JSONL line) is reported, counted as failed and skipped, a
 * page with no article text is reported and counted as such; a bad file
 * stops nothing else.
 */
export async function runIngest(store: Store, inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const files = expandPaths(inputs);
  return ingestSources(
    store,
    files.map((file) => ({ name: file, read: () => readPath(file, opts.read) })),
    opts,
  );
}

/** What ingesting needs beyond reading: sources bring their own readers. */
export type IngestSourceOptions = Omit<IngestOptions, 'read'>;

export async function ingestSources(store: Store, sources: RawSource[], opts: IngestSourceOptions): Promise<IngestSummary> {
  const progress = new Progress(process.stderr, { quiet: opts.quiet });
  const ingester = await Ingester.open(store);
  if (ingester.recovered > 0) {
    opts.log(`newsgraph: put ${ingester.recovered} stored document(s) that an interrupted run left without a story into stories (not counted below)`);
  }
  const batch = ingester.batch(buildPipeline(opts.pipeline ?? {}), {
    size: opts.batchSize,
    onWritten: (placements) => {
      for (const p of placements) progress.tick(p.inserted ? 'stored' : 'skipped');
    },
  });
  for (const source of sources) {
    try {
      for await (const raw of source.read()) {
        if (isPassed(raw)) {
          progress.tick(raw.passed === 'failed' ? 'failed' : 'noText');
          opts.log(`newsgraph: ${raw.message}`);
          continue;
        }
        try {
          if (!(await batch.add(raw)).queued) progress.tick('skipped');
        } catch (e) {
          if (!isNewsgraphError(e) || e.code === 'corrupt-store' || e.code === 'store-error') throw e;
          progress.tick('failed');
          opts.log(`newsgraph: ${raw.origin}: ${describeError(e)}`);
        }
      }
      if (opts.afterSource) {
        // Stored first, then remembered: a crash in between re-reads items, never loses them.
        await batch.flush();
        await opts.afterSource(source.name);
      }
    } catch (e) {
      if (!isNewsgraphError(e) || e.code === 'corrupt-store' || e.code === 'store-error') throw e;
      progress.tick('failed');
      opts.log(`newsgraph: ${describeError(e)}`);
    }
  }
  await batch.flush();
  opts.log(progress.finish());
  const st = batch.stories;
  if (st.newStories + st.joined > 0) {
    opts.log(`stories: ${st.newStories} new, ${st.joined} joined an existing story; copies: ${st.exactDuplicates} exact, ${st.nearDuplicates} near-duplicate`);
  }
  return { stored: progress.stored, skipped: progress.skipped, failed: progress.failed, noText: progress.noText, stories: { ...st }, recovered: ingester.recovered };
}
