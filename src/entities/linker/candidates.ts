/**
 * Candidate mentions of one sentence, from the named-entity tagger and the
 * actor dictionary. Each candidate knows its token range, its kind (name,
 * metonym, pronoun, description) and, where the dictionary knows it, its
 * entry. Linking them into actors happens in resolve.ts.
 */
import { entryOnDate, type ActorDictionary, type ActorEntry, type ActorMatch } from '../actors/index.js';
import type { EntityType, TokenMention } from '../tagger/index.js';

export type MentionKind = 'name' | 'pronoun' | 'description' | 'metonym';

export interface SentenceTokens {
  /** Index of the sentence in the sentences layer. */
  sentence: number;
  /** Index of the first token in the tokens layer. */
  offset: number;
  /** Token texts from the analysis view (straight quotes). */
  words: string[];
  pos: string[];
}

/** What a description says about an actor: "Russian defence analyst". */
export interface Description {
  startToken: number;
  endToken: number;
  country: string | null;
  /** CAMEO role code (GOV, MIL, MED ...) or a descriptor (analyst). */
  role: string | null;
  /** True for role nouns that name one person (leader, president). */
  personal: boolean;
  plural: boolean;
  stateMedia: boolean;
}

export interface Candidate {
  sentence: number;
  /** Global token indices (into the tokens layer), end exclusive. */
  startToken: number;
  endToken: number;
  type: EntityType;
  kind: MentionKind;
  entry: ActorEntry | null;
  /** For names: the description in front of them; for descriptions: themselves. */
  description: Description | null;
  /** Set by resolution. */
  actorKey: string | null;
}

export interface LinkerLexicon {
  personPronouns: Set<string>;
  malePronouns: Set<string>;
  femalePronouns: Set<string>;
  thingPronouns: Set<string>;
  locatives: Set<string>;
}

const ENTRY_TYPE: Record<string, EntityType> = {
  person: 'PER',
  country: 'LOC',
  territory: 'LOC',
  place: 'LOC',
};

export function entityTypeOf(entry: ActorEntry): EntityType {
  return ENTRY_TYPE[entry.type] ?? 'ORG';
}

/** CAMEO roles whose singular noun names one person. */
const PERSONAL_ROLES = new Set(['GOV', 'MIL', 'OPP', 'JUD', 'LEG', 'SPY', 'COP', 'ELI', 'REL']);

function isPlural(match: ActorMatch, words: string[]): boolean {
  const last = words[match.endToken - 1]!.toLowerCase();
  if (match.phrase.toLowerCase() === match.entry.name.toLowerCase() && !/s$/.test(match.entry.name)) return /(?:s|men|people)$/.test(last) && last !== match.entry.name;
  return /(?:s|men|people)$/.test(last) && !/(?:ss|us|is)$/.test(last);
}

function roleOf(entry: ActorEntry): string | null {
  if (entry.code !== '') return entry.code.slice(-3);
  return entry.role ?? null;
}

function countryOfModifier(match: ActorMatch): string | null {
  if (match.matchedAs === 'demonym' || match.matchedAs === 'metonym' || match.entry.type === 'country') return match.entry.country ?? null;
  return null;
}

/**
 * Scan left from a role noun over the words that describe the same actor:
 * demonyms ("Russian"), possessive countries and capitals ("Pyongyang's"),
 * other role nouns and plain nouns or adjectives ("defence"). Stops at
 * determiners, verbs and punctuation.
 */
function describe(role: ActorMatch, matchesByStart: Map<number, ActorMatch>, matchesByEnd: Map<number, ActorMatch>, s: SentenceTokens): Description {
  let start = role.startToken;
  let country: string | null = null;
  let steps = 0;
  while (start > 0 && steps < 4) {
    const prevEnd = start;
    const m = matchesByEnd.get(prevEnd);
    if (m && (m.matchedAs === 'demonym' || m.matchedAs === 'role')) {
      country ??= countryOfModifier(m);
      start = m.startToken;
    } else if (s.words[start - 1] === "'s" && matchesByEnd.get(start - 1)) {
      const owner = matchesByEnd.get(start - 1)!;
      const c = countryOfModifier(owner);
      if (c === null) break;
      country ??= c;
      start = owner.startToken;
    } else if ((s.pos[start - 1] === 'ADJ' || s.pos[start - 1] === 'NOUN') && /^[a-z]/.test(s.words[start - 1]!) && !matchesByStart.has(start - 1)) {
      start -= 1;
    } else {
      break;
    }
    steps++;
  }
  // A bare lower-case word in front ("defence") only counts when something else anchors it.
  while (start < role.startToken && !matchesByStart.has(start) && s.words[start] !== "'s" && country === null) start++;
  const roleCode = roleOf(role.entry);
  const lowered = s.words.slice(start, role.endToken).join(' ').toLowerCase();
  return {
    startToken: start,
    endToken: role.endToken,
    country,
    role: roleCode,
    personal: roleCode !== null && PERSONAL_ROLES.has(roleCode) && !isPlural(role, s.words),
    plural: isPlural(role, s.words),
    stateMedia: roleCode === 'MED' && /\bstate\b/.test(lowered),
  };
}

/** Parts of speech that never make a one-word name on their own. */
const FUNCTION_POS = new Set(['ADV', 'ADP', 'CCONJ', 'SCONJ', 'DET', 'PRON', 'AUX', 'PART', 'INTJ', 'VERB', 'NUM', 'PUNCT']);

function overlaps(a: { startToken: number; endToken: number }, b: { startToken: number; endToken: number }): boolean {
  return a.startToken < b.endToken && b.startToken < a.endToken;
}

export function sentenceCandidates(
  s: SentenceTokens,
  ner: TokenMention[],
  dictionary: ActorDictionary,
  lexicon: LinkerLexicon,
  /** The article's date (YYYY-MM-DD): picks between people who share a surname. */
  date: string,
): Candidate[] {
  const matches = dictionary.match(s.words);
  const byStart = new Map(matches.map((m) => [m.startToken, m]));
  const byEnd = new Map(matches.map((m) => [m.endToken, m]));
  const local: Candidate[] = [];
  const make = (startToken: number, endToken: number, type: EntityType, kind: MentionKind, entry: ActorEntry | null, description: Description | null = null): Candidate => ({
    sentence: s.sentence,
    startToken,
    endToken,
    type,
    kind,
    entry,
    description,
    actorKey: null,
  });

  for (const m of matches) {
    if (m.matchedAs === 'name' || m.matchedAs === 'alias') {
      if (m.entry.type === 'role') continue;
      const entry = entryOnDate(m, date);
      // A known surname inside a longer name the tagger found is someone else's name ("Qassem" in "Qassem Soleimani").
      if (entityTypeOf(entry) === 'PER' && ner.some((n) => n.type === 'PER' && n.startToken <= m.startToken && n.endToken >= m.endToken && n.endToken - n.startToken > m.endToken - m.startToken)) continue;
      local.push(make(m.startToken, m.endToken, entityTypeOf(entry), 'name', entry));
    } else if (m.matchedAs === 'metonym') {
      const before = s.words[m.startToken - 1]?.toLowerCase() ?? '';
      if (lexicon.locatives.has(before)) {
        const country = dictionary.byId(m.entry.id.replace(/\.gov$/, ''));
        local.push(make(m.startToken, m.endToken, 'LOC', 'name', country ?? m.entry));
      } else if (s.words[m.endToken] !== "'s" || !byStart.has(m.endToken + 1)) {
        local.push(make(m.startToken, m.endToken, 'ORG', 'metonym', m.entry));
      }
    }
  }

  // Names the dictionary does not know, from the tagger. The dictionary wins where both speak.
  for (const n of ner) {
    if (local.some((c) => overlaps(c, n))) continue;
    // A lone function word the tagger took for a name ("Moreover," opening a sentence).
    if (n.endToken - n.startToken === 1 && FUNCTION_POS.has(s.pos[n.startToken] ?? '')) continue;
    const covering = matches.filter((m) => overlaps(m, n));
    // "Russian" tagged MISC is a demonym, handled with descriptions.
    if (covering.length > 0 && covering.every((m) => m.matchedAs === 'demonym' || m.matchedAs === 'role') && covering.some((m) => m.startToken <= n.startToken && m.endToken >= n.endToken)) continue;
    let start = n.startToken;
    // A role noun the tagger swept into a name ("President Vladimir Putin") is a description.
    while (start < n.endToken && covering.some((m) => m.matchedAs !== 'name' && m.matchedAs !== 'alias' && m.startToken <= start && start < m.endToken)) start++;
    if (start < n.endToken) local.push(make(start, n.endToken, n.type as EntityType, 'name', null));
  }

  // Role nouns: in front of a name they describe it; alone (with a country or a determiner) they are a description mention.
  for (const m of matches) {
    if (m.matchedAs !== 'role') continue;
    if (local.some((c) => overlaps(c, m))) continue;
    const desc = describe(m, byStart, byEnd, s);
    const named = local.find((c) => c.kind === 'name' && c.startToken === m.endToken);
    if (named) {
      named.description = desc;
      continue;
    }
    if (byStart.get(m.endToken)?.matchedAs === 'role') continue; // the next noun heads the phrase ("state media")
    const det = s.words[desc.startToken - 1]?.toLowerCase() ?? '';
    if (desc.country === null && !['the', 'a', 'an', 'its', 'their'].includes(det)) continue;
    local.push(make(desc.startToken, desc.endToken, desc.personal ? 'PER' : 'ORG', 'description', null, desc));
  }

  for (let i = 0; i < s.words.length; i++) {
    const w = s.words[i]!.toLowerCase();
    if ((lexicon.personPronouns.has(w) || lexicon.thingPronouns.has(w)) && (s.pos[i] === 'PRON' || s.pos[i] === 'DET')) {
      if (local.some((c) => c.startToken <= i && i < c.endToken)) continue;
      local.push(make(i, i + 1, lexicon.personPronouns.has(w) ? 'PER' : 'ORG', 'pronoun', null));
    }
  }

  return local
    .map((c) => ({
      ...c,
      startToken: c.startToken + s.offset,
      endToken: c.endToken + s.offset,
      description: c.description ? { ...c.description, startToken: c.description.startToken + s.offset, endToken: c.description.endToken + s.offset } : null,
    }))
    .sort((a, b) => a.startToken - b.startToken);
}
