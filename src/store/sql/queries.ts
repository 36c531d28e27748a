/**
 * The read queries, written once for both backends. SQL uses `?`
 * placeholders (the PostgreSQL store numbers them) and only values are ever
 * parameters: column names come from the fixed text below.
 */
import { NewsgraphError } from '../../util/errors.js';
import { isCalendarDay } from '../../util/dates.js';
import { codePrefixRange, keyPrefixRange, namePattern } from '../names.js';
import { NO_DAY } from '../rows.js';
import type { ActorFilter, DocumentFilter, EventFilter, QuoteFilter, StoryFilter } from '../query-types.js';

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** Booleans as the backend binds them (SQLite has none). */
  bool(value: boolean): unknown;
  /** `expr` values of the rows of a subquery joined by spaces, in `orderBy` order. */
  joinedKeys(expr: string, from: string, orderBy: string): string;
}

/** How many document keys an event record lists (its `documents` count has them all). */
export const RECORD_KEYS = 20;

export interface Query {
  sql: string;
  params: unknown[];
}

/** Keyset paging: rows after `after` by `idColumn`, `limit` of them (the caller asks for one more to see if there is a next page). */
export interface Keyset {
  after: number;
  limit: number;
}

class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  toString(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

/** A document by key, key prefix (8+ hex characters) or document id; `t` is the documents table's alias. */
function addDocument(w: Where, t: string, value: string): void {
  const range = keyPrefixRange(value);
  if (range) w.add(`(${t}.key = ? OR ${t}.id = ? OR (${t}.key >= ? AND ${t}.key < ?))`, value, value, range.lo, range.hi);
  else w.add(`(${t}.key = ? OR ${t}.id = ?)`, value, value);
}

function needName(value: string, what: string): string {
  const p = namePattern(value);
  if (p === null) throw new NewsgraphError('bad-input', `${what} "${value}" has no letters or digits`);
  return p;
}

function needCode(value: string, what: string): { lo: string; hi: string } {
  const r = codePrefixRange(value);
  if (r === null) throw new NewsgraphError('bad-input', `${what} "${value}" has no letters or digits`);
  return r;
}

/** A code column starting with the given prefix. */
function addCode(w: Where, col: string, value: string, what: string): void {
  const r = needCode(value, what);
  w.add(`(${col} >= ? AND ${col} < ?)`, r.lo, r.hi);
}

/** An actor by CAMEO code prefix or by name (whole words, any case). */
function addActor(w: Where, value: string, codeCol: string, keyCol: string, what: string): void {
  const code = codePrefixRange(value);
  const name = namePattern(value);
  if (code === null && name === null) throw new NewsgraphError('bad-input', `${what} "${value}" has no letters or digits`);
  if (code !== null && name !== null) w.add(`((${codeCol} >= ? AND ${codeCol} < ?) OR ${keyCol} LIKE ?)`, code.lo, code.hi, name);
  else if (code !== null) w.add(`(${codeCol} >= ? AND ${codeCol} < ?)`, code.lo, code.hi);
  else w.add(`${keyCol} LIKE ?`, name);
}

/** A from/to day: YYYY-MM-DD on the calendar ("2026-13-45" is an error, not an empty result). */
function needDay(value: string, what: string): string {
  const d = value.trim();
  if (!isCalendarDay(d)) throw new NewsgraphError('bad-input', `${what} must be a date (YYYY-MM-DD), got "${value}"`);
  return d;
}

function finish(select: string, w: Where, order: string, page: Keyset | null, idCol: string): Query {
  if (page) w.add(`${idCol} > ?`, page.after);
  const tail = page ? ` LIMIT ?` : '';
  return { sql: `${select} ${w.toString()} ORDER BY ${order}${tail}`, params: page ? [...w.params, page.limit] : w.params };
}

const DOC_JOIN = 'JOIN documents d ON d.seq = {t}.doc_seq LEFT JOIN outlets o ON o.id = d.outlet_id';

export function eventsQuery(d: Dialect, f: EventFilter, page: Keyset | null): Query {
  const w = new Where();
  if (f.actor) addActor(w, f.actor, 'e.source_code', 'e.source_key', 'actor');
  if (f.target) addActor(w, f.target, 'e.target_code', 'e.target_key', 'target');
  if (f.country) w.add('(e.source_country = ? OR e.target_country = ?)', f.country.toUpperCase(), f.country.toUpperCase());
  if (f.code) addCode(w, 'e.code', f.code, 'code');
  if (f.root) w.add('e.root = ?', f.root);
  if (f.quadClass !== undefined) w.add('e.quad_class = ?', f.quadClass);
  if (f.from) w.add('e.day >= ?', needDay(f.from, 'from'));
  if (f.to) w.add('e.day > ? AND e.day <= ?', NO_DAY, needDay(f.to, 'to')); // undated events are in no date range
  if (f.outlet) w.add('o.name_key LIKE ?', needName(f.outlet, 'outlet'));
  if (f.hedged !== undefined) w.add('e.hedged = ?', d.bool(f.hedged));
  if (f.document) addDocument(w, 'd', f.document);
  const select = `SELECT e.id, d.key AS document_key, d.id AS document_id, d.url, o.name AS outlet, e.day,
      e.source_actor_id, e.source_code, e.source_name, e.source_country, e.source_start, e.source_end,
      e.target_actor_id, e.target_code, e.target_name, e.target_country, e.target_start, e.target_end,
      e.code, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode,
      e.verb, e.verb_start, e.verb_end, e.sentence_text, e.section,
      e.negated, e.hypothetical, e.hedged, e.reported, e.mention_count, e.rule, e.record_id
    FROM events e ${DOC_JOIN.replace('{t}', 'e')}`;
  return finish(select, w, 'e.id', page, 'e.id');
}

export function eventRecordsQuery(d: Dialect, f: EventFilter, page: Keyset | null): Query {
  const w = new Where();
  if (f.actor) addActor(w, f.actor, 'r.source_code', 'r.source_key', 'actor');
  if (f.target) addActor(w, f.target, 'r.target_code', 'r.target_key', 'target');
  if (f.country) w.add('(r.source_country = ? OR r.target_country = ?)', f.country.toUpperCase(), f.country.toUpperCase());
  if (f.code) addCode(w, 'r.code', f.code, 'code');
  if (f.root) w.add('r.root = ?', f.root);
  if (f.quadClass !== undefined) w.add('r.quad_class = ?', f.quadClass);
  if (f.from) w.add('r.day >= ?', needDay(f.from, 'from'));
  if (f.to) w.add('r.day > ? AND r.day <= ?', NO_DAY, needDay(f.to, 'to')); // undated events are in no date range
  if (f.outlet) {
    w.add(
      `EXISTS (SELECT 1 FROM event_record_documents x JOIN documents xd ON xd.seq = x.doc_seq JOIN outlets xo ON xo.id = xd.outlet_id
        WHERE x.record_id = r.id AND xo.name_key LIKE ?)`,
      needName(f.outlet, 'outlet'),
    );
  }
  if (f.hedged !== undefined) w.add('EXISTS (SELECT 1 FROM events xe WHERE xe.record_id = r.id AND xe.hedged = ?)', d.bool(f.hedged));
  if (f.document) {
    const inner = new Where();
    addDocument(inner, 'xd', f.document);
    w.add(`EXISTS (SELECT 1 FROM event_record_documents x JOIN documents xd ON xd.seq = x.doc_seq WHERE x.record_id = r.id AND ${inner.parts[0]!})`, ...inner.params);
  }
  // Popular records have thousands of documents: list the first RECORD_KEYS keys, count the rest.
  const firstDocs = `documents kd WHERE kd.seq IN (SELECT rd.doc_seq FROM event_record_documents rd WHERE rd.record_id = r.id ORDER BY rd.doc_seq LIMIT ${RECORD_KEYS})`;
  const select = `SELECT r.id, r.day, r.source_code, r.source_name, r.source_country, r.target_code, r.target_name, r.target_country,
      r.code, r.root, r.quad_class, r.goldstein, r.mentions, r.documents, r.outlets, r.first_sentence, r.first_seen,
      ${d.joinedKeys('kd.key', firstDocs, 'kd.seq')} AS document_keys,
      (SELECT ud.url FROM documents ud WHERE ud.seq = (SELECT min(rd.doc_seq) FROM event_record_documents rd WHERE rd.record_id = r.id)) AS first_url
    FROM event_records r`;
  return finish(select, w, 'r.id', page, 'r.id');
}

export function quotesQuery(d: Dialect, f: QuoteFilter, page: Keyset | null): Query {
  const w = new Where();
  if (f.speaker) w.add('a.speaker_key LIKE ?', needName(f.speaker, 'speaker'));
  if (f.cue) w.add('a.cue_key LIKE ?', needName(f.cue, 'cue'));
  if (f.outlet) w.add('o.name_key LIKE ?', needName(f.outlet, 'outlet'));
  if (f.relay) w.add('a.relay_key LIKE ?', needName(f.relay, 'relay'));
  if (f.hedged !== undefined) w.add('a.hedged = ?', d.bool(f.hedged));
  if (f.document) addDocument(w, 'd', f.document);
  const select = `SELECT a.id, d.key AS document_key, d.id AS document_id, d.url, o.name AS outlet, d.published,
      a.type, a.content, a.content_start, a.content_end, a.speaker, a.speaker_text, a.speaker_start, a.speaker_end, a.speaker_code,
      a.speaker_actor_id, a.cue, a.cue_lemma, a.cue_start, a.cue_end, a.medium, a.medium_start, a.medium_end, a.chain, a.hedged, a.anonymous
    FROM attributions a ${DOC_JOIN.replace('{t}', 'a')}`;
  return finish(select, w, 'a.id', page, 'a.id');
}

/** Actors grouped across documents; paged by offset because the order is by document count. */
export function actorsQuery(_d: Dialect, f: ActorFilter, page: { offset: number; limit: number } | null): Query {
  const w = new Where();
  if (f.name) addActor(w, f.name, 'a.code', 'a.name_key', 'name');
  if (f.code) addCode(w, 'a.code', f.code, 'code');
  if (f.country) w.add('a.country = ?', f.country.toUpperCase());
  if (f.kind) w.add('a.kind = ?', f.kind);
  if (f.outlet) w.add('o.name_key LIKE ?', needName(f.outlet, 'outlet'));
  const join = f.outlet ? DOC_JOIN.replace('{t}', 'a') : '';
  const sql = `SELECT min(a.name) AS name, a.code, min(a.country) AS country, min(a.kind) AS kind, min(a.type) AS type, min(a.role) AS role,
      count(DISTINCT a.doc_seq) AS documents, sum(a.mention_count) AS mentions
    FROM actors a ${join} ${w.toString()}
    GROUP BY a.name_key, a.code
    ORDER BY count(DISTINCT a.doc_seq) DESC, sum(a.mention_count) DESC, a.name_key, a.code${page ? ' LIMIT ? OFFSET ?' : ''}`;
  return { sql, params: page ? [...w.params, page.limit, page.offset] : w.params };
}

export function documentsQuery(_d: Dialect, f: DocumentFilter, page: Keyset | null): Query {
  const w = new Where();
  if (f.outlet) w.add('o.name_key LIKE ?', needName(f.outlet, 'outlet'));
  if (f.from) w.add('d.published_day >= ?', needDay(f.from, 'from'));
  if (f.to) w.add('d.published_day <= ?', needDay(f.to, 'to'));
  if (f.story !== undefined) w.add('sd.story_id = ?', f.story);
  if (f.unassigned) w.add('sd.story_id IS NULL');
  const select = `SELECT d.seq, d.key, d.id, d.title, d.url, d.published, o.name AS outlet, sd.story_id,
      d.sentences, d.mentions, d.attributions, d.events, d.ingested_at
    FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id LEFT JOIN story_documents sd ON sd.doc_seq = d.seq`;
  return finish(select, w, 'd.seq', page, 'd.seq');
}

export function storiesQuery(_d: Dialect, f: StoryFilter, page: Keyset | null): Query {
  const w = new Where();
  if (page) w.add('s.id > ?', page.after);
  const sql = `SELECT s.id, s.label, s.created_at, count(sd.doc_seq) AS documents,
      min(d.published_day) AS first_published, max(d.published_day) AS last_published
    FROM stories s LEFT JOIN story_documents sd ON sd.story_id = s.id LEFT JOIN documents d ON d.seq = sd.doc_seq
    ${w.toString()}
    GROUP BY s.id, s.label, s.created_at
    HAVING count(sd.doc_seq) >= ?
    ORDER BY s.id${page ? ' LIMIT ?' : ''}`;
  return { sql, params: [...w.params, f.minDocuments ?? 0, ...(page ? [page.limit] : [])] };
}

/** Words of a search text: letters and digits only, so no query syntax reaches the engine. */
export function searchWords(text: string): string[] {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw new NewsgraphError('bad-input', 'search text has no words');
  return words.slice(0, 32);
}
