/**
 * Schema version 3, the same for both backends ({ID} is each backend's id
 * column type): event records keep their document and outlet counts and
 * their earliest sentence, updated as documents arrive, instead of counting
 * them on every read (a popular record has thousands of documents).
 */

/** Recount every record from its rows: the backfill of version 3 (and a repair, run on empty outlet links). */
export const RECOUNT_SQL = `
  INSERT INTO event_record_outlets (record_id, outlet_id)
    SELECT DISTINCT rd.record_id, d.outlet_id FROM event_record_documents rd JOIN documents d ON d.seq = rd.doc_seq WHERE d.outlet_id IS NOT NULL;
  UPDATE event_records SET
    documents = (SELECT count(*) FROM event_record_documents rd WHERE rd.record_id = event_records.id),
    outlets = (SELECT count(*) FROM event_record_outlets ro WHERE ro.record_id = event_records.id),
    first_sentence = coalesce((SELECT min(e.sentence) FROM events e WHERE e.record_id = event_records.id), 0);
`;

export const EVENT_RECORD_COUNTS_SQL = `
  ALTER TABLE event_records ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE event_records ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE event_records ADD COLUMN first_sentence INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE event_record_outlets (
    record_id {ID} NOT NULL REFERENCES event_records(id),
    outlet_id {ID} NOT NULL REFERENCES outlets(id),
    PRIMARY KEY (record_id, outlet_id)
  );
${RECOUNT_SQL}`;
