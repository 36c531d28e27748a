/**
 * Writes a batch of documents and their rows to PostgreSQL, one multi-row
 * INSERT per table (chunked under the protocol's 65,535 parameters), inside
 * the caller's transaction. Event records are aggregated first so each
 * one-a-day record is upserted once per batch, in key order (so concurrent
 * writers lock them in the same order).
 *
 * Multi-row VALUES, not unnest(arrays): with large texts (a document's
 * analysis JSON is ~80 KB) array literals cost five times as much to encode
 * and parse. Column types name the SQL casts that keep parameters typed.
 */
import type { PoolClient } from 'pg';
import { recordDeltas, type DocumentRows } from '../rows.js';

type Column = [name: string, type: string];
const MAX_PARAMS = 60_000;

async function insertRows(client: PoolClient, table: string, columns: Column[], rows: unknown[][], suffix = ''): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let at = 0; at < rows.length; at += perChunk) {
    const chunk = rows.slice(at, at + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${columns.map((c, i) => {
      params.push(r[i] ?? null);
      return `$${params.length}::${c[1]}`;
    }).join(', ')})`);
    const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`;
    out.push(...((await client.query(sql, params)).rows as Record<string, unknown>[]));
  }
  return out;
}

const DOCUMENT_COLUMNS: Column[] = [
  ['key', 'text'], ['id', 'text'], ['title', 'text'], ['url', 'text'], ['published', 'text'], ['published_day', 'text'], ['source', 'text'],
  ['outlet_id', 'int8'], ['format', 'text'], ['encoding', 'text'], ['schema_version', 'text'], ['text', 'text'], ['analysis', 'text'],
  ['sentences', 'int4'], ['tokens', 'int4'], ['boilerplate', 'int4'], ['mentions', 'int4'], ['attributions', 'int4'], ['events', 'int4'],
  ['ingested_at', 'text'],
];
const ACTOR_COLUMNS: Column[] = [
  ['doc_seq', 'int8'], ['local_id', 'text'], ['name', 'text'], ['name_key', 'text'], ['type', 'text'], ['kind', 'text'], ['code', 'text'],
  ['country', 'text'], ['role', 'text'], ['media_kind', 'text'], ['description', 'text'], ['dictionary_id', 'text'], ['mention_count', 'int4'],
];
const MENTION_COLUMNS: Column[] = [
  ['doc_seq', 'int8'], ['start_offset', 'int4'], ['end_offset', 'int4'], ['text', 'text'], ['type', 'text'], ['kind', 'text'], ['actor_local_id', 'text'],
];
const QUOTE_COLUMNS: Column[] = [
  ['doc_seq', 'int8'], ['idx', 'int4'], ['type', 'text'], ['content', 'text'], ['content_start', 'int4'], ['content_end', 'int4'], ['speaker', 'text'],
  ['speaker_text', 'text'], ['speaker_key', 'text'], ['speaker_code', 'text'], ['speaker_actor_id', 'text'], ['cue', 'text'], ['cue_lemma', 'text'],
  ['cue_key', 'text'], ['medium', 'text'], ['chain', 'text'], ['relay_key', 'text'], ['hedged', 'bool'], ['anonymous', 'bool'],
  ['speaker_start', 'int4'], ['speaker_end', 'int4'], ['cue_start', 'int4'], ['cue_end', 'int4'], ['medium_start', 'int4'], ['medium_end', 'int4'],
];
const HEDGE_COLUMNS: Column[] = [['doc_seq', 'int8'], ['start_offset', 'int4'], ['end_offset', 'int4'], ['text', 'text'], ['kind', 'text']];
const RECORD_COLUMNS: Column[] = [
  ['source_code', 'text'], ['target_code', 'text'], ['code', 'text'], ['day', 'text'], ['root', 'text'], ['quad_class', 'int4'], ['goldstein', 'float8'],
  ['source_name', 'text'], ['source_key', 'text'], ['source_country', 'text'], ['target_name', 'text'], ['target_key', 'text'],
  ['target_country', 'text'], ['mentions', 'int4'], ['documents', 'int4'], ['first_sentence', 'int4'], ['first_seen', 'text'],
];
const EVENT_COLUMNS: Column[] = [
  ['doc_seq', 'int8'], ['idx', 'int4'], ['sentence', 'int4'], ['section', 'text'], ['sentence_text', 'text'], ['source_actor_id', 'text'],
  ['source_code', 'text'], ['source_name', 'text'], ['source_key', 'text'], ['source_country', 'text'], ['target_actor_id', 'text'],
  ['target_code', 'text'], ['target_name', 'text'], ['target_key', 'text'], ['target_country', 'text'], ['verb', 'text'], ['verb_start', 'int4'],
  ['verb_end', 'int4'], ['code', 'text'], ['root', 'text'], ['goldstein', 'float8'], ['quad_class', 'int4'], ['plover_type', 'text'],
  ['plover_mode', 'text'], ['day', 'text'], ['negated', 'bool'], ['hypothetical', 'bool'], ['hedged', 'bool'], ['reported', 'bool'],
  ['attribution_idx', 'int4'], ['mention_count', 'int4'], ['rule', 'text'], ['record_id', 'int8'],
  ['source_start', 'int4'], ['source_end', 'int4'], ['target_start', 'int4'], ['target_end', 'int4'],
];

/** Writes the batch; returns the keys of the documents that were new. */
export async function writeBatch(client: PoolClient, batch: DocumentRows[]): Promise<Set<string>> {
  const unique = [...new Map(batch.map((d) => [d.document.key, d])).values()];

  // A new outlet keeps the name of its first document, as SQLite's row-by-row writer does ("AP News" then "AP NEWS" is "AP News").
  const outlets = new Map<string, string>();
  for (const d of unique) if (d.document.outlet && d.document.outletKey && !outlets.has(d.document.outletKey)) outlets.set(d.document.outletKey, d.document.outlet);
  const outletIds = new Map<string, string>();
  const outletRows = await insertRows(client, 'outlets', [['name', 'text'], ['name_key', 'text']], [...outlets].sort().map(([k, n]) => [n, k]),
    'ON CONFLICT (name_key) DO UPDATE SET name = outlets.name RETURNING id, name_key');
  for (const r of outletRows) outletIds.set(String(r.name_key), String(r.id));

  const docRows = await insertRows(client, 'documents', DOCUMENT_COLUMNS, unique.map(({ document: d }) => [
    d.key, d.id, d.title, d.url, d.published, d.publishedDay, d.source, outletIds.get(d.outletKey) ?? null, d.format, d.encoding, d.schemaVersion,
    d.text, d.analysis, d.sentences, d.tokens, d.boilerplate, d.mentions, d.attributions, d.events, d.ingestedAt,
  ]), 'ON CONFLICT (key) DO NOTHING RETURNING seq, key');
  const seqOf = new Map(docRows.map((r) => [String(r.key), String(r.seq)]));
  const fresh = unique.filter((d) => seqOf.has(d.document.key));
  if (fresh.length === 0) return new Set();

  const rowsOf = <T>(pick: (d: DocumentRows) => T[], toRow: (seq: string, x: T) => unknown[]): unknown[][] =>
    fresh.flatMap((d) => pick(d).map((x) => toRow(seqOf.get(d.document.key)!, x)));
  await insertRows(client, 'actors', ACTOR_COLUMNS, rowsOf((d) => d.actors, (s, a) => [
    s, a.localId, a.name, a.nameKey, a.type, a.kind, a.code, a.country, a.role, a.mediaKind, a.description, a.dictionaryId, a.mentionCount,
  ]));
  await insertRows(client, 'mentions', MENTION_COLUMNS, rowsOf((d) => d.mentions, (s, m) => [s, m.start, m.end, m.text, m.type, m.kind, m.actorLocalId]));
  await insertRows(client, 'attributions', QUOTE_COLUMNS, rowsOf((d) => d.quotes, (s, q) => [
    s, q.idx, q.type, q.content, q.contentStart, q.contentEnd, q.speaker, q.speakerText, q.speakerKey, q.speakerCode, q.speakerActorId, q.cue,
    q.cueLemma, q.cueKey, q.medium, q.chain, q.relayKey, q.hedged, q.anonymous,
    q.speakerStart, q.speakerEnd, q.cueStart, q.cueEnd, q.mediumStart, q.mediumEnd,
  ]));
  await insertRows(client, 'hedges', HEDGE_COLUMNS, rowsOf((d) => d.hedges, (s, h) => [s, h.start, h.end, h.text, h.kind]));

  const ingestedAt = fresh[0]!.document.ingestedAt;
  const deltas = recordDeltas(fresh).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const recordRows = await insertRows(client, 'event_records', RECORD_COLUMNS, deltas.map((r) => [
    r.sourceCode, r.targetCode, r.code, r.day, r.root, r.quadClass, r.goldstein, r.sourceName, r.sourceKey, r.sourceCountry, r.targetName,
    r.targetKey, r.targetCountry, [...r.perDocument.values()].reduce((x, y) => x + y, 0), r.perDocument.size, r.firstSentence, ingestedAt,
  ]), `ON CONFLICT (source_code, target_code, code, day) DO UPDATE SET mentions = event_records.mentions + excluded.mentions,
         documents = event_records.documents + excluded.documents, first_sentence = LEAST(event_records.first_sentence, excluded.first_sentence)
       RETURNING id, source_code, target_code, code, day`);
  const recordIds = new Map(recordRows.map((r) => [[r.source_code, r.target_code, r.code, r.day].join('\t'), String(r.id)]));
  // Outlets new to a record raise its outlet count.
  const outletOf = new Map(fresh.map((d) => [d.document.key, outletIds.get(d.document.outletKey) ?? null]));
  const pairs = new Map<string, [string, string]>();
  for (const r of deltas) {
    for (const key of r.perDocument.keys()) {
      const outlet = outletOf.get(key);
      if (outlet) pairs.set(`${recordIds.get(r.key)}\t${outlet}`, [recordIds.get(r.key)!, outlet]);
    }
  }
  const newOutlets = await insertRows(client, 'event_record_outlets', [['record_id', 'int8'], ['outlet_id', 'int8']], [...pairs.values()].sort(),
    'ON CONFLICT DO NOTHING RETURNING record_id');
  const added = new Map<string, number>();
  for (const r of newOutlets) added.set(String(r.record_id), (added.get(String(r.record_id)) ?? 0) + 1);
  if (added.size > 0) {
    await client.query('UPDATE event_records r SET outlets = r.outlets + x.n FROM unnest($1::int8[], $2::int4[]) AS x(id, n) WHERE r.id = x.id',
      [[...added.keys()], [...added.values()]]);
  }
  await insertRows(client, 'event_record_documents', [['record_id', 'int8'], ['doc_seq', 'int8'], ['mentions', 'int4']],
    deltas.flatMap((r) => [...r.perDocument].map(([key, n]) => [recordIds.get(r.key)!, seqOf.get(key)!, n])));
  await insertRows(client, 'events', EVENT_COLUMNS, rowsOf((d) => d.events, (s, e) => [
    s, e.idx, e.sentence, e.section, e.sentenceText, e.source.actorId, e.source.code, e.source.name, e.source.nameKey, e.source.country,
    e.target.actorId, e.target.code, e.target.name, e.target.nameKey, e.target.country, e.verb, e.verbStart, e.verbEnd, e.code, e.root,
    e.goldstein, e.quadClass, e.ploverType, e.ploverMode, e.day, e.negated, e.hypothetical, e.hedged, e.reported, e.attribution,
    e.mentionCount, e.rule, recordIds.get(e.recordKey)!, e.source.start, e.source.end, e.target.start, e.target.end,
  ]));
  return new Set(fresh.map((d) => d.document.key));
}
