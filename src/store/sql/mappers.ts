/**
 * Database rows to the store's row objects. Both backends go through these,
 * which even out their differences: PostgreSQL returns bigints as strings
 * and has real booleans, SQLite returns numbers and 0/1.
 */
import type { ActorRow, DocumentRow, EventRecordRow, EventRow, QuoteRow, RelayRow, SearchHit, StoryRow } from '../query-types.js';

type Raw = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';
/** Event records store missing actor codes as '' so they collapse; give them back as null. */
const codeOrNull = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** Events with no known date store their day as '' (NO_DAY in rows.ts) so they collapse; give them back as null. */
const dayOrNull = codeOrNull;

export function toEventRow(r: Raw): EventRow {
  return {
    id: num(r.id),
    documentKey: str(r.document_key),
    documentId: str(r.document_id),
    url: strOrNull(r.url),
    outlet: strOrNull(r.outlet),
    date: dayOrNull(r.day),
    sourceActorId: strOrNull(r.source_actor_id),
    sourceCode: strOrNull(r.source_code),
    sourceName: strOrNull(r.source_name),
    sourceCountry: strOrNull(r.source_country),
    sourceStart: numOrNull(r.source_start),
    sourceEnd: numOrNull(r.source_end),
    targetActorId: strOrNull(r.target_actor_id),
    targetCode: strOrNull(r.target_code),
    targetName: strOrNull(r.target_name),
    targetCountry: strOrNull(r.target_country),
    targetStart: numOrNull(r.target_start),
    targetEnd: numOrNull(r.target_end),
    code: str(r.code),
    root: str(r.root),
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    ploverType: strOrNull(r.plover_type),
    ploverMode: strOrNull(r.plover_mode),
    verb: str(r.verb),
    verbStart: num(r.verb_start),
    verbEnd: num(r.verb_end),
    sentence: str(r.sentence_text),
    section: str(r.section),
    negated: bool(r.negated),
    hypothetical: bool(r.hypothetical),
    hedged: bool(r.hedged),
    reported: bool(r.reported),
    mentions: num(r.mention_count),
    rule: str(r.rule),
    recordId: num(r.record_id),
  };
}

export function toEventRecordRow(r: Raw): EventRecordRow {
  const keys = str(r.document_keys).trim();
  return {
    id: num(r.id),
    date: dayOrNull(r.day),
    sourceCode: codeOrNull(r.source_code),
    sourceName: strOrNull(r.source_name),
    sourceCountry: strOrNull(r.source_country),
    targetCode: codeOrNull(r.target_code),
    targetName: strOrNull(r.target_name),
    targetCountry: strOrNull(r.target_country),
    code: str(r.code),
    root: str(r.root),
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    mentions: num(r.mentions),
    documents: num(r.documents),
    outlets: num(r.outlets),
    documentKeys: keys === '' ? [] : keys.split(' '),
    firstUrl: strOrNull(r.first_url),
    firstSeen: str(r.first_seen),
    firstSentence: num(r.first_sentence),
  };
}

export function toQuoteRow(r: Raw): QuoteRow {
  return {
    id: num(r.id),
    documentKey: str(r.document_key),
    documentId: str(r.document_id),
    url: strOrNull(r.url),
    outlet: strOrNull(r.outlet),
    published: strOrNull(r.published),
    type: str(r.type),
    content: str(r.content),
    contentStart: num(r.content_start),
    contentEnd: num(r.content_end),
    speaker: strOrNull(r.speaker),
    speakerText: strOrNull(r.speaker_text),
    speakerStart: numOrNull(r.speaker_start),
    speakerEnd: numOrNull(r.speaker_end),
    speakerCode: strOrNull(r.speaker_code),
    speakerActorId: strOrNull(r.speaker_actor_id),
    cue: strOrNull(r.cue),
    cueLemma: strOrNull(r.cue_lemma),
    cueStart: numOrNull(r.cue_start),
    cueEnd: numOrNull(r.cue_end),
    medium: strOrNull(r.medium),
    mediumStart: numOrNull(r.medium_start),
    mediumEnd: numOrNull(r.medium_end),
    chain: JSON.parse(str(r.chain) || '[]') as RelayRow[],
    hedged: bool(r.hedged),
    anonymous: bool(r.anonymous),
  };
}

export function toActorRow(r: Raw): ActorRow {
  return {
    name: str(r.name),
    code: strOrNull(r.code),
    country: strOrNull(r.country),
    kind: str(r.kind),
    type: str(r.type),
    role: strOrNull(r.role),
    documents: num(r.documents),
    mentions: num(r.mentions),
  };
}

export function toDocumentRow(r: Raw): DocumentRow {
  return {
    key: str(r.key),
    id: str(r.id),
    title: strOrNull(r.title),
    url: strOrNull(r.url),
    published: strOrNull(r.published),
    outlet: strOrNull(r.outlet),
    storyId: numOrNull(r.story_id),
    sentences: num(r.sentences),
    mentions: num(r.mentions),
    attributions: num(r.attributions),
    events: num(r.events),
    ingestedAt: str(r.ingested_at),
  };
}

export function toStoryRow(r: Raw): StoryRow {
  return {
    id: num(r.id),
    label: strOrNull(r.label),
    documents: num(r.documents),
    firstPublished: strOrNull(r.first_published),
    lastPublished: strOrNull(r.last_published),
    createdAt: str(r.created_at),
  };
}

/**
 * The stores mark hits in snippets with these two control characters (never
 * in article text that passed the binary check), so brackets of the text
 * itself are not taken for hits. Snippets show hits in [brackets].
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** A snippet with the stores' hit marks as `[hit]` text and the offsets of each hit's text in it. */
export function markHits(marked: string): { snippet: string; highlights: { start: number; end: number }[] } {
  let snippet = '';
  const highlights: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === HIT_START && open < 0) {
      snippet += '[';
      open = snippet.length;
    } else if (ch === HIT_END && open >= 0) {
      highlights.push({ start: open, end: snippet.length });
      snippet += ']';
      open = -1;
    } else if (ch !== HIT_START && ch !== HIT_END) snippet += ch;
  }
  if (open >= 0) highlights.push({ start: open, end: snippet.length });
  return { snippet, highlights };
}

export function toSearchHit(r: Raw): SearchHit {
  return {
    key: str(r.key),
    id: str(r.id),
    title: strOrNull(r.title),
    url: strOrNull(r.url),
    published: strOrNull(r.published),
    outlet: strOrNull(r.outlet),
    ...markHits(str(r.snippet)),
    rank: num(r.rank),
  };
}
