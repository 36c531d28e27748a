import type { Analysis } from '../doc/schema.js';
import { Deduplicator } from '../dedupe/index.js';
import type { DocumentFilter, DocumentRow, PutResult, Store } from '../store/store.js';

/** How many stored documents are replayed into the in-memory indexes when ingest starts. */
const RESTORE_LIMIT = 5000;
const PAGE = 500;

/** Where one document of a written batch went. */
export interface Placement {
  /** The store's key (content hash). */
  key: string;
  /** False when the store already held the document: it was not placed again. */
  inserted: boolean;
  /** The store's story id; null when not inserted. */
  storyId: number | null;
  /** It started a story (rather than joining one). */
  newStory: boolean;
  /** A copy of a stored document: same canonical URL or body ('exact'), or syndicated text ('near'). */
  copy: 'exact' | 'near' | null;
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
  /** Stored documents an interrupted run left without a story, placed when this assigner opened. */
  recovered = 0;

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
      this.recovered++;
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

  /**
   * Place the documents a batch actually inserted, in batch order; one
   * placement per document of the batch. Callers must not overlap calls
   * (the Ingester runs its writes one at a time).
   */
  async assign(batch: Analysis[], results: PutResult[]): Promise<Placement[]> {
    const placements: Placement[] = [];
    for (let i = 0; i < batch.length; i++) {
      const result = results[i]!;
      placements.push(result.inserted ? await this.place(batch[i]!, result.key) : { key: result.key, inserted: false, storyId: null, newStory: false, copy: null });
    }
    return placements;
  }

  private async place(analysis: Analysis, key: string): Promise<Placement> {
    const decision = this.dedupe.add(analysis, { key });
    const copy = decision.exact.duplicateOf !== null ? 'exact' : decision.near.duplicateOf !== null ? 'near' : null;
    let storeId = this.storeIds.get(decision.story.storyId);
    const newStory = storeId === undefined;
    if (storeId === undefined) {
      storeId = await this.store.createStory(analysis.document.title);
      this.storeIds.set(decision.story.storyId, storeId);
    }
    await this.store.assignToStory(key, storeId, decision.story.similarity);
    return { key, inserted: true, storyId: storeId, newStory, copy };
  }
}
