/**
 * Schema version 5, the same for both backends: a data repair, no new tables.
 *
 * Before it, an attribution's speaker_key held the speaker's canonical name
 * and the speaker text only, and its relay_key the names in the chain and
 * their actors' canonical names only. Since, both also hold the names the
 * article gives those actors, so `--relay KCNA` finds a quote whose chain
 * names the Korean Central News Agency. Version 5 recomputes the key columns
 * (speaker_key, cue_key, relay_key) of every stored attribution from its
 * document's stored analysis through `toRows`, the function writes use, so a
 * migrated store and one filled by today's code hold the same keys.
 *
 * Nothing but those columns changes: each attribution row is matched by its
 * document and index. Documents are read a chunk at a time, in seq order, so
 * a large store is never held in memory. Each backend runs it inside its
 * migration transaction.
 */
import { toRows } from '../rows.js';
import { parseStoredAnalysis } from '../stored-analysis.js';

/** Documents read per step: a stored analysis can be hundreds of kilobytes. */
export const QUOTE_KEYS_CHUNK = 100;

/** The next chunk of documents with attributions after a seq (parameters: after, limit; `?` placeholders). */
export const QUOTE_KEYS_DOCUMENTS_SQL =
  'SELECT seq, key, text, analysis FROM documents WHERE seq > ? AND attributions > 0 ORDER BY seq LIMIT ?';

export interface QuoteKeys {
  idx: number;
  speakerKey: string;
  cueKey: string;
  relayKey: string;
}

/** The key columns today's writer gives the attributions of one stored document. */
export function quoteKeysOf(row: { key: unknown; text: unknown; analysis: unknown }): QuoteKeys[] {
  const analysis = parseStoredAnalysis(String(row.analysis), String(row.text), `document ${String(row.key)}`);
  return toRows(analysis, '').quotes.map((q) => ({ idx: q.idx, speakerKey: q.speakerKey, cueKey: q.cueKey, relayKey: q.relayKey }));
}
