/**
 * One analysis turned into the rows both backends write. Pure: no database
 * here, so SQLite and PostgreSQL store exactly the same values.
 */
import type { Actor, Analysis } from '../doc/schema.js';
import { nameKey, outletName, toDay } from './names.js';

export interface DocumentInsert {
  key: string;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  publishedDay: string | null;
  source: string | null;
  outlet: string | null;
  outletKey: string;
  format: string;
  encoding: string;
  schemaVersion: string;
  text: string;
  analysis: string;
  sentences: number;
  tokens: number;
  boilerplate: number;
  mentions: number;
  attributions: number;
  events: number;
  ingestedAt: string;
}

export interface ActorInsert {
  localId: string;
  name: string;
  nameKey: string;
  type: string;
  kind: string;
  code: string | null;
  country: string | null;
  role: string | null;
  mediaKind: string | null;
  description: string | null;
  dictionaryId: string | null;
  mentionCount: number;
}

export interface MentionInsert {
  start: number;
  end: number;
  text: string;
  type: string;
  kind: string;
  actorLocalId: string | null;
}

export interface QuoteInsert {
  idx: number;
  type: string;
  content: string;
  contentStart: number;
  contentEnd: number;
  speaker: string | null;
  speakerText: string | null;
  /** Offsets of the speaker span in the text; null when the attribution has no speaker span. */
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerKey: string;
  speakerCode: string | null;
  speakerActorId: string | null;
  cue: string | null;
  cueLemma: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  cueKey: string;
  medium: string | null;
  mediumStart: number | null;
  mediumEnd: number | null;
  chain: string;
  relayKey: string;
  hedged: boolean;
  anonymous: boolean;
}

export interface HedgeInsert {
  start: number;
  end: number;
  text: string;
  kind: string;
}

export interface EventSide {
  actorId: string | null;
  code: string | null;
  name: string | null;
  nameKey: string;
  country: string | null;
  /** Offsets of the actor's span in the text; null when the event gives this side no span. */
  start: number | null;
  end: number | null;
}

export interface EventInsert {
  idx: number;
  sentence: number;
  section: string;
  sentenceText: string;
  source: EventSide;
  target: EventSide;
  verb: string;
  verbStart: number;
  verbEnd: number;
  code: string;
  root: string;
  goldstein: number;
  quadClass: number;
  ploverType: string | null;
  ploverMode: string | null;
  /** YYYY-MM-DD, or NO_DAY when the event has no known date. */
  day: string;
  negated: boolean;
  hypothetical: boolean;
  hedged: boolean;
  reported: boolean;
  attribution: number | null;
  /** Places the article tells this event (at least one). */
  mentionCount: number;
  /** The lexicon row that gave the code. */
  rule: string;
  /** The one-a-day record this event collapses into. */
  recordKey: string;
}

export interface DocumentRows {
  document: DocumentInsert;
  actors: ActorInsert[];
  mentions: MentionInsert[];
  quotes: QuoteInsert[];
  hedges: HedgeInsert[];
  events: EventInsert[];
}

/**
 * The day column of an event with no known date. Stored as '' rather than
 * NULL, like missing actor codes, so that undated events with the same
 * actors and code collapse into one record (NULLs never compare equal in a
 * unique key); the store gives it back as a null date.
 */
export const NO_DAY = '';

/** The collapse key of an event record; null codes become empty strings so they compare equal. */
export function recordKey(sourceCode: string | null, targetCode: string | null, code: string, day: string): string {
  return [sourceCode ?? '', targetCode ?? '', code, day].join('\t');
}

export function toRows(a: Analysis, ingestedAt: string): DocumentRows {
  const L = a.layers;
  const actorsById = new Map<string, Actor>((L.actors ?? []).map((x) => [x.id, x]));
  const outlet = outletName(a.document.source, a.document.url);
  const publishedDay = toDay(a.document.published);
  const document: DocumentInsert = {
    key: a.document.contentHash,
    id: a.document.id,
    title: a.document.title,
    url: a.document.url,
    published: a.document.published,
    publishedDay,
    source: a.document.source,
    outlet,
    outletKey: nameKey(outlet),
    format: a.document.format,
    encoding: a.document.encoding,
    schemaVersion: a.schemaVersion,
    text: a.text,
    analysis: JSON.stringify({ ...a, text: undefined }),
    sentences: L.sentences?.length ?? 0,
    tokens: L.tokens?.length ?? 0,
    boilerplate: L.boilerplate?.length ?? 0,
    mentions: L.mentions?.length ?? 0,
    attributions: L.attributions?.length ?? 0,
    events: L.events?.length ?? 0,
    ingestedAt,
  };

  const actors = (L.actors ?? []).map(
    (x): ActorInsert => ({
      localId: x.id,
      name: x.name,
      nameKey: nameKey(x.name),
      type: x.type,
      kind: x.kind,
      code: x.code,
      country: x.country,
      role: x.role,
      mediaKind: x.mediaKind,
      description: x.description,
      dictionaryId: x.dictionaryId,
      mentionCount: x.mentions.length,
    }),
  );

  const mentions = (L.mentions ?? []).map(
    (m): MentionInsert => ({ start: m.start, end: m.end, text: m.text, type: m.type, kind: m.kind, actorLocalId: m.actorId }),
  );

  // An actor is found by its canonical name and by the names the article calls it ("KCNA" for the
  // Korean Central News Agency), so `--relay KCNA` and `--speaker KCNA` find it whatever the chain shows.
  const namesOf = (actorId: string | null | undefined): string[] => {
    const actor = actorId ? actorsById.get(actorId) : undefined;
    if (!actor) return [];
    return [actor.name, ...actor.mentions.map((i) => L.mentions?.[i]).filter((m) => m?.kind === 'name').map((m) => m!.text)];
  };
  const quotes = (L.attributions ?? []).map((q, idx): QuoteInsert => {
    const actor = q.speakerActorId ? actorsById.get(q.speakerActorId) : undefined;
    const speakerText = q.speaker?.text ?? null;
    const chain = q.chain.map((r) => ({ name: r.name, kind: r.kind, actorId: r.actorId }));
    const relayNames = q.chain.filter((r) => r.kind !== 'speaker').flatMap((r) => [r.name, ...namesOf(r.actorId)]);
    return {
      idx,
      type: q.type,
      content: q.content.text,
      contentStart: q.content.start,
      contentEnd: q.content.end,
      speaker: actor?.name ?? speakerText,
      speakerText,
      speakerStart: q.speaker?.start ?? null,
      speakerEnd: q.speaker?.end ?? null,
      speakerKey: nameKey(actor?.name, speakerText, ...namesOf(q.speakerActorId)),
      speakerCode: actor?.code ?? null,
      speakerActorId: q.speakerActorId,
      cue: q.cue?.text ?? null,
      cueLemma: q.cue?.lemma ?? null,
      cueStart: q.cue?.start ?? null,
      cueEnd: q.cue?.end ?? null,
      cueKey: nameKey(q.cue?.text, q.cue?.lemma),
      medium: q.medium?.text ?? null,
      mediumStart: q.medium?.start ?? null,
      mediumEnd: q.medium?.end ?? null,
      chain: JSON.stringify(chain),
      relayKey: nameKey(...relayNames, q.medium?.text),
      hedged: q.hedged,
      anonymous: q.anonymous,
    };
  });

  const hedges = (L.hedges ?? []).map((h): HedgeInsert => ({ start: h.start, end: h.end, text: h.text, kind: h.kind }));

  // An event the coder could not date falls back to the publication day (as the coder itself does), never to the day it was stored.
  const fallbackDay = publishedDay ?? NO_DAY;
  const side = (s: { actorId: string | null; code: string | null; span: { start: number; end: number; text: string } | null } | null): EventSide => {
    const actor = s?.actorId ? actorsById.get(s.actorId) : undefined;
    const name = actor?.name ?? s?.span?.text ?? null;
    return {
      actorId: s?.actorId ?? null, code: s?.code ?? actor?.code ?? null, name, nameKey: nameKey(name), country: actor?.country ?? null,
      start: s?.span?.start ?? null, end: s?.span?.end ?? null,
    };
  };
  const events = (L.events ?? []).map((e, idx): EventInsert => {
    const source = side(e.source);
    const target = side(e.target);
    const day = toDay(e.date) ?? fallbackDay;
    return {
      idx,
      sentence: e.sentence,
      section: e.section,
      sentenceText: L.sentences?.[e.sentence]?.text ?? '',
      source,
      target,
      verb: e.verb.text,
      verbStart: e.verb.start,
      verbEnd: e.verb.end,
      code: e.code,
      root: e.root,
      goldstein: e.goldstein,
      quadClass: e.quadClass,
      ploverType: e.plover?.type ?? null,
      ploverMode: e.plover?.mode ?? null,
      day,
      negated: e.negated,
      hypothetical: e.hypothetical,
      hedged: e.hedged,
      reported: e.reported,
      attribution: e.attribution,
      mentionCount: Math.max(1, e.mentions.length),
      rule: e.rule,
      recordKey: recordKey(source.code, target.code, e.code, day),
    };
  });

  return { document, actors, mentions, quotes, hedges, events };
}

/** Event records of a batch, aggregated before writing (one upsert per distinct key). */
export interface RecordDelta {
  key: string;
  sourceCode: string;
  targetCode: string;
  code: string;
  day: string;
  root: string;
  quadClass: number;
  goldstein: number;
  sourceName: string | null;
  sourceKey: string;
  targetName: string | null;
  targetKey: string;
  sourceCountry: string | null;
  targetCountry: string | null;
  /** Earliest sentence index of any of its events in the batch. */
  firstSentence: number;
  /** Event mentions per document key (an event told twice in one article counts twice). */
  perDocument: Map<string, number>;
}

export function recordDeltas(docs: DocumentRows[]): RecordDelta[] {
  const out = new Map<string, RecordDelta>();
  for (const d of docs) {
    for (const e of d.events) {
      let r = out.get(e.recordKey);
      if (!r) {
        r = {
          key: e.recordKey,
          sourceCode: e.source.code ?? '',
          targetCode: e.target.code ?? '',
          code: e.code,
          day: e.day,
          root: e.root,
          quadClass: e.quadClass,
          goldstein: e.goldstein,
          sourceName: e.source.name,
          sourceKey: e.source.nameKey,
          targetName: e.target.name,
          targetKey: e.target.nameKey,
          sourceCountry: e.source.country,
          targetCountry: e.target.country,
          firstSentence: e.sentence,
          perDocument: new Map(),
        };
        out.set(e.recordKey, r);
      }
      r.firstSentence = Math.min(r.firstSentence, e.sentence);
      r.perDocument.set(d.document.key, (r.perDocument.get(d.document.key) ?? 0) + e.mentionCount);
    }
  }
  return [...out.values()];
}
