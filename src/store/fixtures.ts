/**
 * Hand-built analyses with the fact layers filled (actors, mentions,
 * attributions, hedges, events), for store, export and API tests while the
 * stages that fill them are being written. Spans are given as the text they
 * cover and located in the document text, so every offset slices back.
 */
import { createHash } from 'node:crypto';
import { analysisSchema, SCHEMA_VERSION, type Actor, type Analysis, type Attribution, type Event, type Span } from '../doc/schema.js';

export interface FixtureActor {
  id: string;
  name: string;
  type?: 'PER' | 'ORG' | 'LOC' | 'MISC';
  kind?: string;
  code?: string | null;
  country?: string | null;
  role?: string | null;
  /** Texts of its mentions; each is located in the text (first occurrence). */
  mentions?: string[];
}

export interface FixtureQuote {
  content: string;
  speaker?: string | null;
  speakerActor?: string | null;
  cue?: { text: string; lemma: string } | null;
  medium?: string | null;
  /** The relay chain, speaker first. */
  chain?: { name: string; kind: 'speaker' | 'medium' | 'relay' | 'outlet' | 'republisher'; actorId?: string | null }[];
  hedged?: boolean;
  anonymous?: boolean;
  type?: 'direct' | 'indirect' | 'mixed';
}

export interface FixtureEvent {
  source: { actor?: string | null; code?: string | null; text?: string | null };
  target?: { actor?: string | null; code?: string | null; text?: string | null } | null;
  verb: string;
  code: string;
  goldstein?: number;
  quadClass?: 1 | 2 | 3 | 4;
  plover?: { type: string; mode: string | null } | null;
  date?: string | null;
  hedged?: boolean;
  negated?: boolean;
  /** Verbs of further places the article tells the same event. */
  alsoAt?: string[];
}

export interface FixtureSpec {
  id: string;
  text: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
  actors?: FixtureActor[];
  quotes?: FixtureQuote[];
  hedges?: { text: string; kind: string }[];
  events?: FixtureEvent[];
}

function locate(text: string, needle: string, what: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${what} "${needle}" is not in the text`);
  return { start, end: start + needle.length, text: needle };
}

/** CAMEO quad class from the root code: 01-05 verbal cooperation ... 15-20 material conflict. */
export function quadClassOf(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  if (r <= 5) return 1;
  if (r <= 9) return 2;
  if (r <= 14) return 3;
  return 4;
}

/** Sentences: split after . ! ? followed by white space; enough for fixtures. */
function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body === '') continue;
    const start = m.index + lead;
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

export function fixtureAnalysis(spec: FixtureSpec): Analysis {
  const { text } = spec;
  const sentences = sentencesOf(text);
  const mentions: NonNullable<Analysis['layers']['mentions']> = [];
  const actors: Actor[] = (spec.actors ?? []).map((a) => {
    const indexes = (a.mentions ?? [a.name]).map((m) => {
      mentions.push({ ...locate(text, m, `mention of ${a.id}`), type: a.type ?? 'PER', kind: 'name', actorId: a.id });
      return mentions.length - 1;
    });
    return {
      id: a.id, name: a.name, type: a.type ?? 'PER', kind: a.kind ?? 'person', code: a.code ?? null, country: a.country ?? null,
      role: a.role ?? null, mediaKind: null, description: null, dictionaryId: null, mentions: indexes,
    };
  });
  const attributions: Attribution[] = (spec.quotes ?? []).map((q) => ({
    type: q.type ?? 'direct',
    content: locate(text, q.content, 'quote'),
    speaker: q.speaker ? locate(text, q.speaker, 'speaker') : null,
    speakerActorId: q.speakerActor ?? null,
    cue: q.cue ? { ...locate(text, q.cue.text, 'cue'), lemma: q.cue.lemma } : null,
    medium: q.medium ? locate(text, q.medium, 'medium') : null,
    addressee: null,
    chain: (q.chain ?? []).map((r) => ({ name: r.name, actorId: r.actorId ?? null, kind: r.kind, span: text.includes(r.name) ? locate(text, r.name, 'relay') : null })),
    hedged: q.hedged ?? false,
    anonymous: q.anonymous ?? false,
  }));
  const hedges = (spec.hedges ?? []).map((h) => ({ ...locate(text, h.text, 'hedge'), kind: h.kind, scope: null }));
  const side = (s: { actor?: string | null; code?: string | null; text?: string | null }): Event['source'] => ({
    actorId: s.actor ?? null,
    code: s.code ?? null,
    span: s.text ? locate(text, s.text, 'event actor') : null,
  });
  const events: Event[] = (spec.events ?? []).map((e) => {
    const verb = locate(text, e.verb, 'verb');
    const sentence = Math.max(0, sentences.findIndex((s) => s.start <= verb.start && verb.end <= s.end));
    const root = e.code.slice(0, 2);
    return {
      sentence, section: 'body', source: side(e.source), target: e.target ? side(e.target) : null, verb, code: e.code, root,
      goldstein: e.goldstein ?? 0, quadClass: e.quadClass ?? quadClassOf(root), plover: e.plover ?? null, date: e.date ?? null,
      negated: e.negated ?? false, hypothetical: false, hedged: e.hedged ?? false, reported: false, attribution: null,
      mentions: [{ sentence, verb }, ...(e.alsoAt ?? []).map((t) => {
        const at = locate(text, t, 'event mention');
        return { sentence: Math.max(0, sentences.findIndex((s) => s.start <= at.start && at.end <= s.end)), verb: at };
      })],
      rule: 'fixture',
    };
  });
  const analysis: Analysis = {
    schemaVersion: SCHEMA_VERSION,
    generator: 'newsgraph fixture',
    document: {
      id: spec.id, title: spec.title ?? null, url: spec.url ?? null, published: spec.published ?? null, source: spec.source ?? null,
      format: 'text', encoding: 'utf-8', contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    text,
    layers: {
      blocks: [{ start: 0, end: text.length, text, kind: 'body' }],
      title: null,
      boilerplate: [],
      tokens: [],
      sentences: sentences.map((s) => ({ ...s, section: 'body' as const, firstToken: 0, endToken: 0 })),
      mentions, actors, attributions, hedges, events,
    },
  };
  // A fixture that breaks the output contract would test nothing real.
  return analysisSchema.parse(analysis);
}

const COUNTRIES = [
  { code: 'RUS', name: 'Russia' }, { code: 'PRK', name: 'North Korea' }, { code: 'USA', name: 'United States' },
  { code: 'CHN', name: 'China' }, { code: 'UKR', name: 'Ukraine' }, { code: 'FRA', name: 'France' },
];
const VERBS = [
  { verb: 'met', code: '040' }, { verb: 'criticised', code: '111' }, { verb: 'sent', code: '0871' },
  { verb: 'threatened', code: '138' }, { verb: 'praised', code: '051' }, { verb: 'attacked', code: '190' },
];
const OUTLETS = ['Wire One', 'Daily Two', 'Broadcaster Three', 'Online Four'];

/**
 * A large synthetic set for memory and speed tests: `documents` analyses with
 * `eventsPerDocument` events each, drawn deterministically from small lists
 * (so one-a-day records collapse as they would on real news).
 */
export function* syntheticAnalyses(documents: number, eventsPerDocument: number, seed = 1): Generator<Analysis> {
  let state = seed >>> 0 || 1;
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  for (let i = 0; i < documents; i++) {
    const lines: string[] = [];
    const events: FixtureEvent[] = [];
    const actors = new Map<string, FixtureActor>();
    for (let j = 0; j < eventsPerDocument; j++) {
      const a = COUNTRIES[next(COUNTRIES.length)]!;
      const b = COUNTRIES[next(COUNTRIES.length)]!;
      const v = VERBS[next(VERBS.length)]!;
      const sentence = `In item ${i}-${j} ${a.name} ${v.verb} ${b.name}.`;
      lines.push(sentence);
      for (const c of [a, b]) actors.set(c.code, { id: c.code, name: c.name, type: 'LOC', kind: 'country', code: c.code, country: c.code });
      events.push({ source: { actor: a.code, code: a.code }, target: { actor: b.code, code: b.code }, verb: `${i}-${j} ${a.name} ${v.verb}`, code: v.code, date: `2024-01-${String(1 + next(28)).padStart(2, '0')}` });
    }
    const text = `Synthetic report ${i} ${seed}\n\n${lines.join(' ')}`;
    yield fixtureAnalysis({
      id: `synthetic-${seed}-${i}`, text, title: `Synthetic report ${i}`, source: OUTLETS[i % OUTLETS.length]!, published: '2024-01-15',
      url: `https://example.test/${seed}/${i}`, actors: [...actors.values()].map((x) => ({ ...x, mentions: [] })), events,
    });
  }
}

/** Three hand-built articles: two report the same Russia -> North Korea event on one day, so it collapses. */
export function contractFixtures() {
  const kim = fixtureAnalysis({
    id: 'kim-1', source: 'Yonhap', url: 'https://yonhap.test/kim-1', published: '2024-03-01T08:00:00Z', title: 'Missiles ready, Kim says',
    text: 'Kim Jong Un said the missiles were ready, KCNA reported. Russia sent troops to North Korea. Officials reportedly met in Pyongyang.',
    actors: [
      { id: 'a1', name: 'Kim Jong Un', code: 'PRKGOV', country: 'PRK', role: 'GOV' },
      { id: 'a2', name: 'Russia', type: 'LOC', kind: 'country', code: 'RUS', country: 'RUS' },
      { id: 'a3', name: 'North Korea', type: 'LOC', kind: 'country', code: 'PRK', country: 'PRK' },
      { id: 'a4', name: 'KCNA', type: 'ORG', kind: 'media', code: 'PRKMED', country: 'PRK' },
    ],
    quotes: [{
      content: 'the missiles were ready', speaker: 'Kim Jong Un', speakerActor: 'a1', cue: { text: 'said', lemma: 'say' }, medium: 'KCNA', type: 'indirect',
      chain: [{ name: 'Kim Jong Un', kind: 'speaker', actorId: 'a1' }, { name: 'KCNA', kind: 'medium', actorId: 'a4' }, { name: 'Yonhap', kind: 'outlet' }],
    }],
    hedges: [{ text: 'reportedly', kind: 'adverb' }],
    events: [
      { source: { actor: 'a2', code: 'RUSGOV', text: 'Russia' }, target: { actor: 'a3', code: 'PRK', text: 'North Korea' }, verb: 'sent', code: '0871', goldstein: 8.3, date: '2024-03-01' },
      { source: { actor: 'a3', code: 'PRK', text: 'Officials' }, target: { actor: 'a2', code: 'RUS' }, verb: 'met', code: '040', goldstein: 1, hedged: true, date: '2024-03-01' },
    ],
  });
  const aid = fixtureAnalysis({
    id: 'aid-2', source: 'Daily Two', published: '2024-03-01', title: 'Aid arrives',
    text: 'Russian officials sent aid to North Korea, Kim Jong Un said. The aid was delivered by train.',
    actors: [
      { id: 'a1', name: 'Russian government', type: 'ORG', kind: 'government', code: 'RUSGOV', country: 'RUS', mentions: ['Russian officials'] },
      { id: 'a2', name: 'North Korea', type: 'LOC', kind: 'country', code: 'PRK', country: 'PRK' },
      { id: 'a3', name: 'Kim Jong Un', code: 'PRKGOV', country: 'PRK' },
    ],
    quotes: [{ content: 'Russian officials sent aid to North Korea', speaker: 'Kim Jong Un', speakerActor: 'a3', cue: { text: 'said', lemma: 'say' }, type: 'indirect', chain: [{ name: 'Kim Jong Un', kind: 'speaker', actorId: 'a3' }] }],
    events: [{ source: { actor: 'a1', code: 'RUSGOV', text: 'Russian officials' }, target: { actor: 'a2', code: 'PRK', text: 'North Korea' }, verb: 'sent', code: '0871', goldstein: 8.3, alsoAt: ['delivered'] }],
  });
  const ukr = fixtureAnalysis({
    id: 'ukr-3', source: 'Wire One', url: 'https://wire.test/ukr-3', published: '2024-03-05', title: 'Kyiv criticises Paris',
    text: 'Ukraine criticised France over the delay, a spokesman warned, according to Reuters.',
    actors: [
      { id: 'a1', name: 'Ukraine', type: 'LOC', kind: 'country', code: 'UKR', country: 'UKR' },
      { id: 'a2', name: 'France', type: 'LOC', kind: 'country', code: 'FRA', country: 'FRA' },
    ],
    quotes: [{
      content: 'Ukraine criticised France over the delay', speaker: 'a spokesman', cue: { text: 'warned', lemma: 'warn' }, hedged: true, anonymous: true, type: 'indirect',
      chain: [{ name: 'a spokesman', kind: 'speaker' }, { name: 'Reuters', kind: 'relay' }],
    }],
    events: [{ source: { actor: 'a1', code: 'UKR', text: 'Ukraine' }, target: { actor: 'a2', code: 'FRA', text: 'France' }, verb: 'criticised', code: '111', goldstein: -2 }],
  });
  return { kim, aid, ukr };
}

/** A relay the chain names in full ("Korean Central News Agency") and the article calls by an alias ("KCNA"). */
export function aliasFixture(): Analysis {
  return fixtureAnalysis({
    id: 'alias-1', text: 'Putin wrote to Kim, KCNA reported. The agency said KCNA had the letter.',
    actors: [
      { id: 'a1', name: 'Vladimir Putin', code: 'RUSGOV', mentions: ['Putin'] },
      { id: 'a2', name: 'Korean Central News Agency', type: 'ORG', kind: 'media', code: 'PRKMED', mentions: ['KCNA'] },
    ],
    quotes: [
      { content: 'Putin wrote to Kim', speaker: 'Putin', speakerActor: 'a1', cue: { text: 'reported', lemma: 'report' }, chain: [{ name: 'Vladimir Putin', kind: 'speaker', actorId: 'a1' }, { name: 'Korean Central News Agency', kind: 'relay', actorId: 'a2' }] },
      { content: 'KCNA had the letter', speaker: 'The agency', speakerActor: 'a2', cue: { text: 'said', lemma: 'say' }, chain: [{ name: 'Korean Central News Agency', kind: 'speaker', actorId: 'a2' }] },
    ],
  });
}
