/**
 * The columns of each exported table: name, type and how to read it from a
 * row. CSV headers, Parquet column types and the CLI's CSV output all come
 * from here, so the formats agree.
 */
import type { ActorRow, DocumentRow, EventRecordRow, EventRow, QuoteRow, RelayRow } from '../query-types.js';
import type { StreamKind, StreamRowTypes } from '../store.js';

export type ColumnType = 'text' | 'int' | 'float' | 'bool';

export interface Column<R> {
  name: string;
  type: ColumnType;
  get: (row: R) => string | number | boolean | null;
}

const text = <R>(name: string, get: (r: R) => string | null): Column<R> => ({ name, type: 'text', get });
const int = <R>(name: string, get: (r: R) => number | null): Column<R> => ({ name, type: 'int', get });
const float = <R>(name: string, get: (r: R) => number | null): Column<R> => ({ name, type: 'float', get });
const bool = <R>(name: string, get: (r: R) => boolean): Column<R> => ({ name, type: 'bool', get });

/** A relay chain in one cell: "speaker:Kim Jong Un > medium:KCNA > outlet:Yonhap". */
export function chainText(chain: RelayRow[]): string {
  return chain.map((r) => `${r.kind}:${r.name}`).join(' > ');
}

const EVENT_COLUMNS: Column<EventRow>[] = [
  int('id', (r) => r.id), text('date', (r) => r.date),
  text('source_code', (r) => r.sourceCode), text('source_name', (r) => r.sourceName), text('source_country', (r) => r.sourceCountry),
  int('source_start', (r) => r.sourceStart), int('source_end', (r) => r.sourceEnd),
  text('target_code', (r) => r.targetCode), text('target_name', (r) => r.targetName), text('target_country', (r) => r.targetCountry),
  int('target_start', (r) => r.targetStart), int('target_end', (r) => r.targetEnd),
  text('code', (r) => r.code), text('root', (r) => r.root), int('quad_class', (r) => r.quadClass), float('goldstein', (r) => r.goldstein),
  text('plover_type', (r) => r.ploverType), text('plover_mode', (r) => r.ploverMode),
  text('verb', (r) => r.verb), int('verb_start', (r) => r.verbStart), int('verb_end', (r) => r.verbEnd), text('sentence', (r) => r.sentence),
  text('section', (r) => r.section), bool('negated', (r) => r.negated), bool('hypothetical', (r) => r.hypothetical), bool('hedged', (r) => r.hedged),
  bool('reported', (r) => r.reported), int('mentions', (r) => r.mentions), text('rule', (r) => r.rule),
  text('outlet', (r) => r.outlet), text('url', (r) => r.url), text('document_key', (r) => r.documentKey), text('document_id', (r) => r.documentId),
  int('record_id', (r) => r.recordId),
];

const EVENT_RECORD_COLUMNS: Column<EventRecordRow>[] = [
  int('id', (r) => r.id), text('date', (r) => r.date),
  text('source_code', (r) => r.sourceCode), text('source_name', (r) => r.sourceName), text('source_country', (r) => r.sourceCountry),
  text('target_code', (r) => r.targetCode), text('target_name', (r) => r.targetName), text('target_country', (r) => r.targetCountry),
  text('code', (r) => r.code), text('root', (r) => r.root), int('quad_class', (r) => r.quadClass), float('goldstein', (r) => r.goldstein),
  int('mentions', (r) => r.mentions), int('documents', (r) => r.documents), int('outlets', (r) => r.outlets),
  text('first_url', (r) => r.firstUrl), text('first_seen', (r) => r.firstSeen), int('first_sentence', (r) => r.firstSentence),
  text('document_keys', (r) => r.documentKeys.join(' ')),
];

const QUOTE_COLUMNS: Column<QuoteRow>[] = [
  int('id', (r) => r.id), text('speaker', (r) => r.speaker), text('speaker_text', (r) => r.speakerText),
  int('speaker_start', (r) => r.speakerStart), int('speaker_end', (r) => r.speakerEnd), text('speaker_code', (r) => r.speakerCode),
  text('cue', (r) => r.cue), text('cue_lemma', (r) => r.cueLemma), int('cue_start', (r) => r.cueStart), int('cue_end', (r) => r.cueEnd),
  text('medium', (r) => r.medium), int('medium_start', (r) => r.mediumStart), int('medium_end', (r) => r.mediumEnd), text('content', (r) => r.content),
  int('content_start', (r) => r.contentStart), int('content_end', (r) => r.contentEnd), text('chain', (r) => chainText(r.chain)),
  text('type', (r) => r.type), bool('hedged', (r) => r.hedged), bool('anonymous', (r) => r.anonymous),
  text('outlet', (r) => r.outlet), text('published', (r) => r.published), text('url', (r) => r.url),
  text('document_key', (r) => r.documentKey), text('document_id', (r) => r.documentId),
];

const ACTOR_COLUMNS: Column<ActorRow>[] = [
  text('name', (r) => r.name), text('code', (r) => r.code), text('country', (r) => r.country), text('kind', (r) => r.kind),
  text('type', (r) => r.type), text('role', (r) => r.role), int('documents', (r) => r.documents), int('mentions', (r) => r.mentions),
];

const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  text('key', (r) => r.key), text('id', (r) => r.id), text('title', (r) => r.title), text('url', (r) => r.url), text('published', (r) => r.published),
  text('outlet', (r) => r.outlet), int('story_id', (r) => r.storyId), int('sentences', (r) => r.sentences), int('mentions', (r) => r.mentions),
  int('attributions', (r) => r.attributions), int('events', (r) => r.events), text('ingested_at', (r) => r.ingestedAt),
];

const COLUMNS: { [K in StreamKind]: Column<StreamRowTypes[K]>[] } = {
  events: EVENT_COLUMNS,
  eventRecords: EVENT_RECORD_COLUMNS,
  quotes: QUOTE_COLUMNS,
  actors: ACTOR_COLUMNS,
  documents: DOCUMENT_COLUMNS,
};

export function columnsOf<K extends StreamKind>(kind: K): Column<StreamRowTypes[K]>[] {
  return COLUMNS[kind];
}
