/**
 * Writes a batch of documents and every row derived from them. The caller
 * runs it inside one transaction, so a crash leaves either the whole batch
 * or none of it; a document already stored (same key) adds nothing.
 */
import type Database from 'better-sqlite3';
import type { DocumentRows } from '../rows.js';

const b = (v: boolean): number => (v ? 1 : 0);

export class SqliteWriter {
  private readonly outletIds = new Map<string, number>();
  private readonly s: Record<string, Database.Statement>;

  constructor(db: Database.Database) {
    const p = (sql: string): Database.Statement => db.prepare(sql);
    this.s = {
      outlet: p(`INSERT INTO outlets (name, name_key) VALUES (?, ?) ON CONFLICT(name_key) DO UPDATE SET name = outlets.name RETURNING id`),
      document: p(`INSERT INTO documents (key, id, title, url, published, published_day, source, outlet_id, format, encoding, schema_version,
          text, analysis, sentences, tokens, boilerplate, mentions, attributions, events, ingested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING seq`),
      fts: p('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)'),
      actor: p(`INSERT INTO actors (doc_seq, local_id, name, name_key, type, kind, code, country, role, media_kind, description, dictionary_id, mention_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mention: p('INSERT INTO mentions (doc_seq, start_offset, end_offset, text, type, kind, actor_local_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      quote: p(`INSERT INTO attributions (doc_seq, idx, type, content, content_start, content_end, speaker, speaker_text, speaker_key, speaker_code,
          speaker_actor_id, cue, cue_lemma, cue_key, medium, chain, relay_key, hedged, anonymous,
          speaker_start, speaker_end, cue_start, cue_end, medium_start, medium_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      hedge: p('INSERT INTO hedges (doc_seq, start_offset, end_offset, text, kind) VALUES (?, ?, ?, ?, ?)'),
      record: p(`INSERT INTO event_records (source_code, target_code, code, day, root, quad_class, goldstein, source_name, source_key, source_country,
          target_name, target_key, target_country, mentions, first_sentence, first_seen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(source_code, target_code, code, day) DO UPDATE SET mentions = event_records.mentions + excluded.mentions,
          first_sentence = min(event_records.first_sentence, excluded.first_sentence) RETURNING id`),
      recordDocument: p('INSERT INTO event_record_documents (record_id, doc_seq, mentions) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      recordDocumentMore: p('UPDATE event_record_documents SET mentions = mentions + ? WHERE record_id = ? AND doc_seq = ?'),
      recordDocumentCount: p('UPDATE event_records SET documents = documents + 1 WHERE id = ?'),
      recordOutlet: p('INSERT INTO event_record_outlets (record_id, outlet_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      recordOutletCount: p('UPDATE event_records SET outlets = outlets + 1 WHERE id = ?'),
      event: p(`INSERT INTO events (doc_seq, idx, sentence, section, sentence_text, source_actor_id, source_code, source_name, source_key, source_country,
          target_actor_id, target_code, target_name, target_key, target_country, verb, verb_start, verb_end, code, root, goldstein, quad_class,
          plover_type, plover_mode, day, negated, hypothetical, hedged, reported, attribution_idx, mention_count, rule, record_id,
          source_start, source_end, target_start, target_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  /** Outlet ids are cached per batch only: a rolled-back batch must not leave ids behind. */
  startBatch(): void {
    this.outletIds.clear();
  }

  private outletId(name: string | null, key: string): number | null {
    if (name === null || key === '') return null;
    let id = this.outletIds.get(key);
    if (id === undefined) {
      id = (this.s.outlet!.get(name, key) as { id: number }).id;
      this.outletIds.set(key, id);
    }
    return id;
  }

  /** Returns whether the document was new (and so written with its rows). */
  write(rows: DocumentRows): boolean {
    const d = rows.document;
    const s = this.s;
    const outletId = this.outletId(d.outlet, d.outletKey);
    const inserted = s.document!.get(
      d.key, d.id, d.title, d.url, d.published, d.publishedDay, d.source, outletId, d.format, d.encoding,
      d.schemaVersion, d.text, d.analysis, d.sentences, d.tokens, d.boilerplate, d.mentions, d.attributions, d.events, d.ingestedAt,
    ) as { seq: number } | undefined;
    if (!inserted) return false;
    const seq = inserted.seq;
    s.fts!.run(seq, d.title ?? '', d.text);
    for (const a of rows.actors) {
      s.actor!.run(seq, a.localId, a.name, a.nameKey, a.type, a.kind, a.code, a.country, a.role, a.mediaKind, a.description, a.dictionaryId, a.mentionCount);
    }
    for (const m of rows.mentions) s.mention!.run(seq, m.start, m.end, m.text, m.type, m.kind, m.actorLocalId);
    for (const q of rows.quotes) {
      s.quote!.run(seq, q.idx, q.type, q.content, q.contentStart, q.contentEnd, q.speaker, q.speakerText, q.speakerKey, q.speakerCode,
        q.speakerActorId, q.cue, q.cueLemma, q.cueKey, q.medium, q.chain, q.relayKey, b(q.hedged), b(q.anonymous),
        q.speakerStart, q.speakerEnd, q.cueStart, q.cueEnd, q.mediumStart, q.mediumEnd);
    }
    for (const h of rows.hedges) s.hedge!.run(seq, h.start, h.end, h.text, h.kind);
    for (const e of rows.events) {
      const record = s.record!.get(
        e.source.code ?? '', e.target.code ?? '', e.code, e.day, e.root, e.quadClass, e.goldstein, e.source.name, e.source.nameKey,
        e.source.country, e.target.name, e.target.nameKey, e.target.country, e.mentionCount, e.sentence, d.ingestedAt,
      ) as { id: number };
      // The first event of this document in the record adds a document, and maybe an outlet, to its counts.
      if (s.recordDocument!.run(record.id, seq, e.mentionCount).changes > 0) {
        s.recordDocumentCount!.run(record.id);
        if (outletId !== null && s.recordOutlet!.run(record.id, outletId).changes > 0) s.recordOutletCount!.run(record.id);
      } else {
        s.recordDocumentMore!.run(e.mentionCount, record.id, seq);
      }
      s.event!.run(seq, e.idx, e.sentence, e.section, e.sentenceText, e.source.actorId, e.source.code, e.source.name, e.source.nameKey,
        e.source.country, e.target.actorId, e.target.code, e.target.name, e.target.nameKey, e.target.country, e.verb, e.verbStart, e.verbEnd,
        e.code, e.root, e.goldstein, e.quadClass, e.ploverType, e.ploverMode, e.day, b(e.negated), b(e.hypothetical), b(e.hedged),
        b(e.reported), e.attribution, e.mentionCount, e.rule, record.id, e.source.start, e.source.end, e.target.start, e.target.end);
    }
    return true;
  }
}
