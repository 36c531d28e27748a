import type { Doc } from '../../doc/document.js';
import type { Actor, Mention, Sentence, Token } from '../../doc/schema.js';
import type { Component } from '../../pipeline/component.js';
import { dataPath, readJsonData, readWordList } from '../../util/data-files.js';
import { codeOnDate, type ActorDictionary, type ActorEntry } from '../actors/index.js';
import { bioToMentions, type NerTagger } from '../tagger/index.js';
import { entityTypeOf, sentenceCandidates, type Candidate, type LinkerLexicon, type SentenceTokens } from './candidates.js';
import { resolveMentions } from './resolve.js';

export function loadLinkerLexicon(): LinkerLexicon {
  const pronouns = readJsonData<{ person: string[]; thing: string[]; male: string[]; female: string[] }>(dataPath('entities', 'pronouns.json'));
  return {
    personPronouns: new Set(pronouns.person),
    malePronouns: new Set(pronouns.male),
    femalePronouns: new Set(pronouns.female),
    thingPronouns: new Set(pronouns.thing),
    locatives: new Set(readWordList(dataPath('entities', 'locative-prepositions.txt'))),
  };
}

/** Boilerplate kinds whose text can name the outlet or an agency (promo "WATCH WION LIVE", datelines, credits). */
const OUTLET_BOILERPLATE = new Set(['promo', 'dateline', 'credit', 'syndication', 'social', 'subscribe', 'legal']);
const WORD = /[\p{L}\p{N}]+(?:[.'&-][\p{L}\p{N}]+)*\.?/gu;

interface ActorDraft {
  key: string;
  entry: ActorEntry | null;
  mentions: number[];
  names: string[];
  type: Mention['type'];
  country: string | null;
  role: string | null;
  description: string | null;
}

/**
 * Finds the people, organisations and places of an article and links every
 * mention of one to a single actor with a canonical name, CAMEO code,
 * country and role. Mentions come from the statistical tagger and the actor
 * dictionary; linking is rule-based coreference (see resolve.ts).
 */
export class EntityLinker implements Component {
  readonly name = 'entities';
  readonly requires = ['tokens', 'sentences', 'boilerplate'] as const;
  readonly provides = ['mentions', 'actors'] as const;

  constructor(
    private readonly tagger: NerTagger,
    private readonly dictionary: ActorDictionary,
    private readonly lexicon: LinkerLexicon = loadLinkerLexicon(),
  ) {}

  process(doc: Doc): void {
    const tokens = doc.get('tokens');
    const sentences = doc.get('sentences');
    const words = tokens.map((t) => doc.norm.slice(t.start, t.end));
    const perSentence = sentences.map((s, i) => sentenceTokens(words, tokens, s, i));
    const tags = this.tagger.tag(perSentence.map((s) => s.words));
    const date = (doc.meta.published ?? '').slice(0, 10) || new Date().toISOString().slice(0, 10);
    const cands: Candidate[] = [];
    perSentence.forEach((s, i) => {
      const ner = bioToMentions(s.words, tags[i] ?? []);
      cands.push(...sentenceCandidates(s, ner, this.dictionary, this.lexicon, date));
    });
    resolveMentions(cands, { sentenceStarts: sentences.map((s) => s.firstToken), words, gender: { male: this.lexicon.malePronouns, female: this.lexicon.femalePronouns } });

    const drafts = new Map<string, ActorDraft>();
    const mentions: Mention[] = [];
    const keyed: { mention: Mention; key: string | null; cand: Candidate | null }[] = [];
    for (const c of cands) {
      const start = tokens[c.startToken]!.start;
      const end = tokens[c.endToken - 1]!.end;
      keyed.push({ mention: { ...doc.span(start, end), type: c.type, kind: c.kind, actorId: null }, key: c.actorKey, cand: c });
    }
    for (const m of this.boilerplateMentions(doc)) keyed.push({ mention: m.mention, key: `dict:${m.entry.id}`, cand: null });
    keyed.sort((a, b) => a.mention.start - b.mention.start);

    for (const { mention, key, cand } of keyed) {
      const index = mentions.length;
      mentions.push(mention);
      if (key === null || (mention.type === 'MISC' && !cand?.entry)) continue;
      let draft = drafts.get(key);
      if (!draft) {
        const entry = cand?.entry ?? (key.startsWith('dict:') ? this.dictionary.byId(key.slice(5)) ?? null : null);
        draft = { key, entry, mentions: [], names: [], type: entry ? entityTypeOf(entry) : mention.type, country: null, role: null, description: null };
        drafts.set(key, draft);
      }
      draft.mentions.push(index);
      if (mention.kind === 'name') draft.names.push(mention.text);
      if (draft.type !== 'PER' && mention.type === 'PER' && !draft.entry) draft.type = 'PER';
      const d = cand?.description;
      if (d) {
        draft.country ??= d.country;
        draft.role ??= d.role;
        if (mention.kind === 'name' || draft.description === null) {
          draft.description ??= doc.span(tokens[d.startToken]!.start, tokens[d.endToken - 1]!.end).text;
        }
      }
    }

    const actors: Actor[] = [];
    for (const draft of drafts.values()) {
      const id = `a${actors.length + 1}`;
      for (const i of draft.mentions) mentions[i]!.actorId = id;
      actors.push(toActor(id, draft, date));
    }
    doc.set('mentions', mentions);
    doc.set('actors', actors);
  }

  /** Outlets and agencies named in promo lines, datelines and credits. */
  private boilerplateMentions(doc: Doc): { mention: Mention; entry: ActorEntry }[] {
    const out: { mention: Mention; entry: ActorEntry }[] = [];
    for (const b of doc.get('boilerplate')) {
      if (!OUTLET_BOILERPLATE.has(b.kind)) continue;
      const words: { text: string; start: number; end: number }[] = [];
      for (const m of doc.norm.slice(b.start, b.end).matchAll(WORD)) {
        const text = m[0].endsWith('.') && !/^(?:[A-Za-z]\.)+$/.test(m[0]) ? m[0].slice(0, -1) : m[0];
        words.push({ text, start: b.start + m.index, end: b.start + m.index + text.length });
      }
      for (const match of this.dictionary.match(words.map((w) => w.text))) {
        if (match.matchedAs !== 'name' && match.matchedAs !== 'alias') continue;
        if (match.entry.type !== 'media') continue;
        const span = doc.span(words[match.startToken]!.start, words[match.endToken - 1]!.end);
        out.push({ mention: { ...span, type: 'ORG', kind: 'name', actorId: null }, entry: match.entry });
      }
    }
    return out;
  }
}

function sentenceTokens(words: string[], tokens: Token[], s: Sentence, index: number): SentenceTokens {
  const pos: string[] = [];
  for (let t = s.firstToken; t < s.endToken; t++) pos.push(tokens[t]!.pos);
  return { sentence: index, offset: s.firstToken, words: words.slice(s.firstToken, s.endToken), pos };
}

function toActor(id: string, d: ActorDraft, date: string): Actor {
  const e = d.entry;
  const longestName = [...d.names].sort((a, b) => b.length - a.length)[0];
  const country = e?.country ?? d.country;
  const code = e ? codeOnDate(e, date) : country !== null ? `${country}${d.role !== null && /^[A-Z]{3}$/.test(d.role) ? d.role : ''}` : null;
  const role = e ? (e.type === 'media' ? 'MED' : e.code.length >= 6 ? e.code.slice(3, 6) : (e.role ?? null)) : d.role;
  return {
    id,
    name: e?.name ?? longestName ?? d.description ?? d.key,
    type: d.type,
    kind: e?.type ?? (d.key.startsWith('desc:') ? 'group' : kindOfType(d.type)),
    code: code === '' ? null : code,
    country: country ?? null,
    role: role ?? (d.role && !/^[A-Z]{3}$/.test(d.role) ? d.role : null),
    mediaKind: e?.kind ?? null,
    description: d.description,
    dictionaryId: e?.id ?? null,
    mentions: d.mentions,
  };
}

function kindOfType(type: Mention['type']): string {
  return { PER: 'person', ORG: 'organisation', LOC: 'location', MISC: 'other' }[type];
}
