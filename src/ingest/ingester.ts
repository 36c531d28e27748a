/**
 * The one write path for documents. `newsgraph ingest` (files, JSONL, feeds,
 * WARC, URLs), `newsgraph feeds poll` and POST /api/documents all store
 * through an Ingester, so every document is analysed, stored and put into a
 * story the same way, as it arrives.
 *
 * An Ingester lives as long as its writer: one CLI run, or one server. It
 * holds the story clusterer (restored from the store when it opens) and runs
 * its writes one at a time, so concurrent API requests never race on it.
 * Each run or request collects its documents in its own IngestBatch, which
 * counts only what it did.
 */
import { analyzeRaw } from '../analyze.js';
import type { Analysis } from '../doc/schema.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { contentHash, type RawDocument } from '../readers/raw-document.js';
import type { Store } from '../store/store.js';
import { StoryAssigner, type Placement } from './story-assigner.js';

export type { Placement } from './story-assigner.js';

/** What a batch did to stories: only its own documents count. */
export interface StoryCounts {
  /** Documents that started a new story. */
  newStories: number;
  /** Documents that joined an existing story. */
  joined: number;
  /** Exact copies (same canonical URL or body) of a stored document. */
  exactDuplicates: number;
  /** Near copies (syndicated or republished text). */
  nearDuplicates: number;
}

export class Ingester {
  /** The last write queued; the next one starts after it settles. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private readonly stories: StoryAssigner,
  ) {}

  /**
   * Restore the story clusterer from the store, and first put any stored
   * documents an interrupted run left without a story into stories.
   */
  static async open(store: Store): Promise<Ingester> {
    return new Ingester(store, await StoryAssigner.open(store));
  }

  /** Stored documents an interrupted run had left without a story, placed when this opened. */
  get recovered(): number {
    return this.stories.recovered;
  }

  /** Is a document with this content hash stored? */
  has(hash: string): Promise<boolean> {
    return this.store.has(hash);
  }

  /**
   * Store analyses (one transaction) and put the ones the store did not
   * already hold into stories; one placement per analysis, in order. Writes
   * run one after another, whoever calls.
   */
  write(analyses: Analysis[]): Promise<Placement[]> {
    const run = this.tail.then(async () => {
      if (analyses.length === 0) return [];
      const results = await this.store.putMany(analyses);
      return this.stories.assign(analyses, results);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** A batch for one run or one request; `size` analyses are written at a time. */
  batch(pipeline: Pipeline, opts: { size?: number; onWritten?: (placements: Placement[]) => void } = {}): IngestBatch {
    return new IngestBatch(this, pipeline, opts.size ?? Infinity, opts.onWritten ?? (() => {}));
  }
}

/**
 * Documents on their way into the store: each is skipped when its text is
 * stored already (before it is analysed), else analysed and queued; the
 * queue is written when it is full and on `flush`.
 */
export class IngestBatch {
  readonly stories: StoryCounts = { newStories: 0, joined: 0, exactDuplicates: 0, nearDuplicates: 0 };
  private queue: Analysis[] = [];
  private readonly queued = new Set<string>();

  constructor(
    private readonly ingester: Ingester,
    private readonly pipeline: Pipeline,
    private readonly size: number,
    private readonly onWritten: (placements: Placement[]) => void,
  ) {}

  /**
   * Queue a document unless a document with the same text is stored or
   * queued already. Throws (a NewsgraphError for a bad document) when it
   * cannot be analysed; nothing is queued then.
   */
  async add(raw: RawDocument): Promise<{ key: string; queued: boolean }> {
    const key = contentHash(raw.text);
    if (this.queued.has(key) || (await this.ingester.has(key))) return { key, queued: false };
    this.queue.push(analyzeRaw(this.pipeline, raw));
    this.queued.add(key);
    if (this.queue.length >= this.size) await this.flush();
    return { key, queued: true };
  }

  /** Write what is queued; returns its placements. */
  async flush(): Promise<Placement[]> {
    if (this.queue.length === 0) return [];
    const analyses = this.queue;
    this.queue = [];
    this.queued.clear();
    const placements = await this.ingester.write(analyses);
    for (const p of placements) {
      if (!p.inserted) continue;
      if (p.newStory) this.stories.newStories++;
      else this.stories.joined++;
      if (p.copy === 'exact') this.stories.exactDuplicates++;
      else if (p.copy === 'near') this.stories.nearDuplicates++;
    }
    this.onWritten(placements);
    return placements;
  }
}
