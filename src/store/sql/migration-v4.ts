/**
 * Schema version 4, the same for both backends: a data repair, no new tables.
 *
 * Before it, an event with no known date (the coder found none and the
 * document has no publication date) was stored on the day it was ingested.
 * Version 4 gives such events back their unknown date: their day becomes ''
 * (NO_DAY, read back as a null date) and they move to the undated record of
 * their (source, target, code); the records they leave and join are
 * recounted, and records left with no events are removed.
 *
 * An event is repaired only when all of these hold, so a real date is never
 * touched: its document has no publication day, its day is the day the
 * document was stored, and the stored analysis gives the event no date
 * ({NO_DATE}: each backend's JSON lookup of `layers.events[idx].date`).
 */

/** SQLite: json_extract gives NULL for a JSON null and for a missing path alike. */
export const SQLITE_NO_DATE = `json_extract(d.analysis, '$.layers.events[' || e.idx || '].date') IS NULL`;
/** PostgreSQL: the analysis column is text; #>> gives NULL for a JSON null and for a missing path alike. */
export const PG_NO_DATE = `(d.analysis::jsonb #>> ARRAY['layers', 'events', e.idx::text, 'date']) IS NULL`;

export const UNDATED_EVENTS_SQL = `
  CREATE TEMP TABLE v4_moved AS
    SELECT e.id, e.record_id AS old_record FROM events e JOIN documents d ON d.seq = e.doc_seq
    WHERE d.published_day IS NULL AND e.day = substr(d.ingested_at, 1, 10) AND {NO_DATE};
  UPDATE events SET day = '' WHERE id IN (SELECT id FROM v4_moved);

  INSERT INTO event_records (source_code, target_code, code, day, root, quad_class, goldstein, source_name, source_key, source_country,
      target_name, target_key, target_country, mentions, first_seen)
    SELECT r.source_code, r.target_code, r.code, '', min(r.root), min(r.quad_class), min(r.goldstein), min(r.source_name), min(r.source_key),
      min(r.source_country), min(r.target_name), min(r.target_key), min(r.target_country), 0, min(r.first_seen)
    FROM event_records r WHERE r.id IN (SELECT old_record FROM v4_moved)
    GROUP BY r.source_code, r.target_code, r.code
    ON CONFLICT (source_code, target_code, code, day) DO NOTHING;
  UPDATE events SET record_id = (
      SELECT n.id FROM event_records o JOIN event_records n
        ON n.source_code = o.source_code AND n.target_code = o.target_code AND n.code = o.code AND n.day = ''
      WHERE o.id = events.record_id)
    WHERE id IN (SELECT id FROM v4_moved);

  CREATE TEMP TABLE v4_touched AS
    SELECT old_record AS id FROM v4_moved UNION SELECT e.record_id FROM events e WHERE e.id IN (SELECT id FROM v4_moved);
  DELETE FROM event_record_documents WHERE record_id IN (SELECT id FROM v4_touched);
  INSERT INTO event_record_documents (record_id, doc_seq, mentions)
    SELECT e.record_id, e.doc_seq, sum(e.mention_count) FROM events e WHERE e.record_id IN (SELECT id FROM v4_touched) GROUP BY e.record_id, e.doc_seq;
  DELETE FROM event_record_outlets WHERE record_id IN (SELECT id FROM v4_touched);
  INSERT INTO event_record_outlets (record_id, outlet_id)
    SELECT DISTINCT rd.record_id, d.outlet_id FROM event_record_documents rd JOIN documents d ON d.seq = rd.doc_seq
    WHERE rd.record_id IN (SELECT id FROM v4_touched) AND d.outlet_id IS NOT NULL;
  DELETE FROM event_records WHERE id IN (SELECT id FROM v4_touched) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.record_id = event_records.id);
  UPDATE event_records SET
    mentions = (SELECT sum(rd.mentions) FROM event_record_documents rd WHERE rd.record_id = event_records.id),
    documents = (SELECT count(*) FROM event_record_documents rd WHERE rd.record_id = event_records.id),
    outlets = (SELECT count(*) FROM event_record_outlets ro WHERE ro.record_id = event_records.id),
    first_sentence = (SELECT min(e.sentence) FROM events e WHERE e.record_id = event_records.id),
    first_seen = (SELECT min(d.ingested_at) FROM event_record_documents rd JOIN documents d ON d.seq = rd.doc_seq WHERE rd.record_id = event_records.id)
    WHERE id IN (SELECT id FROM v4_touched);
  DROP TABLE v4_touched;
  DROP TABLE v4_moved;
`;
