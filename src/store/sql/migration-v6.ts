/**
 * Schema version 6, the same for both backends: span offsets in the flat rows.
 *
 * Before it, a stored attribution kept the offsets of its content only, and a
 * stored event those of its verb only, although the analysis gives offsets
 * for every span. Version 6 adds nullable integer columns for the rest:
 * speaker_start/_end, cue_start/_end and medium_start/_end on attributions,
 * source_start/_end and target_start/_end on events. They are character
 * offsets into the original text (UTF-16 code units, end exclusive), exactly
 * the analysis spans' start and end, and null where the analysis has no span.
 *
 * The columns are added by the migration's SQL, so that today's writer finds
 * them when an earlier migration re-stores documents. They are then filled
 * for the documents already stored from each document's stored analysis
 * through `toRows`, the function writes use, so a migrated store and one
 * filled by today's code hold the same offsets. Each attribution and event
 * row is matched by its document and index; nothing else changes. Documents
 * are read a chunk at a time, in seq order, so a large store is never held in
 * memory. Each backend runs it inside its migration transaction.
 */
import { toRows } from '../rows.js';
import { parseStoredAnalysis } from '../stored-analysis.js';

/** The columns version 6 adds, all nullable integers: [table, column]. */
export const SPAN_OFFSET_COLUMNS: readonly (readonly [table: 'attributions' | 'events', column: string])[] = [
  ['attributions', 'speaker_start'], ['attributions', 'speaker_end'],
  ['attributions', 'cue_start'], ['attributions', 'cue_end'],
  ['attributions', 'medium_start'], ['attributions', 'medium_end'],
  ['events', 'source_start'], ['events', 'source_end'],
  ['events', 'target_start'], ['events', 'target_end'],
];

/** Adds the columns; one statement per column (SQLite adds one column per ALTER TABLE). */
export const SPAN_OFFSET_COLUMNS_SQL = SPAN_OFFSET_COLUMNS.map(([table, column]) => `ALTER TABLE ${table} ADD COLUMN ${column} INTEGER;`).join('\n');

/** Documents read per step: a stored analysis can be hundreds of kilobytes. */
export const SPAN_OFFSETS_CHUNK = 100;

/** The next chunk of documents with attributions or events after a seq (parameters: after, limit; `?` placeholders). */
export const SPAN_OFFSETS_DOCUMENTS_SQL =
  'SELECT seq, key, text, analysis FROM documents WHERE seq > ? AND (attributions > 0 OR events > 0) ORDER BY seq LIMIT ?';

export interface QuoteOffsets {
  idx: number;
  speakerStart: number | null;
  speakerEnd: number | null;
  cueStart: number | null;
  cueEnd: number | null;
  mediumStart: number | null;
  mediumEnd: number | null;
}

export interface EventOffsets {
  idx: number;
  sourceStart: number | null;
  sourceEnd: number | null;
  targetStart: number | null;
  targetEnd: number | null;
}

/** The offset columns today's writer gives the attributions and events of one stored document. */
export function spanOffsetsOf(row: { key: unknown; text: unknown; analysis: unknown }): { quotes: QuoteOffsets[]; events: EventOffsets[] } {
  const analysis = parseStoredAnalysis(String(row.analysis), String(row.text), `document ${String(row.key)}`);
  const rows = toRows(analysis, '');
  return {
    quotes: rows.quotes.map((q) => ({
      idx: q.idx, speakerStart: q.speakerStart, speakerEnd: q.speakerEnd, cueStart: q.cueStart, cueEnd: q.cueEnd,
      mediumStart: q.mediumStart, mediumEnd: q.mediumEnd,
    })),
    events: rows.events.map((e) => ({ idx: e.idx, sourceStart: e.source.start, sourceEnd: e.source.end, targetStart: e.target.start, targetEnd: e.target.end })),
  };
}
