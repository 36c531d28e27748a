import type { Analysis } from '../doc/schema.js';
import { Deduplicator } from '../dedupe/index.js';
import type { DocumentFilter, DocumentRow, PutResult, Store } from '../store/store.js';

/** How many stored documents are replayed into the in-memory indexes when ingest starts. */
const RESTORE_LIMIT = 5000;
const PAGE = 500;

export interface StorySummary {
  /** Documents that started a new story. */
  newStories: number;
  /** Documents that joined an existing story. */
  joined: number;
  /** Exact copies (same canonical URL or body) of a stored document. */
  exactDuplicates: number;
  /** Near copies (syndicated or republished text). */
  nearDuplicates: number;
  /** Stored documents an interrupted run left without a story, assigned when this run opened. */
  recovered: number;
}

/**
 * Puts newly stored documents into stories, and notices copies. The
 * clusterer's state lives in memory: on open it replays the most recent
 * stored documents with the stories they were given, so a new run continues
 * the same clusters.
 */
export class StoryAssigner {
  private readonly dedupe = new Deduplicator();
  /** Clusterer story id -> store story id. */
  private readonly storeIds = new Map<string, number>();
  readonly summary: StorySummary = { newStories: 0, joined: 0, exactDuplicates: 0, nearDuplicates: 0, recovered: 0 };

  private constructor(private readonly store: Store) {}

  static async open(store: Store): Promise<StoryAssigner> {
    const assigner = new StoryAssigner(store);
    await assigner.restore();
    await assigner.recover();
    return assigner;
  }

  /**
   * Documents are stored before they are put in stories, so a run stopped
   * in between leaves stored documents in no story; later runs skip them as
   * already stored. Put them in stories now, oldest first.
   */
  private async recover(): Promise<void> {
    for (const o of await this.storedRows({ unassigned: true })) {
      const analysis = await this.store.get(o.key);
      if (!analysis) continue;
      await this.place(analysis, o.key);
      this.summary.recovered++;
    }
  }

  private async restore(): Promise<void> {
    const rows = await this.storedRows({}, (d) => d.storyId !== null, RESTORE_LIMIT);
    for (const row of rows.slice(-RESTORE_LIMIT)) {
      const analysis = await this.store.get(row.key);
      if (!analysis || row.storyId === null) continue;
      const id = String(row.storyId);
      this.dedupe.restore(analysis, id);
      this.storeIds.set(id, row.storyId);
    }
  }

  /** Stored documents matching the filter and `keep`, oldest first; paging stops once `enough` are kept. */
  private async storedRows(filter: DocumentFilter, keep: (d: DocumentRow) => boolean = () => true, enough = Infinity): Promise<DocumentRow[]> {
    const rows: DocumentRow[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.store.documents(filter, { limit: PAGE, cursor });
      for (const d of page.items) if (keep(d)) rows.push(d);
      cursor = page.nextCursor;
    } while (cursor !== null && rows.length < enough);
    return rows.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  }

  /** Assign the documents a batch actually inserted. */
  async assign(batch: Analysis[], results: PutResult[]): Promise<void> {
    for (let i = 0; i < batch.length; i++) {
      if (results[i]?.inserted) await this.place(batch[i]!, results[i]!.key);
    }
  }

  private async place(analysis: Analysis, key: string): Promise<void> {
    const decision = this.dedupe.add(analysis, { key });
    if (decision.exact.duplicateOf !== null) this.summary.exactDuplicates++;
    else if (decision.near.duplicateOf !== null) this.summary.nearDuplicates++;
    let storeId = this.storeIds.get(decision.story.storyId);
    if (storeId === undefined) {
      storeId = await this.store.createStory(analysis.document.title);
      this.storeIds.set(decision.story.storyId, storeId);
      this.summary.newStories++;
    } else {
      this.summary.joined++;
    }
    await this.store.assignToStory(key, storeId, decision.story.similarity);
  }
}
